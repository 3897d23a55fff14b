import CSQLite
import Foundation

/// What `Database.backup(to:)` wrote and checked.
public struct BackupSummary: Sendable, Encodable {
    /// The new file.
    public let path: String
    public let bytes: Int
    /// `PRAGMA user_version` of the copy: the schema version it was taken at.
    public let schemaVersion: Int
    /// `PRAGMA integrity_check` of the copy said "ok".
    public let integrityOK: Bool

    enum CodingKeys: String, CodingKey {
        case path, bytes, schemaVersion = "schema_version", integrityOK = "integrity_ok"
    }
}

/// Why a backup was not made. Nothing is left at the destination when it fails.
public struct BackupError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

extension Database {
    /// A consistent copy of this database in a new file at `path`, taken while others
    /// read and write it (docs/deployment.md, "Backup").
    ///
    /// `VACUUM INTO` reads one snapshot: under WAL a reader neither blocks the writer nor
    /// sees half a transaction, so a backup taken during imports holds each import
    /// wholly or not at all. (SQLite's page-by-page backup API restarts whenever another
    /// connection writes, and on a busy server might never finish.) The copy is compact
    /// — free pages, which `secure_delete` has zeroed, are not carried over — and keeps
    /// the file's `application_id` and `user_version`, so piloteval opens it as its own.
    ///
    /// The destination must not exist: a backup never overwrites. It is created
    /// owner-only (0600) before SQLite writes to it, since it holds the same data as the
    /// database. The copy is then opened on its own, checked with `PRAGMA integrity_check`
    /// and flushed to the disk; if anything fails, the file is removed.
    public func backup(to path: String) throws -> BackupSummary {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it exists already; a backup never overwrites a file, so give a new name"
                                         : String(cString: strerror(errno))
            throw BackupError(description: "cannot write a backup to \(path): \(reason)")
        }
        close(fd)
        var done = false
        defer { if !done { unlink(path) } }
        do {
            try execute("VACUUM INTO ?", path)
        } catch let error as DatabaseError {
            throw BackupError(description: "the backup to \(path) failed: \(error.message)")
        }
        let copy: Database
        do {
            copy = try Database(path: path, readOnly: true)
        } catch {
            throw BackupError(description: "the backup written to \(path) cannot be read back: \(error)")
        }
        let integrity = try copy.query("PRAGMA integrity_check").map { $0[0].string ?? "" }
        let version = Int(try copy.scalar("PRAGMA user_version").int ?? -1)
        let ownVersion = Int(try scalar("PRAGMA user_version").int ?? -1)
        guard integrity == ["ok"] else {
            throw BackupError(description: "the backup written to \(path) fails SQLite's integrity check: \(integrity.prefix(3).joined(separator: "; "))")
        }
        guard version == ownVersion else {
            throw BackupError(description: "the backup written to \(path) has schema version \(version), the database \(ownVersion)")
        }
        // On the disk before "done" is said: the check above may have read the page cache.
        // The file and then its folder's entry, so a power cut cannot lose a backup that was
        // reported written.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard Self.flush(path), Self.flush(folder) else {
            throw BackupError(description: "the backup written to \(path) could not be flushed to the disk: \(String(cString: strerror(errno)))")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        done = true
        return BackupSummary(path: path, bytes: bytes, schemaVersion: version, integrityOK: true)
    }

    /// fsync(2) of a file or folder.
    private static func flush(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return fsync(fd) == 0
    }
}
