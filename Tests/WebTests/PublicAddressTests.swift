import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Web

/// Behind a reverse proxy that terminates TLS (`serve --public-url`, docs/deployment.md):
/// the server speaks plain HTTP on loopback, yet cookies are `Secure`, answers carry HSTS
/// and a sign-in must come from the public origin; and no address off this machine is
/// served without TLS of some kind.
@Suite struct PublicAddressTests {
    static func application(database: String, publicURL: String?) -> some ApplicationProtocol {
        var configuration = WebServer.Configuration(data: WebData(path: database), token: AuthenticationTests.token,
                                                    toolVersion: "test", log: { _ in })
        configuration.publicAddress = publicURL.flatMap(PublicAddress.init)
        return Application(router: WebServer(configuration).router())
    }

    static let hsts = HTTPField.Name("Strict-Transport-Security")!
    static let anna = EntryTests.form([("username", "anna"), ("password", "annas långa lösenord")])

    @Test func theOriginIsHTTPSAndNothingButTheAuthority() {
        #expect(PublicAddress("https://Piloteval.Example.se/")?.origin == "https://piloteval.example.se")
        #expect(PublicAddress("https://piloteval.example.se:443")?.origin == "https://piloteval.example.se")
        #expect(PublicAddress("https://piloteval.example.se:8443")?.origin == "https://piloteval.example.se:8443")
        for refused in ["http://piloteval.example.se", "https://piloteval.example.se/piloteval", "piloteval.example.se",
                        "https://", "https://x.se/?a=1", "https://user@x.se"] {
            #expect(PublicAddress(refused) == nil, "\(refused)")
        }
        let published = PublicAddress("https://piloteval.example.se")!
        #expect(published.matches(origin: "https://PILOTEVAL.example.se:443"))
        #expect(!published.matches(origin: "http://piloteval.example.se"))
        #expect(!published.matches(origin: "https://piloteval.example.se.evil.example"))
        #expect(!published.matches(origin: "http://127.0.0.1:8080"))
    }

    @Test func anAddressOffThisMachineNeedsTLS() {
        for host in ["127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost"] {
            #expect(PublicAddress.isLoopback(host), "\(host)")
            #expect(PublicAddress.exposureProblem(host: host, tls: false, publicAddress: nil) == nil)
        }
        for host in ["0.0.0.0", "::", "10.1.2.3", "128.0.0.1", "piloteval.example.se"] {
            #expect(!PublicAddress.isLoopback(host), "\(host)")
            #expect(PublicAddress.exposureProblem(host: host, tls: false, publicAddress: nil)?.contains("--public-url") == true)
            #expect(PublicAddress.exposureProblem(host: host, tls: true, publicAddress: nil) == nil)
            // A proxy in front does not make the server's own plain HTTP safe on the network.
            #expect(PublicAddress.exposureProblem(host: host, tls: false, publicAddress: PublicAddress("https://x.se"))?
                .contains("past the proxy") == true)
        }
    }

    @Test func behindAProxyCookiesAreSecureAndSignInsComeFromThePublicOrigin() async throws {
        let app = Self.application(database: try AccountsWebTests.database(), publicURL: "https://piloteval.example.se")
        try await app.test(.router) { client in
            // The address the proxy talks to is not where browsers are: refused.
            for origin in ["http://127.0.0.1:8080", "http://piloteval.example.se", "https://annan.example"] {
                try await client.execute(uri: "/login", method: .post, headers: AccountsWebTests.form + [.origin: origin], body: Self.anna) {
                    #expect($0.status == .forbidden, "\(origin)")
                }
            }
            try await client.execute(uri: "/login", method: .post,
                                     headers: AccountsWebTests.form + [.origin: "https://piloteval.example.se"], body: Self.anna) { response in
                #expect(response.status == .seeOther)
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                #expect(response.headers[Self.hsts] == "max-age=31536000")
            }
        }
    }

    @Test func onLoopbackWithoutAProxyNothingClaimsHTTPS() async throws {
        let app = Self.application(database: try AccountsWebTests.database(), publicURL: nil)
        try await app.test(.router) { client in
            try await client.execute(uri: "/login", method: .post, headers: AccountsWebTests.form, body: Self.anna) { response in
                #expect(response.status == .seeOther)
                let cookie = try #require(response.headers[.setCookie])
                #expect(!cookie.contains("Secure"))
                #expect(response.headers[Self.hsts] == nil)
            }
        }
    }
}
