import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Presentation
import Store
import Testing
@testable import Web

/// The API's upload of indicator values (DESIGN §8, issue 23): a dry run previews and
/// writes nothing, an import answers 201 with its record as `imports list --format json`
/// shows it, a broken file is refused with located errors and changes nothing, undo
/// takes it back.
@Suite struct ImportAPITests {
    static let boundary = "----piloteval-test-boundary"

    static func multipart(_ csv: String, fileName: String = "varden.csv") -> ByteBuffer {
        ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
                   + "Content-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n")
    }

    static let headers: HTTPFields = [.authorization: "Bearer \(AuthenticationTests.token.value)",
                                      .contentType: "multipart/form-data; boundary=\(boundary)"]

    static func database() throws -> String {
        let path = try AuthenticationTests.emptyDatabase()
        _ = try ModelCatalog(try Database(path: path)).add(
            path: PageTests.repository.appendingPathComponent("Models/familjeenheten-2022.yaml").path)
        return path
    }

    static let good = try! String(contentsOf: PageTests.repository.appendingPathComponent("Datasets/seeds-observations/familjeenheten-2022.csv"), encoding: .utf8)

    static func imports(_ path: String) throws -> [ImportRecord] { try ImportLog(try Database(path: path, readOnly: true)).list() }

    @Test func aDryRunPreviewsAndWritesNothingThenTheImportIsKeptAndUndone() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022/imports?kind=indicators&dry_run=1", method: .post,
                                     headers: Self.headers, body: Self.multipart(Self.good)) { response in
                #expect(response.status == .ok)
                let preview = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                #expect(preview["dry_run"] as? Bool == true)
                #expect(preview["rows"] as? Int == 37, "the demo imports 37 rows from this file (imports list)")
            }
            #expect(try Self.imports(path).isEmpty, "a dry run writes nothing")

            let id = try await client.execute(uri: "/api/v1/models/familjeenheten-2022/imports?kind=indicators", method: .post,
                                              headers: Self.headers, body: Self.multipart(Self.good)) { response in
                #expect(response.status == .created)
                let record = try #require(try Self.imports(path).first)
                // Byte for byte what `imports list --format json` prints for this import.
                let listed = try ResultJSON.data(ImportListing(record))
                #expect(Data(buffer: response.body) == listed)
                #expect(record.fileName == "varden.csv" && record.rowCount == 37)
                return record.id
            }
            // The same file again: refused, as the CLI refuses it.
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022/imports?kind=indicators", method: .post,
                                     headers: Self.headers, body: Self.multipart(Self.good)) { response in
                #expect(response.status == .conflict)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/api/v1/imports/\(id)", method: .delete, headers: Self.headers) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"deleted_rows\""))
            }
            #expect(try Self.imports(path).isEmpty, "undo leaves imports list as the CLI's undo does")
            try await client.execute(uri: "/api/v1/imports/\(id)", method: .delete, headers: Self.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aBrokenFileIsRefusedWithLocatedErrorsAndNothingIsWritten() async throws {
        let path = try Self.database()
        // Line 3's value is not a number.
        let lines = Self.good.components(separatedBy: "\n")
        let broken = lines[0] + "\n" + lines[1] + "\nI1,2022,girls,abc,,,\n"
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022/imports?kind=indicators", method: .post,
                                     headers: Self.headers, body: Self.multipart(broken, fileName: "trasig.csv")) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                let errors = try #require(problem["errors"] as? [String])
                #expect(errors.contains { $0.hasPrefix("trasig.csv:3:") }, "located to line 3: \(errors)")
            }
            #expect(try Self.imports(path).isEmpty)
            // An unknown kind: 400 saying what to send.
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022/imports?kind=budget", method: .post,
                                     headers: Self.headers, body: Self.multipart(Self.good)) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("?kind=indicators, ?kind=cases, ?kind=readiness, ?kind=measures"))
            }
            // A case extract for a model without a pilot cohort: refused, saying why.
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022/imports?kind=cases", method: .post,
                                     headers: Self.headers, body: Self.multipart(Self.good)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("has no `cohorts.pilot`"))
            }
        }
    }

    @Test func aBrowserSessionMustSendItsCSRFToken() async throws {
        let app = AuthenticationTests.application(database: try Self.database())
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022/imports?kind=indicators", method: .post,
                                     headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(Self.boundary)"],
                                     body: Self.multipart(Self.good)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func multipartBodiesAreReadStrictly() throws {
        let body = Data("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\nContent-Type: text/csv\r\n\r\nx;y\r\n1;2\r\n--b--\r\n".utf8)
        let form = try MultipartForm(body: body, boundary: "b")
        #expect(form.text("a") == "1")
        #expect(form.part("file")?.fileName == "x.csv")
        #expect(form.text("file") == "x;y\r\n1;2", "a line break inside the file is kept; the one before the boundary is not")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\"q r\"") == "q r")
        #expect(MultipartForm.boundary(contentType: "text/csv") == nil)
        #expect(throws: MultipartForm.Malformed.self) { try MultipartForm(body: Data("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end".utf8), boundary: "b") }
        #expect(throws: MultipartForm.Malformed.self) { try MultipartForm(body: Data("--b\r\nX: y\r\n\r\n1\r\n--b--".utf8), boundary: "b") }
    }
}

