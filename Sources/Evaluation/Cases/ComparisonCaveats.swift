import Foundation
import Statistics
import Periods

/// The caveats every pilot-vs-line result carries (DESIGN §4): one treated team, the
/// minimum detectable difference, the smallest p a permutation over units can reach,
/// small cells, imbalance, censoring, and what the chosen design assumes.
enum ComparisonCaveats {
    static func minimumDetectableDifference(_ sample: OutcomeSample) -> MinimumDetectableDifference {
        let n1 = sample.pilot.count, n2 = sample.comparison.count
        switch sample.kind {
        case .continuous:
            let a = sample.pilot.map(\.value), b = sample.comparison.map(\.value)
            var sd: Double? = nil
            if n1 + n2 > 2 {
                let ss = { (x: [Double]) -> Double in
                    let m = x.reduce(0, +) / Double(max(x.count, 1))
                    return x.reduce(0) { $0 + ($1 - m) * ($1 - m) }
                }
                sd = ((ss(a) + ss(b)) / Double(n1 + n2 - 2)).squareRoot()
            }
            return .means(n1: n1, n2: n2, sd: sd)
        case .binary:
            let p0 = n2 > 0 ? Double(sample.comparison.filter { $0.value == 1 }.count) / Double(n2) : .nan
            return .proportions(n1: n1, n2: n2, baseline: p0)
        case .timeToEvent:
            if let limit = sample.limitDays,
               let p0 = KaplanMeier(times: sample.comparison.map(\.value), observed: sample.comparison.map(\.observed))
                .shareWithin(limit).estimate.value {
                return .proportions(n1: n1, n2: n2, baseline: p0)
            }
            return .means(n1: n1, n2: n2)
        }
    }

    /// J for a permutation over units: the pilot plus the line units with cases
    /// referred on or after the pilot start (as `UnitPermutationComparison` counts them).
    static func unitCount(dataset: CaseDataset, sample: OutcomeSample) -> Int {
        let inPeriod = { (o: CaseObservation) -> Bool in
            guard let start = dataset.pilotStart else { return true }
            return o.record.referralDate.map { $0 >= start } ?? false
        }
        let pilot = sample.pilot.contains(where: inPeriod) ? 1 : 0
        return Set(sample.comparison.filter(inPeriod).compactMap(\.record.unit)).count + pilot
    }

    /// Which cases the direct comparison reads: every case in the extract (`from` nil)
    /// or those referred from the pilot's start.
    struct Window {
        let full: CaseDataset
        let from: CalendarDate?
    }

    /// The period compared, when it matters: the line reaching back before the pilot's
    /// start, or the cases left out to compare the same years.
    static func period(_ window: Window, compared: CaseDataset) -> Caveat? {
        if let from = window.from {
            let left = window.full.cases.count - compared.cases.count
            guard left > 0 else { return nil }
            return Caveat(code: "period", text:
                "Only cases referred from the pilot's start \(from.iso) are compared, so the pilot's years meet the line's same years: \(left) case(s) referred earlier or without a referral date were left out. Difference-in-differences still reads the years before the start, which it needs.")
        }
        guard let first = window.full.lineReachesBack, let start = window.full.pilotStart else { return nil }
        let earlier = window.full.cases.filter { !$0.isPilot && ($0.referralDate.map { $0 < start } ?? false) }.count
        return Caveat(code: "period", text:
            "The line's cases reach back to \(first.iso), before the pilot's start \(start.iso): \(earlier) line case(s) referred earlier are compared with the pilot's, so a change over time is mixed with the pilot's difference. --from-start compares only cases referred from the start.")
    }

