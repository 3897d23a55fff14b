import Foundation
import LogicModel
import Periods
import Store

/// What to import and how.
public struct CaseImportRequest {
    public var path: String
    /// The name used in messages and the import log (the path as typed).
    public var displayName: String
    public var model: LogicModel
    public var mapping: CaseMapping?
    public var key: PseudonymKey?
    /// Censoring date; nil means the latest date in the file.
    public var extractDate: CalendarDate?
    /// Decides the century of 10-digit identity numbers when no extract date is given.
    public var today: CalendarDate
    /// The sheet of an .xlsx workbook (nil: the first).
    public var sheet: String?
    /// What to do when the extract holds identity numbers and no key was given: the
    /// CLI's options by default; the web server says how it gets a key.
    public var missingKeyAdvice = "Import with a key file to replace them by pseudonyms: create one once with `piloteval key create KEY` and give `--key-file KEY` on every import (docs/cases.md)"

    public init(path: String, displayName: String? = nil, model: LogicModel, mapping: CaseMapping? = nil,
                key: PseudonymKey? = nil, extractDate: CalendarDate? = nil, today: CalendarDate, sheet: String? = nil) {
        self.path = path
        self.displayName = displayName ?? path
        self.model = model
        self.mapping = mapping
        self.key = key
        self.extractDate = extractDate
        self.today = today
        self.sheet = sheet
    }
}

/// Imports a case extract (DESIGN §3.3) in one pass over a memory-mapped file and one
/// transaction: identity numbers are recognised and replaced by pseudonyms before
/// anything is bound to a statement, every cell is checked with a located error, and
/// the rows land in `cases` under a new import. Memory stays flat: rows are parsed,
/// stored and forgotten one at a time (duplicate case ids are caught by the table's
/// primary key, not by a set in memory).
public struct CaseImporter {
    public static let kind = "cases"
    /// Rows read before any is stored, to decide which columns hold identity numbers
    /// and which extra columns are numbers. The decision is checked against the whole
    /// file at the end (and the import redone in the rare case it differs).
    static let sampleSize = 1_000
    /// DESIGN §3.3: a column is an identity column when at least 90 % of its non-blank
    /// values are valid identity numbers.
    static let identityShare = 0.9

    public let database: Database

    public init(_ database: Database) { self.database = database }

    public func run(_ request: CaseImportRequest, progress: ((Int, Int) -> Void)? = nil) throws -> CaseImportSummary {
        // Memory-mapped: pages are read as the pass reaches them.
        try run(request, data: try CSVReader.map(path: request.path), progress: progress)
    }

    /// Imports an extract held in memory (an upload: its bytes are never written to
    /// disk); `request.path` is not read, `request.displayName` names it.
    public func run(_ request: CaseImportRequest, data: Data, progress: ((Int, Int) -> Void)? = nil) throws -> CaseImportSummary {
        guard let pilot = request.model.cohorts?.pilot else {
            throw CaseImportError("model \(request.model.id) has no `cohorts.pilot`, so the pilot's cases cannot be told from the line's; add `cohorts: {pilot: NAME, comparison: [linjen]}` to the model (DESIGN §3.1) and `piloteval model add` it")
        }
        // The file is hashed once (a tenth of a second per 150 MB) on a thread of its
        // own while the reader checks its encoding (as long again): both read every
        // byte before the first row, and neither needs the other.
        let hashing = ContentHash.Background(data)
        let named: CSVReader
        do {
            named = try CSVReader(data: data, name: request.displayName, sheet: request.sheet)   // messages name the file as typed
        } catch {
            _ = hashing.wait()
            throw error
        }
        let hash = hashing.wait()
        do {
            return try run(request, reader: named, hash: hash, pilot: pilot, progress: progress)
        } catch let error as CSVError {
            throw named.located(error)   // `Blad1!C14` in a workbook
        }
    }

    private func run(_ request: CaseImportRequest, reader named: CSVReader, hash: String, pilot: String,
                     progress: ((Int, Int) -> Void)?) throws -> CaseImportSummary {
        // Before anything else, so a repeated file gets the one message that fits it.
        do {
            try ImportLog(database).ensureNotImported(kind: Self.kind, sha256: hash, target: request.model.id)
        }
        var plan = try CaseColumnPlan(reader: named, mapping: request.mapping)
        let reference = request.extractDate ?? request.today
        try sample(named, plan: &plan, reference: reference)
        // At most one redo: the second pass uses counts from the whole file.
        for attempt in 0..<2 {
            try requireKey(for: plan, reader: named, key: request.key, advice: request.missingKeyAdvice)
            do {
                var pass = CaseImportPass(reader: named, plan: plan, request: request, pilot: pilot,
                                          reference: reference)
                let log = ImportLog(database)
                var summary: CaseImportSummary?
                // The import row and its cases are written in one transaction, so the
                // per-row foreign-key check could only pass (Database+BulkLoad.swift).
                let record = try database.withoutForeignKeyChecks {
                    try log.record(kind: Self.kind, fileName: request.displayName, fileSHA256: hash,
                                   target: request.model.id) { importID in
                        summary = try pass.run(importID: importID, database: database, progress: attempt == 0 ? progress : nil)
                        return summary!.rows
                    }
                }
                summary!.importID = record.id
                if let note = named.noDataNote { summary!.warnings.append(note) }   // `-`, `..`, `saknas` read as blank
                return summary!
            } catch let redo as Reclassify {
                // An identity column is never also an outcome: its numbers would be stored.
                plan.identity = redo.identity
                plan.outcomes.removeAll { redo.identity.contains($0) }
                plan.automaticOutcomes.subtract(redo.identity)
                for i in redo.identity { plan.notImported[i] = nil }
            }
        }
        throw CaseImportError("\(request.displayName): the identity columns could not be settled; list them under `identity:` or `not_identity:` in a mapping file")
    }

