import Evaluation
import Presentation
import Statistics

/// The case mix the direct comparison does not adjust for, shown so a reader sees how
/// alike the cohorts are (a FoU reviewer found the `imbalance` caveat in the record and
/// nothing in the report): every case's mean age and the share of each referral reason,
/// pilot against line, with the standardised mean difference (|d| > 0,1 is the usual
/// mark of imbalance; Stuart 2010).
///
/// Gender is left to the gender tables (6.2): their pilot rows hide counts to protect a
/// small group, and a share of girls here, over a known total, would give those counts
/// back. Referral reasons are published nowhere else; a share whose count, or whose
/// count of other reasons, is 1–4 is withheld, and where one reason of a cohort is
/// withheld so is the smallest other, since the shares add up to 100 %.
extension CohortComparisonSection {
    static func balance(_ dataset: CaseDataset, rule: SuppressionRule) -> [PilotVsLineReport.BalanceRow] {
        let pilot = dataset.cases.filter(\.isPilot), line = dataset.cases.filter { !$0.isPilot }
        guard !pilot.isEmpty, !line.isEmpty else { return [] }
        var rows: [PilotVsLineReport.BalanceRow] = []

        // Age: a mean, which does not pin a count (docs/privacy.md); withheld only when
        // fewer than the threshold cases have one.
        let ages = { (cases: [CaseRecord]) in cases.compactMap(\.age).map(Double.init) }
        let (pa, la) = (ages(pilot), ages(line))
        if !pa.isEmpty, !la.isEmpty {
            func mean(_ xs: [Double]) -> (Double?, String?) {
                rule.isSmall(xs.count) ? (nil, PublishedComparisons.smallNote) : (xs.reduce(0, +) / Double(xs.count), nil)
            }
            let (p, pn) = mean(pa), (l, ln) = mean(la)
            let smd = StandardizedMeanDifference.compute(.continuous, treated: pa, comparison: la).value
            rows.append(.init(covariate: "age", kind: "continuous", pilot: p, pilotNote: pn, line: l, lineNote: ln,
                              smd: pn == nil && ln == nil ? smd : nil,
                              smdNote: pn == nil && ln == nil ? nil : PublishedComparisons.builtOnHiddenNote))
        }

        // Referral reasons, among the cases that have one.
        let reason = { (c: CaseRecord) -> String? in
            c.referralReason.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let reasons = Array(Set(dataset.cases.compactMap(reason))).sorted()
        guard reasons.count > 1 else { return rows }
        let pk = pilot.compactMap(reason), lk = line.compactMap(reason)
        func counts(_ known: [String]) -> [Int] { reasons.map { r in known.filter { $0 == r }.count } }
        let (pc, lc) = (counts(pk), counts(lk))
        let (ph, lh) = (withheld(pc, total: pk.count, rule: rule), withheld(lc, total: lk.count, rule: rule))
        for (i, r) in reasons.enumerated() {
            let t = pk.map { $0 == r ? 1.0 : 0 }, c = lk.map { $0 == r ? 1.0 : 0 }
            // A cohort with no known reason has none withheld, and no share.
            let share = { (count: Int, total: Int) in total == 0 ? nil : Double(count) / Double(total) }
            let shown = ph[i] == nil && lh[i] == nil
            rows.append(.init(covariate: "reason: " + r, kind: "binary",
                              pilot: ph[i] == nil ? share(pc[i], pk.count) : nil, pilotNote: ph[i],
                              line: lh[i] == nil ? share(lc[i], lk.count) : nil, lineNote: lh[i],
                              smd: shown ? StandardizedMeanDifference.compute(.binary, treated: t, comparison: c).value : nil,
                              smdNote: shown ? nil : PublishedComparisons.builtOnHiddenNote))
        }
        return rows
    }

    /// Which categories' shares a cohort withholds, with why: a count of 1–4, or 1–4
    /// cases of other reasons; then, where only one is withheld, the smallest other
    /// category with cases, as the shares add up to the whole.
    static func withheld(_ counts: [Int], total: Int, rule: SuppressionRule) -> [Int: String] {
        var out: [Int: String] = [:]
        for (i, c) in counts.enumerated() where rule.isSmall(c) || rule.isSmall(total - c) {
            out[i] = PublishedComparisons.smallNote
        }
        if out.count == 1, let partner = counts.indices.filter({ out[$0] == nil && counts[$0] > 0 })
            .min(by: { counts[$0] < counts[$1] }) {
            out[partner] = PublishedComparisons.hiddenNote
        }
        return out
    }
}
