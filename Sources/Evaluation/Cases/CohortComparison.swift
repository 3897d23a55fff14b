import Foundation
import Statistics

/// Pilot versus line on one case outcome: `piloteval cases compare` (issue 6,
/// DESIGN §4–§5). Always: descriptives by cohort and by gender within cohort, the
/// unadjusted individual-level comparison, the covariate balance table and the
/// caveats in words. The design adds one more honest estimate: adjusted (weights and
/// regression), did (before/after with comparison areas), or permutation over units.
public enum CohortComparison {
    public enum Design: String, Sendable, CaseIterable, Encodable {
        case unadjusted, adjusted, did, permutation
    }

    public struct Options: Sendable {
        public var design: Design
        /// Adds the unadjusted comparison within each gender.
        public var byGender: Bool
        /// The wild cluster bootstrap of the `did` design.
        public var bootstrap: WildClusterBootstrap.Options
        /// Compares only cases referred from the pilot's start (when it is known), so
        /// the pilot's years meet the line's same years rather than a line reaching back
        /// further. The difference in differences still reads the years before, which
        /// it needs; the permutation over units does this always.
        public var fromPilotStart: Bool
        public init(design: Design = .unadjusted, byGender: Bool = false,
                    bootstrap: WildClusterBootstrap.Options = .init(), fromPilotStart: Bool = false) {
            self.design = design; self.byGender = byGender; self.bootstrap = bootstrap
            self.fromPilotStart = fromPilotStart
        }
    }

    /// The label of the comparison group in every result.
    public static let comparisonLabel = "line"

    /// - Throws: `CohortComparisonError` when no case has the outcome (a user error);
    ///   every statistical problem is a `null` with a note in the result instead.
    public static func run(_ full: CaseDataset, outcome: String, options: Options = .init()) throws -> CohortComparisonResult {
        let window = options.fromPilotStart ? full.pilotStart : nil
        let dataset = window.map { full.referred(from: $0) } ?? full
        let sample = try OutcomeSample(dataset, outcome: outcome)
        let pilotLabel = dataset.pilotCohort
        let unadjusted = UnadjustedComparison(sample, pilotLabel: pilotLabel, comparisonLabel: comparisonLabel)
        var byGender: [(CaseRecord.Gender, UnadjustedComparison)]? = nil
        if options.byGender {
            byGender = CaseRecord.Gender.allCases.compactMap { g in
                let part = sample.filter { $0.gender == g }
                if g == .other && part.all.isEmpty { return nil }
                return (g, UnadjustedComparison(part, pilotLabel: pilotLabel, comparisonLabel: comparisonLabel))
            }
        }
        let adjustment = PropensityAdjustment(sample: sample)
        let adjusted = options.design == .adjusted ? AdjustedComparison(sample: sample, adjustment: adjustment) : nil
        var did: CohortDifferenceInDifferences? = nil
        if options.design == .did {
            // Before and after: the years before the start too, whatever the window.
            let before = window == nil ? sample : try OutcomeSample(full, outcome: outcome)
            did = CohortDifferenceInDifferences.compute(dataset: full, sample: before, bootstrap: options.bootstrap)
        }
        let permutation = options.design == .permutation ? UnitPermutationComparison(dataset: dataset, sample: sample) : nil
        let mdd = ComparisonCaveats.minimumDetectableDifference(sample)
        let units = ComparisonCaveats.unitCount(dataset: dataset, sample: sample)
        let caveats = ComparisonCaveats.build(sample: sample, pilotLabel: pilotLabel, design: options.design, mdd: mdd,
                                              units: units, unadjusted: unadjusted, byGender: byGender,
                                              balance: adjustment.balance, did: did, permutation: permutation,
                                              dataset: dataset, window: ComparisonCaveats.Window(full: full, from: window))
        return CohortComparisonResult(
            modelID: dataset.modelID, design: options.design, kind: sample.kind, outcome: outcome,
            extractDate: dataset.extractDate.iso, pilotStart: dataset.pilotStart?.iso, comparedFrom: window?.iso,
            unadjusted: unadjusted, descriptive: CohortDescriptives(sample: sample, pilotLabel: pilotLabel,
                                                                     comparisonLabel: comparisonLabel),
            byGender: byGender, balance: adjustment.balance, adjusted: adjusted, did: did,
            permutation: permutation, minimumDetectableDifference: mdd, caveats: caveats)
    }
}

