import Foundation
import Statistics

/// The covariates a pilot-vs-line comparison adjusts for — age, gender, referral
/// reason — as numeric columns for the propensity model and the balance table.
struct CaseCovariates {
    struct Column {
        let name: String
        let kind: StandardizedMeanDifference.Kind
        /// One value per case; NaN where unknown (left out of this covariate's SMD).
        let values: [Double]
        /// In the propensity model (reference levels and constant columns are not).
        let inModel: Bool
        /// For a model indicator of a category: what its cases join when the level is
        /// too sparse to model ("the reference level (boy)"); nil for other columns.
        var reference: String? = nil

        /// The name without the " (model)" suffix, as the balance table shows it.
        var balanceName: String {
            name.hasSuffix(" (model)") ? String(name.dropLast(" (model)".count)) : name
        }
    }

    let columns: [Column]
    let notes: [String]

    /// Referral reasons with fewer than this many cases in either cohort are pooled
    /// as "other reasons": a reason seen only in one cohort predicts it perfectly
    /// and the propensity model would not exist (separation).
    static let rareReasonLimit = 5
    /// Model indicators with fewer cases than this in either cohort are pooled with
    /// their reference level (see the end of `init`).
    static let sparseLimit = 5

    init(_ cases: [CaseRecord]) {
        var columns: [Column] = []
        var notes: [String] = []

        // Age: unknown ages take the mean in the model, with an indicator, so a case
        // is not dropped for want of its age (missing-indicator method; documented).
        let ages = cases.map { $0.age.map(Double.init) ?? .nan }
        let known = ages.filter { $0.isFinite }
        if !known.isEmpty {
            let mean = known.reduce(0, +) / Double(known.count)
            columns.append(Column(name: "age", kind: .continuous, values: ages, inModel: false))
            columns.append(Column(name: "age (model, unknown → mean)", kind: .continuous,
                                  values: ages.map { $0.isFinite ? $0 : mean }, inModel: true))
            if known.count < cases.count {
                columns.append(Column(name: "age unknown", kind: .binary, values: ages.map { $0.isFinite ? 0 : 1 }, inModel: true,
                                      reference: "the cases of known age (at the mean age)"))
                notes.append("\(cases.count - known.count) case(s) without an age: the propensity model gives them the mean age and an 'age unknown' indicator")
            }
        }

        // Gender: girl, boy, other indicators (boy is the model's reference).
        let genders = cases.map(\.gender)
        for g in CaseRecord.Gender.allCases where genders.contains(g) {
            let values = genders.map { $0 == nil ? Double.nan : ($0 == g ? 1 : 0) }
            columns.append(Column(name: "gender: \(g.rawValue)", kind: .binary, values: values, inModel: false))
            if g != .boy {
                columns.append(Column(name: "gender: \(g.rawValue) (model)", kind: .binary,
                                      values: genders.map { $0 == g ? 1 : 0 }, inModel: true,
                                      reference: "the reference level (boy)"))
            }
        }
        if genders.contains(nil) {
            columns.append(Column(name: "gender unknown", kind: .binary, values: genders.map { $0 == nil ? 1 : 0 }, inModel: true,
                                  reference: "the reference level (boy)"))
        }

        // Referral reason: rare reasons pooled; the most common is the reference.
        let reasons = cases.map { $0.referralReason?.trimmingCharacters(in: .whitespaces).nilIfEmpty }
        var perCohort: [String: (pilot: Int, line: Int)] = [:]
        for (r, c) in zip(reasons, cases) {
            guard let r else { continue }
            var t = perCohort[r] ?? (0, 0)
            if c.isPilot { t.pilot += 1 } else { t.line += 1 }
            perCohort[r] = t
        }
        let rare = Set(perCohort.filter { min($0.value.pilot, $0.value.line) < Self.rareReasonLimit }.keys)
        let pooled = reasons.map { r in r.map { rare.contains($0) ? "other reasons" : $0 } }
        if rare.count > 0 && perCohort.count > rare.count {
            notes.append("\(rare.count) referral reason(s) with fewer than \(Self.rareReasonLimit) cases in a cohort were pooled as 'other reasons'")
        }
        var counts: [String: Int] = [:]
        for r in pooled { if let r { counts[r, default: 0] += 1 } }
        let levels = counts.keys.sorted()
        let reference = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        for level in levels where levels.count > 1 {
            let values = pooled.map { $0 == nil ? Double.nan : ($0 == level ? 1 : 0) }
            columns.append(Column(name: "reason: \(level)", kind: .binary, values: values, inModel: false))
            if level != reference {
                columns.append(Column(name: "reason: \(level) (model)", kind: .binary,
                                      values: pooled.map { $0 == level ? 1 : 0 }, inModel: true,
                                      reference: "the reference level (\(reference ?? "the most common reason"))"))
            }
        }
        if pooled.contains(nil) && levels.count > 0 {
            columns.append(Column(name: "reason unknown", kind: .binary, values: pooled.map { $0 == nil ? 1 : 0 }, inModel: true,
                                  reference: "the reference level (\(reference ?? "the most common reason"))"))
        }
        // A model column that does not vary carries no information and makes the
        // design singular.
        columns = columns.filter { col in
            guard col.inModel else { return true }
            let first = col.values.first ?? 0
            return col.values.contains { $0 != first }
        }
        // A level (or "unknown" indicator) with fewer than `sparseLimit` cases in either
        // cohort is pooled with its reference: with none in the pilot, the maximum-
        // likelihood coefficient is −∞ (quasi-complete separation) and the fit does not
        // exist; with a handful, it exists but rests on those few cases. This is what
        // statistics software does with such a level (Stata's logit drops it with the
        // cases it predicts perfectly; R's glm warns of fitted probabilities 0 or 1).
        // The balance table still shows the level, before and after weighting, so what
        // the model could not adjust for stays visible.
        let pilot = cases.map(\.isPilot)
        columns = columns.filter { col in
            guard col.inModel, let reference = col.reference else { return true }
            var inPilot = 0, inLine = 0
            for (v, p) in zip(col.values, pilot) where v == 1 { if p { inPilot += 1 } else { inLine += 1 } }
            guard min(inPilot, inLine) < Self.sparseLimit else { return true }
            notes.append("\(col.balanceName): \(inPilot) pilot and \(inLine) line case(s), fewer than \(Self.sparseLimit) in a cohort: the propensity model pools them with \(reference), since a level one cohort lacks predicts the cohort perfectly and the model would not exist; the balance table still shows them")
            return false
        }
        self.columns = columns
        self.notes = notes
    }

