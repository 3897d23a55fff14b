import Foundation
import LogicModel
import Store

/// Imports one readiness file (DESIGN §3.4) into the store, in one transaction:
///
/// - respondent level: `respondent,unit[,wave],<item keys…>`, one row per respondent,
///   whole numbers on the instrument's scale, blank = not answered;
/// - aggregated (`aggregated: true`): `unit[,wave][,n],<item keys…>`, unit means.
///
/// The whole file is checked before anything is written, and every problem is reported
/// with its line and column. A file already imported for the same instrument and wave is
/// refused (ImportLog), as are respondents already present in the wave and a wave that
/// would mix respondent-level and aggregated data.
public struct ReadinessImporter {
    public static let kind = "readiness"
    /// Enough to show a pattern; a file with more problems is probably the wrong file.
    public static let maximumProblems = 30
    /// Answers inserted per batch (see `write`).
    static let rowsPerBatch = 4_096

    public let database: Database

    public init(_ database: Database) { self.database = database }

    public struct Outcome: Sendable {
        public var record: ImportRecord
        public var units: [String]
        /// Respondents (respondent level) or units (aggregated).
        public var rows: Int
        public var aggregated: Bool
        /// Items of the instrument the file has no column for.
        public var missingItems: [String]
        public var warnings: [String]
    }

