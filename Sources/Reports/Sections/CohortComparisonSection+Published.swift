import Evaluation
import Presentation
import Statistics

/// From the comparisons to what the report publishes of them (docs/privacy.md,
/// "Breakdowns"): every outcome's two cohorts and their gender rows, with the
/// disclosure decisions of `BreakdownDisclosure` taken once per cohort over all the
/// outcomes, so a gender row is hidden the same way in every table.
///
/// The rows: girls, boys, then "other" and "not recorded" — joined into one row
/// ("annat/okänt") when both occur and either is small, so that the joined row may
/// reach the threshold and the girls and boys need not be hidden to protect it. A
/// row's value is computed from its cases (a Kaplan–Meier share does not add up).
///
/// What a hidden n does to a row's other figures: its value is published only as the
/// document writes it (rounded), and its confidence interval not at all (its width
/// gives the n back).
struct PublishedComparisons {
    typealias Group = CohortComparisonSection.Group
    typealias Outcome = CohortComparisonSection.Outcome

    var genders: [String]
    var joined: Bool
    var outcomes: [Outcome]

    static let smallNote = IndicatorFigureSuppression.smallNote
    static let hiddenNote = IndicatorFigureSuppression.hiddenNote
    static let builtOnHiddenNote = "suppressed: built on a hidden count"

    /// - Parameter fromStart: each outcome's comparison of the cases referred from the
    ///   pilot's start, when the line reaches back before it (else nil).
    init(_ analyses: [CohortComparisonResult], dids: [CohortDifferenceInDifferences?],
         fromStart: [UnadjustedComparison?] = [], dataset: CaseDataset,
         rule: SuppressionRule, numbers: NumberStyle, better: [String: String] = [:]) throws {
        // Each outcome's comparison within every gender category that occurs. Not
        // recorded = the cohort's cases minus those with a gender; its size decides the
        // rows before its comparison (or the joined row's) is computed, once per outcome.
        var within: [[String: UnadjustedComparison]] = analyses.map { r in
            Dictionary(uniqueKeysWithValues: (r.byGender ?? []).map { ($0.0.rawValue, $0.1) })
        }
        func sizes(_ key: String) -> [Int] {
            zip(analyses, within).flatMap { r, c -> [Int] in
                [true, false].map { pilot in
                    let n = { (key: String) in c[key].map { Self.counts($0, pilot: pilot).n } ?? 0 }
                    return key == "unknown" ? Self.counts(r.unadjusted, pilot: pilot).n - n("girl") - n("boy") - n("other") : n(key)
                }
            }
        }
        let occurs = { (key: String) in sizes(key).contains { $0 > 0 } }
        let joined = occurs("other") && occurs("unknown") && (sizes("other") + sizes("unknown")).contains(where: rule.isSmall)
        let keys = ["girl", "boy"] + (joined ? ["other_unknown"] : ["other", "unknown"].filter(occurs))
        if let rest = keys.last, rest == "other_unknown" || rest == "unknown" {
            let genders: Set<CaseRecord.Gender?> = rest == "unknown" ? [nil] : [.other, nil]
            for (j, r) in analyses.enumerated() {
                within[j][rest] = try CohortComparison.unadjusted(dataset, outcome: r.outcome, genders: genders)
            }
        }

        // The plans of each cohort: the same rows' n hidden in every outcome's table.
        let text = { (events: Int, n: Int) in numbers.percent(100 * (Double(events) / Double(n))) }
        var plans: [Bool: [BreakdownDisclosure.Plan]] = [:]
        for pilot in [true, false] {
            let tables = analyses.indices.map { j in
                BreakdownDisclosure.Table(
                    total: Self.counts(analyses[j].unadjusted, pilot: pilot),
                    parts: keys.map { key in
                        within[j][key].map { Self.counts($0, pilot: pilot) } ?? .init(n: 0, events: 0)
                    })
            }
            plans[pilot] = BreakdownDisclosure.plans(for: tables, rule: rule, text: text)
        }

        outcomes = try analyses.enumerated().map { j, r in
            var o = Self.outcome(r, within: within[j], genders: keys, plans: [true: plans[true]![j], false: plans[false]![j]],
                                 dataset: dataset, rule: rule)
            o.did = r.kind == .timeToEvent ? Self.durationDiD : Self.did(dids[j], kind: r.kind, rule: rule)
            if j < fromStart.count, let window = fromStart[j] {
                o.fromStart = Self.fromStart(window, all: r.unadjusted, shown: !o.differenceDisclosure.isSuppressed, rule: rule)
            }
            o.genderDifferences = try [true, false].map { pilot in
                try Self.genderDifference(o, dataset: dataset, pilot: pilot)
            }
            o.better = better[r.outcome]
            o.decidedBy = PilotVsLineReport.basis(o)?.rawValue
            o.direction = PilotVsLineReport.verdict(o).rawValue
            return o
        }
        genders = keys
        self.joined = joined
    }

