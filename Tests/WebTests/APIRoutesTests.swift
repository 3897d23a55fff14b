import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// The API's reads refuse what the CLI would take as a file, and answer methods the way
/// HTTP expects (Tests/api/run.sh checks the answers themselves against the CLI).
@Suite struct APIRoutesTests {
    static let bearer: HTTPFields = [.authorization: "Bearer \(AuthenticationTests.token.value)"]

    @Test func aModelOrInstrumentThatLooksLikeAPathIsNotReadFromDisk() async throws {
        let database = try AuthenticationTests.emptyDatabase()
        // A valid model file on the server's disk: the catalog would read and store it
        // if the API handed it the path.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("web-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("m.yaml")
        try "schema: piloteval/logic-model/v1\nid: m\nname: M\n".write(to: file, atomically: true, encoding: .utf8)
        let encoded = file.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let app = AuthenticationTests.application(database: database)
        try await app.test(.router) { client in
            for uri in ["/api/v1/models/\(encoded)", "/api/v1/models/m.yaml", "/api/v1/models/\(encoded)/indicators/trend",
                        "/api/v1/models/x/readiness/summary?instrument=\(encoded)"] {
                try await client.execute(uri: uri, method: .get, headers: Self.bearer) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
            try await client.execute(uri: "/api/v1/models", method: .get, headers: Self.bearer) { response in
                #expect(String(buffer: response.body) == "[\n\n]\n", "nothing was stored")
            }
        }
    }

    @Test func aBlankPeriodIsRefusedAsTheCLIRefusesIt() async throws {
        let app = AuthenticationTests.application(database: try AuthenticationTests.emptyDatabase())
        try await app.test(.router) { client in
            for period in ["", "%20", "not-a-period"] {
                try await client.execute(uri: "/api/v1/models/x/indicators/status?period=\(period)", method: .get,
                                         headers: Self.bearer) { response in
                    #expect(response.status == .badRequest, "period=\(period)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
        }
    }

    @Test func headAnswersLikeGetAndOtherMethodsAre405() async throws {
        let app = AuthenticationTests.application(database: try AuthenticationTests.emptyDatabase())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .head, headers: Self.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == String(OpenAPIDocument.text.utf8.count))
                #expect(response.body.readableBytes == 0)
            }
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .trace, HTTPRequest.Method("QUERY")!] {
                try await client.execute(uri: "/api/v1/models/x/cases/compare", method: method, headers: Self.bearer) { response in
                    #expect(response.status == .methodNotAllowed, "\(method)")
                    #expect(response.headers[.allow] == "GET, HEAD")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
            // Without the token, still 401 first.
            try await client.execute(uri: "/api/v1/models", method: .post) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