    static func number(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
    static func percent(_ p: Double) -> String { String(format: "%.1f %%", 100 * p) }

    static func build(sample: OutcomeSample, pilotLabel: String, design: CohortComparison.Design,
                      mdd: MinimumDetectableDifference, units: Int, unadjusted: UnadjustedComparison,
                      byGender: [(CaseRecord.Gender, UnadjustedComparison)]?, balance: CovariateBalance,
                      did: CohortDifferenceInDifferences?, permutation: UnitPermutationComparison?,
                      dataset: CaseDataset, window: Window) -> [Caveat] {
        var out: [Caveat] = []
        let n1 = sample.pilot.count, n2 = sample.comparison.count
        out.append(Caveat(code: "one_treated_team", text:
            "The pilot is one team. The individual-level p-values and confidence intervals treat the \(n1 + n2) cases as independent, which one treated team does not guarantee: cases handled by the same team share its caseworkers, routines and intake, so these p-values overstate certainty. A difference between \(pilotLabel) and the line cannot be told apart from a difference between this team and other teams; designs that respect this are --design did (randomisation over areas) and --design permutation (over units)."))

        // Minimum detectable difference, in words.
        var mddText = "With \(n1) pilot and \(n2) line cases, the smallest true difference this comparison would detect with 80 % power at the 5 % level (two-sided) is "
        if let p0Text = proportionBaseline(sample), let above = mdd.proportionAbove.value ?? mdd.proportionBelow.value {
            let below = mdd.proportionBelow.value
            mddText += "a change from \(p0Text) to \(percent(above))" + (below.map { mdd.proportionAbove.value != nil ? " or \(percent($0))" : "" } ?? "")
            mddText += " (Cohen's h = \(number(mdd.standardized.value ?? .nan)))"
        } else if let d = mdd.standardized.value {
            mddText += "\(number(d)) standard deviations"
            if let raw = mdd.raw.value { mddText += " (≈ \(number(raw, 1)) in the outcome's units)" }
        } else {
            mddText = "The minimum detectable difference is undefined: \(mdd.standardized.note ?? "a group is empty")"
        }
        if mdd.standardized.isDefined {
            mddText += ", before accounting for clustering by team, which makes it larger. Smaller true differences can easily go unseen: no significant difference does not mean no difference."
        }
        out.append(Caveat(code: "minimum_detectable_difference", text: mddText))

        // Permutation over units.
        if units >= 2 {
            let smallest = 1 / Double(units)
            out.append(Caveat(code: "permutation_smallest_p", text:
                "Permutation over units: with J = \(units) units (the pilot and \(units - 1) line unit\(units == 2 ? "" : "s")) the smallest attainable p is 1/\(units) = \(number(smallest, 3))" + (units <= 20 ? ", so no result can reach p < 0.05 however large the difference." : ".")))
        } else {
            out.append(Caveat(code: "permutation_smallest_p", text:
                "Permutation over units is not possible: the line cases carry no unit labels (or the pilot has no cases), so J < 2."))
        }

        if let period = period(window, compared: dataset) { out.append(period) }

        // Small cells.
        var small = unadjusted.hasSmallCell || (byGender?.contains { $0.1.hasSmallCell } ?? false)
        for cohort in [sample.pilot, sample.comparison] {
            for g in CaseRecord.Gender.allCases {
                let xs = cohort.filter { $0.record.gender == g }
                var counts = [xs.count]
                if sample.kind == .binary { let e = xs.filter { $0.value == 1 }.count; counts += [e, xs.count - e] }
                if sample.kind == .timeToEvent { let e = xs.filter(\.observed).count; counts += [e, xs.count - e] }
                if SmallCell.isSmall(counts) { small = true }
            }
        }
        if small {
            out.append(Caveat(code: "small_cells", text:
                "Some counts are between 1 and 4 (marked small_cell): a report shows them as \"<5\" and withholds percentages built on them, with complementary suppression (DESIGN §6)."))
        }

        // Balance.
        let imbalanced = balance.rows.filter { abs($0.smdBefore.value ?? 0) > 0.1 }.map(\.name)
        if !imbalanced.isEmpty {
            var t = "The cohorts differ before adjustment in \(imbalanced.joined(separator: ", ")) (|SMD| > 0.1): the unadjusted difference mixes any effect of the pilot with these differences."
            let remaining = balance.rows.filter { abs($0.smdAfter.value ?? 0) > 0.1 }.map(\.name)
            if !remaining.isEmpty { t += " After weighting, \(remaining.joined(separator: ", ")) still differ." }
            out.append(Caveat(code: "imbalance", text: t))
        }

        if sample.kind == .timeToEvent {
            let censored = sample.all.filter { !$0.observed }.count
            out.append(Caveat(code: "censoring", text:
                "\(censored) case(s) still open at the extract date \(dataset.extractDate.iso) are censored, not dropped: medians and shares within the limit are Kaplan–Meier estimates, and the log-rank test compares whole curves." + (sample.limitNote.map { " " + $0 + "." } ?? "")))
        }

        switch design {
        case .unadjusted:
            out.append(Caveat(code: "design", text:
                "This is the unadjusted comparison of cases. --design adjusted weighs the line to the pilot's mix of age, gender and referral reason; --design did compares the pilot area before and after the start with the line areas; --design permutation ranks the pilot among the units."))
        case .adjusted:
            out.append(Caveat(code: "design", text:
                "Adjustment covers age, gender and referral reason only; differences in anything not recorded (needs, family situation, the team itself) remain. The weighted estimate has no interval: an individual-level one would overstate certainty with one treated team."))
        case .did:
            var t = "Difference-in-differences assumes that without the pilot its area would have followed the line areas' trend; the event-study coefficients before the start check this and should be near zero. Cluster-robust standard errors are not valid with one treated area and are not used for inference: p comes from randomisation over areas"
            if let ri = did?.result?.randomisation { t += " (smallest attainable p 1/\(ri.units) = \(number(ri.smallestAttainableP, 3)))" }
            t += "; the wild cluster bootstrap is a second opinion known to under-reject with one treated cluster."
            out.append(Caveat(code: "design", text: t))
        case .permutation:
            out.append(Caveat(code: "design", text:
                "Permutation over units assumes the pilot team could as well have been any of the units; units that differ in size or population make the ranking less exact. p = rank / J counts the pilot itself."))
        }
        return out
    }

    static func proportionBaseline(_ sample: OutcomeSample) -> String? {
        switch sample.kind {
        case .binary:
            guard !sample.comparison.isEmpty else { return nil }
            return percent(Double(sample.comparison.filter { $0.value == 1 }.count) / Double(sample.comparison.count)) + " in the line"
        case .timeToEvent:
            guard let limit = sample.limitDays,
                  let p0 = KaplanMeier(times: sample.comparison.map(\.value), observed: sample.comparison.map(\.observed))
                    .shareWithin(limit).estimate.value else { return nil }
            return percent(p0) + " within \(formatDays(limit)) days in the line"
        case .continuous:
            return nil
        }
    }
}