/// A caveat in words, the same in the CLI, the JSON and the reports.
public struct Caveat: Sendable, Encodable, Equatable {
    public let code: String
    public let text: String
}

/// The result of `CohortComparison.run`. JSON: the keys of `compare` for the
/// unadjusted comparison at the top level (DESIGN §5), plus `design`, `descriptive`,
/// `by_gender`, `balance`, `adjusted`, `did`, `permutation`,
/// `minimum_detectable_difference` and `caveats`; a design not asked for is `null`
/// with a note saying how to ask for it.
public struct CohortComparisonResult: Sendable, Encodable {
    public let modelID: String
    public let design: CohortComparison.Design
    public let kind: CaseOutcomeKind
    public let outcome: String
    public let extractDate: String
    public let pilotStart: String?
    /// The pilot's start when only cases referred from it are compared
    /// (`Options.fromPilotStart`); nil when every case in the extract is.
    public let comparedFrom: String?
    public let unadjusted: UnadjustedComparison
    let descriptive: CohortDescriptives
    public let byGender: [(CaseRecord.Gender, UnadjustedComparison)]?
    public let balance: CovariateBalance
    public let adjusted: AdjustedComparison?
    public let did: CohortDifferenceInDifferences?
    public let permutation: UnitPermutationComparison?
    public let minimumDetectableDifference: MinimumDetectableDifference
    public let caveats: [Caveat]

    public func encode(to encoder: Encoder) throws {
        try unadjusted.encode(to: encoder)
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(design.rawValue, forKey: "design")
        try c.encode(modelID, forKey: "model")
        try c.encode(extractDate, forKey: "extract_date")
        if let pilotStart { try c.encode(pilotStart, forKey: "pilot_start") }
        else { try c.encode(Figure(undefined: "the pilot's start date is unknown"), forKey: "pilot_start") }
        if let comparedFrom { try c.encode(comparedFrom, forKey: "compared_from") }
        else { try c.encode(Figure(undefined: "every case in the extract: add --from-start to compare only cases referred from the pilot's start"), forKey: "compared_from") }
        try c.encode(descriptive, forKey: "descriptive")
        if let byGender {
            var list = c.nestedUnkeyedContainer(forKey: FigureKey("by_gender"))
            for (g, comparison) in byGender {
                let entry = GenderEntry(gender: g, comparison: comparison)
                try list.encode(entry)
            }
        } else {
            try c.encode(Figure(undefined: "not requested: add --by gender"), forKey: "by_gender")
        }
        try c.encode(balance, forKey: "balance")
        func encodeDesign<T: Encodable>(_ value: T?, key: String, flag: String) throws {
            if let value { try c.encode(value, forKey: key) }
            else { try c.encode(Figure(undefined: "not requested: use --design \(flag)"), forKey: key) }
        }
        try encodeDesign(adjusted, key: "adjusted", flag: "adjusted")
        try encodeDesign(did, key: "did", flag: "did")
        try encodeDesign(permutation, key: "permutation", flag: "permutation")
        var m = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("minimum_detectable_difference"))
        try m.encode(minimumDetectableDifference.standardized, forKey: "standardized")
        try m.encode(minimumDetectableDifference.raw, forKey: "raw")
        try m.encode(minimumDetectableDifference.proportionAbove, forKey: "proportion_above")
        try m.encode(minimumDetectableDifference.proportionBelow, forKey: "proportion_below")
        try m.encode(0.8, forKey: "power")
        try m.encode(0.05, forKey: "alpha")
        try c.encode(caveats, forKey: "caveats")
    }

    private struct GenderEntry: Encodable {
        let gender: CaseRecord.Gender
        let comparison: UnadjustedComparison
        func encode(to encoder: Encoder) throws {
            try comparison.encode(to: encoder)
            var c = encoder.container(keyedBy: FigureKey.self)
            try c.encode(gender.rawValue, forKey: "gender")
        }
    }
}
