import Foundation
import Store

/// `--format xlsx`: the rows of `--format csv` as one sheet of a workbook written by
/// `XLSXWriter` (docs/csv-output.md). Each cell is what `CSVText.spreadsheetCell` says it
/// is — the rule `--csv-dialect excel-sv` uses: a number cell for a number (`7`,
/// `-1.5`, `1e-07`), a date cell shown as `yyyy-mm-dd` for an ISO date (`2022-12-31`),
/// and text for the rest, inline (never evaluated) and with a leading `'` where it
/// begins like a formula. Two kinds of column are known by their header: periods and
/// names (`period`, `wave`, `group`, …) stay text even when they look like a number (the
/// year period `2022`, a unit named `12`), so a column never mixes numbers and text and
/// sorts as its periods; shares (`agree_share`) keep their value and are shown as
/// percentages. The first row (the CSV's header) is bold and frozen; column widths fit
/// the content.
enum XLSXOutput {
    /// Columns of periods, ids and names: text in every row.
    static let textColumns: Set<String> = [
        "model", "period", "previous_period", "target_period", "city_target_period", "indicator", "title", "unit",
        "group", "source", "instrument", "wave", "change_from", "key", "unit_or_item", "a", "b",
    ]
    /// Columns of shares between 0 and 1: number cells in the `0.0%` format.
    static let percentColumns: Set<String> = ["agree_share"]

    /// `headers`: words for the header row (`--headers sv`); the kinds of column are
    /// still known by the English names.
    static func workbook(_ rows: [[String]], sheet: String, headers: [String: String]? = nil) -> XLSXWriter {
        typealias Cell = XLSXWriter.Cell
        var cells: [[Cell]] = []
        cells.reserveCapacity(rows.count)
        let header = rows.first ?? []
        let text = header.map { textColumns.contains($0) }
        let percent = header.map { percentColumns.contains($0) }
        let shown = rows.isEmpty ? rows : [header.map { headers?[$0] ?? $0 }] + rows.dropFirst()
        for (r, row) in shown.enumerated() {
            cells.append(row.enumerated().map { c, value in
                if r == 0 { return Cell(.text(CSVText.neutralisingFormula(value)), style: .header) }
                if c < text.count, text[c], !value.isEmpty { return Cell(.text(CSVText.neutralisingFormula(value))) }
                var result = cell(value)
                if c < percent.count, percent[c], case .number = result.value { result.style = .percent }
                return result
            })
        }
        return XLSXWriter(sheets: [XLSXWriter.Sheet(name: sheet, rows: cells,
                                                    columnWidths: XLSXWriter.contentWidths(shown),
                                                    freezeHeader: true)])
    }

    static func cell(_ text: String) -> XLSXWriter.Cell {
        if text.isEmpty { return XLSXWriter.Cell(.empty) }
        if let (y, m, d) = isoDate(text) {
            return XLSXWriter.Cell(.number(XLSXWriter.serial(year: y, month: m, day: d)), style: .date)
        }
        switch CSVText.spreadsheetCell(text) {
        case .number(let n):
            if let v = Double(n), v.isFinite { return XLSXWriter.Cell(.number(v)) }
            return XLSXWriter.Cell(.text(n))
        case .text(let t):
            return XLSXWriter.Cell(.text(t))
        }
    }

    /// `YYYY-MM-DD` exactly, a real date from 1900-03-01 on (Excel's serial numbers before
    /// that count a 1900-02-29 that never was); else nil, and the cell stays text.
    static func isoDate(_ text: String) -> (Int, Int, Int)? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              (1..<13).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard d <= days, (y, m) >= (1900, 3) else { return nil }
        return (y, m, d)
    }

    /// Writes the workbook to `path`. xlsx is binary: without `-o` it is refused rather
    /// than sent to stdout (exit 1).
    static func emit(_ rows: [[String]], sheet: String, to path: String?, headers: [String: String]? = nil) throws {
        guard let path else {
            throw Failure("--format xlsx writes a binary workbook: name the file with -o FILE.xlsx")
        }
        let data: Data
        do {
            data = try workbook(rows, sheet: sheet, headers: headers).data()
        } catch {
            throw Failure("cannot build the workbook: \(error.localizedDescription)")
        }
        do {
            try OutputFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw Failure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
