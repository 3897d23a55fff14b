/// Two-pass mean and sample variance for the reliability measures.
enum ReliabilityMath {
    static func mean(_ x: [Double]) -> Double {
        var s = 0.0
        for v in x { s += v }
        return s / Double(x.count)
    }

    static func variance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        var s = 0.0
        for v in x { s += (v - m) * (v - m) }
        return s / Double(x.count - 1)
    }
}
