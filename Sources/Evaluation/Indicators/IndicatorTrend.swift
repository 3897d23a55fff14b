import LogicModel
import Periods
import Statistics

/// The result of `piloteval indicators trend`: each indicator across every period it
/// has data, a baseline or a target for, with the target line — what a chart or a
/// report's trend table needs.
///
/// JSON: `{"model","model_name","model_version","indicators":[IndicatorTrend],
/// "removed_indicators":[RemovedIndicator]}`.
public struct IndicatorTrendReport: Sendable, Equatable, Codable {
    public var model: String
    public var modelName: String
    public var modelVersion: Int?
    public var indicators: [IndicatorTrend]
    public var removedIndicators: [RemovedIndicator]

    enum CodingKeys: String, CodingKey {
        case model, indicators
        case modelName = "model_name"
        case modelVersion = "model_version"
        case removedIndicators = "removed_indicators"
    }
}

/// One indicator over time. JSON: `{"id","title","unit","direction","points":[TrendPoint]}`,
/// and `"counts"` where the model writes it (`events`: never suppressed).
public struct IndicatorTrend: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var unit: IndicatorUnit
    public var direction: Direction
    public var points: [TrendPoint]
    /// The indicator's `counts:` as the model writes it; nil (persons) without it.
    public var counts: Counts? = nil

    /// True when the figures count events, not persons (never suppressed).
    public var countsEvents: Bool { counts == .events }
}

/// One period of a trend. `source` says where the value comes from: `observation`,
/// `baseline` (the model's baseline, no observation for that period) or `target_only`
/// (a period with a target and no value yet, so the target line reaches it).
///
/// JSON keys: `period, source, value, numerator, denominator, ci_low, ci_high, groups,
/// change, target_rule, target_low, target_high, city_target_rule, city_target_low,
/// city_target_high, status, city_status, interim`. `target_low` = `target_high` for a
/// single threshold; both `null` (with a note) for relative or qualitative rules.
public struct TrendPoint: Sendable, Equatable, Codable {
    public var period: Period
    public var source: String
    public var total: GroupFigure
    public var groups: [String: GroupFigure]
    /// Since the previous period of the same kind (percentage points for percent).
    public var change: Figure
    public var target: TargetReading?
    public var cityTarget: TargetReading?
    public var status: TargetStatus
    public var interim: Bool

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(period, forKey: "period")
        try c.encode(source, forKey: "source")
        try c.encode(total.value, forKey: "value")
        try c.encodeOrNull(total.numerator, forKey: "numerator")
        try c.encodeOrNull(total.denominator, forKey: "denominator")
        try c.encode(total.ciLow, forKey: "ci_low")
        try c.encode(total.ciHigh, forKey: "ci_high")
        try c.encode(groups, forKey: "groups")
        try c.encode(change, forKey: "change")
        for (prefix, t) in [("target", target), ("city_target", cityTarget)] {
            try c.encodeOrNull(t?.rule, forKey: prefix + "_rule")
            let (low, high) = Self.line(t)
            try c.encode(low, forKey: prefix + "_low")
            try c.encode(high, forKey: prefix + "_high")
            try c.encodeOrNull(t?.status, forKey: prefix + "_status")
        }
        try c.encode(status, forKey: "status")
        try c.encode(interim, forKey: "interim")
    }

    /// The level a chart draws for a target, or why there is none.
    static func line(_ t: TargetReading?) -> (Figure, Figure) {
        guard let t else { return (Figure(undefined: "no target"), Figure(undefined: "no target")) }
        guard let line = t.rule.line else {
            let note = t.rule == .qualitative ? "qualitative target" : "relative target: compared with the previous period"
            return (Figure(undefined: note), Figure(undefined: note))
        }
        return (Figure(line.low), Figure(line.high))
    }

    public init(period: Period, source: String, total: GroupFigure, groups: [String: GroupFigure], change: Figure,
                target: TargetReading?, cityTarget: TargetReading?, status: TargetStatus, interim: Bool) {
        self.period = period
        self.source = source
        self.total = total
        self.groups = groups
        self.change = change
        self.target = target
        self.cityTarget = cityTarget
        self.status = status
        self.interim = interim
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: FigureKey.self)
        period = try c.value("period")
        source = try c.value("source")
        total = GroupFigure(value: try c.figure("value"), numerator: try c.optional("numerator"),
                            denominator: try c.optional("denominator"),
                            ciLow: try c.figure("ci_low"), ciHigh: try c.figure("ci_high"))
        groups = try c.value("groups")
        change = try c.figure("change")
        status = try c.value("status")
        interim = try c.value("interim")
        let period = self.period
        func readTarget(_ prefix: String, _ setter: TargetSetter) throws -> TargetReading? {
            guard let rule: TargetRule = try c.optional(prefix + "_rule"),
                  let status: TargetStatus = try c.optional(prefix + "_status") else { return nil }
            // The trend keeps the rule and verdict, not the target's own period or note.
            return TargetReading(rule: rule, period: period, setBy: setter, note: nil, interim: false,
                                 status: status, statusNote: nil)
        }
        target = try readTarget("target", .unit)
        cityTarget = try readTarget("city_target", .city)
    }
}

