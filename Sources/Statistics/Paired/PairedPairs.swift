/// Differences x − y of the pairs where both values are present (NaN or infinite in
/// either value drops the pair; scipy would propagate NaN instead).
func pairedDifferences(_ x: [Double], _ y: [Double]) -> [Double]? {
    guard x.count == y.count else { return nil }
    return zip(x, y).compactMap { a, b in a.isFinite && b.isFinite ? a - b : nil }
}
