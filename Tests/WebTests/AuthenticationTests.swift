import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// Local mode's door (DESIGN §8): the link's token opens a session, nothing else gets in.
@Suite struct AuthenticationTests {
    static let token = AccessToken(value: String(repeating: "ab", count: 32))

    static func application(database: String, keyFile: String? = nil) -> some ApplicationProtocol {
        let server = WebServer(.init(data: WebData(path: database), token: token, toolVersion: "test", keyFile: keyFile,
                                     log: { _ in }))
        return Application(router: server.router())
    }

    static func emptyDatabase() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("web-auth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("piloteval.db").path
        try WebData(path: path).prepare()
        return path
    }

    @Test func everyRouteAnswers401WithoutTokenOrSession() async throws {
        let app = Self.application(database: try Self.emptyDatabase())
        try await app.test(.router) { client in
            for path in ["/", "/help", "/accessibility", "/models/x", "/models/x/indicators", "/api/v1/models",
                         "/api/v1/models/x/indicators/status", "/api/v1/openapi.json"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(path)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                }
            }
            // A wrong token and a wrong bearer token are refused the same way.
            try await client.execute(uri: "/?token=" + String(repeating: "cd", count: 32), method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/api/v1/models", method: .get,
                                     headers: [.authorization: "Bearer " + String(repeating: "cd", count: 32)]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func theLinkSetsAStrictHttpOnlyCookieAndDropsTheToken() async throws {
        let app = Self.application(database: try Self.emptyDatabase())
        try await app.test(.router) { client in
            let cookie = try await client.execute(uri: "/models/x?lang=en&token=\(Self.token.value)", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/models/x?lang=en")
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Strict"))
                #expect(setCookie.contains("Path=/"))
                #expect(!setCookie.contains(Self.token.value))
                return String(setCookie.split(separator: ";")[0])
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<html lang=\"en\">"), "the language chosen with the link is remembered")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            }
            try await client.execute(uri: "/api/v1/models", method: .get,
                                     headers: [.authorization: "Bearer \(Self.token.value)"]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "[\n\n]\n")
            }
        }
    }

    @Test func anUnsafeRequestWithoutTheCSRFTokenIsRefused() async throws {
        let app = Self.application(database: try Self.emptyDatabase())
        try await app.test(.router) { client in
            let cookie = try await client.execute(uri: "/?token=\(Self.token.value)", method: .get) { response in
                String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            try await client.execute(uri: "/models/x/reports", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "kind=steering")) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func tokenComparisonNeedsTheWholeToken() {
        #expect(Self.token.matches(Self.token.value))
        #expect(!Self.token.matches(String(Self.token.value.dropLast())))
        #expect(!Self.token.matches(Self.token.value + "a"))
        #expect(!Self.token.matches(""))
        let a = AccessToken.random(), b = AccessToken.random()
        #expect(a.value.count == 64 && a != b)
        #expect(a.value.allSatisfy { $0.isHexDigit })
    }
}
