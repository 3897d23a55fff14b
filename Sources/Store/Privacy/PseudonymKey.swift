import Crypto
import Foundation

/// The secret that turns identity numbers into pseudonyms (HMAC-SHA256). One key per
/// evaluation: the same number gives the same pseudonym in every extract imported with
/// the same key, so a child's cases link across tertials; another key gives unrelated
/// pseudonyms. The key lives in its own file, never in the database.
///
/// File format (docs/cases.md), UTF-8 text, owner-only permissions (0600):
///
///     # piloteval pseudonymisation key — keep secret, keep apart from the database.
///     schema: piloteval/pseudonym-key/v1
///     created: 2024-02-01T09:30:00Z
///     key: 64 lowercase hex digits (256 random bits)
///
/// Lines starting with `#` and blank lines are comments.
public struct PseudonymKey {
    public static let schemaID = "piloteval/pseudonym-key/v1"
    let key: SymmetricKey
    /// HMAC-SHA256 with the padded key already absorbed, for one pseudonym per row.
    private let keyed: PaddedKeyHMAC

    public init(bytes: some ContiguousBytes) {
        self.init(key: SymmetricKey(data: bytes))
    }

    /// A fresh key from the system's cryptographic random source. (Drawn again in the
    /// impossible case that it looks made up, so `read` never refuses what this wrote.)
    public static func generate() -> PseudonymKey {
        while true {
            let key = SymmetricKey(size: .bits256)
            if key.withUnsafeBytes({ weakness(of: Array($0)) }) == nil { return PseudonymKey(key: key) }
        }
    }

    private init(key: SymmetricKey) {
        self.key = key
        keyed = key.withUnsafeBytes(PaddedKeyHMAC.init(key:))
    }

