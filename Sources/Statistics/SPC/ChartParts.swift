/// Chart parts (phases), as qicharts2's `makeparts(part, n)`: `breaks` are the indices
/// (1-based) of the last point before each new part, so `[12]` over 24 points gives
/// points 1–12 part 1 and 13–24 part 2. Each part gets its own centre line, limits and
/// runs analysis.
enum ChartParts {
    /// The part number (1-based) of each of `count` points.
    static func assign(breaks: [Int], count: Int) -> [Int] {
        let cuts = Set([0] + breaks).filter { $0 >= 0 && $0 < count }.sorted()
        var parts: [Int] = []
        parts.reserveCapacity(count)
        for (i, start) in cuts.enumerated() {
            let end = i + 1 < cuts.count ? cuts[i + 1] : count
            parts += Array(repeating: i + 1, count: end - start)
        }
        return parts
    }
}
