import Foundation
import Periods
import Store

/// Retention (gallring) of case extracts: removes the cases that were closed before a
/// cut-off date, every stored snapshot of them, and then scrubs the database file so
/// that nothing of them can be read back (docs/cases.md, "Retention (gallring): cases
/// purge").
///
/// - A case is judged by its **latest snapshot** — the row analyses read
///   (`CaseDataset.loadSnapshots`: latest extract date, then latest import, per model and
///   `case_id`). It is **closed** when nothing is pending in it: the förhandsbedömning is
///   decided (or an investigation or intervention started), and every investigation and
///   intervention that started has ended. Its **last recorded date** is the latest of
///   referral, decision, investigation start/end, intervention start/end and re-referral.
/// - A closed case whose last recorded date is **before** the cut-off is purged: all its
///   rows, in every import of the model. An **open** case is never purged, however old;
///   neither is a case with no date at all. Both are counted in the summary so someone
///   can look at them.
/// - An import left with no cases stays in the log as a **tombstone**: its `imports` row
///   (file name, SHA-256, dates, `row_count` now 0) and `case_imports` row (model, extract
///   date, key fingerprint, which column played which role) hold nothing about any case,
///   and they make a repeated import of the same file be refused rather than quietly
///   bring the purged cases back. Every affected import's `row_count` is set to the rows
///   it still has, so `imports list` stays true.
/// - One transaction with `PRAGMA secure_delete = ON` (deleted cells and freed pages are
///   overwritten with zeros); after the commit `VACUUM` rebuilds the file from what
///   remains and `PRAGMA wal_checkpoint(TRUNCATE)` empties the WAL, so neither the file's
///   free space nor the WAL keeps a copy.
public enum CasePurge {
    /// What to purge.
    public struct Request: Sendable {
        /// Cases whose last recorded date is before this day are purged (if closed).
        public var before: CalendarDate
        /// Only this model's cases; nil for every model.
        public var modelID: String?
        /// Count what would go, change nothing.
        public var dryRun: Bool
        /// The day the purge runs: `before` may not be after it.
        public var today: CalendarDate

        public init(before: CalendarDate, modelID: String? = nil, dryRun: Bool = false, today: CalendarDate) {
            self.before = before
            self.modelID = modelID
            self.dryRun = dryRun
            self.today = today
        }
    }

    /// Runs (or, with `dryRun`, previews) the purge. Must not be called inside a
    /// transaction: the purge is its own, and VACUUM cannot run inside one.
    @discardableResult
    public static func run(_ request: Request, database: Database) throws -> CasePurgeSummary {
        if request.today < request.before {
            throw CasePurgeError("--before \(request.before.iso) is after today (\(request.today.iso)); the cut-off is a day that has passed: cases closed before it are purged")
        }
        if database.isInTransaction {
            throw CasePurgeError("a purge cannot run inside another transaction (it commits, then vacuums the file)")
        }
        if request.dryRun {
            // A read transaction: the counts come from one consistent state of the file.
            try database.execute("BEGIN")
            defer { try? database.execute("COMMIT") }
            return try plan(request, database: database)
        }
        // On by default for piloteval's connections (Database.init); set again here so a
        // purge scrubs on any connection it is given. A connection setting: harmless to repeat.
        try database.execute("PRAGMA secure_delete = ON")
        let secureDelete = try database.scalar("PRAGMA secure_delete").int == 1
        var summary = try database.transaction {
            let summary = try plan(request, database: database)
            try delete(summary, request: request, database: database)
            return summary
        }
        summary.scrub = try scrub(database: database, secureDelete: secureDelete, removedAnything: summary.rowsDeleted > 0)
        return summary
    }

    // MARK: Counting

