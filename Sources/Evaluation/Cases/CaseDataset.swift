import Periods

/// The cases of one model as analyses see them: the pilot cohort and the line, with
/// the derived measures of DESIGN §3.3 already computed and censored at the extract
/// date. Identity numbers never get this far; `personKey` is a pseudonym at most.
///
/// This file is the contract between the case importer (which fills it from the
/// database, `CaseDataset.load`) and the cohort comparisons (which only read it).
public struct CaseDataset: Sendable {
    /// The logic model the cases were imported against.
    public var modelID: String
    /// The `cohort` value that marks the pilot (the model's `cohorts.pilot`).
    public var pilotCohort: String
    /// When the pilot's way of working started (the model's period start, or the
    /// earliest activity start), for before/after designs; nil when unknown.
    public var pilotStart: CalendarDate?
    /// Open durations are censored here.
    public var extractDate: CalendarDate
    public var cases: [CaseRecord]

    public init(modelID: String, pilotCohort: String, pilotStart: CalendarDate?,
                extractDate: CalendarDate, cases: [CaseRecord]) {
        self.modelID = modelID
        self.pilotCohort = pilotCohort
        self.pilotStart = pilotStart
        self.extractDate = extractDate
        self.cases = cases
    }
}

/// One case (ärende), latest snapshot.
public struct CaseRecord: Sendable, Hashable {
    public var caseID: String
    /// HMAC pseudonym of the person (or the extract's own person id), linking a
    /// person's cases; nil when the extract has none.
    public var personKey: String?
    public var cohort: String
    /// `cohort == dataset.pilotCohort`.
    public var isPilot: Bool
    /// Team (several line units make cluster-aware designs possible).
    public var unit: String?
    /// Geographic area: finds the pilot's area before the pilot started.
    public var area: String?
    public var gender: Gender?
    public var birthYear: Int?
    /// Age in whole years at referral, when birth year and referral date are known.
    public var age: Int?
    public var referralDate: CalendarDate?
    public var referralReason: String?
    /// Derived measures (`days_to_assessment`, `investigation_within_4m`, …) and the
    /// extract's own outcome columns, by name. A missing key means "not applicable or
    /// unknown for this case".
    public var values: [String: CaseValue]

    public init(caseID: String, personKey: String? = nil, cohort: String, isPilot: Bool,
                unit: String? = nil, area: String? = nil, gender: Gender? = nil,
                birthYear: Int? = nil, age: Int? = nil, referralDate: CalendarDate? = nil,
                referralReason: String? = nil, values: [String: CaseValue] = [:]) {
        self.caseID = caseID
        self.personKey = personKey
        self.cohort = cohort
        self.isPilot = isPilot
        self.unit = unit
        self.area = area
        self.gender = gender
        self.birthYear = birthYear
        self.age = age
        self.referralDate = referralDate
        self.referralReason = referralReason
        self.values = values
    }

    public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
        case girl, boy, other
    }
}

/// One outcome of one case.
public enum CaseValue: Sendable, Hashable {
    /// A number or a 0/1 indicator.
    case number(Double)
    /// A time to an event in days: `observed == false` means censored at the extract
    /// date (still open), so `days` is a lower bound.
    case duration(days: Double, observed: Bool)
}

extension CaseDataset {
    /// The cases referred on or after `date`: the pilot's years set against the line's
    /// same years (`CohortComparison.Options.fromPilotStart`). A case without a referral
    /// date is left out, since when it began is unknown — as the permutation over units
    /// leaves it out. A child's `investigations_per_child` stays on the child's first
    /// case, so a child first referred before `date` drops out with that case.
    public func referred(from date: CalendarDate) -> CaseDataset {
        var copy = self
        copy.cases = cases.filter { $0.referralDate.map { $0 >= date } ?? false }
        return copy
    }

    /// The earliest referral among the line's cases, when it comes before the pilot's
    /// start: the line then reaches back further than the pilot can.
    public var lineReachesBack: CalendarDate? {
        guard let start = pilotStart,
              let first = cases.filter({ !$0.isPilot }).compactMap(\.referralDate).min(), first < start else { return nil }
        return first
    }
}
