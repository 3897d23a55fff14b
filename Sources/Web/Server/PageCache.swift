import NIOConcurrencyHelpers
import NIOCore

/// Rendered pages kept while the data is unchanged (DESIGN §8's benchmark: the overview
/// of a 100-indicator model under 50 connections). A page's HTML depends only on its
/// address, its language and the data — never on the session, except the forms' CSRF
/// token, so pages with forms that change data (reports) are not cached. The key holds
/// the database's fingerprint (`WebData.version`), so a write makes every entry stale
/// without any invalidation code; stale entries age out of the bounded table.
///
/// A lock, not an actor: a hit is a dictionary lookup, and under 50 connections an
/// actor's queue made some requests wait behind thousands of others (p99 over a second,
/// Benchmarks/web). Builds run outside the lock; two requests that miss together both
/// build, and the first to finish is kept.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        var path: String
        var query: String
        var language: String
        var dataVersion: String
        /// The account the page was built for ("" in local mode): what a page shows
        /// depends on its roles (which pilots, which audience).
        var viewer: String = ""
    }

    private struct Table {
        /// The encoded page: every hit shares the same bytes (ByteBuffer is copy-on-write).
        var pages: [Key: ByteBuffer] = [:]
        var order: [Key] = []
    }

    private let table = NIOLockedValueBox(Table())
    let limit: Int

    init(limit: Int = 256) { self.limit = limit }

    func page(_ key: Key, build: @Sendable () async throws -> String) async rethrows -> ByteBuffer {
        if let hit = table.withLockedValue({ $0.pages[key] }) { return hit }
        let html = ByteBuffer(string: try await build())
        return table.withLockedValue { t in
            if let first = t.pages[key] { return first }
            t.pages[key] = html
            t.order.append(key)
            if t.order.count > limit { t.pages[t.order.removeFirst()] = nil }
            return html
        }
    }
}