    /// The latest snapshot of each case of one model with its state (`open`, `closed`,
    /// `undated`) and last recorded date. `?1` is the model id, `?2` the cut-off.
    /// ISO dates compare as text. SQLite's many-argument max() is NULL when any argument
    /// is, hence the coalesce to '' and back.
    static let latestCTE = """
        WITH snapshot AS (
            SELECT c.case_id AS case_id,
                   row_number() OVER (PARTITION BY c.case_id ORDER BY ci.extract_date DESC, c.import_id DESC) AS n,
                   (c.referral_date IS NOT NULL AND c.assessment_decision_date IS NULL
                        AND c.investigation_start IS NULL AND c.intervention_start IS NULL)
                   OR (c.investigation_start IS NOT NULL AND c.investigation_end IS NULL)
                   OR (c.intervention_start IS NOT NULL AND c.intervention_end IS NULL) AS is_open,
                   nullif(max(coalesce(c.referral_date, ''), coalesce(c.assessment_decision_date, ''),
                              coalesce(c.investigation_start, ''), coalesce(c.investigation_end, ''),
                              coalesce(c.intervention_start, ''), coalesce(c.intervention_end, ''),
                              coalesce(c.re_referral_date, '')), '') AS last_date
            FROM cases c JOIN case_imports ci ON ci.import_id = c.import_id
            WHERE ci.model_id = ?1),
        latest AS (
            SELECT case_id, last_date,
                   CASE WHEN is_open THEN 'open' WHEN last_date IS NULL THEN 'undated' ELSE 'closed' END AS state
            FROM snapshot WHERE n = 1),
        purged AS (SELECT case_id FROM latest WHERE state = 'closed' AND last_date < ?2)
        """

    /// The models a purge looks at: the one asked for, or every model with case imports.
    static func models(_ request: Request, database: Database) throws -> [String] {
        let all = try database.query("SELECT DISTINCT model_id FROM case_imports ORDER BY model_id")
            .compactMap { $0.string("model_id") }
        guard let wanted = request.modelID else { return all }
        guard all.contains(wanted) else {
            let known = all.isEmpty ? "no model has any" : "models with case extracts: " + all.joined(separator: ", ")
            throw CasePurgeError("no case extract is imported for model \(wanted) (\(known)); nothing was purged")
        }
        return [wanted]
    }

    /// What a purge removes, counted without changing anything.
    static func plan(_ request: Request, database: Database) throws -> CasePurgeSummary {
        let cutOff = request.before.iso
        var summaries: [CasePurgeSummary.Model] = []
        var imports: [CasePurgeSummary.Import] = []
        for model in try models(request, database: database) {
            var m = CasePurgeSummary.Model(model: model)
            for row in try database.query("""
                \(latestCTE)
                SELECT state, last_date < ?2 AS before_cut_off, count(*) AS n FROM latest GROUP BY 1, 2
                """, model, cutOff) {
                let n = row.int("n") ?? 0
                let early = row.int("before_cut_off") == 1
                switch row.string("state") {
                case "closed" where early: m.casesPurged += n
                case "open":
                    m.openCasesKept += n
                    if early { m.openCasesQuietSinceBeforeCutOff += n }
                    m.casesKept += n
                case "undated": m.undatedCasesKept += n; m.casesKept += n
                default: m.casesKept += n
                }
            }
            // Rows per import: how many each has, and how many of them go.
            let going = Dictionary(uniqueKeysWithValues: try database.query("""
                \(latestCTE)
                SELECT import_id, count(*) AS n FROM cases
                WHERE import_id IN (SELECT import_id FROM case_imports WHERE model_id = ?1)
                  AND case_id IN (SELECT case_id FROM purged)
                GROUP BY import_id
                """, model, cutOff).map { ($0.int("import_id") ?? 0, $0.int("n") ?? 0) })
            for row in try database.query("""
                SELECT ci.import_id, ci.extract_date, i.file_name,
                       (SELECT count(*) FROM cases c WHERE c.import_id = ci.import_id) AS n
                FROM case_imports ci JOIN imports i ON i.id = ci.import_id
                WHERE ci.model_id = ? ORDER BY ci.import_id
                """, model) {
                let id = row.int("import_id") ?? 0
                guard let deleted = going[id], deleted > 0 else { continue }
                let stored = row.int("n") ?? 0
                imports.append(.init(importID: id, model: model, fileName: row.string("file_name") ?? "",
                                     extractDate: row.string("extract_date") ?? "",
                                     rowsBefore: stored, rowsDeleted: deleted, rowsLeft: stored - deleted))
                m.rowsDeleted += deleted
            }
            m.importsAffected = imports.filter { $0.model == model }.count
            m.importsEmptied = imports.filter { $0.model == model && $0.rowsLeft == 0 }.count
            summaries.append(m)
        }
        return CasePurgeSummary(before: request.before.iso, dryRun: request.dryRun, models: summaries, imports: imports)
    }

