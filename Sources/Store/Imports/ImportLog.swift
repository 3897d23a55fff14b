import Foundation

/// The `imports` table: which file was imported when, into what, and how to take it back.
///
/// An importer's whole run is one transaction:
///
///     try ImportLog(db).record(kind: "indicators", fileName: name, fileSHA256: hash,
///                              target: modelID) { importID in
///         // insert rows carrying import_id = importID; return how many
///     }
///
/// Data tables follow the convention in Schema.swift (`import_id … ON DELETE CASCADE`),
/// which is what lets `undo` remove everything an import brought with one DELETE.
public struct ImportLog {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    /// The latest import of the same kind, file content and target, if any. Matching on
    /// content rather than name catches a renamed copy; including the target lets the
    /// same readiness file be loaded against two instruments.
    public func find(kind: String, sha256: String, target: String?) throws -> ImportRecord? {
        try fetch("WHERE kind = ? AND file_sha256 = ? AND target IS ? ORDER BY id DESC LIMIT 1",
                  kind, sha256, target).first
    }

    /// Throws `ImportLogError.alreadyImported` when `find` finds something: the one
    /// message every importer gives for a repeated file.
    public func ensureNotImported(kind: String, sha256: String, target: String?) throws {
        if let earlier = try find(kind: kind, sha256: sha256, target: target) {
            throw ImportLogError.alreadyImported(earlier)
        }
    }

    /// Records an import around `body`, which receives the new import id, writes the
    /// data rows, and returns how many it wrote. Runs as a transaction of its own, or as
    /// a savepoint inside the caller's: if `body` throws, neither the log row nor any
    /// data row remains. Refuses a file already imported (same kind, content, target).
    @discardableResult
    /// `repeatable`: the same content may be recorded again (a form saved with values it
    /// had before, after other saves: the person chose them again, not the same file twice).
    public func record(kind: String, fileName: String, fileSHA256: String, target: String?, repeatable: Bool = false,
                       _ body: (Int) throws -> Int) throws -> ImportRecord {
        try database.transaction {
            if !repeatable { try ensureNotImported(kind: kind, sha256: fileSHA256, target: target) }
            let id = try start(kind: kind, fileName: fileName, fileSHA256: fileSHA256, target: target)
            let rows = try body(id)
            try finish(id, rowCount: rows)
            guard let record = try self.record(id) else { throw ImportLogError.noSuchImport(id) }
            return record
        }
    }

    /// Inserts the log row (status `in_progress`) and returns its id, for importers that
    /// manage the transaction themselves. Call inside a transaction, then `finish`.
    /// Only the file's own name is kept (`storedName`), never the folders it was in.
    public func start(kind: String, fileName: String, fileSHA256: String, target: String?,
                      startedAt: Date = Date()) throws -> Int {
        try database.execute("""
            INSERT INTO imports (kind, file_name, file_sha256, target, started_at, status)
            VALUES (?, ?, ?, ?, ?, ?)
            """, kind, Self.storedName(fileName), fileSHA256, target, Timestamp.iso8601(startedAt),
            ImportStatus.inProgress.rawValue)
        return database.lastInsertedRowID
    }

    public func finish(_ id: Int, rowCount: Int, finishedAt: Date = Date()) throws {
        try database.execute("UPDATE imports SET row_count = ?, finished_at = ?, status = ? WHERE id = ?",
                             rowCount, Timestamp.iso8601(finishedAt), ImportStatus.complete.rawValue, id)
    }

    /// What the log keeps of a file's path as typed: the last component, with identity
    /// numbers masked. Folder names often carry a user's or a client's name
    /// (`/home/anna.svensson/ärenden/…`), and file names sometimes a number
    /// (`utdrag 120514-4825.csv`); docs/privacy.md.
    public static func storedName(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        return IdentityNumberScanner.masking(name)
    }

    /// Every import, oldest first.
    public func list() throws -> [ImportRecord] {
        try fetch("ORDER BY id")
    }

    /// Names the pilot an import was made under (migration 14), for files that do not
    /// say it themselves: an improvement measure uploaded on a pilot's page.
    public func setPilot(_ pilot: String, of id: Int) throws {
        try database.execute("INSERT INTO import_pilots (id, pilot) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET pilot = excluded.pilot",
                             id, pilot)
    }

    /// The pilots under which files of `kind` were imported, by target (a target with no
    /// pilot named is absent).
    public func pilots(kind: String) throws -> [String: Set<String>] {
        var pilots: [String: Set<String>] = [:]
        for row in try database.query("""
            SELECT DISTINCT i.target, p.pilot FROM imports i JOIN import_pilots p ON p.id = i.id WHERE i.kind = ?
            """, kind) {
            if let target = row.string("target"), let pilot = row.string("pilot") { pilots[target, default: []].insert(pilot) }
        }
        return pilots
    }

    public func record(_ id: Int) throws -> ImportRecord? {
        try fetch("WHERE id = ?", id).first
    }

    /// Deletes the import and, by cascade, every row it brought, in one transaction.
    /// Counts the rows first so the CLI can say what went.
    @discardableResult
    public func undo(_ id: Int) throws -> UndoneImport {
        try database.transaction {
            guard let record = try record(id) else { throw ImportLogError.noSuchImport(id) }
            var deleted: [String: Int] = [:]
            for table in try dataTables() {
                // Table names come from sqlite_master, not from input; quoting guards odd names.
                let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let n = try database.scalar("SELECT count(*) FROM \(quoted) WHERE import_id = ?", id).int ?? 0
                if n > 0 { deleted[table] = n }
            }
            try database.execute("DELETE FROM imports WHERE id = ?", id)
            return UndoneImport(record: record, deletedRows: deleted)
        }
    }

    /// Tables with an `import_id` column: the data tables under the convention.
    public func dataTables() throws -> [String] {
        try database.query("""
            SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p
            WHERE m.type = 'table' AND p.name = 'import_id' ORDER BY m.name
            """).compactMap { $0.string("name") }
    }

    private func fetch(_ clause: String, _ arguments: (any DatabaseValueConvertible)?...) throws -> [ImportRecord] {
        let statement = try database.prepare("""
            SELECT id, kind, file_name, file_sha256, row_count, target, started_at, finished_at, status
            FROM imports \(clause)
            """)
        try statement.bind(arguments)
        var result: [ImportRecord] = []
        while try statement.step() {
            result.append(ImportRecord(
                id: statement.int(at: 0) ?? 0, kind: statement.string(at: 1) ?? "",
                fileName: statement.string(at: 2) ?? "", fileSHA256: statement.string(at: 3) ?? "",
                rowCount: statement.int(at: 4) ?? 0, target: statement.string(at: 5),
                startedAt: statement.string(at: 6) ?? "", finishedAt: statement.string(at: 7),
                status: ImportStatus(rawValue: statement.string(at: 8) ?? "") ?? .inProgress))
        }
        return result
    }
}
