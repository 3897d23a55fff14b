import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOPosix
import Store

/// The database, as the server reads it: a read-only connection per request, opened on
/// NIO's blocking thread pool so that a long question (a final report's comparisons
/// take seconds) never holds an event loop or Swift's few cooperative threads. SQLite's
/// WAL lets any number of such readers run beside one writer.
public struct WebData: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Opens the file for writing once at start: creates it when missing and brings an
    /// older schema up to date, so that every later read-only connection can read it.
    public func prepare() throws {
        _ = try Database(path: path)
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = self.path
        return try await NIOThreadPool.singleton.runIfActive {
            let db = try Database(path: path, readOnly: true)
            return try body(db)
        }
    }

    /// A write on a read-write connection (storing a generated report). SQLite lets one
    /// writer at a time in; others wait (`Database.busyTimeoutMilliseconds`).
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = self.path
        return try await NIOThreadPool.singleton.runIfActive {
            let db = try Database(path: path)
            return try db.transaction { try body(db) }
        }
    }

    /// Work that blocks (a PDF from Chromium) on the same pool.
    func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive { try body() }
    }

    /// A fingerprint of the data: it changes whenever anything is written (the WAL file
    /// grows or is checkpointed into the main file), so caches keyed by it never serve
    /// figures older than the data.
    func version() -> String {
        // stat(2) directly: FileManager's attribute dictionaries cost more than the page.
        func stamp(_ p: String) -> String {
            var info = stat()
            guard stat(p, &info) == 0 else { return "-" }
            return "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return stamp(path) + "/" + stamp(path + "-wal")
    }
}
