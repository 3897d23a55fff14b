import LogicModel
import Periods

/// Why an indicator bound to loaded data (`data:`) has no value for a period, as a
/// reason a report can say in words (docs/indicators.md, "Computed values"): the data is
/// not loaded, or it is and cannot give this period a figure yet.
public enum BoundValueGap: Sendable, Equatable, Codable {
    /// The model has no `cohorts.pilot` to tell the pilot's cases from the line's.
    case noPilotCohort
    /// No case extract is imported for the model.
    case noCaseExtract
    /// An extract is imported, but no case has the measure.
    case noCaseWithOutcome(extract: CalendarDate?)
    /// The period begins after the latest extract date.
    case periodAfterExtract(extract: CalendarDate)
    /// The measure needs `months` of follow-up after the event, and no case of the
    /// period has had it by the extract date (a re-referral within 12 months).
    case followUpNotReached(months: Int, extract: CalendarDate)
    /// The period's cases give no figure: none settled, fewer than 5 for a mean or
    /// median, or a median not reached while more than half are still open.
    case tooFewCases(extract: CalendarDate?)
    /// No wave of the survey is stored (or the instrument is not).
    case noSurveyWave
    /// Waves are stored, but none has a figure for the binding (no unit large enough,
    /// or the pilot's own unit is missing).
    case noWaveGivesAValue
    /// No wave in the period's year.
    case noWaveInYear(year: Int)
    /// The year's wave was given after the period (an October wave read for tertial 1).
    case waveAfterPeriod(wave: String)
    /// The indicator is followed up per year (`frequency: year`) and the period is
    /// shorter: its cases or measure points give the year's value, not a tertial's.
    case yearOnly
    /// The measure has no stored points.
    case noMeasurePoints
    /// The measure has points, none dated in the period.
    case noPointsInPeriod
    /// The data could not be read (a fault; `IndicatorData.unavailable` has the message).
    case notComputable
}

extension IndicatorData {
    /// Why `indicator` — bound to loaded data — has no value in `period`; nil for an
    /// indicator without `data:` or one that has a value there.
    public func gap(of indicator: Indicator, in period: Period) -> BoundValueGap? {
        guard let binding = indicator.data else { return nil }
        let set = ObservationSet(observations)
        if set.get(indicator.id, period, Observation.total) != nil { return nil }
        if let whole = gaps[indicator.id] { return whole }
        let mine = set.all(indicator.id).filter { $0.group == Observation.total }
        if indicator.frequency == .year, period.kind != .year, !binding.isReadiness { return .yearOnly }
        switch binding {
        case .cases(let outcome, _, _):
            let extract = mine.compactMap { $0.computed?.extractDate.flatMap(CalendarDate.init(parsing:)) }.max()
            guard let extract else { return .tooFewCases(extract: nil) }
            if period.start > extract { return .periodAfterExtract(extract: extract) }
            if outcome == "re_referral_12m", period.start.adding(months: 12) > extract {
                return .followUpNotReached(months: 12, extract: extract)
            }
            return .tooFewCases(extract: extract)
        case .readinessItem, .readinessSubscale:
            let year = period.yearPeriod
            if period.kind != .year, let wave = set.get(indicator.id, year, Observation.total)?.computed?.wave {
                return .waveAfterPeriod(wave: wave)
            }
            return .noWaveInYear(year: year.year)
        case .measure:
            return .noPointsInPeriod
        }
    }
}

extension DataBinding {
    var isReadiness: Bool {
        switch self {
        case .readinessItem, .readinessSubscale: true
        case .cases, .measure: false
        }
    }
}