    /// A short public name for the key: HMAC of a fixed text, so two imports can be
    /// told apart as "same key" or "different key" without storing anything that helps
    /// recover the key or a number. Stored with each case import.
    public var fingerprint: String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("piloteval key fingerprint".utf8), using: key)
        return String(Hex.encode(Data(code)).prefix(16))
    }

    /// The pseudonym of a normalised 12-digit identity number: HMAC-SHA256 under this
    /// key, the first 128 bits in lowercase hex (32 characters). 128 bits keep a million
    /// children collision-free with a margin of ~10^26 and halve the stored size.
    public func pseudonym(of number: IdentityNumber) -> String {
        String(unsafeUninitializedCapacity: Self.pseudonymLength) { out in
            writePseudonym(of: number, to: out)
            return Self.pseudonymLength
        }
    }

    /// Characters in a pseudonym.
    public static let pseudonymLength = 32

    /// Writes `pseudonym(of:)`'s UTF-8 into the first `pseudonymLength` bytes of `out`
    /// (an importer's row buffer), with no string in between.
    public func writePseudonym(of number: IdentityNumber, to out: UnsafeMutableBufferPointer<UInt8>) {
        var text = number.normalized
        text.withUTF8 { keyed.authenticate(UnsafeRawBufferPointer($0)) { Hex.write(prefix: 16, of: $0, to: out) } }
    }

    // MARK: Files

    /// The text of a key file for this key.
    public func fileText(created: Date = Date()) -> String {
        let hex = key.withUnsafeBytes { Hex.encode(Data($0)) }
        return """
            # piloteval pseudonymisation key (docs/cases.md, "Key files").
            # Keep this file secret and away from the database: anyone holding both can
            # recover identity numbers by trying every possible number.
            # If it is lost, extracts imported later cannot be linked to earlier ones, and
            # nothing can restore it (by design). Keep a copy where your organisation
            # keeps secrets.
            schema: \(Self.schemaID)
            created: \(Timestamp.iso8601(created))
            key: \(hex)

            """
    }

    /// Writes a new key file with owner-only permissions (0600). Refuses to replace an
    /// existing file: overwriting a key would silently break every link to earlier
    /// extracts.
    public func write(to path: String) throws {
        let text = Data(fileText().utf8)
        // O_EXCL makes "does not exist" and "create" one step, so a race cannot clobber.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            let code = errno
            if code == EEXIST {
                throw PseudonymKeyError(path: path, line: 0,
                                        message: "a file already exists there; piloteval never overwrites a key (earlier pseudonyms would no longer link). Choose another path, or delete the old key deliberately first")
            }
            throw PseudonymKeyError(path: path, line: 0, message: "cannot create the key file: \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        // The umask can only remove bits; fchmod makes 0600 exact whatever it is.
        _ = fchmod(fd, 0o600)
        let written = text.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        if written != text.count {
            let code = errno
            unlink(path)
            throw PseudonymKeyError(path: path, line: 0, message: "cannot write the key file: \(String(cString: strerror(code)))")
        }
    }

    /// Reads a key file (docs/cases.md, "Key files"). UTF-8 with or without a byte-order
    /// mark, LF or CRLF line ends, with or without a final newline. Refuses, naming the
    /// file and line: a line that is not `name: value`, an unknown name, a wrong schema, a
    /// field given twice, a key that is not 64 hex digits or is not random (see
    /// `weakness(of:)`), and a file that group or others may read or write.
    ///
    /// Messages never show a value or a field name from the file: a malformed file may
    /// hold key bytes anywhere (a key pasted on the schema line, `key abc…: x`), and
    /// messages end up in terminals, logs and support e-mails.
    public static func read(path: String) throws -> PseudonymKey {
        guard var data = FileManager.default.contents(atPath: path) else {
            throw PseudonymKeyError(path: path, line: 0, message: "cannot read the key file; create one with `piloteval key create \(path)`")
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PseudonymKeyError(path: path, line: 0, message: "not a piloteval key file (not UTF-8 text)")
        }
        var seen: [String: Int] = [:]   // field → its line
        var hex: (text: String, line: Int)?
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            func refuse(_ message: String) -> PseudonymKeyError { PseudonymKeyError(path: path, line: number, message: message) }
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw refuse("expected `name: value` (a comment starts with #)")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard ["schema", "created", "key"].contains(name) else {
                throw refuse("unknown field name before the colon (expected schema, created or key)")
            }
            if let first = seen[name] {
                throw refuse("a second `\(name):` line (the first is line \(first)); a key file holds one of each")
            }
            seen[name] = number
            switch name {
            case "schema":
                guard value == schemaID else {
                    throw refuse("the schema line does not say \(schemaID); is this a piloteval key file?")
                }
            case "key":
                hex = (value, number)
            default:
                break   // `created` is for people
            }
        }
        guard seen["schema"] != nil else {
            throw PseudonymKeyError(path: path, line: 0, message: "not a piloteval key file: no `schema: \(schemaID)` line")
        }
        guard let (keyText, keyLine) = hex else {
            throw PseudonymKeyError(path: path, line: 0, message: "no `key:` line")
        }
        guard keyText.utf8.count == 64, let bytes = Hex.decode(keyText) else {
            throw PseudonymKeyError(path: path, line: keyLine, message: "the key must be 64 hexadecimal digits (256 bits)")
        }
        if let weakness = weakness(of: Array(bytes)) {
            throw PseudonymKeyError(path: path, line: keyLine,
                                    message: "the key is not random (\(weakness)); make a new one with `piloteval key create PATH`")
        }
        // Last, so that a user fixing a broken file hears about its content first.
        if isExposed(path: path) {
            throw PseudonymKeyError(path: path, line: 0,
                                    message: "group or others may read or write the key file; make it owner-only first: chmod 600 \(path)")
        }
        return PseudonymKey(bytes: bytes)
    }

    /// Why 32 key bytes cannot have come from a random source, or nil. Refused: fewer
    /// than 8 different byte values (all zero, one byte repeated, a short pattern), a
    /// pattern of at most 16 bytes repeated, bytes counting up or down in equal steps.
    /// A random key is refused by one of these with a probability below 2^-110.
    static func weakness(of key: [UInt8]) -> String? {
        guard key.count > 1 else { return "too short" }
        if Set(key).count < 8 { return "fewer than 8 different byte values" }
        for period in 1...min(16, key.count - 1) where (period..<key.count).allSatisfy({ key[$0] == key[$0 - period] }) {
            return "a pattern of \(period) bytes repeated"
        }
        let step = key[1] &- key[0]
        if (2..<key.count).allSatisfy({ key[$0] &- key[$0 - 1] == step }) { return "bytes in equal steps" }
        return nil
    }

    /// True when group or others may read or write the file (it should be 0600).
    public static func isExposed(path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & 0o077 != 0
    }

    /// True when the key file and the database lie in the same folder (after resolving
    /// `..`, relative paths and symbolic links): one backup or one copied folder would
    /// then hold both, and with both every identity number can be recovered.
    public static func isBeside(database: String, keyPath: String) -> Bool {
        func folder(_ path: String) -> String {
            URL(fileURLWithPath: path).deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        }
        return folder(database) == folder(keyPath)
    }
}

