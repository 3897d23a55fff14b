import Foundation
import LogicModel
import Periods
import Statistics

/// Values of an indicator bound to a case measure (`data: {cases: NAME, cohort: pilot}`,
/// DESIGN §3.1): one per period of the indicator's frequency (and per year), each case counted in the
/// period of the date that defines its measure (`definingDate`), for the bound cohort,
/// with girls/boys/other from the cases' gender. docs/indicators.md, "Computed values".
///
/// - 0/1 measures: numerator = cases with 1, denominator = cases with a value (the share,
///   ×100 for a percent indicator, with a Wilson interval as any counted observation).
///   Censoring as in `cases compare`: a case still open within its limit has no value
///   yet and is in no period; one still open past its limit is a 0.
/// - durations: the Kaplan–Meier median (DESIGN §4: smallest time with S(t) ≤ 0.5) of
///   the cases started in the period, open ones censored at the extract date; no value
///   while more than half are still open ("median not reached").
/// - other numbers: the mean.
/// A mean or median of fewer than 5 cases is not given (`minimumCases`).
public enum CaseBinding {
    /// The date that puts a case's measure in a period.
    public static func definingDate(_ outcome: String, _ c: CaseSnapshot) -> CalendarDate? {
        switch outcome {
        case "assessment_within_14d":
            // Settled at the decision, or on the first day past the limit while undecided.
            return c.assessmentDecisionDate ?? c.referralDate.map { $0.adding(days: CaseMeasures.assessmentLimitDays + 1) }
        case "investigation_within_4m":
            return c.investigationEnd ?? c.investigationStart.map {
                $0.adding(months: CaseMeasures.investigationLimitMonths).adding(days: 1)
            }
        case "re_referral_12m":
            return c.investigationEnd
        case "days_to_assessment":
            return c.referralDate
        case "investigation_days":
            return c.investigationStart
        default:
            // distinct_caseworkers, investigations_per_child (on the child's first case)
            // and an extract's own outcome columns: the referral, the one date every case has.
            return c.referralDate
        }
    }

    /// The rule in words, for provenance.
    public static func ruleText(_ outcome: String, kind: CaseOutcomeKind) -> String {
        let when: String
        switch outcome {
        case "assessment_within_14d": when = "by decision date (an undecided case on the first day past the 14 days, as a 0)"
        case "investigation_within_4m": when = "by investigation end (an open investigation on the first day past the 4 months, as a 0)"
        case "re_referral_12m": when = "by investigation end (only investigations with 12 months of follow-up before the extract date)"
        case "days_to_assessment": when = "by referral date"
        case "investigation_days": when = "by investigation start"
        case "investigations_per_child": when = "by the referral date of the child's first case"
        default: when = "by referral date"
        }
        let what: String
        switch kind {
        case .binary: what = "share of cases with 1 (numerator/denominator)"
        case .timeToEvent: what = "Kaplan–Meier median in days, open cases censored at the extract date"
        case .continuous: what = "mean per case"
        }
        return "\(outcome) \(when); \(what)"
    }