    // MARK: Deleting

    /// Deletes what `summary` counted, inside the caller's transaction, and checks that
    /// exactly that went.
    static func delete(_ summary: CasePurgeSummary, request: Request, database: Database) throws {
        for model in summary.models where model.rowsDeleted > 0 {
            try database.execute("""
                \(latestCTE)
                DELETE FROM cases
                WHERE import_id IN (SELECT import_id FROM case_imports WHERE model_id = ?1)
                  AND case_id IN (SELECT case_id FROM purged)
                """, model.model, request.before.iso)
            let deleted = database.changes
            guard deleted == model.rowsDeleted else {
                throw CasePurgeError("model \(model.model): \(deleted) rows matched the purge, \(model.rowsDeleted) were counted; nothing was purged")
            }
        }
        // `imports list` shows what is stored: each affected import's rows now.
        for i in summary.imports {
            try database.execute("UPDATE imports SET row_count = ? WHERE id = ?", i.rowsLeft, i.importID)
        }
    }

    // MARK: Scrubbing

    /// After the commit: VACUUM rebuilds the file from the remaining rows (no free pages,
    /// no slack in pages, the file shrinks), and a TRUNCATE checkpoint copies the WAL
    /// into the file and empties it. Failures here do not undo the purge (it is
    /// committed); they are reported so the user can run the scrub again.
    static func scrub(database: Database, secureDelete: Bool, removedAnything: Bool) throws -> CasePurgeSummary.Scrub {
        var scrub = CasePurgeSummary.Scrub(secureDelete: secureDelete, vacuumed: false, walEmptied: false, notes: [])
        // Rebuild when this purge removed rows, or when free pages are left from before
        // (an earlier purge whose VACUUM failed, an `imports undo`): a run that finds
        // nothing new to remove still finishes an earlier one's scrub.
        let freePages = try database.scalar("PRAGMA freelist_count").int ?? 0
        if removedAnything || freePages > 0 {
            do {
                try database.execute("VACUUM")
                scrub.vacuumed = true
            } catch let error as DatabaseError {
                scrub.notes.append("the file could not be rebuilt (VACUUM: \(error.message)); the deleted rows were overwritten with zeros, but rebuilding is what makes sure no trace is left. VACUUM needs free disk space of about the database's size and no other program writing; run the purge again to retry")
            }
        }
        let rows = try database.query("PRAGMA wal_checkpoint(TRUNCATE)")
        // (busy, log, checkpointed): busy = 1 when a reader kept the checkpoint from
        // finishing; the WAL may then still hold earlier versions of pages. log is 0
        // after a complete TRUNCATE checkpoint, -1 when the file is not in WAL mode.
        if let row = rows.first, row[0].int == 0, (row[1].int ?? 0) <= 0 {
            scrub.walEmptied = true
        } else {
            scrub.notes.append("the WAL (the -wal file) could not be emptied because another program is reading the database, so it may still hold the purged rows; close that program (piloteval serve, a sqlite3 shell) and run the purge again to retry")
        }
        return scrub
    }
}

/// What `CasePurge.run` removed (or, in a dry run, would remove): JSON in snake_case.
public struct CasePurgeSummary: Encodable, Sendable, Equatable {
    /// The cut-off, ISO.
    public var before: String
    public var dryRun: Bool
    public var models: [Model]
    /// Every import that loses rows, oldest first.
    public var imports: [Import]
    /// How the file was scrubbed; nil in a dry run.
    public var scrub: Scrub?

    public var casesPurged: Int { models.reduce(0) { $0 + $1.casesPurged } }
    public var rowsDeleted: Int { models.reduce(0) { $0 + $1.rowsDeleted } }

