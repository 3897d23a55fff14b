import Periods

/// One stored snapshot of a case, as read back from the database, before measures
/// are derived. `censorDate` is the extract date of the import it came from: what
/// that extract could know.
public struct CaseSnapshot: Sendable, Hashable {
    public var caseID: String
    public var personKey: String?
    public var cohort: String
    public var unit: String?
    public var area: String?
    public var gender: CaseRecord.Gender?
    public var birthYear: Int?
    public var age: Int?
    public var referralDate: CalendarDate?
    public var referralReason: String?
    public var assessmentDecisionDate: CalendarDate?
    public var investigationStart: CalendarDate?
    public var investigationEnd: CalendarDate?
    public var interventionStart: CalendarDate?
    public var interventionEnd: CalendarDate?
    public var caseworkerCount: Double?
    public var reReferralDate: CalendarDate?
    public var outcomes: [String: Double]
    public var censorDate: CalendarDate
    /// The import the snapshot came from (provenance of values computed from it); nil
    /// for a snapshot built in memory.
    public var importID: Int?

    public init(caseID: String, personKey: String? = nil, cohort: String, unit: String? = nil, area: String? = nil,
                gender: CaseRecord.Gender? = nil, birthYear: Int? = nil, age: Int? = nil,
                referralDate: CalendarDate? = nil, referralReason: String? = nil,
                assessmentDecisionDate: CalendarDate? = nil, investigationStart: CalendarDate? = nil,
                investigationEnd: CalendarDate? = nil, interventionStart: CalendarDate? = nil,
                interventionEnd: CalendarDate? = nil, caseworkerCount: Double? = nil,
                reReferralDate: CalendarDate? = nil, outcomes: [String: Double] = [:], censorDate: CalendarDate) {
        self.caseID = caseID
        self.personKey = personKey
        self.cohort = cohort
        self.unit = unit
        self.area = area
        self.gender = gender
        self.birthYear = birthYear
        self.age = age
        self.referralDate = referralDate
        self.referralReason = referralReason
        self.assessmentDecisionDate = assessmentDecisionDate
        self.investigationStart = investigationStart
        self.investigationEnd = investigationEnd
        self.interventionStart = interventionStart
        self.interventionEnd = interventionEnd
        self.caseworkerCount = caseworkerCount
        self.reReferralDate = reReferralDate
        self.outcomes = outcomes
        self.censorDate = censorDate
    }
}

/// The derived measures of DESIGN §3.3, defined exactly in docs/cases.md
/// ("Derived measures"). Each is a small function of one case (and, for the
/// person-level ones, the person's other cases); a missing result means "not
/// applicable or not yet known", never zero.
public enum CaseMeasures {
    /// Socialtjänstlagen 11 kap. 1 a §: the förhandsbedömning decision within 14 days.
    public static let assessmentLimitDays = 14
    /// Socialtjänstlagen 11 kap. 2 §: the investigation finished within four months.
    public static let investigationLimitMonths = 4
    public static let reReferralMonths = 12

    /// Referral → förhandsbedömning decision in days; open (no decision yet) is censored
    /// at the extract date.
    public static func daysToAssessment(_ c: CaseSnapshot) -> CaseValue? {
        duration(from: c.referralDate, to: c.assessmentDecisionDate, censor: c.censorDate)
    }

    /// 1 when decided at most 14 days after referral, 0 when decided later or still
    /// undecided more than 14 days after referral; unknown while undecided within 14.
    public static func assessmentWithin14d(_ c: CaseSnapshot) -> CaseValue? {
        guard let start = c.referralDate else { return nil }
        return withinLimit(start: start, end: c.assessmentDecisionDate,
                           deadline: start.adding(days: assessmentLimitDays), censor: c.censorDate)
    }

    /// Investigation start → end in days, censored at the extract date while open.
    public static func investigationDays(_ c: CaseSnapshot) -> CaseValue? {
        duration(from: c.investigationStart, to: c.investigationEnd, censor: c.censorDate)
    }

    /// 1 when the investigation ended on or before start + 4 calendar months (the day
    /// clamped to the month's end), 0 when it ended later or is still open past that day.
    public static func investigationWithin4m(_ c: CaseSnapshot) -> CaseValue? {
        guard let start = c.investigationStart else { return nil }
        return withinLimit(start: start, end: c.investigationEnd,
                           deadline: start.adding(months: investigationLimitMonths), censor: c.censorDate)
    }

