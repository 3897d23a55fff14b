/// A 2×2 table of pilot/comparison by event/no event:
///
///                 event   no event
///   pilot           a        b        (n₁ = a + b)
///   comparison      c        d        (n₂ = c + d)
public struct TwoByTwoTable: Sendable, Equatable {
    public let a: Int, b: Int, c: Int, d: Int

    public init(pilotEvents: Int, pilotN: Int, comparisonEvents: Int, comparisonN: Int) {
        a = pilotEvents; b = pilotN - pilotEvents
        c = comparisonEvents; d = comparisonN - comparisonEvents
    }

    public var rows: [[Int]] { [[a, b], [c, d]] }
    var isValid: Bool { a >= 0 && b >= 0 && c >= 0 && d >= 0 }

    /// The cells as Doubles, with 0.5 added to every cell when any cell is zero
    /// (Haldane 1956; Anscombe 1956), and whether that correction was made.
    func cellsForLogRatios() -> (a: Double, b: Double, c: Double, d: Double, corrected: Bool) {
        if a == 0 || b == 0 || c == 0 || d == 0 {
            return (Double(a) + 0.5, Double(b) + 0.5, Double(c) + 0.5, Double(d) + 0.5, true)
        }
        return (Double(a), Double(b), Double(c), Double(d), false)
    }
}
