import Foundation

/// The local mode's secret (DESIGN §8): 256 random bits as 64 hex digits, new at every
/// start unless a token file keeps one. Whoever holds it holds the database, as with
/// Jupyter's token, so it is compared in constant time and never logged.
public struct AccessToken: Sendable, Equatable {
    public let value: String

    public init(value: String) { self.value = value }

    /// 32 bytes from the system's cryptographic generator (getrandom on Linux).
    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        return AccessToken(value: randomHex(bytes: 32, using: &generator))
    }

    /// The token in `path`, or a new one written there (mode 0600) when the file does
    /// not exist, so that a bookmarked link survives restarts.
    public static func load(orCreateAt path: String) throws -> AccessToken {
        if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count >= 43, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw WebStartError("the token file \(path) must hold one token of at least 43 letters, digits, - or _ (256 bits); delete it to have a new one made")
            }
            return AccessToken(value: text)
        }
        let token = random()
        guard FileManager.default.createFile(atPath: path, contents: Data((token.value + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw WebStartError("cannot write the token file \(path)")
        }
        return token
    }

    /// Constant-time comparison: the time taken does not tell how many leading
    /// characters of a guess were right.
    public func matches(_ candidate: some StringProtocol) -> Bool {
        let a = Array(value.utf8), b = Array(candidate.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<a.count { difference |= a[i] ^ (i < b.count ? b[i] : 0) }
        return difference == 0
    }
}

func randomHex(bytes: Int, using generator: inout some RandomNumberGenerator) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes * 2)
    for _ in 0..<bytes {
        let byte = UInt8.random(in: 0...255, using: &generator)
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// A reason `serve` cannot start, for the person who started it.
public struct WebStartError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
