import ArgumentParser
import Foundation

/// CSV for machines (DESIGN §5). `rfc4180`: comma-separated, CRLF line ends, fields
/// quoted when they hold the separator, a quote or a line break, `.` decimals.
/// `excel-sv`: what Swedish Excel opens directly by double-click — `;` separators,
/// decimal commas and a UTF-8 byte-order mark (without the BOM Excel reads UTF-8 as
/// Windows-1252 and mangles å, ä, ö). In `excel-sv` a text cell that Excel would run as
/// a formula gets a leading `'` (`neutralisingFormula`); `rfc4180` writes every cell as
/// it is (docs/decisions.md, "CSV output").
enum CSVText {
    enum Dialect: String, ExpressibleByArgument, CaseIterable, Sendable {
        case rfc4180
        case excelSV = "excel-sv"
    }

    static func render(_ rows: [[String]], dialect: Dialect = .rfc4180) -> String {
        switch dialect {
        case .rfc4180:
            return rows.map { $0.map { field($0, separator: ",") }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .excelSV:
            let body = rows.map { row in
                row.map { field(excelCell($0), separator: ";") }.joined(separator: ";")
            }.joined(separator: "\r\n")
            return "\u{FEFF}" + body + "\r\n"
        }
    }

    static func field(_ s: String, separator: Character = ",") -> String {
        guard s.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One cell for Swedish Excel. A number as `number(_:)` writes it gets a decimal
    /// comma (`-12.5` → `-12,5`) and stays a number; text (ids, periods like 2021-T1,
    /// rules like "<= 6.1") is left as it is unless Excel would run it as a formula.
    static func excelCell(_ cell: String) -> String {
        switch spreadsheetCell(cell) {
        case .number(let n): n.replacingOccurrences(of: ".", with: ",")
        case .text(let t): t
        }
    }

    /// What a cell is to a spreadsheet, for `excel-sv` and `--format xlsx` alike: a
    /// number as `number(_:)` writes it, or text, with `neutralisingFormula` applied.
    enum SpreadsheetCell: Equatable {
        case number(String)
        case text(String)
    }

    static func spreadsheetCell(_ cell: String) -> SpreadsheetCell {
        isNumber(cell) ? .number(cell) : .text(neutralisingFormula(cell))
    }

    /// A number as `number(_:)` and JSON write it: `-?digits(.digits)?(e[+-]?digits)?`.
    static func isNumber(_ cell: String) -> Bool {
        var bytes = cell.utf8[...]
        func digits() -> Int {
            let n = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(n)
            return n
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// Text that a spreadsheet would read as a formula, with a `'` in front so that it
    /// shows as text (OWASP, "CSV Injection"): cells beginning with `=`, `+`, `-`, `@`,
    /// tab, carriage return or line feed, or with the full-width `＝＋－＠`. Numbers are
    /// not text and are never passed here (`-1,5` stays a number).
    static func neutralisingFormula(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n",
                                                            "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// A number as JSON would write it (shortest round-trip form, `.` decimals); empty
    /// for none.
    static func number(_ x: Double?) -> String {
        guard let x else { return "" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}

/// `--csv-dialect` and `--headers`, for every command with `--format csv` and `xlsx`.
struct CSVDialectOption: ParsableArguments {
    @Option(name: .customLong("csv-dialect"),
            help: "With --format csv: rfc4180 (default; `,` and `.` decimals) or excel-sv (`;`, decimal comma, UTF-8 BOM: opens in Swedish Excel).")
    var dialect: CSVText.Dialect = .rfc4180
    @Option(help: "With --format csv or xlsx: the header row in en (default; snake_case names for programs) or sv (Swedish words for people).")
    var headers: HeaderLanguage = .en

    /// The CSV text of `rows` (header first) in the dialect, with the header asked for.
    func csv(_ rows: [[String]], _ family: SwedishHeaders.Family) -> String {
        CSVText.render(headers == .sv ? SwedishHeaders.translating(rows, family) : rows, dialect: dialect)
    }

    /// The workbook of `rows`, with the header asked for (`XLSXOutput.emit`).
    func xlsx(_ rows: [[String]], _ family: SwedishHeaders.Family, sheet: String, to path: String?) throws {
        try XLSXOutput.emit(rows, sheet: sheet, to: path, headers: headers == .sv ? SwedishHeaders.table(family) : nil)
    }
}
