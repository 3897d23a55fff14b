import Foundation
import Periods
import Store

/// Reads an observations CSV (DESIGN §3.2) into rows, without knowing the model: the
/// columns `indicator,period,group,value,numerator,denominator,note` in any order (names
/// matched ignoring case; `group` and `note` optional), or their Swedish names
/// (`Indikator, Period, Grupp, Värde, Täljare, Nämnare, Kommentar`), Swedish numbers and
/// periods as `docs/csv-input.md` describes. Every problem is collected with its line, so a user
/// fixes a file in one pass; nothing is returned when there is any.
public enum ObservationFile {
    public static let requiredColumns = ["indicator", "period"]
    public static let knownColumns = ["indicator", "period", "group", "value", "numerator", "denominator", "note"]
    /// The Swedish names accepted beside each English one (DESIGN §3.5).
    public static let swedishColumns: [String: [String]] = [
        "indicator": ["indikator"], "period": ["period"], "group": ["grupp"], "value": ["värde"],
        "numerator": ["täljare"], "denominator": ["nämnare"], "note": ["kommentar", "anteckning"],
    ]

    /// Rows of the file, or every located error found in it.
    public static func read(_ reader: CSVReader) throws(ObservationFileError) -> [Observation] {
        var errors: [CSVError] = []
        func fail(_ line: Int, _ message: String, field: Int? = nil) {
            errors.append(reader.error(line: line, field: field, message: message))
        }
        var index: [String: Int] = [:]
        for name in knownColumns { index[name] = reader.columnIndex(anyOf: [name] + swedishColumns[name, default: []]) }
        // A known column twice would be read from its first copy and the second ignored
        // without a word (found by the broken-input corpus, issue 11); `value` beside
        // `Värde` is the same column twice.
        let repeated = knownColumns.filter { name in
            reader.header.filter { CSVReader.sameColumnName($0, anyOf: [name] + swedishColumns[name, default: []]) }.count > 1
        }
        if !repeated.isEmpty {
            fail(reader.headerLine, "the column \(repeated.joined(separator: ", ")) occurs twice in the header; keep one")
            throw ObservationFileError(errors: errors)
        }
        let missing = requiredColumns.filter { index[$0] == nil }
        if !missing.isEmpty || (index["value"] == nil && index["numerator"] == nil) {
            var need = missing
            if index["value"] == nil && index["numerator"] == nil { need.append("value (or numerator and denominator)") }
            fail(reader.headerLine, "the header lacks \(need.joined(separator: ", ")); expected the columns "
                 + knownColumns.joined(separator: ",") + " (found: \(reader.header.joined(separator: ",")))")
            throw ObservationFileError(errors: errors)
        }
        if (index["numerator"] == nil) != (index["denominator"] == nil) {
            fail(reader.headerLine, "numerator and denominator come as a pair: the header has only one of them")
            throw ObservationFileError(errors: errors)
        }

        var rows: [Observation] = []
        do {
            try reader.forEachRow { row in
                func cell(_ name: String) -> String? {
                    guard let i = index[name] else { return nil }
                    let text = row[i].trimmingCharacters(in: .whitespaces)
                    return text.isEmpty ? nil : text
                }
                func number(_ name: String) -> Double? {
                    guard let i = index[name] else { return nil }
                    switch SwedishNumber.parse(row[i]) {
                    case .value(let v): return v
                    case .empty: return nil
                    case .invalid(let reason):
                        fail(row.line, "column \(name): \(reason)", field: i)
                        return nil
                    }
                }
                let errorsBefore = errors.count
                guard let indicator = cell("indicator") else {
                    fail(row.line, "column indicator is empty; every row names an indicator id of the model", field: index["indicator"])
                    return
                }
                var period: Period?
                switch Period.parse(row[index["period"]!]) {
                case .value(let p): period = p
                case .empty: fail(row.line, "column period is empty; write 2021, 2021-T1, 2021-Q1 or 2021-03", field: index["period"])
                case .invalid(let reason): fail(row.line, "column period: \(reason)", field: index["period"])
                }
                let group = cell("group")?.lowercased() ?? Observation.total
                let value = number("value"), numerator = number("numerator"), denominator = number("denominator")
                guard errors.count == errorsBefore, let period else { return }
                if value == nil && numerator == nil && denominator == nil {
                    // "No data" written as a mark (`-`, `..`, `saknas`): no observation;
                    // the import's warning counts the marks.
                    if row.noDataMarks > 0 { return }
                    // A row of an entry sheet (`indicators template`) left empty: the
                    // instructions say so; skipped. In a CSV file it stays an error.
                    if reader.sheet != nil && cell("note") == nil { return }
                    // A note alone records an indicator judged in words (a qualitative
                    // target: "intervjuer genomförda"); the model check refuses it for
                    // any other indicator (ObservationChecks).
                    guard let note = cell("note") else {
                        fail(row.line, "\(indicator) \(period): no value and no numerator/denominator; give one, or leave the row out")
                        return
                    }
                    rows.append(Observation(indicator: indicator, period: period, group: group, value: nil,
                                            numerator: nil, denominator: nil, note: note, line: row.line))
                    return
                }
                if (numerator == nil) != (denominator == nil) {
                    fail(row.line, "\(indicator) \(period): numerator and denominator come as a pair; one of them is blank")
                    return
                }
                if let n = denominator, n <= 0 {
                    fail(row.line, "column denominator: \(n.formatted) is not a count above 0", field: index["denominator"])
                    return
                }
                if let k = numerator, k < 0 {
                    fail(row.line, "column numerator: \(k.formatted) is negative", field: index["numerator"])
                    return
                }
                rows.append(Observation(indicator: indicator, period: period, group: group, value: value,
                                        numerator: numerator, denominator: denominator, note: cell("note"),
                                        line: row.line))
            }
        } catch let error as CSVError {
            errors.append(reader.located(error))
        } catch {
            fail(0, "\(error)")
        }
        if !errors.isEmpty { throw ObservationFileError(errors: errors) }
        if rows.isEmpty {
            fail(reader.headerLine, "the file has a header but no rows")
            throw ObservationFileError(errors: errors)
        }
        return rows
    }
}

/// Every located problem in an observations file; nothing was imported.
public struct ObservationFileError: Error, Sendable, CustomStringConvertible {
    public var errors: [CSVError]

    public init(errors: [CSVError]) {
        self.errors = errors.sorted { $0.line < $1.line }
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

extension Double {
    /// Shortest text that reads back as the same number, without a trailing `.0`.
    var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : "\(self)"
    }
}
