/// Rendered pages kept while the data is unchanged (DESIGN §8's benchmark: the overview
/// of a 100-indicator model under 50 connections). A page's HTML depends only on its
/// address, its language and the data — never on the session, except the forms' CSRF
/// token, so pages with forms that change data (reports) are not cached. The key holds
/// the database's fingerprint (`WebData.version`), so a write makes every entry stale
/// without any invalidation code; stale entries age out of the bounded table.
actor PageCache {
    struct Key: Hashable {
        var path: String
        var query: String
        var language: String
        var dataVersion: String
    }

    private var pages: [Key: String] = [:]
    private var order: [Key] = []
    let limit: Int

    init(limit: Int = 256) { self.limit = limit }

    func page(_ key: Key, build: @Sendable () async throws -> String) async rethrows -> String {
        if let hit = pages[key] { return hit }
        let html = try await build()
        if pages[key] == nil {
            pages[key] = html
            order.append(key)
            if order.count > limit { pages[order.removeFirst()] = nil }
        }
        return html
    }
}
