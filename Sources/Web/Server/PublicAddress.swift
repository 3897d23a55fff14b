import Foundation

/// Where people reach the server when it is not the address it listens on: behind a
/// reverse proxy (nginx, docs/deployment.md) that terminates TLS, the server speaks
/// plain HTTP on 127.0.0.1 while browsers speak HTTPS to the proxy. `serve --public-url
/// https://host` says so, and the server then acts as under its own TLS: cookies get
/// `Secure`, answers carry HSTS, and a sign-in's `Origin` must be exactly this origin.
///
/// Configured, never guessed from `X-Forwarded-Proto`: a header can be sent by anyone who
/// reaches the port, the command line only by the administrator.
public struct PublicAddress: Sendable, Equatable {
    /// `https://host[:port]`, lowercased, the default port left out: what a browser
    /// sends as `Origin` for a page of this server.
    public let origin: String

    /// Only `https://host[:port]` with nothing after the authority but an optional `/`:
    /// the application's pages live at the root, and plain HTTP is what this is for avoiding.
    public init?(_ text: String) {
        guard let url = URL(string: text), url.scheme?.lowercased() == "https",
              let host = url.host, !host.isEmpty, url.user == nil, url.query == nil, url.fragment == nil,
              url.path.isEmpty || url.path == "/" else { return nil }
        let port = url.port.flatMap { $0 == 443 ? nil : $0 }
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        origin = "https://" + shownHost.lowercased() + (port.map { ":\($0)" } ?? "")
    }

    /// Whether a request's `Origin` header is this origin (case and a spelled-out 443 aside).
    public func matches(origin sent: String) -> Bool {
        PublicAddress(sent)?.origin == origin
    }

    /// Why the server must not listen on `host` as configured, or nil. A sign-in sends a
    /// password, a session cookie rides on every request: off this machine, they travel
    /// only under the server's own TLS (`--tls-cert`). `--public-url` does not lift it:
    /// behind a proxy the server itself still speaks plain HTTP, so it listens on loopback
    /// only, where nothing but the proxy reaches it.
    public static func exposureProblem(host: String, tls: Bool, publicAddress: PublicAddress?) -> String? {
        guard !isLoopback(host), !tls else { return nil }
        if publicAddress != nil {
            return "--host \(host) lets other machines reach the server past the proxy, in plain HTTP: with --public-url the "
                + "proxy terminates TLS and the server listens on 127.0.0.1 (docs/deployment.md)"
        }
        return "--host \(host) lets other machines in, and without TLS passwords and session cookies would cross the network "
            + "in clear: give --tls-cert and --tls-key, or --public-url https://NAME when a reverse proxy in front of the "
            + "server terminates TLS (then listen on 127.0.0.1; docs/deployment.md)"
    }

    /// 127.0.0.0/8, ::1 and `localhost`: addresses only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" || bare == "::1" { return true }
        var address = in_addr()
        guard inet_pton(AF_INET, bare, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }
}
