/// Runs analysis of one chart part around its centre line, exactly as qicharts2's
/// `runs.analysis()`: points on the centre line (and missing points) are dropped, the
/// rest are runs of signs; a signal is a longest run above `longestRunMax` or fewer
/// crossings than `crossingsMin` (see `AnhojRules`).
public struct RunsAnalysis: Sendable, Equatable {
    /// Included points in the part, missing values counted (qicharts2's `n.obs`).
    public let observations: Int
    /// Points off the centre line (qicharts2's `n.useful`).
    public let usefulPoints: Int
    /// nil when there are no useful points (qicharts2 gives NA).
    public let longestRun: Int?
    public let longestRunMax: Int?
    public let crossings: Int?
    public let crossingsMin: Int?
    public let longestRunSignal: Bool
    public let crossingsSignal: Bool
    /// False for moving-range charts, whose points are not independent (qicharts2 sets
    /// `runs.signal` to FALSE for them); otherwise either rule.
    public let signal: Bool
    /// Whether the rules could signal with this many useful points at all.
    public let signalPossible: Bool
    /// False for moving-range charts.
    public let signalsAllowed: Bool

    /// `values` and `centre` are the included points of one part, in order; nil is missing.
    public init(values: [Double?], centre: [Double?], signalsAllowed: Bool = true) {
        precondition(values.count == centre.count)
        var signs: [Int] = []
        for (y, cl) in zip(values, centre) {
            guard let y, let cl else { continue }
            if y > cl { signs.append(1) } else if y < cl { signs.append(-1) }
        }
        observations = values.count
        usefulPoints = signs.count
        self.signalsAllowed = signalsAllowed
        guard !signs.isEmpty else {
            longestRun = nil; longestRunMax = nil; crossings = nil; crossingsMin = nil
            longestRunSignal = false; crossingsSignal = false; signal = false; signalPossible = false
            return
        }
        var runs = 1, current = 1, longest = 1
        for i in 1..<signs.count {
            if signs[i] == signs[i - 1] {
                current += 1
            } else {
                runs += 1
                current = 1
            }
            longest = max(longest, current)
        }
        let n = signs.count
        longestRun = longest
        longestRunMax = AnhojRules.longestRunMax(usefulPoints: n)
        crossings = runs - 1
        crossingsMin = AnhojRules.crossingsMin(usefulPoints: n)
        longestRunSignal = longest > longestRunMax!
        crossingsSignal = runs - 1 < crossingsMin!
        signal = signalsAllowed && (longestRunSignal || crossingsSignal)
        signalPossible = signalsAllowed && AnhojRules.signalPossible(usefulPoints: n)
    }

    /// Why no signal can be read, in words, or nil when the rules apply.
    public var noSignalReason: String? {
        if !signalsAllowed {
            return "a moving-range chart is not read with the runs rules (neighbouring moving ranges share a point), as in qicharts2"
        }
        if usefulPoints == 0 {
            return "no useful points (every point is missing or on the centre line): no signal is possible"
        }
        if !signalPossible, let longestRunMax {
            return "only \(usefulPoints) useful point\(usefulPoints == 1 ? "" : "s") (not on the centre line): no signal is possible — a run would have to be longer than \(longestRunMax) points and the crossings limit is 0; at least 10 useful points are recommended"
        }
        return nil
    }
}
