import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOConcurrencyHelpers
import NIOPosix
import Store

/// The database, as the server reads it: a read-only connection per request, opened on
/// NIO's blocking thread pool so that a long question (a final report's comparisons
/// take seconds) never holds an event loop or Swift's few cooperative threads. SQLite's
/// WAL lets any number of such readers run beside one writer.
public struct WebData: Sendable {
    public let path: String
    /// What `logAccess` wrote: fingerprints that changed no data.
    private let accessOnly: AccessOnlyWrites

    /// `accessOnlyLifetime`: how long a logged look's fingerprint may stand for the data
    /// before it (a test on busy cores asks for longer).
    public init(path: String, accessOnlyLifetime: TimeInterval = 60) {
        self.path = path
        accessOnly = AccessOnlyWrites(lifetime: accessOnlyLifetime)
    }

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

    /// A read of a few rows that every request makes (its account), on a pool of its own:
    /// on the shared pool it waited behind whatever was there — a final report being
    /// built for a page takes seconds — so under load even a cached page or a short API
    /// read took as long as the slowest build (Benchmarks/web/load.sh). Only for reads
    /// that never wait on a lock (a WAL reader does not).
    func shortRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = self.path
        return try await Self.shortReads.runIfActive {
            let db = try Database(path: path, readOnly: true)
            return try body(db)
        }
    }

    /// Two threads for `shortRead`, started once, for the life of the process.
    static let shortReads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()

    /// A write on a read-write connection (storing a generated report). SQLite lets one
    /// writer at a time in; others wait (`Database.busyTimeoutMilliseconds`).
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = self.path, accessOnly = self.accessOnly
        return try await NIOThreadPool.singleton.runIfActive {
            try accessOnly.lock.withLock {
                let db = try Database(path: path)
                return try db.transaction { try body(db) }
            }
        }
    }

    /// A write that only adds to the access log (a look at pilot vs line, a download, a
    /// sign-in and its counters): it changes no page, so the fingerprint it leaves is
    /// taken as the one before it. Without this every logged look made every cached page
    /// and document stale, and the next reader waited for a final report's comparisons.
    func logAccess<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = self.path, accessOnly = self.accessOnly
        return try await NIOThreadPool.singleton.runIfActive {
            // The server's writes one at a time, so that no other change of this process
            // lands between the commit and the fingerprint after it; BEGIN IMMEDIATE keeps
            // other processes' writers out from the fingerprint before it.
            try accessOnly.lock.withLock {
                var before = ""
                let result = try {
                    let db = try Database(path: path)
                    return try db.transaction {
                        before = Self.fingerprint(path)
                        return try body(db)
                    }
                }()
                // Taken once the connection has closed: the last one to close folds the WAL
                // into the file, which is part of this write too. BEGIN IMMEDIATE kept other
                // processes' writers out until our COMMIT; one that commits in the instant
                // between it and this fingerprint (the CLI importing or undoing) would be
                // taken for no change, which the mapping's expiry bounds to a minute
                // (AccessOnlyWrites).
                accessOnly.add(Self.fingerprint(path), sameAs: before)
                return result
            }
        }
    }

    /// Work that blocks (a PDF from Chromium) on the same pool.
    func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive { try body() }
    }

    /// A fingerprint of the data: it changes whenever anything is written (the WAL file
    /// grows or is checkpointed into the main file), so caches keyed by it never serve
    /// figures older than the data.
    /// Writes that only add to the access log (`logAccess`) do not count.
    func version() -> String {
        accessOnly.resolve(Self.fingerprint(path))
    }

    static func fingerprint(_ path: String) -> String {
        // stat(2) directly: FileManager's attribute dictionaries cost more than the page.
        // An empty WAL holds nothing: the same data as none (a reader's or a writer's
        // connection makes one when it opens).
        func stamp(_ p: String) -> String {
            var info = stat()
            guard stat(p, &info) == 0, info.st_size > 0 else { return "-" }
            return "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return stamp(path) + "/" + stamp(path + "-wal")
    }
}

/// The fingerprints reached by writes to the access log alone, each mapped to the
/// fingerprint of the data they left as it was. Bounded in number (the oldest are
/// forgotten) and in time: a mapping older than `lifetime` is not used, so a change
/// another process committed in the instant between a logged look and its fingerprint is
/// shown within a minute at the latest. Either costs only a rebuild.
final class AccessOnlyWrites: Sendable {
    let lock = NIOLock()
    private let same = NIOLockedValueBox((map: [String: (original: String, at: Date)](), order: [String]()))
    let limit = 4096
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 60) { self.lifetime = lifetime }

    func add(_ after: String, sameAs before: String, now: Date = Date()) {
        same.withLockedValue { s in
            let original = Self.live(s.map[before], now: now, lifetime: lifetime) ?? before
            guard after != original, s.map[after] == nil else { return }
            s.map[after] = (original, now)
            s.order.append(after)
            if s.order.count > limit { s.map[s.order.removeFirst()] = nil }
        }
    }

    func resolve(_ fingerprint: String, now: Date = Date()) -> String {
        same.withLockedValue { Self.live($0.map[fingerprint], now: now, lifetime: lifetime) } ?? fingerprint
    }

    private static func live(_ entry: (original: String, at: Date)?, now: Date, lifetime: TimeInterval) -> String? {
        guard let entry, now.timeIntervalSince(entry.at) < lifetime else { return nil }
        return entry.original
    }
}
