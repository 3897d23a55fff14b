import Crypto
import Foundation

/// SHA-256 as lowercase hex: how documents and imported files are recognised when
/// they come back unchanged.
public enum ContentHash {
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func sha256(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Hashes a file through a memory map, so a large extract is not copied into memory.
    public static func sha256(fileAt path: String) throws -> String {
        try sha256(Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension ContentHash {
    /// `sha256(data)` computed on a thread of its own, for a caller with other work to
    /// do on the same bytes meanwhile; `wait()` returns it (any number of times).
    /// `@unchecked Sendable`: `result` is written once by the hashing thread before it
    /// signals, and read only after a wait on that signal.
    public final class Background: @unchecked Sendable {
        private let finished = DispatchSemaphore(value: 0)
        private var result = ""

        public init(_ data: Data) {
            Thread { [self] in
                result = ContentHash.sha256(data)
                finished.signal()
            }.start()
        }

        public func wait() -> String {
            finished.wait()
            finished.signal()   // for the next wait
            return result
        }
    }
}
