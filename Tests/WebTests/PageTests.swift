import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import Web

/// The pages over a real database: a shipped model and its shipped indicator values
/// (Models/, Datasets/ of this repository), through the router with a session.
@Suite struct PageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func database() throws -> String {
        let path = try AuthenticationTests.emptyDatabase()
        let db = try Database(path: path)
        _ = try ModelCatalog(db).add(path: repository.appendingPathComponent("Models/familjeenheten-2022.yaml").path)
        let versioned = try ModelCatalog(db).resolveVersioned("familjeenheten-2022")
        let csv = repository.appendingPathComponent("Datasets/seeds-observations/familjeenheten-2022.csv").path
        _ = try IndicatorImporter(db).importFile(try CSVReader(path: csv), model: versioned)
        return path
    }

    /// Opens a session with the link and returns its cookie.
    static func signIn(_ client: some TestClientProtocol, query: String = "") async throws -> String {
        try await client.execute(uri: "/?token=\(AuthenticationTests.token.value)\(query)", method: .get) { response in
            String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
        }
    }

    @Test func everyPageOfAModelAnswersWithOneH1InTheChosenLanguage() async throws {
        let app = AuthenticationTests.application(database: try Self.database())
        try await app.test(.router) { client in
            let cookie = try await Self.signIn(client)
            let pages = ["/", "/help", "/accessibility", "/models/familjeenheten-2022"]
                + ["indicators", "pilot-vs-line", "readiness", "improvement", "logic-model", "reports", "imports"]
                    .map { "/models/familjeenheten-2022/\($0)" }
            for path in pages {
                try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok, "\(path)")
                    #expect(html.components(separatedBy: "<h1").count == 2, "one h1 on \(path)")
                    #expect(html.contains("<html lang=\"sv\">"), "\(path)")
                    #expect(html.components(separatedBy: " lang=\"sv\"").count == 2, "no lang on parts of a Swedish page: \(path)")
                    #expect(!html.contains("{{"), "no unrendered template on \(path)")
                    // A page of the page's own tables and a report's section numbers its
                    // captions once through, and no id is used twice.
                    for label in ["Tabell", "Figur"] {
                        let numbers = Self.matches(of: "<strong>" + label + " ([0-9]+)\\.</strong>", in: html).compactMap { Int($0) }
                        #expect(numbers == Array(0..<numbers.count).map { $0 + 1 }, "\(label) on \(path): \(numbers)")
                    }
                    let ids = Self.matches(of: " id=\"([^\"]+)\"", in: html)
                    #expect(Set(ids).count == ids.count, "an id used twice on \(path)")
                }
            }
            try await client.execute(uri: "/models/familjeenheten-2022/indicators?lang=en", method: .get,
                                     headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\">"))
            }
            // On an English page the model's own Swedish texts say so (WCAG 3.1.2).
            try await client.execute(uri: "/models/familjeenheten-2022", method: .get, headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<h1 lang=\"sv\">Familjeenheten"), "the model's name as the heading")
                #expect(html.contains("<h3>I1 <span lang=\"sv\">"), "an indicator's title")
                // The overview opens with the brief's lines in words (issue 20).
                #expect(html.contains("In brief"), "the brief's summary on the overview")
                #expect(html.contains("Indicators for 2022:"), "the indicators' line")
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/models/familjeenheten-2022\" lang=\"sv\">"))
            }
            // The choice is remembered by the session.
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\">"))
            }
        }
    }

    /// The first capture group of every match.
    static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func theStartPageCountsIndicatorsAsStatusDoes() async throws {
        let path = try Self.database()
        // The same question through the library, to compare with what the page says.
        let db = try Database(path: path, readOnly: true)
        let versioned = try ModelCatalog(db).resolveVersioned("familjeenheten-2022")
        let data = try IndicatorData.load(db, modelID: versioned.model.id)
        let report = try #require(IndicatorStatusAnalysis.compute(
            model: versioned.model, modelVersion: versioned.version, observations: data.observations, warnings: data.warnings,
            period: nil, earlierVersions: data.versions, unavailable: data.unavailable))
        let met = report.indicators.filter { $0.status == .met }.count
        let notMet = report.indicators.filter { $0.status == .notMet }.count
        #expect(met == 2 && notMet == 5, "the shipped 2022 values: I2 and I6 met; I1, I3, I4, I5, I8 not")
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let cookie = try await Self.signIn(client)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("2022: \(met) når målet, \(notMet) når inte målet, \(report.indicators.count - met - notMet) kan inte bedömas"))
            }
        }
    }

    @Test func anUnknownModelIsAPageNotAStackTrace() async throws {
        let app = AuthenticationTests.application(database: try Self.database())
        try await app.test(.router) { client in
            let cookie = try await Self.signIn(client)
            try await client.execute(uri: "/models/no-such-model/pilot-vs-line", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .notFound)
                let html = String(buffer: response.body)
                #expect(html.contains("no-such-model"))
                #expect(!html.contains("CatalogError") && !html.contains("Sources/"))
            }
            try await client.execute(uri: "/api/v1/models/no-such-model/indicators/status", method: .get,
                                     headers: [.authorization: "Bearer \(AuthenticationTests.token.value)"]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func aReportIsMadeKeptDownloadedAndVerified() async throws {
        let path = try Self.database()
        let app = AuthenticationTests.application(database: path)
        try await app.test(.router) { client in
            let cookie = try await Self.signIn(client)
            let csrf = try await client.execute(uri: "/models/familjeenheten-2022/reports", method: .get,
                                                headers: [.cookie: cookie]) { response in
                let html = String(buffer: response.body)
                let marker = "name=\"_csrf\" value=\""
                let start = try #require(html.range(of: marker)).upperBound
                return String(html[start...].prefix(64))
            }
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            // A bad period keeps what was typed and changes nothing.
            try await client.execute(uri: "/models/familjeenheten-2022/reports", method: .post, headers: form,
                                     body: ByteBuffer(string: "_csrf=\(csrf)&kind=tertial&language=sv&audience=public&period=2022-T9")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("value=\"2022-T9\""))
            }
            #expect(try ReportArchive(try Database(path: path, readOnly: true)).list().isEmpty)
            let location = try await client.execute(uri: "/models/familjeenheten-2022/reports", method: .post, headers: form,
                                                    body: ByteBuffer(string: "_csrf=\(csrf)&kind=steering&language=sv&audience=public&period=")) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            let stored = try #require(try ReportArchive(try Database(path: path, readOnly: true)).list().first)
            #expect(location == "/models/familjeenheten-2022/reports/\(stored.id)")
            try await client.execute(uri: location + "/report.docx", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                let bytes = Data(buffer: response.body)
                #expect(bytes.prefix(2) == Data("PK".utf8), "a DOCX is a ZIP file")
                #expect(ContentHash.sha256(bytes) == stored.docxSHA256, "the download is the file kept")
            }
            try await client.execute(uri: location + "/verify", method: .post, headers: form,
                                     body: ByteBuffer(string: "_csrf=\(csrf)")) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("siffror stämmer med uppgifterna som finns nu"))
            }
            // Another model's path does not reach this report.
            try await client.execute(uri: "/models/other/reports/\(stored.id)/report.json", method: .get,
                                     headers: [.cookie: cookie]) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
