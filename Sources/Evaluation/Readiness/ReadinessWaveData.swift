import LogicModel

/// One wave of one instrument as the analyses see it, answers aligned with the
/// instrument's items. Either respondent-level (`respondents`) or aggregated
/// (`unitMeans`), never both: an aggregated wave carries only unit means and must
/// never be tested as if it had respondents.
public struct ReadinessWaveData: Sendable, Equatable {
    public var wave: String
    /// Item keys, in the instrument's order; `answers` and `means` follow it.
    public var items: [String]
    public var respondents: [ReadinessRespondent]
    public var unitMeans: [ReadinessUnitMeans]

    public init(wave: String, items: [String], respondents: [ReadinessRespondent] = [],
                unitMeans: [ReadinessUnitMeans] = []) {
        self.wave = wave
        self.items = items
        self.respondents = respondents
        self.unitMeans = unitMeans
    }

    public var isAggregated: Bool { respondents.isEmpty && !unitMeans.isEmpty }

    /// Units in order of first appearance.
    public var units: [String] {
        var seen = Set<String>(), order: [String] = []
        for u in respondents.map(\.unit) + unitMeans.map(\.unit) where seen.insert(u).inserted { order.append(u) }
        return order
    }
}

public struct ReadinessRespondent: Sendable, Equatable {
    public var unit: String
    public var respondent: String
    /// Raw answers (not reversed), one per item; NaN = blank.
    public var answers: [Double]

    public init(unit: String, respondent: String, answers: [Double]) {
        self.unit = unit
        self.respondent = respondent
        self.answers = answers
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.unit == b.unit && a.respondent == b.respondent
            && a.answers.count == b.answers.count
            && zip(a.answers, b.answers).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}

public struct ReadinessUnitMeans: Sendable, Equatable {
    public var unit: String
    /// Respondents, when the source gives it.
    public var n: Int?
    /// One per item; nil when the source gives no mean for it.
    public var means: [Double?]

    public init(unit: String, n: Int?, means: [Double?]) {
        self.unit = unit
        self.n = n
        self.means = means
    }
}
