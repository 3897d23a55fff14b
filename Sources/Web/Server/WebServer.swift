import Accounts
import Foundation
import HTTPTypes
import HummingbirdTLS
import NIOSSL
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// `piloteval serve` (DESIGN §8): the application and how it starts. The CLI command
/// only parses options and calls `run`.
public struct WebServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var data: WebData
        public var token: AccessToken
        public var toolVersion: String
        /// The pseudonymisation key that case-extract uploads are read with (`--key-file`):
        /// its path, read at each upload; nil refuses extracts holding identity numbers.
        public var keyFile: String?
        /// Where request lines and errors go (stderr in the CLI).
        public var log: @Sendable (String) -> Void
        /// `--tls-cert` and `--tls-key` (PEM files): HTTPS, `Secure` cookies and HSTS.
        public var tls: (certificate: String, key: String)? = nil
        /// `--public-url`: a reverse proxy in front terminates TLS (docs/deployment.md).
        public var publicAddress: PublicAddress? = nil
        /// Whether browsers reach the server over HTTPS, its own or a proxy's: `Secure`
        /// cookies and HSTS.
        public var secure: Bool { tls != nil || publicAddress != nil }

        public init(host: String = "127.0.0.1", port: Int = 8080, data: WebData, token: AccessToken,
                    toolVersion: String, keyFile: String? = nil, log: @escaping @Sendable (String) -> Void) {
            self.host = host
            self.port = port
            self.data = data
            self.token = token
            self.toolVersion = toolVersion
            self.keyFile = keyFile
            self.log = log
        }
    }

    /// What every route handler shares.
    struct Services: Sendable {
        let configuration: Configuration
        let sessions: SessionStore
        let accounts: AccountsState
        let signIns = SignInGate()
        let documents: PageDocuments
        let pages: PageCache
        var data: WebData { configuration.data }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// The router with every page, the API and the middleware, in the order a request
    /// meets them: log, headers, errors, authentication, route.
    public func router() -> Router<WebContext> {
        let services = Services(configuration: configuration, sessions: SessionStore(), accounts: AccountsState(data: configuration.data),
                                documents: PageDocuments(), pages: PageCache())
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestLogMiddleware(log: configuration.log))
        router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: configuration.secure))
        router.add(middleware: ErrorMiddleware(log: configuration.log))
        router.add(middleware: AuthenticationMiddleware(token: configuration.token, sessions: services.sessions,
                                                        accounts: services.accounts, secureCookies: configuration.secure))
        AccountRoutes(services: services).register(on: router)
        AuditRoutes(services: services).register(on: router)
        PageRoutes(services: services).register(on: router)
        ReportRoutes(services: services).register(on: router)
        ImportAPIRoutes(services: services).register(on: router)
        ImportPageRoutes(services: services).register(on: router)
        EntryRoutes(services: services).register(on: router)
        PDSARoutes(services: services).register(on: router)
        BaselineRoutes(services: services).register(on: router)
        IndicatorFormRoutes(services: services).register(on: router)
        ModelEditorRoutes(services: services).register(on: router)
        WriteAPIRoutes(services: services).register(on: router)
        NewModelRoutes(services: services).register(on: router)
        APIRoutes(services: services).register(on: router)
        return router
    }

    /// Runs until SIGTERM or SIGINT; requests in flight are finished first.
    /// `onRunning` gets the address with the token once the port is bound (so `--port 0`
    /// prints the port it got).
    public func run(onRunning: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "piloteval.serve")
        logger.logLevel = .warning
        let host = configuration.host, token = configuration.token
        // With accounts the link carries no token: people sign in (DESIGN §8).
        let accountsMode = try await configuration.data.read { db in try !UserDirectory(db).isEmpty() }
        if accountsMode { UserDirectory.prepare() }
        let scheme = configuration.secure ? "https" : "http"
        let server: HTTPServerBuilder = try configuration.tls.map { try .tls(.http1(), tlsConfiguration: try Self.tlsConfiguration($0)) } ?? .http1()
        let app = Application(
            router: router(),
            server: server,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onRunning("\(scheme)://\(shownHost):\(port)/" + (accountsMode ? "" : "?token=\(token.value)"))
            },
            logger: logger)
        try await app.runService()
    }

    /// The certificate chain and key of `--tls-cert` and `--tls-key` (PEM).
    public static func tlsConfiguration(_ files: (certificate: String, key: String)) throws -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(files.certificate)
            let key = try NIOSSLPrivateKey(file: files.key, format: .pem)
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        } catch {
            throw WebStartError("cannot read the TLS certificate \(files.certificate) or key \(files.key) as PEM: \(error)")
        }
    }
}