    /// For a closed investigation with a full 12 months of follow-up before the extract
    /// date (end + 12 months ≤ extract date): 1 when the child was referred again on or
    /// after the end and at most 12 calendar months later, else 0. `laterReferral` is the
    /// earliest referral of the same person's other cases on or after the end (from
    /// person linking), used beside the extract's own `re_referral_date`.
    public static func reReferral12m(_ c: CaseSnapshot, laterReferral: CalendarDate?) -> CaseValue? {
        guard let end = c.investigationEnd else { return nil }
        let horizon = end.adding(months: reReferralMonths)
        guard horizon <= c.censorDate else { return nil }
        let candidates = [c.reReferralDate, laterReferral].compactMap { $0 }.filter { $0 >= end }
        guard let first = candidates.min() else { return .number(0) }
        return .number(first <= horizon ? 1 : 0)
    }

    /// The extract's count of distinct caseworkers on the case ("hela kedjan": fewer
    /// hand-overs means more continuity).
    public static func distinctCaseworkers(_ c: CaseSnapshot) -> CaseValue? {
        c.caseworkerCount.map { .number($0) }
    }

    /// Derives every measure for a set of cases (the latest snapshot of each), plus the
    /// extract's own outcome columns. Person-level measures need `personKey`:
    /// `investigations_per_child` is the number of the child's cases with an
    /// investigation, given on the child's first case (earliest referral, then case id)
    /// only, so each child counts once.
    public static func derive(_ cases: [CaseSnapshot]) -> [[String: CaseValue]] {
        // Person index: each person's cases, for linking re-referrals and counting.
        var byPerson: [String: [Int]] = [:]
        for (i, c) in cases.enumerated() {
            if let p = c.personKey { byPerson[p, default: []].append(i) }
        }
        var firstCase: [String: Int] = [:]
        var investigations: [String: Int] = [:]
        for (p, indices) in byPerson {
            firstCase[p] = indices.min { a, b in
                let (x, y) = (cases[a], cases[b])
                switch (x.referralDate, y.referralDate) {
                case let (u?, v?) where u != v: return u < v
                case (_?, nil): return true
                case (nil, _?): return false
                default: return x.caseID < y.caseID
                }
            }
            investigations[p] = indices.filter { cases[$0].investigationStart != nil }.count
        }

        return cases.enumerated().map { i, c in
            var values: [String: CaseValue] = [:]
            for (name, v) in c.outcomes { values[name] = .number(v) }
            func put(_ m: DerivedMeasure, _ v: CaseValue?) { if let v { values[m.rawValue] = v } }
            put(.daysToAssessment, daysToAssessment(c))
            put(.assessmentWithin14d, assessmentWithin14d(c))
            put(.investigationDays, investigationDays(c))
            put(.investigationWithin4m, investigationWithin4m(c))
            var later: CalendarDate?
            if let p = c.personKey, let end = c.investigationEnd {
                later = byPerson[p]!.filter { $0 != i }.compactMap { cases[$0].referralDate }.filter { $0 >= end }.min()
            }
            put(.reReferral12m, reReferral12m(c, laterReferral: later))
            put(.distinctCaseworkers, distinctCaseworkers(c))
            if let p = c.personKey, firstCase[p] == i {
                put(.investigationsPerChild, .number(Double(investigations[p]!)))
            }
            return values
        }
    }

    // MARK: Building blocks

    static func duration(from start: CalendarDate?, to end: CalendarDate?, censor: CalendarDate) -> CaseValue? {
        guard let start else { return nil }
        if let end { return .duration(days: Double(start.days(until: end)), observed: true) }
        // A start after the extract date cannot happen in a checked import; guard anyway.
        return .duration(days: Double(max(0, start.days(until: censor))), observed: false)
    }

    static func withinLimit(start: CalendarDate, end: CalendarDate?, deadline: CalendarDate,
                            censor: CalendarDate) -> CaseValue? {
        if let end { return .number(end <= deadline ? 1 : 0) }
        return censor > deadline ? .number(0) : nil
    }
}