    static let durationNote = "a duration is compared before and after the start through its within-limit outcome"
    static var durationDiD: CohortComparisonSection.DiD {
        .init(estimate: nil, estimateNote: durationNote, p: nil, pNote: durationNote, areas: nil)
    }

    /// The difference in differences as published. Withheld (with its p) when any of
    /// its four groups — the pilot's area and the other areas, before and after the
    /// start — has 1–4 cases or, for a 0/1 outcome, 1–4 events or non-events: the same
    /// rule as a cohort's share (docs/privacy.md), since with few other areas the
    /// estimate is close to a difference of those groups' means.
    static func did(_ d: CohortDifferenceInDifferences?, kind: CaseOutcomeKind, rule: SuppressionRule) -> CohortComparisonSection.DiD {
        guard let d, let result = d.result, let estimate = result.estimate.value else {
            let why = d?.notes.last ?? "not estimable"
            return .init(estimate: nil, estimateNote: why, p: nil, pNote: why, areas: nil)
        }
        let small = d.groups.contains { g in
            let events = Int(g.sum.rounded())
            return rule.isSmall(g.n) || (kind == .binary && (rule.isSmall(events) || rule.isSmall(g.n - events)))
        }
        guard !small else {
            var withheld = CohortComparisonSection.DiD(estimate: nil, estimateNote: builtOnHiddenNote, p: nil,
                                                       pNote: builtOnHiddenNote, areas: nil)
            withheld.disclosure = .withheld
            return withheld
        }
        guard let ri = result.randomisation else {
            return .init(estimate: estimate, estimateNote: nil, p: nil,
                         pNote: "randomisation over areas needs at least 2 comparison areas", areas: result.units)
        }
        return .init(estimate: estimate, estimateNote: nil, p: ri.p.value, pNote: ri.p.note, areas: ri.units)
    }

    /// The comparison of the cases referred from the pilot's start, as published: whole,
    /// or withheld whole when the comparison over every case is, or when a count it rests
    /// on — each cohort's cases from the start and those left out, and for a 0/1 outcome
    /// their events and non-events — is small (the two published comparisons would give
    /// the left-out group's figures back).
    static func fromStart(_ window: UnadjustedComparison, all: UnadjustedComparison, shown: Bool,
                          rule: SuppressionRule) -> CohortComparisonSection.FromStart {
        let small = [true, false].contains { pilot in
            let part = counts(window, pilot: pilot), whole = counts(all, pilot: pilot)
            let left = BreakdownDisclosure.Counts(n: whole.n - part.n, events: whole.events.flatMap { w in part.events.map { w - $0 } })
            return [part, left].contains { c in
                rule.isSmall(c.n) || c.events.map { rule.isSmall($0) || rule.isSmall(c.n - $0) } == true
            }
        }
        guard shown, !small else {
            let note = shown ? hiddenNote : builtOnHiddenNote
            var withheld = CohortComparisonSection.FromStart(pilotN: nil, lineN: nil, nNote: note, difference: nil,
                                                             differenceNote: note, ciLow: nil, ciHigh: nil)
            withheld.disclosure = .withheld
            return withheld
        }
        let d = window.difference
        return .init(pilotN: counts(window, pilot: true).n, lineN: counts(window, pilot: false).n, nNote: nil,
                     difference: d.estimate.value, differenceNote: d.estimate.note, ciLow: d.ciLow.value, ciHigh: d.ciHigh.value)
    }

