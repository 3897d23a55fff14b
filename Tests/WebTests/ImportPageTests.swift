import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import Web

/// Loading indicator values in the browser (issue 23's first step): choose a file, see
/// what it would do with nothing saved, import it, see it said once, undo it.
@Suite struct ImportPageTests {
    static func csrf(_ html: String) throws -> String {
        let marker = "name=\"_csrf\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix(64))
    }

    /// A page form's upload: the CSRF token, the form's other fields, the file.
    static func upload(_ csv: String, csrf: String, fileName: String = "tertial.csv", fields: [(String, String)] = []) -> ByteBuffer {
        let b = ImportAPITests.boundary
        var body = "--\(b)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
        for (name, value) in fields { body += "--\(b)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n" }
        return ByteBuffer(string: body + "--\(b)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
                          + "Content-Type: text/csv\r\n\r\n\(csv)\r\n--\(b)--\r\n")
    }

    @Test func previewThenImportThenUndo() async throws {
        let path = try ImportAPITests.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let page = "/models/familjeenheten-2022/imports"
            let csrf = try await client.execute(uri: page, method: .get, headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("enctype=\"multipart/form-data\""))
                return try Self.csrf(html)
            }
            let multipart: HTTPFields = [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(ImportAPITests.boundary)"]
            // Without the token in the form: refused.
            try await client.execute(uri: page + "/preview", method: .post, headers: multipart,
                                     body: Self.upload(ImportAPITests.good, csrf: String(repeating: "0", count: 64))) { response in
                #expect(response.status == .forbidden)
            }
            // A broken file: its errors located, nothing saved.
            let lines = ImportAPITests.good.components(separatedBy: "\n")
            try await client.execute(uri: page + "/preview", method: .post, headers: multipart,
                                     body: Self.upload(lines[0] + "\nI1,2022-T7,total,90,,,\n", csrf: csrf, fileName: "fel.csv")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("fel.csv:2:"))
            }
            let uploadID = try await client.execute(uri: page + "/preview", method: .post, headers: multipart,
                                                    body: Self.upload(ImportAPITests.good, csrf: csrf)) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("tertial.csv: 37 värden"))
                #expect(html.contains("Inget är sparat ännu"))
                let marker = "name=\"upload\" value=\""
                let start = try #require(html.range(of: marker)).upperBound
                return String(html[start...].prefix(32))
            }
            #expect(try ImportAPITests.imports(path).isEmpty, "a preview saves nothing")
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: page + "/confirm", method: .post, headers: form,
                                     body: ByteBuffer(string: "_csrf=\(csrf)&upload=\(uploadID)")) { response in
                #expect(response.status == .seeOther)
            }
            let record = try #require(try ImportAPITests.imports(path).first)
            #expect(record.fileName == "tertial.csv" && record.rowCount == 37)
            // Said once, on the next page.
            try await client.execute(uri: page, method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("Inläst: tertial.csv, 37 rader."))
            }
            try await client.execute(uri: page, method: .get, headers: [.cookie: cookie]) { response in
                #expect(!String(buffer: response.body).contains("Inläst: tertial.csv"))
            }
            // The same upload cannot be confirmed twice.
            try await client.execute(uri: page + "/confirm", method: .post, headers: form,
                                     body: ByteBuffer(string: "_csrf=\(csrf)&upload=\(uploadID)")) { response in
                #expect(String(buffer: response.body).contains("Förhandsgranskningen har gått ut"))
            }
            try await client.execute(uri: page + "/undo", method: .post, headers: form,
                                     body: ByteBuffer(string: "_csrf=\(csrf)&import=\(record.id)")) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try ImportAPITests.imports(path).isEmpty)
            try await client.execute(uri: page, method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("Inläsningen av tertial.csv är ångrad."))
            }
        }
    }

    /// A survey wave and a case extract through the page's own forms: a missing field is
    /// marked and what was chosen kept; a wave is previewed and imported; a case extract
    /// with identity numbers is refused while the server has no key.
    @Test func everyKindHasItsForm() async throws {
        let path = try CaseAndMeasureUploadTests.database()
        let app = AuthenticationTests.application(database: path)
        let csv = try String(contentsOf: PageTests.repository.appendingPathComponent("Datasets/vallingbyteamet/readiness-2022-03-synthetic.csv"),
                             encoding: .utf8)
        try await app.test(.router) { client in
            let cookie = try await PageTests.signIn(client)
            let page = "/models/vallingbyteamet/imports"
            let csrf = try await client.execute(uri: page, method: .get, headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                // The model reads cases, a survey and a measure.
                for kind in ["cases", "readiness", "measures"] { #expect(html.contains("id=\"upload-\(kind)\""), "\(kind)") }
                #expect(html.contains("<option value=\"vallingbyteamet-readiness\""))
                #expect(html.contains("<option value=\"forskolekonsultationer\">"), "the bound measure is suggested")
                #expect(html.contains("Servern har ingen nyckel för pseudonymisering"))
                return try Self.csrf(html)
            }
            let multipart: HTTPFields = [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(ImportAPITests.boundary)"]
            // No wave: the field is marked, the choices kept, nothing saved.
            try await client.execute(uri: page + "/preview", method: .post, headers: multipart,
                                     body: Self.upload(csv, csrf: csrf, fileName: "enkat.csv",
                                                       fields: [("kind", "readiness"), ("instrument", "vallingbyteamet-readiness"),
                                                                ("wave", " "), ("aggregated", "")])) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"wave-readiness\" name=\"wave\" value=\" \" required aria-describedby=\"wave-readiness-hint wave-readiness-error\" aria-invalid=\"true\""))
                #expect(html.contains("Skriv vilken omgång filen gäller"))
                #expect(html.contains("<option value=\"vallingbyteamet-readiness\" selected>"))
            }
            let uploadID = try await client.execute(uri: page + "/preview", method: .post, headers: multipart,
                                                    body: Self.upload(csv, csrf: csrf, fileName: "enkat.csv",
                                                                      fields: [("kind", "readiness"), ("instrument", "vallingbyteamet-readiness"),
                                                                               ("wave", "2022-03")])) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("enkat.csv: 76 rader från enheterna"), "76 respondents, as the demo imports")
                #expect(html.contains("omgång 2022-03. Inget är sparat ännu."))
                let marker = "name=\"upload\" value=\""
                let start = try #require(html.range(of: marker)).upperBound
                return String(html[start...].prefix(32))
            }
            #expect(try ImportAPITests.imports(path).isEmpty)
            try await client.execute(uri: page + "/confirm", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "_csrf=\(csrf)&upload=\(uploadID)")) { response in
                #expect(response.status == .seeOther)
            }
            let record = try #require(try ImportAPITests.imports(path).first)
            #expect(record.kind == "readiness" && record.target == "vallingbyteamet-readiness 2022-03" && record.rowCount == 76)
            // A case extract with identity numbers and no key: refused, naming the column only.
            try await client.execute(uri: page + "/preview", method: .post, headers: multipart,
                                     body: Self.upload(CaseAndMeasureUploadTests.extract, csrf: csrf, fileName: "utdrag.csv",
                                                       fields: [("kind", "cases"), ("extract_date", "2021-12-31")])) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("&quot;personnummer&quot;") && html.contains("serve --key-file"))
                #expect(html.contains("name=\"extract_date\" value=\"2021-12-31\""), "the date kept")
                for form in CaseAndMeasureUploadTests.forms { #expect(!html.contains(form)) }
            }
            #expect(try ImportAPITests.imports(path).count == 1)
        }
    }
}
