import Foundation

/// Centre line and 3-sigma limits of one chart part, transcribed from qicharts2 0.8.1's
/// `qic.run`, `qic.i`, `qic.mr`, `qic.p` and `qic.u` (R/helper.functions.R). The centre
/// and the limits come from the part's baseline points only (`base`: before the freeze
/// and not excluded); limits are drawn for every point.
struct PartLimits {
    /// What is plotted: y itself, or for MR charts the moving ranges.
    var y: [Double?]
    var centre: Double?
    var lower: [Double?]
    var upper: [Double?]
    /// Why the centre or the limits are undefined, if they are.
    var note: String?

    static func compute(_ kind: ChartKind, y: [Double?], numerators: [Double?],
                        denominators: [Double?], base: [Bool]) -> PartLimits {
        switch kind {
        case .run: return run(y: y, base: base)
        case .i: return individuals(y: y, base: base)
        case .mr: return movingRange(y: y, base: base)
        case .p, .u: return attribute(kind, y: y, numerators: numerators, denominators: denominators, base: base)
        }
    }

    private static func baseValues(_ y: [Double?], _ base: [Bool]) -> [Double?] {
        zip(y, base).filter { $0.1 }.map { $0.0 }
    }

    private static let noBaseline = "no baseline values to compute the centre line from (every baseline point is missing or excluded)"

    /// qic.run: cl = median(y[base]); no limits.
    static func run(y: [Double?], base: [Bool]) -> PartLimits {
        let values = baseValues(y, base).compactMap { $0 }.sorted()
        let none = Array<Double?>(repeating: nil, count: y.count)
        guard !values.isEmpty else { return PartLimits(y: y, centre: nil, lower: none, upper: none, note: noBaseline) }
        let m = values.count
        let median = m % 2 == 1 ? values[m / 2] : (values[m / 2 - 1] + values[m / 2]) / 2
        return PartLimits(y: y, centre: median, lower: none, upper: none, note: nil)
    }

    /// qic.i with qicharts2's default option `qic.screenedmr = TRUE`: moving ranges of
    /// the baseline points (consecutive in the baseline, so an excluded point is skipped
    /// over, and a missing one leaves two undefined ranges); ranges at or above
    /// 3.267 × their mean are dropped and the mean recomputed (Nelson 1982); sigma is the
    /// average moving range / 1.128 (d2 for n = 2, Montgomery 6.33).
    static func individuals(y: [Double?], base: [Bool]) -> PartLimits {
        let b = baseValues(y, base)
        let none = Array<Double?>(repeating: nil, count: y.count)
        let defined = b.compactMap { $0 }
        guard !defined.isEmpty else { return PartLimits(y: y, centre: nil, lower: none, upper: none, note: noBaseline) }
        let centre = defined.reduce(0, +) / Double(defined.count)
        var ranges: [Double] = []
        if b.count >= 2 {
            for j in 0..<(b.count - 1) {
                if let a = b[j], let c = b[j + 1] { ranges.append(abs((c - centre) - (a - centre))) }
            }
        }
        guard !ranges.isEmpty else {
            return PartLimits(y: y, centre: centre, lower: none, upper: none,
                              note: "no moving ranges: the limits need two consecutive baseline values")
        }
        let firstMean = ranges.reduce(0, +) / Double(ranges.count)
        let screened = ranges.filter { $0 < 3.267 * firstMean }
        guard !screened.isEmpty else {
            return PartLimits(y: y, centre: centre, lower: none, upper: none,
                              note: "every moving range is zero (the baseline values do not vary), so the limits are undefined")
        }
        let sigma = screened.reduce(0, +) / Double(screened.count) / 1.128
        let lower = centre - 3 * sigma, upper = centre + 3 * sigma
        return PartLimits(y: y, centre: centre, lower: Array(repeating: lower, count: y.count),
                          upper: Array(repeating: upper, count: y.count), note: nil)
    }

    /// qic.mr: the moving ranges |y[i] − y[i−1]| of the part (the first is missing),
    /// centre their baseline mean, LCL 0, UCL 3.267 × centre (D4 for n = 2).
    static func movingRange(y: [Double?], base: [Bool]) -> PartLimits {
        var ranges: [Double?] = [nil]
        if y.count >= 2 {
            for j in 1..<y.count {
                if let a = y[j - 1], let c = y[j] { ranges.append(abs(c - a)) } else { ranges.append(nil) }
            }
        }
        ranges = Array(ranges.prefix(y.count))
        let values = baseValues(ranges, base).compactMap { $0 }
        let none = Array<Double?>(repeating: nil, count: y.count)
        guard !values.isEmpty else {
            return PartLimits(y: ranges, centre: nil, lower: none, upper: none,
                              note: "no moving ranges in the baseline: two consecutive values are needed")
        }
        let centre = values.reduce(0, +) / Double(values.count)
        return PartLimits(y: ranges, centre: centre, lower: Array(repeating: 0, count: y.count),
                          upper: Array(repeating: 3.267 * centre, count: y.count), note: nil)
    }

    /// qic.p and qic.u: centre = Σ numerators / Σ denominators over the baseline; sigma
    /// per point from its own denominator, √(p̄(1 − p̄)/n) (P, Montgomery 7.8) or
    /// √(ū/n) (U, Montgomery 7.19); the P chart's UCL is capped at 1 and both LCLs are
    /// floored at 0. A point without a usable denominator gets no limits.
    static func attribute(_ kind: ChartKind, y: [Double?], numerators: [Double?],
                          denominators: [Double?], base: [Bool]) -> PartLimits {
        var sumNumerators = 0.0, sumDenominators = 0.0
        for j in 0..<y.count where base[j] {
            if let a = numerators[j] { sumNumerators += a }
            if let n = denominators[j] { sumDenominators += n }
        }
        let none = Array<Double?>(repeating: nil, count: y.count)
        guard sumDenominators > 0 else {
            return PartLimits(y: y, centre: nil, lower: none, upper: none,
                              note: "the baseline denominators sum to zero, so the centre line is undefined")
        }
        let centre = sumNumerators / sumDenominators
        var lower = none, upper = none
        var missing = 0
        for j in 0..<y.count {
            guard let n = denominators[j], n > 0 else { missing += 1; continue }
            let variance = kind == .p ? centre * (1 - centre) / n : centre / n
            // A proportion outside 0…1 or a negative rate has no binomial/Poisson sigma;
            // the importers refuse such input, this only keeps NaN out.
            guard variance >= 0 else { missing += 1; continue }
            let sigma = variance.squareRoot()
            var u = centre + 3 * sigma, l = centre - 3 * sigma
            if kind == .p && u > 1 { u = 1 }
            if l < 0 { l = 0 }
            lower[j] = l
            upper[j] = u
        }
        let note = missing > 0
            ? "\(missing) point\(missing == 1 ? " has" : "s have") no denominator above zero (or no valid sigma), so no limits there"
            : nil
        return PartLimits(y: y, centre: centre, lower: lower, upper: upper, note: note)
    }
}
