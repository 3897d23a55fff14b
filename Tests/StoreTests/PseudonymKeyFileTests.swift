import Foundation
import Store
import Testing

/// Reading key files (docs/cases.md, "Key files"): line ends and a BOM as editors write
/// them, refusals that are located and never show key material, weak and duplicate keys,
/// and files that others may read.
@Suite("Pseudonym key files")
struct PseudonymKeyFileTests {
    /// 64 hex digits that must never appear in a message, even in part.
    static let secret = "3f9a0c41d2b87e65aa10c3d4e5f60718293a4b5c6d7e8f901a2b3c4d5e6f7081"

    /// Writes `bytes` to `name` in `dir`, owner-only unless `mode` says otherwise.
    @discardableResult
    func write(_ bytes: Data, _ name: String, in dir: URL, mode: mode_t = 0o600) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode) == 0)
        return path
    }

    @discardableResult
    func write(_ text: String, _ name: String, in dir: URL, mode: mode_t = 0o600) throws -> String {
        try write(Data(text.utf8), name, in: dir, mode: mode)
    }

    /// The error reading `path` throws (records an issue if it reads).
    func refusal(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> PseudonymKeyError? {
        do {
            _ = try PseudonymKey.read(path: path)
            Issue.record("the key file was accepted", sourceLocation: sourceLocation)
        } catch let e as PseudonymKeyError {
            return e
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// True when `message` holds any 8 consecutive characters of `hex` (either case).
    func leaks(_ message: String, _ hex: String) -> Bool {
        let text = message.lowercased()
        let digits = Array(hex.lowercased())
        guard digits.count >= 8 else { return text.contains(hex.lowercased()) }
        return (0...(digits.count - 8)).contains { text.contains(String(digits[$0..<$0 + 8])) }
    }

    @Test func crlfBOMAndTrailingNewlinesAreRead() throws {
        try withTemporaryDirectory { dir in
            let key = PseudonymKey.generate()
            let lf = key.fileText()
            #expect(lf.hasSuffix("\n"))
            let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
            let variants: [(String, Data)] = [
                ("lf", Data(lf.utf8)),
                ("crlf", Data(crlf.utf8)),
                ("bom-lf", Data([0xEF, 0xBB, 0xBF]) + Data(lf.utf8)),
                ("bom-crlf", Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8)),
                ("no-final-newline", Data(String(lf.dropLast()).utf8)),
                ("crlf-no-final-newline", Data(String(crlf.dropLast()).utf8)),   // "\r\n" is one Character
                ("blank-lines-after", Data((crlf + "\r\n\r\n").utf8)),
            ]
            for (name, bytes) in variants {
                let path = try write(bytes, name + ".key", in: dir)
                do {
                    #expect(try PseudonymKey.read(path: path).fingerprint == key.fingerprint, "\(name)")
                } catch {
                    Issue.record("\(name): \(error)")
                }
            }
            // Located errors count CRLF lines as lines: the key on line 3.
            let path = try write("schema: piloteval/pseudonym-key/v1\r\n# note\r\nkey: 00ff\r\n", "short.key", in: dir)
            #expect(refusal(path)?.line == 3)
        }
    }

    /// A malformed file may hold key bytes anywhere: messages name the file, the line
    /// and the kind of problem, never a value or a field name from the file.
    @Test func messagesNeverShowKeyMaterial() throws {
        try withTemporaryDirectory { dir in
            let s = Self.secret
            let schema = "schema: piloteval/pseudonym-key/v1"
            let files: [(name: String, text: String, line: Int)] = [
                ("key-on-schema-line", "schema: \(s)\nkey: \(s)\n", 1),
                ("key-after-schema", "\(schema) \(s)\nkey: \(s)\n", 1),
                ("key-as-field-name", "\(schema)\nkey \(s): x\n", 2),
                ("hex-as-field-name", "\(schema)\n\(s): 1\n", 2),
                ("bare-key", "\(schema)\n\(s)\n", 2),
                ("short-key", "\(schema)\nkey: \(s.dropLast())\n", 2),
                ("long-key", "\(schema)\nkey: \(s)0\n", 2),
                ("non-hex-key", "\(schema)\nkey: \(s.dropLast(2))zz\n", 2),
                ("spaced-key", "\(schema)\nkey: \(s.prefix(32)) \(s.dropFirst(32))\n", 2),
                ("key-in-created", "\(schema)\ncreated: \(s)\nkey: \(s)\nkey: \(s)\n", 4),
                ("schema-misspelt-with-key", "Schema: \(s)\nkey: \(s)\n", 1),
            ]
            for f in files {
                let path = try write(f.text, f.name + ".key", in: dir)
                guard let e = refusal(path) else { continue }
                #expect(!leaks(e.description, s), "\(f.name): \(e.description)")
                #expect(e.description.hasPrefix("\(path):\(f.line): "), "\(f.name): \(e.description)")
                #expect(e.line == f.line, "\(f.name)")
            }
        }
    }

    @Test func weakKeysAreRefusedOnTheirLine() throws {
        try withTemporaryDirectory { dir in
            func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
            let pattern16: [UInt8] = [0x3f, 0x9a, 0x0c, 0x41, 0xd2, 0xb8, 0x7e, 0x65, 0xaa, 0x10, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x18]
            let weak: [(String, [UInt8])] = [
                ("zero", Array(repeating: 0, count: 32)),
                ("ff", Array(repeating: 0xFF, count: 32)),
                ("one-byte", Array(repeating: 0xA7, count: 32)),
                ("period-2", (0..<32).map { $0 % 2 == 0 ? 0xDE : 0xAD }),
                ("period-3", (0..<32).map { [0x12, 0x9F, 0x40][$0 % 3] }),
                ("period-4", (0..<32).map { [0xDE, 0xAD, 0xBE, 0xEF][$0 % 4] }),
                ("period-16", pattern16 + pattern16),
                ("counting-up", (0..<32).map { UInt8($0) }),
                ("counting-down", (0..<32).map { UInt8(255 - $0) }),
                ("one-byte-differs", Array(repeating: 0, count: 31) + [1]),
            ]
            for (name, bytes) in weak {
                let text = "# weak\nschema: piloteval/pseudonym-key/v1\nkey: \(hex(bytes))\n"
                let path = try write(text, name + ".key", in: dir)
                guard let e = refusal(path) else { continue }
                #expect(e.line == 3, "\(name)")
                #expect(e.message.contains("not random"), "\(name): \(e.message)")
                #expect(e.message.contains("piloteval key create"), "\(name): \(e.message)")
                #expect(!leaks(e.description, hex(bytes)), "\(name)")
            }
            // The secret above is a fine key, and so is every generated one.
            let fine = try write("schema: piloteval/pseudonym-key/v1\nkey: \(Self.secret)\n", "fine.key", in: dir)
            #expect(throws: Never.self) { try PseudonymKey.read(path: fine) }
            for i in 0..<50 {
                let path = dir.appendingPathComponent("generated-\(i).key").path
                try PseudonymKey.generate().write(to: path)
                #expect(throws: Never.self) { try PseudonymKey.read(path: path) }
            }
        }
    }

    @Test func duplicateLinesAreRefusedNamingBothLines() throws {
        try withTemporaryDirectory { dir in
            let schema = "schema: piloteval/pseudonym-key/v1"
            let other = String(Self.secret.reversed())
            let files: [(name: String, text: String, line: Int, first: Int)] = [
                ("two-keys", "\(schema)\nkey: \(Self.secret)\n# another\nkey: \(other)\n", 4, 2),
                ("same-key-twice", "\(schema)\nkey: \(Self.secret)\nkey: \(Self.secret)\n", 3, 2),
                ("two-schemas", "\(schema)\nkey: \(Self.secret)\n\(schema)\n", 3, 1),
                ("two-created", "\(schema)\ncreated: 2024-01-01T00:00:00Z\ncreated: 2024-02-01T00:00:00Z\nkey: \(Self.secret)\n", 3, 2),
            ]
            for f in files {
                let path = try write(f.text, f.name + ".key", in: dir)
                guard let e = refusal(path) else { continue }
                #expect(e.line == f.line, "\(f.name)")
                #expect(e.message.contains("line \(f.first)"), "\(f.name): \(e.message)")
                #expect(!leaks(e.description, Self.secret) && !leaks(e.description, other), "\(f.name)")
            }
        }
    }

    @Test func keyOthersMayReadOrWriteIsRefused() throws {
        try withTemporaryDirectory { dir in
            let key = PseudonymKey.generate()
            let path = dir.appendingPathComponent("k.key").path
            try key.write(to: path)
            for mode: mode_t in [0o644, 0o640, 0o604, 0o620, 0o602, 0o660, 0o666, 0o777] {
                #expect(chmod(path, mode) == 0)
                #expect(PseudonymKey.isExposed(path: path))
                guard let e = refusal(path) else { continue }
                #expect(e.description.contains("chmod 600 \(path)"), "\(String(mode, radix: 8)): \(e.description)")
                #expect(e.description.hasPrefix(path), "\(e.description)")
            }
            for mode: mode_t in [0o600, 0o400] {
                #expect(chmod(path, mode) == 0)
                #expect(try PseudonymKey.read(path: path).fingerprint == key.fingerprint)
            }
        }
    }

    @Test func keyBesideTheDatabaseIsNoticed() throws {
        try withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("piloteval.db").path
            let secrets = dir.appendingPathComponent("secrets")
            try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
            #expect(PseudonymKey.isBeside(database: db, keyPath: dir.appendingPathComponent("k.key").path))
            // The same folder written another way.
            #expect(PseudonymKey.isBeside(database: db, keyPath: secrets.path + "/../k.key"))
            #expect(!PseudonymKey.isBeside(database: db, keyPath: secrets.appendingPathComponent("k.key").path))
            // Relative paths are relative to the working folder.
            let cwd = FileManager.default.currentDirectoryPath
            #expect(PseudonymKey.isBeside(database: "piloteval.db", keyPath: "k.key"))
            #expect(PseudonymKey.isBeside(database: cwd + "/x.db", keyPath: "k.key"))
            #expect(!PseudonymKey.isBeside(database: db, keyPath: "k.key") || dir.path == cwd)
        }
    }
}
