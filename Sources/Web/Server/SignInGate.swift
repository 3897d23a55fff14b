/// One bcrypt check at a time (about a quarter of a second each): sign-ins wait their
/// turn on one thread of the pool while pages keep the other, and when too many are
/// already waiting a new one is turned away (429) instead of queueing without end —
/// a flood of sign-ins cannot take the server from the people using it.
actor SignInGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    let maxWaiting: Int

    init(maxWaiting: Int = 16) { self.maxWaiting = maxWaiting }

    /// Runs `body` alone; nil when too many are waiting.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T? {
        if busy {
            guard waiting.count < maxWaiting else { return nil }
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