    /// Every period's observations (total and gender groups) of one bound indicator.
    /// `values[i]` are the derived measures of `snapshots[i]` (`CaseMeasures.derive`).
    public static func observations(indicator: Indicator, outcome: String, cohort: DataBinding.CaseCohort,
                                    comparison: DataBinding.CaseCohort?, pilotCohort: String,
                                    snapshots: [CaseSnapshot], values: [[String: CaseValue]]) -> [Observation] {
        guard let kind = periodKind(indicator.frequency) else { return [] }
        let pilot = pilotCohort.trimmingCharacters(in: .whitespaces).lowercased()
        // Each case with the outcome: its period, cohort, gender, value.
        struct Entry { var date: CalendarDate; var pilot: Bool; var gender: CaseRecord.Gender?; var value: CaseValue; var importID: Int? }
        var entries: [Entry] = []
        for (s, v) in zip(snapshots, values) {
            guard let value = v[outcome], let date = definingDate(outcome, s) else { continue }
            entries.append(Entry(date: date,
                                 pilot: s.cohort.trimmingCharacters(in: .whitespaces).lowercased() == pilot,
                                 gender: s.gender, value: value, importID: s.importID))
        }
        guard !entries.isEmpty else { return [] }
        let outcomeKind = Self.kind(entries.map(\.value))
        let extract = snapshots.map(\.censorDate).max()
        let binding = DataBinding.cases(outcome: outcome, cohort: cohort, comparison: comparison).text
        let groupNames: [CaseRecord.Gender: String] = [.girl: "girls", .boy: "boys", .other: "other"]
        let allowed = Set(indicator.groupDimensions["gender"] ?? [])

        var out: [Observation] = []
        // The frequency's periods, and for a shorter frequency the years too: a unit
        // reports each tertial and the year (the year's value is over the year's cases,
        // not a mean of its tertials).
        let periods = Set(entries.flatMap { e in
            [Period(containing: e.date, kind: kind)] + (kind == .year ? [] : [Period(containing: e.date, kind: .year)])
        })
        for period in periods.sorted() {
            let inPeriod = entries.filter { period.contains($0.date) }
            let mine = inPeriod.filter { $0.pilot == (cohort == .pilot) }
            guard let total = figure(mine.map(\.value), kind: outcomeKind) else { continue }
            var rule = ruleText(outcome, kind: outcomeKind) + "; \(cohort.rawValue) cohort, \(mine.count) cases"
            if let extract, period.end > extract { rule += "; the period is not over at the extract date" }
            var comparisonFigure: ComparisonFigure?
            if let comparison {
                let other = inPeriod.filter { $0.pilot == (comparison == .pilot) }
                let f = figure(other.map(\.value), kind: outcomeKind)
                comparisonFigure = ComparisonFigure(
                    cohort: comparison.rawValue,
                    value: f.flatMap { $0.value ?? Observation.quotient($0.numerator, $0.denominator, unit: indicator.unit) },
                    numerator: f?.numerator, denominator: f?.denominator,
                    note: f == nil ? (other.isEmpty ? "no case of the \(comparison.rawValue) in \(period)" : "median not reached") : nil)
            }
            let source = ValueSource(binding: binding, imports: Array(Set(mine.compactMap(\.importID))),
                                     extractDate: extract?.iso, rule: rule, comparison: comparisonFigure)
            out.append(Observation(indicator: indicator.id, period: period, value: total.value,
                                   numerator: total.numerator, denominator: total.denominator, computed: source))
            for gender in CaseRecord.Gender.allCases {
                guard let name = groupNames[gender], allowed.contains(name),
                      let f = figure(mine.filter { $0.gender == gender }.map(\.value), kind: outcomeKind) else { continue }
                out.append(Observation(indicator: indicator.id, period: period, group: name, value: f.value,
                                       numerator: f.numerator, denominator: f.denominator, computed: source))
            }
        }
        return out
    }

    /// The calendar period kind of a frequency; nil for `wave` (or none), which case
    /// data cannot be put in.
    static func periodKind(_ frequency: Frequency?) -> Period.Kind? {
        switch frequency {
        case .month?: .month
        case .tertial?: .tertial
        case .quarter?: .quarter
        case .year?: .year
        default: nil
        }
    }

    /// As `cases compare` decides it (OutcomeSample): durations, 0/1, or numbers.
    static func kind(_ values: [CaseValue]) -> CaseOutcomeKind {
        var binary = true
        for v in values {
            switch v {
            case .duration: return .timeToEvent
            case .number(let x): if x != 0 && x != 1 { binary = false }
            }
        }
        return binary ? .binary : .continuous
    }

    /// A mean or median carries no counts, so the reports' disclosure control cannot
    /// see that it describes 1–4 persons (DESIGN §9: counts 1–4 are withheld); such a
    /// figure is not computed. Shares keep their counts, and the reports decide.
    public static let minimumCases = 5

    /// The period's figure of a set of cases; nil when there is none (no cases, fewer
    /// than `minimumCases` for a mean or median, or a median not reached).
    static func figure(_ values: [CaseValue], kind: CaseOutcomeKind) -> (value: Double?, numerator: Double?, denominator: Double?)? {
        switch kind {
        case .binary:
            let xs = values.compactMap { if case .number(let x) = $0, x.isFinite { x } else { nil } }
            guard !xs.isEmpty else { return nil }
            return (nil, xs.reduce(0, +), Double(xs.count))
        case .continuous:
            let xs = values.compactMap { if case .number(let x) = $0, x.isFinite { x } else { nil } }
            guard xs.count >= minimumCases else { return nil }
            return (xs.reduce(0, +) / Double(xs.count), nil, nil)
        case .timeToEvent:
            var times: [Double] = [], observed: [Bool] = []
            for v in values {
                if case .duration(let d, let o) = v, d.isFinite, d >= 0 { times.append(d); observed.append(o) }
            }
            guard times.count >= minimumCases, let median = KaplanMeier(times: times, observed: observed).median.estimate.value else { return nil }
            return (median, nil, nil)
        }
    }
}
