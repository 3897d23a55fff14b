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
