/// One imported file, as listed by `piloteval imports list`.
public struct ImportRecord: Sendable, Hashable {
    public let id: Int
    /// What was imported: `indicators`, `cases`, `readiness`, `measures`.
    public let kind: String
    /// The file's name as given on the command line.
    public let fileName: String
    /// SHA-256 of the file's bytes, lowercase hex: the same file under another name is
    /// still the same file.
    public let fileSHA256: String
    /// Data rows the import stored.
    public let rowCount: Int
    /// What the rows belong to (a model id, an instrument id and wave), or nil.
    public let target: String?
    /// ISO 8601 UTC.
    public let startedAt: String
    public let finishedAt: String?
    public let status: ImportStatus
}

public enum ImportStatus: String, Sendable, Hashable {
    /// Set by `ImportLog.start`. Imports run in one transaction, so no other connection
    /// ever sees this status; a committed row still saying it means an importer forgot
    /// to call `finish`.
    case inProgress = "in_progress"
    case complete
}

/// What `ImportLog.undo` removed.
public struct UndoneImport: Sendable, Hashable {
    public let record: ImportRecord
    /// Rows deleted through `ON DELETE CASCADE`, per data table; tables with none are left out.
    public let deletedRows: [String: Int]
}

public enum ImportLogError: Error, CustomStringConvertible, Sendable, Equatable {
    case alreadyImported(ImportRecord)
    case noSuchImport(Int)

    public var description: String {
        switch self {
        case .alreadyImported(let r):
            let target = r.target.map { " for \($0)" } ?? ""
            return "this exact file (\(r.fileName)) was already imported\(target) as import \(r.id) on \(r.startedAt), \(r.rowCount) rows; nothing was changed. To import it again, first run: piloteval imports undo \(r.id)"
        case .noSuchImport(let id):
            return "there is no import \(id); see piloteval imports list"
        }
    }
}
