import ArgumentParser
import Dispatch
import Foundation
import Store
import Web

/// `piloteval serve`: the web application (DESIGN §8). Thin: options in, `WebServer` runs.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the pages and the JSON API in a browser, for people who do not use a terminal.",
        discussion: """
        The first line on stdout is the address to open, with a key (token) that lets the
        browser in; anyone with the link can read everything in the database, so share it
        only with the pilot's own people. Ctrl-C (or SIGTERM) finishes requests in flight
        and stops. See docs/web.md.

          piloteval serve
          piloteval serve --db piloteval-demo/piloteval.db --port 8081
          piloteval serve --port 0          # any free port; the link says which
          piloteval serve --host 0.0.0.0 --tls-cert cert.pem --tls-key key.pem
          piloteval serve --public-url https://piloteval.example.se   # behind nginx

        Another address than this machine's own (127.0.0.1, ::1) is refused without the
        server's own TLS; behind a reverse proxy named by --public-url the server listens
        on 127.0.0.1 only (docs/deployment.md).
        With accounts (`piloteval users add`) the link has no key: people sign in.
        """
    )

    @Option(help: "Address to listen on (default: this machine only).") var host = "127.0.0.1"
    @Option(help: "Port (0: any free port).") var port = 8080
    @Option(help: ArgumentHelp("Keep the token in this file (made, mode 0600, if missing) so the link survives restarts.",
                               valueName: "path"))
    var tokenFile: String?
    @Option(help: ArgumentHelp("Pseudonymisation key (from `piloteval key create`) for case extracts uploaded in the browser; without it, extracts holding identity numbers are refused.",
                               valueName: "path"))
    var keyFile: String?
    @Option(help: ArgumentHelp("TLS certificate chain (PEM): serve HTTPS, with Secure cookies and HSTS.", valueName: "path"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("TLS private key (PEM) of --tls-cert.", valueName: "path"))
    var tlsKey: String?
    @Option(help: ArgumentHelp("The https:// address people open when a reverse proxy in front terminates TLS: Secure cookies, HSTS, and sign-ins must come from this origin.",
                               valueName: "url"))
    var publicURL: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give --tls-cert and --tls-key together") }
        if let publicURL, PublicAddress(publicURL) == nil {
            throw ValidationError("--public-url must be https://NAME[:PORT] with no path, as people type it (got \(publicURL))")
        }
        if let problem = PublicAddress.exposureProblem(host: host, tls: tlsCert != nil, publicAddress: publicURL.flatMap(PublicAddress.init)) {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        try reportingFailures {
            let data = WebData(path: database.path)
            do { try data.prepare() } catch let error as DatabaseError { throw Failure(error.message) }
            if let keyFile {
                // Checked now (readable, private, a real key), read again at each upload.
                do { _ = try PseudonymKey.read(path: keyFile) } catch let e as PseudonymKeyError { throw Failure(e.description) }
                if PseudonymKey.isBeside(database: database.path, keyPath: keyFile) {
                    Console.error("warning: \(keyFile) is in the same folder as the database \(database.path); anyone with both can recover the identity numbers. Move the key to a folder of its own (docs/cases.md, \"Key files\")")
                }
            }
            let token: AccessToken
            do { token = try tokenFile.map { try AccessToken.load(orCreateAt: $0) } ?? .random() }
            catch let e as WebStartError { throw Failure(e.description) }
            var configuration = WebServer.Configuration(host: host, port: port, data: data, token: token,
                                                        toolVersion: PilotEval.configuration.version, keyFile: keyFile,
                                                        log: { Console.error($0) })
            if let tlsCert, let tlsKey {
                // Read now, so a wrong file is said before the server starts.
                do { _ = try WebServer.tlsConfiguration((tlsCert, tlsKey)) } catch let e as WebStartError { throw Failure(e.description) }
                configuration.tls = (tlsCert, tlsKey)
            }
            configuration.publicAddress = publicURL.flatMap(PublicAddress.init)
            let server = WebServer(configuration)
            let published = configuration.publicAddress
            let done = DispatchSemaphore(value: 0)
            let outcome = ServeOutcome()
            Task {
                do {
                    try await server.run { link in
                        // The contract's first line, flushed at once: stdout may be a pipe.
                        FileHandle.standardOutput.write(Data("piloteval serve: \(link)\n".utf8))
                        if let published {
                            Console.error("serving \(database.shownPath) behind a reverse proxy: people open \(published.origin)/. Ctrl-C stops.")
                        } else {
                            Console.error("serving \(database.shownPath); open the link above in a browser. Ctrl-C stops.")
                        }
                    }
                } catch {
                    outcome.failure = "cannot serve on \(host):\(port): \(error)"
                }
                done.signal()
            }
            done.wait()
            if let failure = outcome.failure { throw Failure(failure) }
        }
    }
}

/// How the server's task ended, read after it has.
private final class ServeOutcome: @unchecked Sendable {
    var failure: String?
}