    /// Girls − boys within one cohort, published only where both rows publish their n
    /// and their value with its interval (an interval of a difference gives the n back
    /// as well as one of a group). Where the counts are hidden and both values shown,
    /// only whether the interval lies on one side of zero is kept, for the words.
    static func genderDifference(_ o: Outcome, dataset: CaseDataset, pilot: Bool) throws -> CohortComparisonSection.GenderDifference {
        let cohort = pilot ? "pilot" : "line"
        let rows = ["girl", "boy"].compactMap { key in o.byGender.first { $0.gender == key }.map { pilot ? $0.pilot : $0.line } }
        guard rows.count == 2, rows.allSatisfy({ $0.n != nil && $0.estimate != nil && $0.ciLow != nil && $0.ciHigh != nil }) else {
            let hidden = rows.contains { $0.nDisclosure.isSuppressed || $0.valueDisclosure.isSuppressed }
            var none = CohortComparisonSection.GenderDifference(
                cohort: cohort, difference: nil, differenceNote: hidden ? hiddenNote : "girls or boys have no value with an interval",
                ciLow: nil, ciHigh: nil)
            if hidden {
                none.disclosure = .withheld
                // Both values shown beside hidden counts: whether they differ, in words only.
                if rows.count == 2, rows.allSatisfy({ $0.estimate != nil }) {
                    let d = try girlsMinusBoys(o, dataset: dataset, pilot: pilot)
                    if let lo = d.ciLow.value, let hi = d.ciHigh.value { none.differsWithheldInterval = lo > 0 || hi < 0 }
                }
            }
            return none
        }
        let difference = try girlsMinusBoys(o, dataset: dataset, pilot: pilot)
        return .init(cohort: cohort, difference: difference.estimate.value, differenceNote: difference.estimate.note,
                     ciLow: difference.ciLow.value, ciHigh: difference.ciHigh.value)
    }

    static func girlsMinusBoys(_ o: Outcome, dataset: CaseDataset, pilot: Bool) throws -> Estimate {
        try CohortComparison.girlsAgainstBoys(dataset, outcome: o.outcome, pilot: pilot).difference
    }

    /// A cohort's counts in a comparison: its n, and the events its published value pins
    /// (a share of a 0/1 outcome; a duration's share within the limit when no case is
    /// censored); none for a mean.
    static func counts(_ c: UnadjustedComparison, pilot: Bool) -> BreakdownDisclosure.Counts {
        switch c {
        case .continuous(let x): return .init(n: (pilot ? x.pilot : x.comparison).summary.n)
        case .binary(let x):
            let g = pilot ? x.pilot : x.comparison
            return .init(n: g.n, events: g.events)
        case .timeToEvent(let x):
            let g = pilot ? x.pilot : x.comparison
            guard g.curve.censored == 0, let share = g.shareWithinLimit.estimate.value else { return .init(n: g.curve.n) }
            return .init(n: g.curve.n, events: Int((share * Double(g.curve.n)).rounded()))
        }
    }

    static func group(_ c: UnadjustedComparison?, pilot: Bool, label: String) -> Group {
        guard let c else {
            return Group(label: label, n: 0, nNote: nil, estimate: nil, estimateNote: "no cases", ciLow: nil, ciHigh: nil,
                         median: nil, medianNote: nil)
        }
        switch c {
        case .continuous(let x):
            let d = (pilot ? x.pilot : x.comparison).summary
            return Group(label: label, n: d.n, nNote: nil, estimate: d.mean.value, estimateNote: d.mean.note,
                         ciLow: d.ciLow.value, ciHigh: d.ciHigh.value, median: nil, medianNote: nil)
        case .binary(let x):
            let g = pilot ? x.pilot : x.comparison
            return Group(label: label, n: g.n, nNote: nil, estimate: g.proportion.estimate.value,
                         estimateNote: g.proportion.estimate.note, ciLow: g.proportion.ciLow.value,
                         ciHigh: g.proportion.ciHigh.value, median: nil, medianNote: nil)
        case .timeToEvent(let x):
            let g = pilot ? x.pilot : x.comparison
            return Group(label: label, n: g.curve.n, nNote: nil, estimate: g.shareWithinLimit.estimate.value,
                         estimateNote: g.shareWithinLimit.estimate.note, ciLow: g.shareWithinLimit.ciLow.value,
                         ciHigh: g.shareWithinLimit.ciHigh.value, median: g.curve.median.estimate.value,
                         medianNote: g.curve.median.estimate.note)
        }
    }

    /// A group as published: its n and its value each shown or withheld (with the note
    /// saying why); a value shown beside a hidden n is rounded as the document writes it
    /// and loses its interval.
    static func published(_ g: Group, kind: String, showsN: Bool, showsValue: Bool, small: Bool, rule: SuppressionRule) -> Group {
        var g = g
        let note = small ? smallNote : hiddenNote
        if !showsN {
            g.n = nil
            g.nNote = note
            g.nDisclosure = small ? .small(threshold: rule.threshold) : .withheld
            g.ciLow = nil
            g.ciHigh = nil
            g.ciNote = note
            if let e = g.estimate {
                // The digits the document writes: a mean to one decimal, a share in percent
                // to one decimal.
                g.estimate = kind == "continuous" ? NumberStyle.roundedValue(e, decimals: 1)
                    : NumberStyle.roundedValue(100 * e, decimals: 1) / 100
            }
        }
        if !showsValue {
            // A mean or a share, never itself a count: "..", whatever hid it.
            g.valueDisclosure = .withheld
            g.estimate = nil; g.ciLow = nil; g.ciHigh = nil; g.estimateNote = note; g.ciNote = note
            if g.median != nil || g.medianNote != nil { g.median = nil; g.medianNote = note }
        }
        return g
    }