public struct PseudonymKeyError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int
    public let message: String

    public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}

/// HMAC-SHA256 (RFC 2104): SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ message)), with the
/// two padded-key blocks hashed once and the hash states copied per message.
///
/// The same value as swift-crypto's `HMAC<SHA256>` (a test compares them), built from
/// its `SHA256` because `HMAC` is generic over the hash function and is not specialised
/// across modules: per message it looked up generic metadata and witness tables at run
/// time, which was most of the cost of a pseudonym in a million-row import.
struct PaddedKeyHMAC {
    private let inner: SHA256
    private let outer: SHA256

    init(key: UnsafeRawBufferPointer) {
        let block = 64   // SHA-256's block size
        var padded = [UInt8](repeating: 0, count: block)
        if key.count > block {
            // RFC 2104: a key longer than a block is hashed first.
            Array(SHA256.hash(data: Data(key))).withUnsafeBufferPointer { padded.replaceSubrange(0..<$0.count, with: $0) }
        } else {
            padded.replaceSubrange(0..<key.count, with: key)
        }
        var inner = SHA256()
        var outer = SHA256()
        padded.map { $0 ^ 0x36 }.withUnsafeBytes { inner.update(bufferPointer: $0) }
        padded.map { $0 ^ 0x5C }.withUnsafeBytes { outer.update(bufferPointer: $0) }
        self.inner = inner
        self.outer = outer
    }

    /// Calls `body` with the 32-byte MAC of `message`.
    func authenticate<R>(_ message: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var first = inner
        first.update(bufferPointer: message)
        var second = outer
        first.finalize().withUnsafeBytes { second.update(bufferPointer: $0) }
        return second.finalize().withUnsafeBytes(body)
    }
}

enum Hex {
    /// Lowercase hex of the first `prefix` bytes.
    static func encode(prefix: Int, of bytes: UnsafeRawBufferPointer) -> String {
        let count = min(prefix, bytes.count)
        return String(unsafeUninitializedCapacity: count * 2) { out in
            write(prefix: count, of: bytes, to: out)
            return count * 2
        }
    }

    /// Lowercase hex of the first `prefix` bytes into `out` (which has room for it).
    static func write(prefix: Int, of bytes: UnsafeRawBufferPointer, to out: UnsafeMutableBufferPointer<UInt8>) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { d in
            for i in 0..<min(prefix, bytes.count) {
                out[2 * i] = d[Int(bytes[i] >> 4)]
                out[2 * i + 1] = d[Int(bytes[i] & 0x0F)]
            }
        }
    }

    static func encode(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(data.count * 2)
        for byte in data {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> Data? {
        let bytes = Array(text.lowercased().utf8)
        guard bytes.count % 2 == 0 else { return nil }
        func nibble(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        var out = Data(capacity: bytes.count / 2)
        var i = 0
        while i < bytes.count {
            guard let hi = nibble(bytes[i]), let lo = nibble(bytes[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
