import LogicModel
import Periods
import Statistics

/// One indicator's figure in one group: the value and the counts it came from, with a
/// Wilson 95 % interval where the counts form a proportion.
///
/// JSON: `{"value","numerator","denominator","ci_low","ci_high"}`; an undefined value or
/// interval is `null` with a sibling `..._note`; absent counts are `null`.
public struct GroupFigure: Sendable, Equatable, Codable {
    public var value: Figure
    public var numerator: Double?
    public var denominator: Double?
    public var ciLow: Figure
    public var ciHigh: Figure

    public init(value: Figure, numerator: Double? = nil, denominator: Double? = nil, ciLow: Figure, ciHigh: Figure) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }

    /// The figure of an observation (or its absence) in the indicator's unit.
    init(_ observation: Observation?, unit: IndicatorUnit, missing: String) {
        guard let observation else {
            value = Figure(undefined: missing)
            ciLow = Figure(undefined: missing)
            ciHigh = Figure(undefined: missing)
            return
        }
        // A row that is a note alone (an indicator judged in words) says so, with the note.
        let noted = observation.value == nil && observation.numerator == nil ? observation.note.map { "judged in words: " + $0 } : nil
        value = observation.figure(unit: unit).map { Figure($0) } ?? Figure(undefined: noted ?? "no usable value")
        numerator = observation.numerator
        denominator = observation.denominator
        (ciLow, ciHigh) = Self.interval(observation, unit: unit)
    }

    /// Wilson score interval (as statsmodels `proportion_confint(method='wilson')`) for
    /// k of n, in the indicator's scale: ×100 for percent, as is for ratio.
    static func interval(_ o: Observation, unit: IndicatorUnit) -> (Figure, Figure) {
        guard o.numerator != nil else {
            let note = "no counts given (a CI needs numerator and denominator)"
            return (Figure(undefined: note), Figure(undefined: note))
        }
        guard unit == .percent || unit == .ratio else {
            let note = "a CI is computed for proportions (percent or ratio), not for a \(unit.rawValue)"
            return (Figure(undefined: note), Figure(undefined: note))
        }
        guard o.hasProportionCounts, let k = o.numerator, let n = o.denominator else {
            let note = "the counts are not a proportion (whole numbers with 0 ≤ numerator ≤ denominator)"
            return (Figure(undefined: note), Figure(undefined: note))
        }
        let scale = unit == .percent ? 100.0 : 1.0
        let w = WilsonInterval.compute(events: Int(k), trials: Int(n))
        func scaled(_ f: Figure) -> Figure { f.value.map { Figure($0 * scale) } ?? f }
        return (scaled(w.ciLow), scaled(w.ciHigh))
    }

    enum Keys { static let all = ["value", "numerator", "denominator", "ci_low", "ci_high"] }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(value, forKey: "value")
        try c.encodeOrNull(numerator, forKey: "numerator")
        try c.encodeOrNull(denominator, forKey: "denominator")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: FigureKey.self)
        value = try c.figure("value")
        numerator = try c.optional("numerator")
        denominator = try c.optional("denominator")
        ciLow = try c.figure("ci_low")
        ciHigh = try c.figure("ci_high")
    }
}

/// An indicator's target for a period, and how the observation fares against it.
public struct TargetReading: Sendable, Equatable, Codable {
    /// The rule as written in the model.
    public var rule: TargetRule
    /// The period the target is set for: the observation's own, or its year.
    public var period: Period
    public var setBy: TargetSetter
    public var note: String?
    /// True when a year target is read against a tertial, quarter or month: an interim
    /// reading, not the year's verdict.
    public var interim: Bool
    public var status: TargetStatus
    /// Why the status is what it is, where that is not obvious (no data, no earlier
    /// value, qualitative, interim).
    public var statusNote: String?

    enum CodingKeys: String, CodingKey {
        case rule, period, note, interim, status
        case setBy = "set_by"
        case statusNote = "status_note"
    }
}

/// The figures DESIGN §3.1 evaluates one indicator by, for one period: the observation,
/// its groups, the previous period's value, the change and the targets. Shared by
/// `indicators status` (one period) and `indicators trend` (every period).
struct IndicatorReading {
    var total: GroupFigure
    var observation: Observation?
    var groups: [String: GroupFigure]
    var previousPeriod: Period
    var previousValue: Figure
    var previousSource: String?
    var change: Figure
    var unitTarget: TargetReading?
    var cityTarget: TargetReading?
    var status: TargetStatus
    var statusNote: String?
    var statusBasis: TargetSetter?
    /// Set when the figures are another period's: a yearly survey value read for a
    /// tertial, quarter or month of its year (`yearlySurveyValue`).
    var valuePeriod: Period?

    /// `yearlySurveyValue`: a yearly indicator computed from a survey wave (`data:
    /// {readiness: …}`, frequency year) that has no value for a shorter `period` is read
    /// at its year's value — the wave's figures, previous year, change and year targets
    /// (not an interim reading: it is the year's value) — when the wave began by the
    /// period's end; `valuePeriod` then names the year. A tertial report shows it,
    /// labelled with the wave, instead of "–".
    init(indicator: Indicator, period: Period, observations: ObservationSet, yearlySurveyValue: Bool) {
        if yearlySurveyValue, let year = Self.surveyYear(indicator, period, observations) {
            self.init(indicator: indicator, period: year, observations: observations)
            valuePeriod = year
        } else {
            self.init(indicator: indicator, period: period, observations: observations)
        }
    }