    @discardableResult
    public func importFile(path: String, displayName: String? = nil, instrument: Instrument,
                           wave: String, aggregated: Bool, sheet: String? = nil) throws -> Outcome {
        let name = displayName ?? path
        let wave = IdentityNumberScanner.masking(wave.trimmingCharacters(in: .whitespaces))
        guard !wave.isEmpty else {
            throw ReadinessImportError([.init(file: name, line: 0, message: "--wave is empty; name the wave, e.g. --wave 2022-03")])
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, sheet: sheet)
        } catch let e as CSVError {
            throw ReadinessImportError([.init(file: e.file, line: e.line, column: e.column, message: e.message, cell: e.cell)])
        }
        return try importFile(reader, name: name, instrument: instrument, wave: wave, aggregated: aggregated)
    }

    /// The same, from a reader already open (an upload in the web application reads the
    /// bytes it was sent; the file never touches the disk).
    @discardableResult
    public func importFile(_ reader: CSVReader, name: String, instrument: Instrument, wave: String,
                           aggregated: Bool) throws -> Outcome {
        let wave = IdentityNumberScanner.masking(wave.trimmingCharacters(in: .whitespaces))
        guard !wave.isEmpty else {
            throw ReadinessImportError([.init(file: name, line: 0, message: "--wave is empty; name the wave, e.g. --wave 2022-03")])
        }
        let parsed = try Self.parse(reader, name: name, instrument: instrument, wave: wave, aggregated: aggregated)
        let target = "\(instrument.id) \(wave)"
        let record = try database.transaction {
            // The same file first: its message (with the import to undo) is the useful one.
            try ImportLog(database).ensureNotImported(kind: Self.kind, sha256: reader.sha256, target: target)
            try checkAgainstStored(parsed, instrument: instrument, wave: wave, aggregated: aggregated, file: name)
            return try ImportLog(database).record(kind: Self.kind, fileName: name, fileSHA256: reader.sha256, target: target) { importID in
                try write(parsed, importID: importID, instrument: instrument, wave: wave, aggregated: aggregated)
            }
        }
        var units: [String] = []
        for u in parsed.rows.map(\.unit) where !units.contains(u) { units.append(u) }
        return Outcome(record: record, units: units, rows: parsed.rows.count, aggregated: aggregated,
                       missingItems: parsed.missingItems, warnings: parsed.warnings)
    }

    // MARK: Parsing and validation (no database)

    struct ParsedRow {
        var line: Int
        var unit: String
        var respondent: String
        var n: Int?
        /// Item key → value (nil = blank), only for items the file has.
        var values: [(item: String, value: Double?)]
    }

    struct Parsed {
        var rows: [ParsedRow]
        var missingItems: [String]
        var warnings: [String]
    }

    /// Swedish column names accepted beside the English ones.
    static let swedishColumns: [String: [String]] = [
        "unit": ["enhet"], "respondent": ["svarande", "respondent_id", "svars_id", "id"],
        "wave": ["omgång", "mätomgång", "våg"], "n": ["antal"],
    ]

    static func parse(_ reader: CSVReader, name: String, instrument: Instrument, wave: String,
                      aggregated: Bool) throws -> Parsed {
        var problems: [ReadinessImportError.Problem] = []
        var omitted = 0
        func problem(_ line: Int, _ column: Int?, _ columnName: String?, _ message: String) {
            if problems.count < maximumProblems {
                // In a workbook the cell (`Blad1!C14`) says where; `column` is 1-based.
                let cell = line > 0 ? reader.sheet?.reference(row: line, field: column.map { $0 - 1 }) : nil
                problems.append(.init(file: name, line: line, column: column, columnName: columnName, message: message, cell: cell))
            } else {
                omitted += 1
            }
        }
        let header = reader.header
        let line = reader.headerLine
        var itemColumns: [(index: Int, key: String)] = []
        var seen: [String: Int] = [:]
        var unitIndex: Int?, respondentIndex: Int?, waveIndex: Int?, nIndex: Int?
        var toolColumns: [String] = []
        let itemKeys = instrument.itemKeys
        for (i, raw) in header.enumerated() {
            // Swedish names as their English ones (docs/readiness.md).
            var h = raw.lowercased()
            for (english, swedish) in swedishColumns where CSVReader.sameColumnName(raw, anyOf: swedish) { h = english }
            if let first = seen[h] {
                problem(line, i + 1, raw, "the column name occurs twice (first in column \(first)); each column once")
                continue
            }
            seen[h] = i + 1
            switch h {
            case "unit": unitIndex = i
            case "wave": waveIndex = i
            case "respondent":
                if aggregated { problem(line, i + 1, raw, "an aggregated file (--aggregated) holds unit means, one row per unit: it has no respondent column. Drop --aggregated if this file has one row per respondent") }
                respondentIndex = i
            case "n":
                if !aggregated { problem(line, i + 1, raw, "`n` belongs to aggregated files (unit means with --aggregated); a respondent-level file has one row per respondent") }
                nIndex = i
            default:
                // The item key, else (survey-tool exports) the statement or its start.
                let match = itemKeys.first(where: { $0.lowercased() == h }).map(SurveyExport.HeaderMatch.item)
                    ?? SurveyExport.item(forHeader: raw, in: instrument)
                if case .item(let key) = match, let other = itemColumns.first(where: { $0.key == key }) {
                    problem(line, i + 1, raw, "column \(other.index + 1) is item \(key) too; each item in one column")
                    continue
                }
                switch match {
                case .item(let key):
                    itemColumns.append((i, key))
                case .ambiguous(let keys):
                    problem(line, i + 1, raw, "the heading fits the statements of several items (\(keys.joined(separator: ", "))); give more of the statement, or the item key")
                case .none where h.isEmpty:
                    problem(line, i + 1, "(blank)", "the column has no name; remove it or name it after an item")
                case .none where SurveyExport.toolColumns.contains(SurveyExport.normalized(raw)):
                    toolColumns.append(raw)
                case .none:
                    problem(line, i + 1, raw, "not an item of instrument \(instrument.id) (by key or statement) nor one of respondent, unit, wave\(aggregated ? ", n" : ""); the items are: \(itemKeys.joined(separator: ", "))")
                }
            }
        }
        if unitIndex == nil { problem(line, nil, nil, "no `unit` column; every row needs the unit (enhet) it belongs to") }
        if !aggregated && respondentIndex == nil {
            problem(line, nil, nil, "no `respondent` column; a respondent-level file has one row per respondent with an (anonymous) id. For a table of unit means use --aggregated")
        }
        if itemColumns.isEmpty { problem(line, nil, nil, "no item columns; the items of \(instrument.id) are: \(itemKeys.joined(separator: ", "))") }
        if !problems.isEmpty { throw ReadinessImportError(problems, omitted: omitted) }

        let present = Set(itemColumns.map(\.key))
        let missing = itemKeys.filter { !present.contains($0) }
        var warnings: [String] = []
        if !toolColumns.isEmpty {
            warnings.append(IdentityNumberScanner.masking("\(name): the survey tool's columns \(toolColumns.joined(separator: ", ")) were left out (names and e-mail addresses are never read)"))
        }
        if !missing.isEmpty {
            warnings.append("\(name) has no column for \(missing.joined(separator: ", ")): those items are treated as not asked in wave \(wave)")
        }
        let scale = instrument.scale
        var rows: [ParsedRow] = []
        var respondentLines: [String: Int] = [:]
        var unitLines: [String: Int] = [:]
        do {
            try reader.forEachRow { row in
                // Unit names are stored: a number in one is masked (docs/privacy.md).
                let unit = IdentityNumberScanner.masking(row[unitIndex!].trimmingCharacters(in: .whitespaces))
                if unit.isEmpty { problem(row.line, unitIndex! + 1, header[unitIndex!], "the unit is blank") }
                if let waveIndex {
                    let w = row[waveIndex].trimmingCharacters(in: .whitespaces)
                    if !w.isEmpty && w != wave {
                        problem(row.line, waveIndex + 1, header[waveIndex], "wave \"\(w)\" disagrees with --wave \(wave); import each wave separately, or correct the file")
                    }
                }
                var respondent = ""
                if let respondentIndex {
                    respondent = row[respondentIndex].trimmingCharacters(in: .whitespaces)
                    if respondent.isEmpty {
                        problem(row.line, respondentIndex + 1, header[respondentIndex], "the respondent id is blank; give every row an anonymous id (1, 2, 3 … will do)")
                    } else if IdentityNumberScanner.containsNumber(respondent) {
                        problem(row.line, respondentIndex + 1, header[respondentIndex], "this looks like a personnummer; survey respondents must be anonymous, so piloteval refuses to store it. Replace the ids with running numbers")
                    } else if let first = respondentLines[respondent] {
                        problem(row.line, respondentIndex + 1, header[respondentIndex], "respondent \"\(respondent)\" already answered on line \(first); each respondent once per wave")
                    } else {
                        respondentLines[respondent] = row.line
                    }
                }
                if aggregated && !unit.isEmpty {
                    if let first = unitLines[unit] {
                        problem(row.line, unitIndex! + 1, header[unitIndex!], "unit \"\(unit)\" already has a row (line \(first)); an aggregated wave has one row per unit")
                    } else {
                        unitLines[unit] = row.line
                    }
                }
                var n: Int?
                if let nIndex {
                    switch SwedishNumber.parse(row[nIndex]) {
                    case .empty: break
                    case .value(let v) where v == v.rounded() && v >= 1 && v < 1e9: n = Int(v)
                    case .value(let v): problem(row.line, nIndex + 1, header[nIndex], "n must be a whole number of respondents (1 or more), found \(v)")
                    case .invalid(let why): problem(row.line, nIndex + 1, header[nIndex], why)
                    }
                }
                var values: [(String, Double?)] = []
                for (index, key) in itemColumns {
                    let text = row[index]
                    switch SwedishNumber.parse(text) {
                    case .empty:
                        values.append((key, nil))
                    case .invalid(let why):
                        guard !aggregated else {
                            problem(row.line, index + 1, header[index], why)
                            break
                        }
                        // An answer written as the scale's label (survey-tool exports).
                        switch SurveyExport.answer(text, scale: scale) {
                        case .value(let v):
                            values.append((key, v))
                        case .disagrees(let n):
                            problem(row.line, index + 1, header[index], "\(IdentityNumberScanner.quoted(text.trimmingCharacters(in: .whitespaces))) gives \(n) with another label than the scale's for \(n) (\(SurveyExport.labels(scale))); check the instrument or the export")
                        case .unknown:
                            problem(row.line, index + 1, header[index], "\(why), nor one of the scale's labels (\(SurveyExport.labels(scale))); leave the cell blank for no answer, or add the label to the instrument's anchors")
                        }
                    case .value(let v):
                        if v < Double(scale.min) || v > Double(scale.max) {
                            problem(row.line, index + 1, header[index], "\(text.trimmingCharacters(in: .whitespaces)) is outside the scale \(scale.min)–\(scale.max)")
                        } else if !aggregated && v != v.rounded() {
                            problem(row.line, index + 1, header[index], "\(text.trimmingCharacters(in: .whitespaces)) is not a point of the scale (answers are whole numbers \(scale.min)–\(scale.max)); unit means belong in an aggregated file (--aggregated)")
                        } else {
                            values.append((key, v))
                        }
                    }
                }
                if aggregated && !values.isEmpty && values.allSatisfy({ $0.1 == nil }) {
                    problem(row.line, nil, nil, "the unit's row has no means; remove the row or fill it in")
                }
                rows.append(ParsedRow(line: row.line, unit: unit, respondent: respondent, n: n, values: values))
            }
        } catch let e as CSVError {
            problem(e.line, e.column, nil, e.message)
        }
        if let note = reader.noDataNote { warnings.append(note) }   // `-`, `..`, `saknas` read as blank
        if rows.isEmpty && problems.isEmpty { problem(0, nil, nil, "the file has a header but no data rows") }
        if !problems.isEmpty { throw ReadinessImportError(problems, omitted: omitted) }
        return Parsed(rows: rows, missingItems: missing, warnings: warnings)
    }

    // MARK: Against the store

    /// Refuses what the file alone cannot show: a wave that would mix levels, and
    /// respondents or units already stored for the wave by another file.
    func checkAgainstStored(_ parsed: Parsed, instrument: Instrument, wave: String, aggregated: Bool, file: String) throws {
        let other = aggregated ? "readiness_responses" : "readiness_unit_means"
        if let earlier = try database.scalar("SELECT min(import_id) FROM \(other) WHERE instrument_id = ? AND wave = ?",
                                             instrument.id, wave).int {
            let what = aggregated ? "respondent-level answers" : "unit means only (aggregated)"
            throw ReadinessImportError([.init(file: file, line: 0, message: "wave \(wave) of \(instrument.id) already holds \(what) from import \(earlier); a wave is either respondent-level or aggregated. Use another wave name, or undo import \(earlier) first")])
        }
        var problems: [ReadinessImportError.Problem] = []
        if aggregated {
            let stored = try database.query("SELECT DISTINCT unit, import_id FROM readiness_unit_means WHERE instrument_id = ? AND wave = ?",
                                            instrument.id, wave)
            let byUnit = Dictionary(stored.map { ($0.string("unit") ?? "", $0.int("import_id") ?? 0) }, uniquingKeysWith: { a, _ in a })
            for row in parsed.rows {
                if let id = byUnit[row.unit] {
                    problems.append(.init(file: file, line: row.line, message: "unit \"\(row.unit)\" already has means for wave \(wave) (import \(id))"))
                }
            }
        } else {
            let stored = try database.query("SELECT DISTINCT respondent, import_id FROM readiness_responses WHERE instrument_id = ? AND wave = ?",
                                            instrument.id, wave)
            let byRespondent = Dictionary(stored.map { ($0.string("respondent") ?? "", $0.int("import_id") ?? 0) }, uniquingKeysWith: { a, _ in a })
            for row in parsed.rows {
                if let id = byRespondent[row.respondent] {
                    problems.append(.init(file: file, line: row.line, message: "respondent \"\(row.respondent)\" is already in wave \(wave) (import \(id)); is this file a copy of one already imported?"))
                }
            }
        }
        if !problems.isEmpty {
            throw ReadinessImportError(Array(problems.prefix(Self.maximumProblems)), omitted: max(0, problems.count - Self.maximumProblems))
        }
    }

    func write(_ parsed: Parsed, importID: Int, instrument: Instrument, wave: String, aggregated: Bool) throws -> Int {
        // Typed batches, several rows per INSERT (`BulkInsert`): a wave of 100 000
        // respondents is 800 000 answers, and one boxed `run(...)` per answer was most
        // of the import's time (docs/benchmarks.md).
        let columns = aggregated
            ? ["import_id", "instrument_id", "wave", "unit", "item", "mean", "n", "line"]
            : ["import_id", "instrument_id", "wave", "unit", "respondent", "item", "value", "line"]
        let insert = try BulkInsert(database: database, table: aggregated ? "readiness_unit_means" : "readiness_responses",
                                    columns: columns)
        let batch = BulkRows(width: columns.count, reservingRows: Self.rowsPerBatch, bytes: Self.rowsPerBatch * 64)
        func flush() throws {
            do { try insert.insert(batch) } catch let failure as BulkInsertFailure { throw failure.error }
            batch.removeAll()
        }
        for row in parsed.rows {
            for (item, value) in row.values {
                if aggregated && value == nil { continue }   // a unit without a mean for this item
                batch.append(int: importID)
                batch.append(text: instrument.id)
                batch.append(text: wave)
                batch.append(text: row.unit)
                if aggregated {
                    batch.append(text: item)
                    batch.append(double: value)
                    batch.append(int: row.n)
                } else {
                    batch.append(text: row.respondent)
                    batch.append(text: item)
                    batch.append(double: value)
                }
                batch.append(int: row.line)
                batch.endRow()
                if batch.count == Self.rowsPerBatch { try flush() }
            }
        }
        if !batch.isEmpty { try flush() }
        return parsed.rows.count
    }
}