    static func outcome(_ r: CohortComparisonResult, within: [String: UnadjustedComparison], genders: [String],
                        plans: [Bool: BreakdownDisclosure.Plan], dataset: CaseDataset, rule: SuppressionRule) -> Outcome {
        let labels = (pilot: dataset.pilotCohort, line: CohortComparison.comparisonLabel)
        let kind = r.kind.rawValue
        var byGender: [CohortComparisonSection.GenderRow] = []
        for (i, key) in genders.enumerated() {
            let c = within[key]
            var row = CohortComparisonSection.GenderRow(gender: key, pilot: group(c, pilot: true, label: labels.pilot),
                                                        line: group(c, pilot: false, label: labels.line))
            for pilot in [true, false] {
                let plan = plans[pilot]!
                let g = pilot ? row.pilot : row.line
                let shown = published(g, kind: kind, showsN: plan.showsN[i], showsValue: plan.showsValue[i],
                                      small: rule.isSmall(g.n ?? 0), rule: rule)
                if pilot { row.pilot = shown } else { row.line = shown }
            }
            byGender.append(row)
        }
        // The totals: n always; the value unless it names a small count.
        let totalPilot = counts(r.unadjusted, pilot: true), totalLine = counts(r.unadjusted, pilot: false)
        let pilotShows = BreakdownDisclosure.totalShowsValue(totalPilot, rule: rule)
        let lineShows = BreakdownDisclosure.totalShowsValue(totalLine, rule: rule)
        let pilot = published(group(r.unadjusted, pilot: true, label: labels.pilot), kind: kind, showsN: true,
                              showsValue: pilotShows, small: true, rule: rule)
        let line = published(group(r.unadjusted, pilot: false, label: labels.line), kind: kind, showsN: true,
                             showsValue: lineShows, small: true, rule: rule)
        byGender.append(CohortComparisonSection.GenderRow(gender: "total", pilot: pilot, line: line))

        var difference: Estimate, test: String, p: Figure, limit: Double?, censored: Int?
        switch r.unadjusted {
        case .continuous(let x): difference = x.difference; test = "welch"; p = x.welch.p
        case .binary(let x): difference = x.difference; test = "chi_square"; p = x.chiSquare.p
        case .timeToEvent(let x):
            difference = x.difference; test = "log_rank"; p = x.logRank.test.p; limit = x.limitDays
            censored = x.pilot.curve.censored + x.comparison.curve.censored
        }
        var censoredNote: String?
        if let c = censored, rule.isSmall(c) { censored = nil; censoredNote = smallNote }
        let mdd = r.minimumDetectableDifference
        var mddAbove = mdd.proportionAbove.value, mddBelow = mdd.proportionBelow.value
        var mddNote = mdd.standardized.note
        let differenceDisclosure: Disclosure = pilotShows && lineShows ? .shown : .withheld
        if differenceDisclosure.isSuppressed {
            // A difference, its test and the detectable shift from the line's share all
            // lead back to a withheld share.
            difference = Estimate(undefined: builtOnHiddenNote)
            p = Figure(undefined: builtOnHiddenNote)
            mddAbove = nil; mddBelow = nil; mddNote = builtOnHiddenNote
        }
        let permutation = r.permutation?.result
        let sign = permutation?.treatedStatistic.value.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
        var outcome = Outcome(
            outcome: r.outcome, kind: kind, limitDays: limit, pilot: pilot, line: line,
            difference: difference.estimate.value, differenceNote: difference.estimate.note,
            ciLow: difference.ciLow.value, ciHigh: difference.ciHigh.value, test: test, p: p.value, pNote: p.note,
            permutationP: permutation?.p.value,
            permutationNote: permutation?.p.note ?? (permutation == nil ? (r.permutation?.notes.first ?? "no permutation over units") : nil),
            units: permutation?.units, mddStandardized: mdd.standardized.value, mddRaw: mdd.raw.value,
            mddAbove: mddAbove, mddBelow: mddBelow, mddNote: mddNote,
            censored: censored, censoredNote: censoredNote, byGender: byGender, caveats: r.caveats.map(\.code))
        outcome.permutationSign = sign
        outcome.differenceDisclosure = differenceDisclosure
        return outcome
    }
}