    /// Reads the first rows to classify columns: identity columns by the 90 % rule,
    /// extra columns as outcomes when every sampled value is a number.
    private func sample(_ reader: CSVReader, plan: inout CaseColumnPlan, reference: CalendarDate) throws {
        let n = reader.header.count
        var nonBlank = [Int](repeating: 0, count: n)
        var valid = [Int](repeating: 0, count: n)
        var textual = [Bool](repeating: false, count: n)
        var numeric = [Int](repeating: 0, count: n)
        var firstText: [(line: Int, fields: [String])?] = Array(repeating: nil, count: n)
        var rows = 0
        do {
            try reader.forEachRow { row in
                for i in 0..<n {
                    let field = row.fields[i]
                    if isBlank(field) { continue }
                    nonBlank[i] += 1
                    if IdentityNumber.mightBe(field), IdentityNumber(field, reference: reference) != nil {
                        valid[i] += 1
                    } else if SwedishNumber.parse(field).value == nil {
                        textual[i] = true
                        if firstText[i] == nil { firstText[i] = (row.line, row.fields) }
                    } else {
                        numeric[i] += 1
                    }
                }
                rows += 1
                if rows >= Self.sampleSize { throw SampleDone() }
            }
        } catch is SampleDone {}
        for i in plan.checked where !plan.notIdentity.contains(i) && !plan.forcedIdentity.contains(i) {
            if nonBlank[i] > 0 && Double(valid[i]) >= Self.identityShare * Double(nonBlank[i]) {
                plan.identity.insert(i)
            }
        }
        if !plan.outcomesListed {
            for i in plan.extras(mappingListsOutcomes: false) where !plan.identity.contains(i) {
                if textual[i], 2 * numeric[i] >= nonBlank[i], let at = firstText[i] {
                    // Mostly numbers: an outcome with a bad value, the same located error
                    // as a text found after the sample (CaseImportPass), not a column
                    // silently left out because the text came early.
                    throw CSVError(kind: .invalidValue, file: reader.name, line: at.line, column: headerColumn(at.fields, i),
                                   message: "\(plan.header[i]): \(IdentityNumberScanner.quoted(at.fields[i])) is not a number; this column is read as an outcome (numbers or 0/1) because most of its values are numbers. Fix the value, or list the column under `text:` or `ignore:` in a mapping")
                }
                if textual[i] {
                    plan.notImported[i] = "text (names and free text are imported only when listed under `text:` in a mapping)"
                } else {
                    plan.outcomes.append(i)
                    plan.automaticOutcomes.insert(i)
                }
            }
        } else {
            for i in plan.extras(mappingListsOutcomes: true) where !plan.identity.contains(i) {
                plan.notImported[i] = "not in the mapping"
            }
        }
    }

    private func requireKey(for plan: CaseColumnPlan, reader: CSVReader, key: PseudonymKey?, advice: String) throws {
        guard key == nil, let first = plan.identity.sorted().first else { return }
        let names = plan.identity.sorted().map { "\"\(plan.header[$0])\"" }.joined(separator: ", ")
        throw CSVError(kind: .invalidValue, file: reader.name, line: reader.headerLine,
                       column: headerColumn(plan.header, first),
                       message: "column \(names) holds personnummer or samordningsnummer, which piloteval never stores. \(advice). Nothing was imported")
    }
}

/// Thrown at the end of a pass whose sample-based identity decision the whole file
/// contradicts; the transaction is rolled back and the import run again.
struct Reclassify: Error {
    var identity: Set<Int>
}

private struct SampleDone: Error {}

public struct CaseImportError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Blank as the CSV reader means it: nothing but spaces.
@inline(__always)
func isBlank(_ field: String) -> Bool {
    if field.isEmpty { return true }
    // Bytes in place (native strings); the view's iterator is the slow way round.
    return field.utf8.withContiguousStorageIfAvailable { bytes in
        for b in bytes where b != 0x20 && b != 0x09 { return false }
        return true
    } ?? field.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
}

/// The 1-based character column where field `index` starts, assuming unquoted fields
/// (exact for what exports write; a quoted field before it shifts it by its quotes).
func headerColumn(_ fields: [String], _ index: Int) -> Int {
    1 + fields.prefix(index).reduce(0) { $0 + $1.count + 1 }
}