    /// The year whose survey value stands for `period`, or nil.
    static func surveyYear(_ indicator: Indicator, _ period: Period, _ observations: ObservationSet) -> Period? {
        guard indicator.frequency == .year, period.kind != .year,
              observations.get(indicator.id, period, Observation.total) == nil else { return nil }
        let year = period.yearPeriod
        guard let wave = observations.get(indicator.id, year, Observation.total)?.computed?.wave else { return nil }
        // A wave id starts with its year and month (`2022-03`); one given after the
        // period (an October wave, read in the first tertial) does not stand for it.
        if let started = (Period(parsing: wave) ?? Period(parsing: wave.prefix(7)))?.start, started > period.end { return nil }
        return year
    }

    init(indicator: Indicator, period: Period, observations: ObservationSet) {
        let obs = observations.get(indicator.id, period, Observation.total)
        observation = obs
        total = GroupFigure(obs, unit: indicator.unit, missing: "no observation for \(period)")
        var groups: [String: GroupFigure] = [:]
        for g in observations.groups(indicator.id, period) where g != Observation.total {
            groups[g] = GroupFigure(observations.get(indicator.id, period, g), unit: indicator.unit, missing: "no observation")
        }
        self.groups = groups

        // The previous period of the same kind; the model's baseline stands in for a
        // missing observation when it is for exactly that period (as "VB 2021" does).
        previousPeriod = period.previous
        if let prev = observations.get(indicator.id, previousPeriod, Observation.total)?.figure(unit: indicator.unit) {
            previousValue = Figure(prev)
            previousSource = "observation"
        } else if let baseline = indicator.baseline, baseline.period == previousPeriod {
            previousValue = Figure(baseline.value)
            previousSource = "baseline"
        } else {
            previousValue = Figure(undefined: "no observation or baseline for \(previousPeriod)")
            previousSource = nil
        }

        switch (total.value.value, previousValue.value) {
        case let (v?, p?):
            // Stated figures are subtracted at their precision; figures from counts are not rounded.
            let exact = obs?.value != nil && obs?.computed == nil
            change = Figure(exact ? StatedPrecision.difference(v, p) : v - p)
        case (nil, _):
            change = Figure(undefined: "no value for \(period)")
        case (_, nil):
            change = Figure(undefined: "no value for the previous period \(previousPeriod)")
        }

        let value = total.value.value, previous = previousValue.value
        unitTarget = Self.reading(indicator, period, setBy: .unit, value: value, previous: previous, previousPeriod: previousPeriod)
        cityTarget = Self.reading(indicator, period, setBy: .city, value: value, previous: previous, previousPeriod: previousPeriod)
        if let t = unitTarget ?? cityTarget {
            status = t.status
            statusNote = t.statusNote
            statusBasis = t.setBy
            if let obs, obs.value == nil, obs.numerator == nil, let note = obs.note {
                statusNote = [statusNote, "recorded: " + note].compactMap { $0 }.joined(separator: "; ")
            }
        } else {
            status = .notAssessed
            statusNote = "no target for \(period)" + (period.kind == .year ? "" : " or \(period.yearPeriod)")
            statusBasis = nil
        }
    }

    /// The target of `setter` for `period`: one set for the period itself, else (for a
    /// tertial, quarter or month) the year's, read as an interim reading.
    static func reading(_ indicator: Indicator, _ period: Period, setBy setter: TargetSetter,
                        value: Double?, previous: Double?, previousPeriod: Period) -> TargetReading? {
        let candidates = indicator.targets(for: period, setBy: setter)
        guard let target = candidates.first(where: { $0.period == period }) ?? candidates.first else { return nil }
        let interim = target.period != period
        let status = target.rule.evaluate(value: value, previous: previous, direction: indicator.direction)
        var notes: [String] = []
        switch status {
        case .noData: notes.append("no observation for \(period)")
        case .noComparison: notes.append("the rule compares with the previous period (\(previousPeriod)), which has no value")
        case .notAssessed:
            if target.rule == .qualitative || value == nil {
                notes.append("qualitative target: judged in words, not computed")
            } else {
                notes.append("the indicator has no direction (increase/decrease), so \"\(target.rule.text)\" cannot be judged")
            }
        case .met, .notMet: break
        }
        if interim { notes.append("interim reading: \(period) against the target for \(target.period)") }
        return TargetReading(rule: target.rule, period: target.period, setBy: setter, note: target.note,
                             interim: interim, status: status,
                             statusNote: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
}

extension TargetRule {
    /// The line a chart draws for this rule: the threshold of a comparison (or of the
    /// first comparison inside `any`), the bounds of `between`; nil for relative and
    /// qualitative rules, which have no fixed level.
    public var line: (low: Double, high: Double)? {
        switch self {
        case .threshold(_, let t): (t.value, t.value)
        case .between(let a, let b): (a.value, b.value)
        case .any(let parts): parts.lazy.compactMap(\.line).first
        case .improve, .maintainOrImprove, .qualitative: nil
        }
    }
}
