/// Difference-in-differences with one treated unit, on individual outcomes grouped by
/// unit and period, estimated by two-way fixed effects:
///   yᵢ = α_unit(i) + γ_period(i) + β·Dᵢ + eᵢ,  D = treated unit × (period ≥ first treated),
/// with an event-study version replacing D by treated × 1{period = k} for every k but
/// a reference period (the last one before treatment), whose pre-period coefficients
/// are the parallel-trends check (Angrist & Pischke 2009 §5.2; Roth et al. 2023,
/// "What's trending in difference-in-differences?", J Econometrics 235).
///
/// Inference respects that one unit was treated (DESIGN §4): cluster-robust standard
/// errors are not valid with one treated cluster (Conley & Taber 2011; MacKinnon &
/// Webb 2017), so the p-value comes from
/// * randomisation over units, Conley–Taber style: every comparison unit in turn is
///   made a placebo "treated" unit, with the same timing, in a fit on the comparison
///   units only; the treated unit's β is ranked among the J − 1 placebo β's and
///   p = rank / J (`UnitPermutation`), so the smallest attainable p is 1/J;
/// * optionally a wild cluster bootstrap of the CRV1 t statistic with the null imposed
///   (`WildClusterBootstrap`), which MacKinnon & Webb show under-rejects with one
///   treated cluster — reported as a second opinion, not the headline.
public enum DifferenceInDifferences {
    /// - Parameters:
    ///   - y: outcome per case (NaN: left out).
    ///   - unit: unit label per case (clusters; the treated unit is one of them).
    ///   - period: period per case (e.g. years relative to the start, …, −1, 0, 1, …).
    ///   - treatedUnit: the label of the treated unit.
    ///   - firstTreatedPeriod: periods ≥ this are "after" for the treated unit.
    ///   - bootstrap: options for the wild cluster bootstrap, nil to skip it.
    public static func estimate(y: [Double], unit: [Int], period: [Int], treatedUnit: Int,
                                firstTreatedPeriod: Int,
                                bootstrap: WildClusterBootstrap.Options? = nil) -> DiDResult {
        let panel = DiDPanel(y: y, unit: unit, period: period)
        var notes: [String] = []
        if panel.droppedMissing > 0 { notes.append("\(panel.droppedMissing) case(s) without a value were left out") }
        let isPost = { (p: Int) in p >= firstTreatedPeriod }
        let means = DiDResult.Means(
            treatedBefore: panel.mean { $0.unit == treatedUnit && !isPost($0.period) },
            treatedAfter: panel.mean { $0.unit == treatedUnit && isPost($0.period) },
            comparisonBefore: panel.mean { $0.unit != treatedUnit && !isPost($0.period) },
            comparisonAfter: panel.mean { $0.unit != treatedUnit && isPost($0.period) })
        let comparisonUnits = panel.units.filter { $0 != treatedUnit }
        func undefined(_ why: String) -> DiDResult {
            DiDResult(estimate: Figure(undefined: why), means: means, units: panel.units.count,
                      treatedUnit: treatedUnit, eventStudy: [], referencePeriod: nil,
                      randomisation: nil, placebos: [], wildBootstrap: nil, notes: notes + [why])
        }
        guard panel.units.contains(treatedUnit) else { return undefined("the treated unit has no cases") }
        guard panel.hasCell(unit: treatedUnit, where: { !isPost($0) }) else {
            return undefined("the treated unit has no cases before the treatment started, so there is no before/after comparison")
        }
        guard panel.hasCell(unit: treatedUnit, where: isPost) else {
            return undefined("the treated unit has no cases after the treatment started")
        }
        let informative = comparisonUnits.filter {
            panel.hasCell(unit: $0, where: { !isPost($0) }) && panel.hasCell(unit: $0, where: isPost)
        }
        guard !informative.isEmpty else {
            return undefined("no comparison unit has cases both before and after the start, so there is nothing to difference against")
        }

        let treatedEffect = { (c: DiDPanel.Cell) -> Double in c.unit == treatedUnit && isPost(c.period) ? 1 : 0 }
        guard let fit = pooled(panel, treated: treatedUnit, isPost: isPost) else {
            return undefined("the difference-in-differences model cannot be estimated (its design is singular)")
        }

        // Event study, reference = the last period before the start that the treated
        // unit has cases in.
        let reference = panel.periods.filter { k in !isPost(k) && panel.hasCell(unit: treatedUnit, where: { $0 == k }) }.last!
        let studyPeriods = eventPeriods(panel, treated: treatedUnit, reference: reference)
        let study = eventStudy(panel, treated: treatedUnit, periods: studyPeriods)

        // Conley–Taber placebos: each comparison unit as if treated, among the
        // comparison units only.
        var placebos: [DiDResult.Placebo] = []
        var randomisation: UnitPermutationResult? = nil
        var studyPlacebos: [[Double]] = Array(repeating: [], count: studyPeriods.count)
        if comparisonUnits.count >= 2 {
            let others = panel.excluding(unit: treatedUnit)
            for u in comparisonUnits {
                let b = pooled(others, treated: u, isPost: isPost)
                placebos.append(DiDResult.Placebo(unit: u, estimate: b.map { Figure($0.estimate) }
                    ?? Figure(undefined: "this unit lacks cases before or after the start")))
                if let s = eventStudy(others, treated: u, periods: studyPeriods) {
                    for (i, v) in s.enumerated() where v.isFinite { studyPlacebos[i].append(v) }
                }
            }
            let finite = placebos.compactMap { $0.estimate.value }
            if finite.count < placebos.count {
                notes.append("\(placebos.count - finite.count) comparison unit(s) could not serve as placebos (no cases before or after the start)")
            }
            if !finite.isEmpty {
                randomisation = UnitPermutation.test(unitStatistics: [fit.estimate] + finite, treated: 0)
            }
        } else {
            notes.append("only one comparison unit: no placebo comparison is possible, so there is no randomisation p-value (it would need at least 2 comparison units, and reaching p < 0.05 needs 19)")
        }

        var rows: [DiDResult.EventStudyRow] = []
        for (i, k) in studyPeriods.enumerated() {
            let estimate = study.map { Figure($0[i], orUndefined: "not estimable") } ?? Figure(undefined: "the event-study model cannot be estimated")
            var p: UnitPermutationResult? = nil
            if let v = estimate.value, !studyPlacebos[i].isEmpty {
                p = UnitPermutation.test(unitStatistics: [v] + studyPlacebos[i], treated: 0)
            }
            rows.append(DiDResult.EventStudyRow(period: k, isBefore: !isPost(k), estimate: estimate, randomisation: p))
        }
        if studyPeriods.filter({ !isPost($0) }).isEmpty {
            notes.append("only one period before the start: the event study has no pre-period coefficients, so parallel trends cannot be checked")
        }

        var boot: WildClusterBootstrapResult? = nil
        if let bootstrap {
            boot = WildClusterBootstrap.test(panel: panel, effect: treatedEffect, options: bootstrap)
        }
        return DiDResult(estimate: Figure(fit.estimate), means: means, units: panel.units.count,
                         treatedUnit: treatedUnit, eventStudy: rows, referencePeriod: reference,
                         randomisation: randomisation, placebos: placebos, wildBootstrap: boot, notes: notes)
    }

