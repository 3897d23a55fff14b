import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// `/api/v1/openapi.json` serves exactly the committed docs/openapi.json (regenerate the
/// Swift copy with `python3 Tests/api/embed_openapi.py`).
@Suite struct OpenAPIDocumentTests {
    static let committed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.json")

    @Test func theServedDocumentIsTheCommittedFile() throws {
        let file = try Data(contentsOf: Self.committed)
        #expect(file == Data(OpenAPIDocument.text.utf8),
                "docs/openapi.json and OpenAPIDocument.swift differ: run python3 Tests/api/embed_openapi.py")
    }

    @Test func itIsOpenAPI31WithEveryRead() throws {
        let object = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8))
        let document = try #require(object as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        for path in ["/api/v1/openapi.json", "/api/v1/models", "/api/v1/models/{id}",
                     "/api/v1/models/{id}/indicators/status", "/api/v1/models/{id}/indicators/trend",
                     "/api/v1/models/{id}/cases/compare", "/api/v1/models/{id}/readiness/summary"] {
            #expect(paths[path] != nil, "\(path)")
        }
    }

    @Test func theRouteAnswersTheBytesWithTheBearerToken() async throws {
        let app = AuthenticationTests.application(database: try AuthenticationTests.emptyDatabase())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get,
                                     headers: [.authorization: "Bearer \(AuthenticationTests.token.value)"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Data(buffer: response.body) == Data(OpenAPIDocument.text.utf8))
            }
        }
    }
}