    public struct Model: Encodable, Sendable, Equatable {
        public var model: String
        /// Closed cases whose last recorded date is before the cut-off.
        public var casesPurged = 0
        /// Their rows: one per import (snapshot) that held them.
        public var rowsDeleted = 0
        /// Cases that stay (open, undated, or closed on or after the cut-off).
        public var casesKept = 0
        /// Open cases: never purged.
        public var openCasesKept = 0
        /// Open cases with nothing recorded since before the cut-off: perhaps closed
        /// without a later extract saying so. Kept; worth a look.
        public var openCasesQuietSinceBeforeCutOff = 0
        /// Cases with no date at all: there is no day to judge them by, so they stay.
        public var undatedCasesKept = 0
        public var importsAffected = 0
        /// Imports left with no case (kept in the log as tombstones, row count 0).
        public var importsEmptied = 0

        public init(model: String) { self.model = model }

        enum CodingKeys: String, CodingKey {
            case model, casesPurged = "cases_purged", rowsDeleted = "rows_deleted", casesKept = "cases_kept"
            case openCasesKept = "open_cases_kept"
            case openCasesQuietSinceBeforeCutOff = "open_cases_quiet_since_before_cut_off"
            case undatedCasesKept = "undated_cases_kept", importsAffected = "imports_affected"
            case importsEmptied = "imports_emptied"
        }
    }

    public struct Import: Encodable, Sendable, Equatable {
        public var importID: Int
        public var model: String
        public var fileName: String
        public var extractDate: String
        public var rowsBefore: Int
        public var rowsDeleted: Int
        public var rowsLeft: Int
        public var emptied: Bool { rowsLeft == 0 }

        enum CodingKeys: String, CodingKey {
            case importID = "import_id", model, fileName = "file_name", extractDate = "extract_date"
            case rowsBefore = "rows_before", rowsDeleted = "rows_deleted", rowsLeft = "rows_left", emptied
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(importID, forKey: .importID)
            try c.encode(model, forKey: .model)
            try c.encode(fileName, forKey: .fileName)
            try c.encode(extractDate, forKey: .extractDate)
            try c.encode(rowsBefore, forKey: .rowsBefore)
            try c.encode(rowsDeleted, forKey: .rowsDeleted)
            try c.encode(rowsLeft, forKey: .rowsLeft)
            try c.encode(emptied, forKey: .emptied)
        }
    }

    public struct Scrub: Encodable, Sendable, Equatable {
        /// `PRAGMA secure_delete` was on: deleted content overwritten with zeros.
        public var secureDelete: Bool
        /// The file was rebuilt from the remaining rows.
        public var vacuumed: Bool
        /// The WAL was checkpointed into the file and truncated to nothing.
        public var walEmptied: Bool
        /// What did not go as planned, for the user; empty when the scrub is complete.
        public var notes: [String]
        /// Nothing went wrong: what was deleted is gone from the file and the WAL.
        public var isComplete: Bool { notes.isEmpty }

        enum CodingKeys: String, CodingKey {
            case secureDelete = "secure_delete", vacuumed, walEmptied = "wal_emptied", complete, notes
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(secureDelete, forKey: .secureDelete)
            try c.encode(vacuumed, forKey: .vacuumed)
            try c.encode(walEmptied, forKey: .walEmptied)
            try c.encode(isComplete, forKey: .complete)
            try c.encode(notes, forKey: .notes)
        }
    }

    enum CodingKeys: String, CodingKey {
        case before, dryRun = "dry_run", models, imports, scrub, scrubNote = "scrub_note"
        case casesPurged = "cases_purged", rowsDeleted = "rows_deleted"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(before, forKey: .before)
        try c.encode(dryRun, forKey: .dryRun)
        try c.encode(casesPurged, forKey: .casesPurged)
        try c.encode(rowsDeleted, forKey: .rowsDeleted)
        try c.encode(models, forKey: .models)
        try c.encode(imports, forKey: .imports)
        if let scrub {
            try c.encode(scrub, forKey: .scrub)
        } else {
            try c.encodeNil(forKey: .scrub)
            try c.encode("dry run: nothing was changed", forKey: .scrubNote)
        }
    }
}

/// A purge that cannot run as asked; nothing was changed.
public struct CasePurgeError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
