import Foundation

/// A report kept in the database (migration 10): its settings, and the hashes of the
/// files made at the time. The files themselves are read one at a time (`file`).
public struct ArchivedReport: Sendable, Hashable {
    public let id: Int
    public let modelID: String
    public let modelVersion: Int
    public let kind: String
    public let language: String
    public let audience: String
    public let period: String?
    public let createdAt: String
    public let recordSHA256: String
    public let htmlSHA256: String
    public let docxSHA256: String
}

/// The reports table. Storing is one statement, so a report is kept whole or not at all.
public struct ArchivedReportFiles: Sendable {
    public var record: Data
    public var html: Data
    public var docx: Data

    public init(record: Data, html: Data, docx: Data) {
        self.record = record
        self.html = html
        self.docx = docx
    }
}

public struct ReportArchive {
    public enum File: String, Sendable, CaseIterable { case record, html, docx }

    let database: Database

    public init(_ database: Database) { self.database = database }

    @discardableResult
    public func add(modelID: String, modelVersion: Int, kind: String, language: String, audience: String,
                    period: String?, files: ArchivedReportFiles, createdAt: Date = Date()) throws -> ArchivedReport {
        try database.execute("""
            INSERT INTO reports (model_id, model_version, kind, language, audience, period, created_at,
                                 record, record_sha256, html, html_sha256, docx, docx_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, modelID, modelVersion, kind, language, audience, period, Timestamp.iso8601(createdAt),
            files.record, ContentHash.sha256(files.record), files.html, ContentHash.sha256(files.html),
            files.docx, ContentHash.sha256(files.docx))
        guard let stored = try report(database.lastInsertedRowID) else {
            throw DatabaseError(code: 1, message: "the report just stored cannot be read back")
        }
        return stored
    }

    /// Newest first; one model's, or every model's.
    public func list(modelID: String? = nil) throws -> [ArchivedReport] {
        let rows = try database.query("""
            SELECT \(Self.columns) FROM reports
            WHERE ?1 IS NULL OR model_id = ?1 ORDER BY id DESC
            """, modelID)
        return rows.compactMap(Self.report)
    }

    public func report(_ id: Int) throws -> ArchivedReport? {
        try database.queryFirst("SELECT \(Self.columns) FROM reports WHERE id = ?", id).flatMap(Self.report)
    }

    public func file(_ id: Int, _ file: File) throws -> Data? {
        try database.queryFirst("SELECT \(file.rawValue) FROM reports WHERE id = ?", id)?[0].data
    }

    static let columns = "id, model_id, model_version, kind, language, audience, period, created_at, record_sha256, html_sha256, docx_sha256"

    static func report(_ row: Row) -> ArchivedReport? {
        guard let id = row.int("id"), let model = row.string("model_id"), let version = row.int("model_version"),
              let kind = row.string("kind"), let language = row.string("language"), let audience = row.string("audience"),
              let created = row.string("created_at"), let record = row.string("record_sha256"),
              let html = row.string("html_sha256"), let docx = row.string("docx_sha256") else { return nil }
        return ArchivedReport(id: id, modelID: model, modelVersion: version, kind: kind, language: language,
                              audience: audience, period: row.string("period"), createdAt: created,
                              recordSHA256: record, htmlSHA256: html, docxSHA256: docx)
    }
}
