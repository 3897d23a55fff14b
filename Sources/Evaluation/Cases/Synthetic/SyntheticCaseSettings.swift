import Periods

/// Everything that decides a synthetic extract: the same settings and seed give the
/// same bytes. Written beside the extract with `--truth` so an analysis can be checked
/// against what was planted.
public struct SyntheticCaseSettings: Codable, Sendable, Equatable {
    public var seed: UInt64
    /// Cases in the extract (exactly).
    public var cases: Int = 4_000
    public var referralsFrom = CalendarDate(year: 2018, month: 1, day: 1)!
    public var referralsTo = CalendarDate(year: 2022, month: 12, day: 31)!
    /// Open durations end here (dates after it are blank, as in a real extract).
    public var extractDate = CalendarDate(year: 2022, month: 12, day: 31)!
    /// From this day the pilot's area is served by the pilot team.
    public var pilotStart = CalendarDate(year: 2020, month: 1, day: 1)!
    public var pilotCohort = "vallingbyteamet"
    public var lineCohort = "linjen"

    // Planted effects: pilot cases (pilot team, after its start) minus what the same
    // case would have had in the line. Zero means no effect.
    /// Added to the mean days from referral to the förhandsbedömning decision.
    public var effectAssessmentDays = 0.0
    /// Added to the mean investigation length in days.
    public var effectInvestigationDays = 0.0
    /// Added to the probability of re-referral within 12 months after a closed
    /// investigation (−0.05: five percentage points fewer).
    public var effectReReferral = 0.0
    /// Added to the mean number of distinct caseworkers on a case.
    public var effectCaseworkers = 0.0

    // Baseline (line) levels and variation; documented in docs/cases.md.
    /// Median days to the assessment decision (log-normal, σ = 0.6 on the log scale).
    public var assessmentMedianDays = 9.0
    /// Gamma-distributed investigation length (shape 4): mean in days.
    public var investigationMeanDays = 112.0
    /// Common time trend in investigation length, days per year after 2018 (everyone).
    public var investigationTrendDaysPerYear = -3.0
    public var investigationShare = 0.5
    public var reReferralBase = 0.22
    /// Mean extra caseworkers beyond the first on an investigated case (Poisson).
    public var caseworkersExtraMean = 1.2
    /// SD of each area's random shift of assessment days and investigation days (case
    /// mix; the same before and after the pilot takes over an area).
    public var areaSDAssessmentDays = 1.5
    public var areaSDInvestigationDays = 10.0

    public init(seed: UInt64) { self.seed = seed }

    enum CodingKeys: String, CodingKey {
        case seed, cases
        case referralsFrom = "referrals_from", referralsTo = "referrals_to", extractDate = "extract_date"
        case pilotStart = "pilot_start", pilotCohort = "pilot_cohort", lineCohort = "line_cohort"
        case effectAssessmentDays = "effect_assessment_days", effectInvestigationDays = "effect_investigation_days"
        case effectReReferral = "effect_re_referral", effectCaseworkers = "effect_caseworkers"
        case assessmentMedianDays = "assessment_median_days", investigationMeanDays = "investigation_mean_days"
        case investigationTrendDaysPerYear = "investigation_trend_days_per_year"
        case investigationShare = "investigation_share", reReferralBase = "re_referral_base"
        case caseworkersExtraMean = "caseworkers_extra_mean"
        case areaSDAssessmentDays = "area_sd_assessment_days", areaSDInvestigationDays = "area_sd_investigation_days"
    }
}
