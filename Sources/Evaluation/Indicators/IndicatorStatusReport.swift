import LogicModel
import Periods
import Statistics

/// The result of `piloteval indicators status`: every indicator of a model in one
/// period against its targets, and every goal's computed assessment beside the one the
/// unit recorded. The CLI prints it (table, JSON, CSV); reports embed it.
///
/// JSON (DESIGN §5, issue 5): `{"model","model_name","model_version","period",
/// "indicators":[IndicatorStatusRow],"goals":[GoalAssessmentRow],
/// "removed_indicators":[RemovedIndicator],"caveats":[String]}`.
public struct IndicatorStatusReport: Sendable, Equatable, Codable {
    public var model: String
    public var modelName: String
    /// The stored version evaluated against (nil for a model that was never stored).
    public var modelVersion: Int?
    public var period: Period
    public var indicators: [IndicatorStatusRow]
    public var goals: [GoalAssessmentRow]
    /// Indicators with stored observations that this model version no longer has.
    public var removedIndicators: [RemovedIndicator]
    /// What a reader must know to read the figures right, in words.
    public var caveats: [String]

    enum CodingKeys: String, CodingKey {
        case model, period, indicators, goals, caveats
        case modelName = "model_name"
        case modelVersion = "model_version"
        case removedIndicators = "removed_indicators"
    }
}

/// One indicator in one period.
///
/// JSON keys: `id, title, measures, unit, direction, period, value, numerator,
/// denominator, ci_low, ci_high, groups, previous_period, previous_value,
/// previous_source, change, change_unit, target_rule, target_period, target_note,
/// target_status, target_status_note, status, status_note, status_basis, interim,
/// city_target_rule, city_target_period, city_target_note, city_target_status,
/// city_target_status_note, warnings, source_import, source_line`, and `counts` where
/// the model writes it (`events`: the figures count events, not persons, and are never
/// suppressed); `value_source` for a computed value and `value_period` for a yearly
/// survey value read for a shorter period. `status` is the
/// headline: `target_status` where the unit set a target, else `city_target_status`. Undefined numbers are `null` with a `..._note`.
public struct IndicatorStatusRow: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// The node the indicator measures.
    public var measures: String
    public var unit: IndicatorUnit
    public var direction: Direction
    public var period: Period
    /// The total's value, numerator, denominator and Wilson CI.
    public var total: GroupFigure
    /// Breakdown value (`girls`, `boys`, …) → its figure.
    public var groups: [String: GroupFigure]
    public var previousPeriod: Period
    public var previousValue: Figure
    /// `observation`, or `baseline` when the model's baseline stands in for it.
    public var previousSource: String?
    /// value − previous value, in percentage points for percent indicators.
    public var change: Figure
    /// `percentage_points` for percent indicators, else the indicator's unit.
    public var changeUnit: String
    /// The unit's own target (årsmål).
    public var target: TargetReading?
    /// The city's target (KF:s årsmål, `set_by: city`).
    public var cityTarget: TargetReading?
    /// Against the unit's target, or the city's where the unit set none.
    public var status: TargetStatus
    public var statusNote: String?
    /// Which target `status` was read against: `unit`, `city`, or nil (no target).
    public var statusBasis: TargetSetter?
    /// True when `status` reads a year target against a shorter period.
    public var interim: Bool
    /// Consistency warnings stored with this indicator's observations for this period.
    public var warnings: [ObservationWarning]
    /// The import and file line the total came from, for tracing the figure.
    public var sourceImport: Int?
    public var sourceLine: Int?
    /// The indicator's `counts:` as the model writes it; nil (persons) without it.
    public var counts: Counts? = nil
    /// Where a computed total came from (the indicator's `data:` binding); nil for a
    /// hand-entered observation (then `source_import`/`source_line`). In the JSON only when set.
    public var valueSource: ValueSource? = nil
    /// The period the figures are of when it is not `period`: a yearly survey value
    /// (`data: {readiness: …}`) read for a tertial of its year — value, groups, previous
    /// period, change and targets are the year's. In the JSON only when set (`value_period`).
    public var valuePeriod: Period? = nil

    public var value: Figure { total.value }
    /// True when the figures count events, not persons (never suppressed).
    public var countsEvents: Bool { counts == .events }
}