    var modelColumns: [Column] { columns.filter(\.inModel) }
    var balanceColumns: [Column] { columns.filter { !$0.inModel } }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// The balance table: standardised mean differences of each covariate before and
/// after inverse-probability weighting (ATT), with the customary flags.
public struct CovariateBalance: Sendable, Encodable {
    public struct Row: Sendable {
        public let name: String
        public let kind: StandardizedMeanDifference.Kind
        public let pilotMean: Figure
        public let comparisonMean: Figure
        public let comparisonWeightedMean: Figure
        public let smdBefore: Figure
        public let smdAfter: Figure
    }

    public let method: String
    public let rows: [Row]
    public let effectiveComparisonN: Figure
    public let notes: [String]

    /// |SMD| > 0.1: imbalance worth adjusting for; > 0.25: too large for regression
    /// adjustment alone to be trusted (Stuart 2010; Rubin 2001).
    static func flag(_ smd: Figure) -> String? {
        guard let v = smd.value else { return nil }
        if abs(v) > 0.25 { return "serious (> 0.25)" }
        if abs(v) > 0.1 { return "imbalance (> 0.1)" }
        return "ok"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(method, forKey: "method")
        try c.encode([0.1, 0.25], forKey: "thresholds")
        try c.encode(effectiveComparisonN, forKey: "effective_n_comparison")
        var list = c.nestedUnkeyedContainer(forKey: FigureKey("covariates"))
        for r in rows {
            var o = list.nestedContainer(keyedBy: FigureKey.self)
            try o.encode(r.name, forKey: "name")
            try o.encode(r.kind.rawValue, forKey: "kind")
            try o.encode(r.pilotMean, forKey: "pilot_mean")
            try o.encode(r.comparisonMean, forKey: "comparison_mean")
            try o.encode(r.comparisonWeightedMean, forKey: "comparison_weighted_mean")
            try o.encode(r.smdBefore, forKey: "smd_before")
            try o.encode(r.smdAfter, forKey: "smd_after")
            for (key, smd) in [("flag_before", r.smdBefore), ("flag_after", r.smdAfter)] {
                if let flag = Self.flag(smd) { try o.encode(flag, forKey: key) }
                else {
                    try o.encodeNil(forKey: FigureKey(key))
                    try o.encode(smd.note ?? "the SMD is undefined", forKey: key + "_note")
                }
            }
        }
        try c.encode(notes, forKey: "notes")
    }
}