    static func pooled(_ panel: DiDPanel, treated: Int, isPost: @escaping (Int) -> Bool) -> (estimate: Double, model: CellRegression)? {
        guard panel.hasCell(unit: treated, where: { !isPost($0) }), panel.hasCell(unit: treated, where: isPost),
              let r = panel.regression(effects: [{ $0.unit == treated && isPost($0.period) ? 1 : 0 }])
        else { return nil }
        let b = r.model.coefficients(panel.cells.map(\.mean))
        return (b[r.effectStart], r.model)
    }

    /// Periods with a treated cell and at least one comparison cell, reference excluded.
    static func eventPeriods(_ panel: DiDPanel, treated: Int, reference: Int) -> [Int] {
        panel.periods.filter { k in
            k != reference && panel.hasCell(unit: treated, where: { $0 == k })
                && panel.cells.contains { $0.unit != treated && $0.period == k }
        }
    }

    /// Event-study coefficients in the order of `periods` (NaN where the unit has no
    /// cell in that period), or nil when the model is singular.
    static func eventStudy(_ panel: DiDPanel, treated: Int, periods: [Int]) -> [Double]? {
        let present = periods.filter { k in panel.hasCell(unit: treated, where: { $0 == k }) }
        guard !present.isEmpty,
              let r = panel.regression(effects: present.map { k in { $0.unit == treated && $0.period == k ? 1 : 0 } })
        else { return nil }
        let b = r.model.coefficients(panel.cells.map(\.mean))
        return periods.map { k in present.firstIndex(of: k).map { b[r.effectStart + $0] } ?? .nan }
    }
}

public struct DiDResult: Sendable, Equatable {
    /// Case-weighted mean outcomes in the four groups (descriptive; the regression
    /// estimate also removes unit and period composition).
    public struct Means: Sendable, Equatable {
        public let treatedBefore: Figure
        public let treatedAfter: Figure
        public let comparisonBefore: Figure
        public let comparisonAfter: Figure
        /// (treated after − before) − (comparison after − before).
        public var simpleDifference: Figure {
            guard let a = treatedAfter.value, let b = treatedBefore.value,
                  let c = comparisonAfter.value, let d = comparisonBefore.value else {
                return Figure(undefined: "a group has no cases before or after the start")
            }
            return Figure((a - b) - (c - d))
        }
    }

    public struct EventStudyRow: Sendable, Equatable {
        public let period: Int
        /// True for periods before the start: these should be near 0 if the trends
        /// were parallel.
        public let isBefore: Bool
        /// (treated − comparison) in this period minus the same in the reference period.
        public let estimate: Figure
        /// Placebo ranking of this coefficient among the comparison units'.
        public let randomisation: UnitPermutationResult?
    }

    public struct Placebo: Sendable, Equatable {
        public let unit: Int
        public let estimate: Figure
    }

    /// β, the two-way fixed-effects difference-in-differences.
    public let estimate: Figure
    public let means: Means
    /// J, units with cases.
    public let units: Int
    public let treatedUnit: Int
    public let eventStudy: [EventStudyRow]
    public let referencePeriod: Int?
    /// The treated β ranked among the placebo β's (nil with fewer than 2 comparison units).
    public let randomisation: UnitPermutationResult?
    public let placebos: [Placebo]
    public let wildBootstrap: WildClusterBootstrapResult?
    public let notes: [String]
}