extension IndicatorStatusRow {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(id, forKey: "id")
        try c.encode(title, forKey: "title")
        try c.encode(measures, forKey: "measures")
        try c.encode(unit, forKey: "unit")
        try c.encode(direction, forKey: "direction")
        try c.encode(period, forKey: "period")
        try c.encode(total.value, forKey: "value")
        try c.encodeOrNull(total.numerator, forKey: "numerator")
        try c.encodeOrNull(total.denominator, forKey: "denominator")
        try c.encode(total.ciLow, forKey: "ci_low")
        try c.encode(total.ciHigh, forKey: "ci_high")
        try c.encode(groups, forKey: "groups")
        try c.encode(previousPeriod, forKey: "previous_period")
        try c.encode(previousValue, forKey: "previous_value")
        try c.encodeOrNull(previousSource, forKey: "previous_source")
        try c.encode(change, forKey: "change")
        try c.encode(changeUnit, forKey: "change_unit")
        try c.encodeOrNull(target?.rule, forKey: "target_rule")
        try c.encodeOrNull(target?.period, forKey: "target_period")
        try c.encodeOrNull(target?.note, forKey: "target_note")
        try c.encodeOrNull(target?.status, forKey: "target_status")
        try c.encodeOrNull(target?.statusNote, forKey: "target_status_note")
        try c.encode(status, forKey: "status")
        try c.encodeOrNull(statusNote, forKey: "status_note")
        try c.encodeOrNull(statusBasis, forKey: "status_basis")
        try c.encode(interim, forKey: "interim")
        try c.encodeOrNull(cityTarget?.rule, forKey: "city_target_rule")
        try c.encodeOrNull(cityTarget?.period, forKey: "city_target_period")
        try c.encodeOrNull(cityTarget?.note, forKey: "city_target_note")
        try c.encodeOrNull(cityTarget?.status, forKey: "city_target_status")
        try c.encodeOrNull(cityTarget?.statusNote, forKey: "city_target_status_note")
        try c.encode(warnings, forKey: "warnings")
        try c.encodeOrNull(sourceImport, forKey: "source_import")
        try c.encodeOrNull(sourceLine, forKey: "source_line")
        try c.encodeIfPresent(counts, forKey: FigureKey("counts"))
        try c.encodeIfPresent(valueSource, forKey: FigureKey("value_source"))
        try c.encodeIfPresent(valuePeriod, forKey: FigureKey("value_period"))
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: FigureKey.self)
        id = try c.value("id")
        title = try c.value("title")
        measures = try c.value("measures")
        unit = try c.value("unit")
        direction = try c.value("direction")
        period = try c.value("period")
        total = GroupFigure(value: try c.figure("value"), numerator: try c.optional("numerator"),
                            denominator: try c.optional("denominator"),
                            ciLow: try c.figure("ci_low"), ciHigh: try c.figure("ci_high"))
        groups = try c.value("groups")
        previousPeriod = try c.value("previous_period")
        previousValue = try c.figure("previous_value")
        previousSource = try c.optional("previous_source")
        change = try c.figure("change")
        changeUnit = try c.value("change_unit")
        status = try c.value("status")
        statusNote = try c.optional("status_note")
        statusBasis = try c.optional("status_basis")
        interim = try c.value("interim")
        warnings = try c.value("warnings")
        sourceImport = try c.optional("source_import")
        sourceLine = try c.optional("source_line")
        counts = try c.optional("counts")
        valueSource = try c.decodeIfPresent(ValueSource.self, forKey: FigureKey("value_source"))
        valuePeriod = try c.decodeIfPresent(Period.self, forKey: FigureKey("value_period"))
        let rowPeriod: Period = try valuePeriod ?? c.value("period")
        func readTarget(_ prefix: String, _ setter: TargetSetter) throws -> TargetReading? {
            guard let rule: TargetRule = try c.optional(prefix + "_rule"),
                  let period: Period = try c.optional(prefix + "_period"),
                  let status: TargetStatus = try c.optional(prefix + "_status") else { return nil }
            return TargetReading(rule: rule, period: period, setBy: setter, note: try c.optional(prefix + "_note"),
                                 interim: period != rowPeriod, status: status,
                                 statusNote: try c.optional(prefix + "_status_note"))
        }
        target = try readTarget("target", .unit)
        cityTarget = try readTarget("city_target", .city)
    }
}

/// A goal's computed assessment and, where the unit recorded one for the period, its
/// own judgement with the justification, side by side (never one instead of the other).
///
/// JSON keys: `id, title, level, code, parent, assessment, assessment_note, met,
/// not_met, indicators [{id, status}], interim, manual_assessment, manual_period,
/// manual_justification, differs`.
public struct GoalAssessmentRow: Sendable, Equatable, Codable {
    public struct Basis: Sendable, Equatable, Codable {
        public var id: String
        public var status: TargetStatus
    }

    public var id: String
    public var title: String
    public var level: GoalLevel?
    public var code: String?
    public var parent: String?
    /// By the roll-up rule of DESIGN §3.1.
    public var assessment: Assessment
    /// The roll-up in words: which indicators were met, not met, not assessable.
    public var assessmentNote: String
    /// Covered indicators that met / did not meet their target.
    public var met: Int
    public var notMet: Int
    /// Every covered indicator with its status, in model order.
    public var indicators: [Basis]
    /// True when any counted status is an interim reading of a year target.
    public var interim: Bool
    /// The judgement recorded in the model for this period (e.g. from the annual report).
    public var manualAssessment: Assessment?
    public var manualPeriod: Period?
    public var manualJustification: String?
    /// True when the recorded judgement differs from the computed one; false when they
    /// agree or nothing could be computed (`cannot_assess` is no verdict); nil without a
    /// recorded judgement.
    public var differs: Bool?

    enum CodingKeys: String, CodingKey {
        case id, title, level, code, parent, assessment, met, indicators, interim, differs
        case assessmentNote = "assessment_note"
        case notMet = "not_met"
        case manualAssessment = "manual_assessment"
        case manualPeriod = "manual_period"
        case manualJustification = "manual_justification"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(level, forKey: .level)
        try c.encode(code, forKey: .code)
        try c.encode(parent, forKey: .parent)
        try c.encode(assessment, forKey: .assessment)
        try c.encode(assessmentNote, forKey: .assessmentNote)
        try c.encode(met, forKey: .met)
        try c.encode(notMet, forKey: .notMet)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(interim, forKey: .interim)
        try c.encode(manualAssessment, forKey: .manualAssessment)
        try c.encode(manualPeriod, forKey: .manualPeriod)
        try c.encode(manualJustification, forKey: .manualJustification)
        try c.encode(differs, forKey: .differs)
    }
}

/// An indicator that has stored observations but is not in the model version being
/// evaluated: reported, so that dropping an indicator from a plan is visible.
public struct RemovedIndicator: Sendable, Equatable, Codable {
    public var id: String
    /// Its title in the latest model version that had it, if any stored version did.
    public var title: String?
    /// The latest model version that had it.
    public var lastModelVersion: Int?
    public var periods: [Period]
    public var observations: Int
    public var note: String

    enum CodingKeys: String, CodingKey {
        case id, title, periods, observations, note
        case lastModelVersion = "last_model_version"
    }
}