public enum IndicatorTrendAnalysis {
    /// Every indicator of `model` (or only `indicator`), over every period with an
    /// observation, a baseline or a target of the same kind as the observations.
    public static func compute(model: LogicModel, modelVersion: Int?, observations: [Observation],
                               indicator only: String? = nil,
                               earlierVersions: [VersionedModel] = []) -> IndicatorTrendReport {
        let set = ObservationSet(observations)
        var trends: [IndicatorTrend] = []
        for indicator in model.indicators where only == nil || indicator.id == only {
            var periods = Set(set.periods(of: indicator.id))
            if let b = indicator.baseline { periods.insert(b.period) }
            for t in indicator.targets { periods.insert(t.period) }
            var points: [TrendPoint] = []
            for period in periods.sorted() {
                let r = IndicatorReading(indicator: indicator, period: period, observations: set)
                var total = r.total
                let source: String
                if let o = r.observation {
                    // A value computed from the indicator's `data:` binding says so.
                    source = o.computed == nil ? "observation" : "computed"
                } else if let b = indicator.baseline, b.period == period {
                    source = "baseline"
                    total = GroupFigure(value: Figure(b.value), ciLow: Figure(undefined: "baseline: no counts"),
                                        ciHigh: Figure(undefined: "baseline: no counts"))
                } else {
                    source = "target_only"
                }
                // A baseline point is evaluated like an observation would be.
                let reading = source == "baseline" ? Self.reevaluated(r, indicator: indicator, value: total.value.value) : r
                points.append(TrendPoint(
                    period: period, source: source, total: total, groups: r.groups, change: reading.change,
                    target: reading.unitTarget, cityTarget: reading.cityTarget, status: reading.status,
                    interim: (reading.statusBasis == .city ? reading.cityTarget : reading.unitTarget)?.interim ?? false))
            }
            trends.append(IndicatorTrend(id: indicator.id, title: indicator.title, unit: indicator.unit,
                                         direction: indicator.direction, points: points, counts: indicator.counts))
        }
        let removed = IndicatorStatusAnalysis.removedIndicators(model: model, set: set, earlierVersions: earlierVersions)
        return IndicatorTrendReport(model: model.id, modelName: model.name, modelVersion: modelVersion,
                                    indicators: trends, removedIndicators: removed)
    }

    /// The reading with `value` in place of the missing observation.
    static func reevaluated(_ r: IndicatorReading, indicator: Indicator, value: Double?) -> IndicatorReading {
        var r = r
        let period = r.previousPeriod.next
        r.change = switch (value, r.previousValue.value) {
        case let (v?, p?): Figure(StatedPrecision.difference(v, p))
        default: Figure(undefined: "no value for the previous period \(r.previousPeriod)")
        }
        r.unitTarget = IndicatorReading.reading(indicator, period, setBy: .unit, value: value,
                                                previous: r.previousValue.value, previousPeriod: r.previousPeriod)
        r.cityTarget = IndicatorReading.reading(indicator, period, setBy: .city, value: value,
                                                previous: r.previousValue.value, previousPeriod: r.previousPeriod)
        if let t = r.unitTarget ?? r.cityTarget {
            r.status = t.status
            r.statusBasis = t.setBy
        }
        return r
    }
}
