import Foundation
import Testing
@testable import Store

/// Migration 10: reports made in the web application are kept whole, with the SHA-256
/// of each file, and read back as they were stored.
@Suite struct ReportArchiveTests {
    @Test func aReportIsKeptWithItsHashesAndReadBackByteForByte() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("r.db").path)
            let archive = ReportArchive(db)
            let files = ArchivedReportFiles(record: Data("{\"a\":1}\n".utf8), html: Data("<html></html>".utf8),
                                            docx: Data([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]))
            let first = try archive.add(modelID: "m", modelVersion: 2, kind: "steering", language: "sv", audience: "public",
                                        period: "2022-T3", files: files)
            let second = try archive.add(modelID: "other", modelVersion: 1, kind: "final", language: "en", audience: "internal",
                                         period: nil, files: files)
            // SHA-256 of "<html></html>", computed with `printf '<html></html>' | sha256sum`.
            #expect(first.htmlSHA256 == "b633a587c652d02386c4f16f8c6f6aab7352d97f16367c3c40576214372dd628")
            #expect(try archive.file(first.id, .docx) == files.docx)
            #expect(try archive.file(first.id, .record) == files.record)
            #expect(try archive.list(modelID: "m").map(\.id) == [first.id])
            #expect(try archive.list().map(\.id) == [second.id, first.id], "newest first")
            #expect(try archive.report(second.id)?.period == nil)
            #expect(throws: DatabaseError.self) {
                try archive.add(modelID: "m", modelVersion: 1, kind: "weekly", language: "sv", audience: "public",
                                period: nil, files: files)
            }
        }
    }
}
