import Foundation

/// Writing a file the user named with `-o` / `--out`: a regular file (or a new one) is
/// replaced atomically, so a reader never sees half of it; anything else that exists —
/// `/dev/null`, `/dev/stdout`, a named pipe — is written into, not replaced. An atomic
/// write renames a temporary file over its target, and over `/dev/null` that turned the
/// device into an ordinary file for every program on the machine.
enum OutputFile {
    static func write(_ data: Data, to url: URL) throws {
        // What a link (`/dev/stdout` → `/proc/self/fd/1`) points to decides.
        let path = url.resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let type = exists ? (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) : nil
        if exists, !isFolder.boolValue, type != .typeRegular {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
        } else {
            try data.write(to: url, options: .atomic)
        }
    }
}
