import Store

/// One import as `imports list --format json` (and `--format json` of every import
/// command) prints it; the web API answers an upload with the same (DESIGN §8).
public struct ImportListing: Encodable, Sendable {
    let id: Int, kind: String, fileName: String, fileSha256: String, rowCount: Int
    let target: String?, startedAt: String, finishedAt: String?, status: String
    let supersededRows: Int, supersededBy: [Int]

    public init(_ r: ImportRecord, superseded: Supersession? = nil) {
        id = r.id; kind = r.kind; fileName = r.fileName; fileSha256 = r.fileSHA256
        rowCount = r.rowCount; target = r.target; startedAt = r.startedAt
        finishedAt = r.finishedAt; status = r.status.rawValue
        supersededRows = superseded?.rows ?? 0; supersededBy = superseded?.by ?? []
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, target, status
        case fileName = "file_name", fileSha256 = "file_sha256", rowCount = "row_count"
        case startedAt = "started_at", finishedAt = "finished_at"
        case supersededRows = "superseded_rows", supersededBy = "superseded_by"
    }
}

/// What `imports undo ID --format json` prints; the web API's `DELETE /api/v1/imports/{id}`
/// answers the same.
public struct UndoListing: Encodable, Sendable {
    let id: Int, kind: String, fileName: String, target: String?, deletedRows: [String: Int]

    public init(_ u: UndoneImport) {
        id = u.record.id; kind = u.record.kind; fileName = u.record.fileName; target = u.record.target
        deletedRows = u.deletedRows
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, target
        case fileName = "file_name", deletedRows = "deleted_rows"
    }
}
