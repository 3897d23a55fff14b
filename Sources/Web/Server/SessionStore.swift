import Foundation
import LogicModel

/// A browser's session: made when someone opens the link with the token, carried by an
/// HttpOnly, SameSite=Strict cookie. It holds the CSRF token every form must send back
/// and the language the reader chose; with accounts, who signed in.
public struct WebSession: Sendable, Equatable {
    public let id: String
    public let csrfToken: String
    public var language: Language
    public let createdAt: Date
    public var lastSeen: Date
    /// A sentence for the next page this session opens ("Imported: …"), shown once: what a
    /// redirect after a successful form would otherwise have to carry in its address.
    public var notice: String?
    /// The account signed in (accounts mode); nil for a local-mode session.
    public var user: String? = nil
}

/// Sessions in memory: a restart signs everyone out, which is what a local server
/// should do (the new start prints a new link). Idle sessions end after `idleTimeout`,
/// every session after `absoluteTimeout` (OWASP session management).
public actor SessionStore {
    public static let cookieName = "piloteval_session"

    /// The session cookie (DESIGN §8: HttpOnly, SameSite=Strict; Secure under TLS); an
    /// empty id with Max-Age=0 removes it. The one place the header is written.
    static func cookie(_ id: String, secure: Bool) -> String {
        "\(cookieName)=\(id); Path=/; HttpOnly; SameSite=Strict" + (id.isEmpty ? "; Max-Age=0" : "") + (secure ? "; Secure" : "")
    }

    private var sessions: [String: WebSession] = [:]
    let idleTimeout: TimeInterval
    let absoluteTimeout: TimeInterval

    /// A signed-in account's session on a shared server ends sooner: after 30 idle minutes,
    /// and 10 hours after sign-in (a working day) whatever happens (OWASP session management).
    let accountIdleTimeout: TimeInterval
    let accountAbsoluteTimeout: TimeInterval

    public init(idleTimeout: TimeInterval = 8 * 3600, absoluteTimeout: TimeInterval = 24 * 3600,
                accountIdleTimeout: TimeInterval = 30 * 60, accountAbsoluteTimeout: TimeInterval = 10 * 3600) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.accountIdleTimeout = accountIdleTimeout
        self.accountAbsoluteTimeout = accountAbsoluteTimeout
    }

    /// A new session (with a new id: a sign-in never keeps the id it came with).
    public func create(language: Language, user: String? = nil, now: Date = Date()) -> WebSession {
        var generator = SystemRandomNumberGenerator()
        let session = WebSession(id: randomHex(bytes: 32, using: &generator),
                                 csrfToken: randomHex(bytes: 32, using: &generator),
                                 language: language, createdAt: now, lastSeen: now, notice: nil, user: user)
        sessions[session.id] = session
        if sessions.count % 64 == 0 { expire(now: now) }
        return session
    }

    /// The live session with this id, touched; nil when unknown or expired.
    public func session(id: String, now: Date = Date()) -> WebSession? {
        guard var s = sessions[id] else { return nil }
        let (idle, absolute) = s.user == nil ? (idleTimeout, absoluteTimeout) : (accountIdleTimeout, accountAbsoluteTimeout)
        if now.timeIntervalSince(s.lastSeen) > idle || now.timeIntervalSince(s.createdAt) > absolute {
            sessions[id] = nil
            return nil
        }
        s.lastSeen = now
        sessions[id] = s
        return s
    }

    public func setLanguage(_ language: Language, for id: String) {
        sessions[id]?.language = language
    }

    public func end(id: String) { sessions[id] = nil }

    public func setNotice(_ notice: String, for id: String) { sessions[id]?.notice = notice }

    /// The notice, removed: it is shown once.
    public func takeNotice(for id: String) -> String? {
        defer { sessions[id]?.notice = nil }
        return sessions[id]?.notice
    }

    private func expire(now: Date) {
        sessions = sessions.filter { _, s in
            let (idle, absolute) = s.user == nil ? (idleTimeout, absoluteTimeout) : (accountIdleTimeout, accountAbsoluteTimeout)
            return now.timeIntervalSince(s.lastSeen) <= idle && now.timeIntervalSince(s.createdAt) <= absolute
        }
    }
}
