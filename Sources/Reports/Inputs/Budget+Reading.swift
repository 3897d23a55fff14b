import Evaluation
import Foundation
import Periods
import Presentation
import Store

// Reading `--budget FILE.csv` (or a sheet of an .xlsx) into a `Budget` (Evaluation).
//
// Format (docs/reports.md): a header with `section`, `line` and `amount` (also
// `line_sv`, `post`; `amount_sek`, `belopp`), optionally `line_en` and `note`.
// `section` is `income` or `cost` (also `intäkter`, `kostnader`). A row whose line is
// `Summa`/`Total`/`Totalt` (or a `line_en` starting "Total") is the *stated* sum of its
// section: it is checked against the sum of the lines, and a difference is an error.
// A blank amount is a line with nothing stated (the LUM form's "Övriga intäkter").
// Amounts are whole or decimal kronor as Swedish Excel writes them ("1 457 956",
// "1457956,50", "650 000 kr"). The reader stays here, with the report's other inputs:
// its messages write amounts with Presentation's `NumberStyle`, which Evaluation, where
// the `Budget` value lives, cannot see.

/// A budget file that cannot be read, located by file, line and column (or cell).
public struct BudgetError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int?
    public var message: String
    /// `Blad1!C14` when the budget is an .xlsx sheet; replaces line and column.
    public var cell: String? = nil

    public var description: String {
        if let cell { return "\(file):\(cell): \(message)" }
        var location = file
        if line > 0 { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

extension Budget {
    static let sectionNames: [String: Section] = [
        "income": .income, "incomes": .income, "intäkt": .income, "intäkter": .income, "inkomst": .income, "inkomster": .income,
        "cost": .cost, "costs": .cost, "kostnad": .cost, "kostnader": .cost, "utgift": .cost, "utgifter": .cost,
    ]
    static let totalNames: Set<String> = ["summa", "total", "totalt", "summa intäkter", "summa kostnader",
                                          "total income", "total costs", "total cost"]

    /// Reads and checks a budget file. Throws `BudgetError` (or `CSVError`) naming the
    /// file, line and column.
    public static func read(path: String, sheet: String? = nil) throws -> Budget {
        try read(CSVReader(path: path, sheet: sheet))
    }

    public static func read(data: Data, name: String) throws -> Budget {
        try read(CSVReader(data: data, name: name))
    }

    static func read(_ reader: CSVReader) throws -> Budget {
        do {
            return try readRows(reader)
        } catch var error as BudgetError {
            // In a workbook: the cell (`Blad1!C14`) instead of line and field.
            if let sheet = reader.sheet, error.line > 0 {
                error.cell = sheet.reference(row: error.line, field: error.column.map { $0 - 1 })
            }
            throw error
        } catch let error as CSVError {
            throw reader.located(error)
        }
    }

    private static func readRows(_ reader: CSVReader) throws -> Budget {
        let name = reader.name
        let header = reader.header.map { $0.lowercased() }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        guard let sectionColumn = column(["section", "avsnitt", "typ"]),
              let lineColumn = column(["line", "line_sv", "post", "rad"]),
              let amountColumn = column(["amount", "amount_sek", "belopp", "belopp_kr"]) else {
            throw BudgetError(file: name, line: reader.headerLine, column: nil,
                              message: "the header must name the columns section, line and amount (found: \(reader.header.joined(separator: ", "))); see docs/reports.md")
        }
        let lineENColumn = column(["line_en"])
        let noteColumn = column(["note", "not", "kommentar"])

        var lines: [Line] = []
        var totals: [StatedTotal] = []
        try reader.forEachRow { row in
            func field(_ i: Int?) -> String? {
                guard let i, i < row.count else { return nil }
                let t = row[i].trimmingCharacters(in: .whitespaces)
                return t.isEmpty ? nil : t
            }
            guard let sectionText = field(sectionColumn) else {
                if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return }
                throw BudgetError(file: name, line: row.line, column: sectionColumn + 1,
                                  message: "the section is blank; write income or cost")
            }
            guard let section = sectionNames[sectionText.lowercased()] else {
                throw BudgetError(file: name, line: row.line, column: sectionColumn + 1,
                                  message: "\"\(sectionText)\" is not a budget section; write income or cost (intäkter/kostnader)")
            }
            guard let lineText = field(lineColumn) else {
                throw BudgetError(file: name, line: row.line, column: lineColumn + 1, message: "the line has no name")
            }
            var amount: Double?
            if let text = field(amountColumn) {
                var t = text
                for suffix in [" kr", "kr", " SEK", "SEK", ":-"] where t.hasSuffix(suffix) {
                    t = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
                    break
                }
                switch SwedishNumber.parse(t) {
                case .value(let v): amount = v
                case .empty: amount = nil
                case .invalid(let reason):
                    throw BudgetError(file: name, line: row.line, column: amountColumn + 1,
                                      message: "\"\(text)\" is not an amount in kronor (\(reason))")
                }
            }
            let en = field(lineENColumn)
            let isTotal = totalNames.contains(lineText.lowercased()) || (en?.lowercased().hasPrefix("total") ?? false)
            if isTotal {
                guard let amount else {
                    throw BudgetError(file: name, line: row.line, column: amountColumn + 1,
                                      message: "the \(lineText) row has no amount; give the stated sum or remove the row")
                }
                if let earlier = totals.first(where: { $0.section == section }) {
                    throw BudgetError(file: name, line: row.line, column: lineColumn + 1,
                                      message: "a second sum row for \(section.rawValue) (the first is on line \(earlier.sourceLine)); keep one")
                }
                totals.append(StatedTotal(section: section, amount: amount, sourceLine: row.line))
            } else {
                lines.append(Line(section: section, line: lineText, lineEN: en, amount: amount,
                                  note: field(noteColumn), sourceLine: row.line))
            }
        }
        let budget = Budget(fileName: name, lines: lines, statedTotals: totals)
        try budget.checkSums(amountColumn: amountColumn + 1)
        return budget
    }

    /// A stated sum that is not the sum of its lines is an error: the report would print
    /// two different figures for the same thing.
    func checkSums(amountColumn: Int? = nil) throws {
        for stated in statedTotals {
            let computed = total(stated.section)
            if abs(computed - stated.amount) >= 0.005 {
                let words = NumberStyle(.en)
                throw BudgetError(file: fileName, line: stated.sourceLine, column: amountColumn,
                                  message: "the \(stated.section.rawValue) lines sum to \(words.decimal(computed, decimals: computed == computed.rounded() ? 0 : 2)) but the sum row says \(words.decimal(stated.amount, decimals: stated.amount == stated.amount.rounded() ? 0 : 2)); correct the lines or the sum")
            }
        }
    }
}