/// A survey wave through the API: the options `readiness import` takes travel as query
/// parameters, and the instrument must be one the model's indicators read.
@Suite struct ReadinessUploadTests {
    @Test func aWaveIsPreviewedImportedAndRefusedForAnInstrumentTheModelDoesNotRead() async throws {
        let path = try AuthenticationTests.emptyDatabase()
        let repo = PageTests.repository
        do {
            let db = try Database(path: path)
            _ = try InstrumentCatalog(db).resolve(repo.appendingPathComponent("Models/instruments/vallingbyteamet-readiness.yaml").path)
            _ = try ModelCatalog(db).add(path: repo.appendingPathComponent("Models/vallingbyteamet.yaml").path)
            _ = try ModelCatalog(db).add(path: repo.appendingPathComponent("Models/familjeenheten-2022.yaml").path)
        }
        let csv = try String(contentsOf: repo.appendingPathComponent("Datasets/vallingbyteamet/readiness-2022-03-synthetic.csv"), encoding: .utf8)
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let base = "/api/v1/models/vallingbyteamet/imports?kind=readiness&instrument=vallingbyteamet-readiness&wave=2022-03"
            try await client.execute(uri: base + "&dry_run=1", method: .post, headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(csv, fileName: "enkat.csv")) { response in
                #expect(response.status == .ok)
                let preview = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
                #expect(preview["rows"] as? Int == 76, "the demo imports 76 respondents from this file (imports list)")
                #expect(preview["dry_run"] as? Bool == true)
            }
            #expect(try ImportAPITests.imports(path).isEmpty)
            try await client.execute(uri: base, method: .post, headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(csv, fileName: "enkat.csv")) { response in
                #expect(response.status == .created)
            }
            let record = try #require(try ImportAPITests.imports(path).first)
            #expect(record.kind == "readiness" && record.target == "vallingbyteamet-readiness 2022-03" && record.rowCount == 76)
            // Familjeenheten's indicators read no survey: refused, nothing written.
            try await client.execute(uri: "/api/v1/models/familjeenheten-2022/imports?kind=readiness&instrument=vallingbyteamet-readiness&wave=2023-03",
                                     method: .post, headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(csv, fileName: "enkat.csv")) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/v1/models/vallingbyteamet/imports?kind=readiness&instrument=vallingbyteamet-readiness",
                                     method: .post, headers: ImportAPITests.headers,
                                     body: ImportAPITests.multipart(csv, fileName: "enkat.csv")) { response in
                #expect(response.status == .badRequest, "no wave")
            }
            #expect(try ImportAPITests.imports(path).count == 1)
        }
    }
}
