/// Where the rows of a `CSVReader` opened on an .xlsx sheet came from: the sheet's name,
/// the sheet column of each field, and the sheet row of each record, so that messages
/// say `Blad1!C14` — what Excel's Go To (F5) takes — instead of a line of text that
/// only exists inside piloteval.
public struct SheetLocation: Sendable, Hashable {
    /// The sheet's name as the workbook gives it.
    public let sheet: String
    /// The 0-based sheet column (A = 0) of each field of the header, in order.
    public let columns: [Int]
    /// The sheet row of the header.
    public let headerRow: Int
    /// Breakpoints of the line → row map: from `lines[k]` on, line L is row
    /// `rows[k] + (L - lines[k])`. One entry unless rows were skipped (title rows,
    /// empty rows) or a cell held a line break.
    let lines: [Int]
    let rows: [Int]

    init(sheet: String, columns: [Int], headerRow: Int, lines: [Int], rows: [Int]) {
        self.sheet = sheet
        self.columns = columns
        self.headerRow = headerRow
        self.lines = lines
        self.rows = rows
    }

    /// The sheet row of a line of the normalised text.
    func row(ofLine line: Int) -> Int {
        var lo = 0, hi = lines.count - 1
        guard hi >= 0, line >= lines[0] else { return line }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid] <= line { lo = mid } else { hi = mid - 1 }
        }
        return rows[lo] + (line - lines[lo])
    }

    /// `Blad1!C14` for a field of a row, `Blad1!14:14` for the whole row; a sheet name
    /// with spaces or punctuation is quoted as Excel writes it (`'Mitt blad'!C14`).
    public func reference(row: Int, field: Int?) -> String {
        let cell: String
        if let field, field >= 0, field < columns.count {
            cell = Self.columnLetters(columns[field]) + String(row)
        } else {
            cell = "\(row):\(row)"
        }
        return Self.quotedSheetName(sheet) + "!" + cell
    }

    /// The reference of a sheet cell by its 0-based column.
    static func reference(sheet: String, row: Int, column: Int) -> String {
        quotedSheetName(sheet) + "!" + columnLetters(column) + String(row)
    }

    static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_"
        } && !("0"..."9").contains(name.unicodeScalars.first!)
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A = 0, Z = 25, AA = 26, …, XFD = 16 383.
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}

import Foundation
