import Foundation

/// Versioned documents (logic models, survey instruments, PDSA files) in the
/// `documents` table. Old versions are kept, never overwritten: a report names the model
/// version it was computed from, and `report verify` must find that version later.
public struct DocumentStore {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    /// Stores `content` as the next version of (kind, id), unless the latest version has
    /// the same content (by SHA-256), in which case nothing is written. Storing an older
    /// content again makes a new version: the history records what was current when.
    @discardableResult
    public func add(kind: String, id: String, content: String, json: String,
                    sourcePath: String?, addedAt: Date = Date()) throws -> AddOutcome {
        // A model, instrument or PDSA file names no person: one that holds an identity
        // number (a justification, a PDSA note about a child) is refused, located and
        // not echoed, rather than stored (docs/privacy.md).
        if let first = IdentityNumberScanner.matches(in: content, reference: IdentityNumberScanner.fallbackReference).first {
            let before = Array(content.utf8)[..<first.range.lowerBound]
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = String(decoding: before.reversed().prefix { $0 != 0x0A }.reversed(), as: UTF8.self).count + 1
            throw DocumentStoreError.holdsIdentityNumber(file: IdentityNumberScanner.masking(sourcePath ?? id), line: line, column: column)
        }
        let sourcePath = sourcePath.map(IdentityNumberScanner.masking)
        let hash = ContentHash.sha256(content)
        return try database.transaction {
            if let latest = try latest(kind: kind, id: id) {
                if latest.sha256 == hash { return .unchanged(version: latest.version) }
                try insert(kind: kind, id: id, version: latest.version + 1, hash: hash,
                           content: content, json: json, sourcePath: sourcePath, addedAt: addedAt)
                return .added(version: latest.version + 1)
            }
            try insert(kind: kind, id: id, version: 1, hash: hash,
                       content: content, json: json, sourcePath: sourcePath, addedAt: addedAt)
            return .added(version: 1)
        }
    }

    /// Every id of a kind with its latest version, ordered by id.
    public func list(kind: String) throws -> [DocumentSummary] {
        try database.query("""
            SELECT d.id, d.version, d.added_at, c.n
            FROM documents d
            JOIN (SELECT id, max(version) AS latest, count(*) AS n
                  FROM documents WHERE kind = ?1 GROUP BY id) c
              ON d.id = c.id AND d.version = c.latest
            WHERE d.kind = ?1
            ORDER BY d.id
            """, kind).map { row in
            DocumentSummary(kind: kind, id: row.string("id") ?? "", latestVersion: row.int("version") ?? 0,
                            versionCount: row.int("n") ?? 0, addedAt: row.string("added_at") ?? "")
        }
    }

    /// All versions of one document, oldest first.
    public func versions(kind: String, id: String) throws -> [StoredDocument] {
        try fetch("WHERE kind = ? AND id = ? ORDER BY version", kind, id)
    }

    public func latest(kind: String, id: String) throws -> StoredDocument? {
        try fetch("WHERE kind = ? AND id = ? ORDER BY version DESC LIMIT 1", kind, id).first
    }

    public func version(kind: String, id: String, version: Int) throws -> StoredDocument? {
        try fetch("WHERE kind = ? AND id = ? AND version = ?", kind, id, version).first
    }

    private func insert(kind: String, id: String, version: Int, hash: String, content: String,
                        json: String, sourcePath: String?, addedAt: Date) throws {
        try database.execute("""
            INSERT INTO documents (kind, id, version, sha256, content, json, source_path, added_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, kind, id, version, hash, content, json, sourcePath, Timestamp.iso8601(addedAt))
    }

    private func fetch(_ clause: String, _ arguments: (any DatabaseValueConvertible)?...) throws -> [StoredDocument] {
        let statement = try database.prepare("""
            SELECT kind, id, version, sha256, content, json, source_path, added_at
            FROM documents \(clause)
            """)
        try statement.bind(arguments)
        var result: [StoredDocument] = []
        while try statement.step() {
            result.append(StoredDocument(
                kind: statement.string(at: 0) ?? "", id: statement.string(at: 1) ?? "",
                version: statement.int(at: 2) ?? 0, sha256: statement.string(at: 3) ?? "",
                content: statement.string(at: 4) ?? "", json: statement.string(at: 5) ?? "",
                sourcePath: statement.string(at: 6), addedAt: statement.string(at: 7) ?? ""))
        }
        return result
    }
}

public enum DocumentStoreError: Error, CustomStringConvertible, Sendable {
    case holdsIdentityNumber(file: String, line: Int, column: Int)

    public var description: String {
        switch self {
        case .holdsIdentityNumber(let file, let line, let column):
            return "\(file):\(line):\(column): this holds a personnummer or samordningsnummer (not shown), which piloteval never stores; a logic model, instrument or PDSA file names no person. Remove it and add the file again; nothing was stored"
        }
    }
}
