import Foundation
import Periods
import Statistics

/// Before/after with comparison (DESIGN §4): the pilot's area before versus after the
/// pilot started, against the line areas, with randomisation inference over areas
/// and a wild cluster bootstrap as a second opinion (`DifferenceInDifferences`).
///
/// The treated unit is the *area* the pilot works in — every case referred there,
/// before and after the start, whoever handled it (an intention-to-treat contrast at
/// area level): before the start there was no pilot team to compare, only its area.
/// Periods are 12-month windows counted from the pilot start (−1 is the year before,
/// 0 the pilot's first year).
public struct CohortDifferenceInDifferences: Sendable, Encodable {
    public let treatedArea: String?
    public let areas: [String]
    public let result: DiDResult?
    public let notes: [String]
    /// Cases and the sum of their values (events, for a 0/1 outcome) in the four groups
    /// of the design — the pilot's area and the comparison areas, before and after the
    /// start — for a report's disclosure control; empty when the design is undefined.
    public let groups: [Group]
    let undefinedReason: String?

    public struct Group: Sendable, Equatable {
        public let pilotArea: Bool
        public let after: Bool
        public let n: Int
        public let sum: Double
    }

    public var isDefined: Bool { result?.estimate.isDefined == true }

    static func undefined(_ why: String, notes: [String] = []) -> CohortDifferenceInDifferences {
        CohortDifferenceInDifferences(treatedArea: nil, areas: [], result: nil, notes: notes + [why], groups: [],
                                      undefinedReason: why)
    }

    static func compute(dataset: CaseDataset, sample: OutcomeSample,
                        bootstrap: WildClusterBootstrap.Options?) -> CohortDifferenceInDifferences {
        guard sample.kind != .timeToEvent else {
            return .undefined("difference-in-differences needs a number or 0/1 outcome; for a censored duration use its within-limit outcome (assessment_within_14d, investigation_within_4m)")
        }
        guard let start = dataset.pilotStart else {
            return .undefined("the pilot's start date is unknown (set the model's period or activity start), so there is no before and after")
        }
        var areaCounts: [String: Int] = [:]
        for o in sample.pilot { if let a = o.record.area { areaCounts[a, default: 0] += 1 } }
        guard let treated = areaCounts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            return .undefined("the pilot's cases have no area, so its area before the start cannot be found (import an extract with an area column)")
        }
        var notes: [String] = []
        if areaCounts.count > 1 {
            notes.append("the pilot's cases lie in \(areaCounts.count) areas; its area is taken to be '\(treated)', where most of them are")
        }
        var y: [Double] = [], unit: [Int] = [], period: [Int] = []
        var groups = [Bool: [Bool: (n: Int, sum: Double)]]()
        var skipped = 0
        let usable = sample.all.filter { $0.record.area != nil && $0.record.referralDate != nil }
        skipped = sample.all.count - usable.count
        let areas = Set(usable.compactMap(\.record.area)).sorted()
        let index = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })
        for o in usable {
            let days = start.days(until: o.record.referralDate!)
            y.append(o.value)
            unit.append(index[o.record.area!]!)
            period.append(Int((Double(days) / 365.25).rounded(.down)))
            if o.value.isFinite {
                let inPilotArea = o.record.area == treated, after = period.last! >= 0
                let g = groups[inPilotArea]?[after] ?? (0, 0)
                groups[inPilotArea, default: [:]][after] = (g.n + 1, g.sum + o.value)
            }
        }
        if skipped > 0 { notes.append("\(skipped) case(s) without an area or referral date were left out") }
        let result = DifferenceInDifferences.estimate(y: y, unit: unit, period: period, treatedUnit: index[treated]!,
                                                      firstTreatedPeriod: 0, bootstrap: bootstrap)
        let cells = [true, false].flatMap { pilotArea in
            [false, true].map { after in
                let g = groups[pilotArea]?[after] ?? (0, 0)
                return Group(pilotArea: pilotArea, after: after, n: g.n, sum: g.sum)
            }
        }
        return CohortDifferenceInDifferences(treatedArea: treated, areas: areas, result: result,
                                             notes: notes + result.notes, groups: cells, undefinedReason: nil)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        guard let result, let treatedArea else {
            try c.encode(Figure(undefined: undefinedReason ?? "not estimable"), forKey: "estimate")
            try c.encode(notes, forKey: "notes")
            return
        }
        let name = { (u: Int) in u >= 0 && u < areas.count ? areas[u] : "\(u)" }
        try c.encode("two-way fixed effects (area and 12-month period), pilot area × after the start", forKey: "model")
        try c.encode(treatedArea, forKey: "treated_area")
        try c.encode(areas.filter { $0 != treatedArea }, forKey: "comparison_areas")
        try c.encode("12-month windows from the pilot start: −1 is the year before, 0 the pilot's first year", forKey: "periods")
        try c.encode(result.estimate, forKey: "estimate")
        var m = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("means"))
        try m.encode(result.means.treatedBefore, forKey: "pilot_area_before")
        try m.encode(result.means.treatedAfter, forKey: "pilot_area_after")
        try m.encode(result.means.comparisonBefore, forKey: "comparison_before")
        try m.encode(result.means.comparisonAfter, forKey: "comparison_after")
        try m.encode(result.means.simpleDifference, forKey: "simple_difference")
        if let ref = result.referencePeriod { try c.encode(ref, forKey: "reference_period") }
        var es = c.nestedUnkeyedContainer(forKey: FigureKey("event_study"))
        for row in result.eventStudy {
            var r = es.nestedContainer(keyedBy: FigureKey.self)
            try r.encode(row.period, forKey: "period")
            try r.encode(row.isBefore, forKey: "before_start")
            try r.encode(row.estimate, forKey: "estimate")
            try r.encode(row.randomisation?.p ?? Figure(undefined: "no placebo areas to compare with"), forKey: "p")
        }
        if let ri = result.randomisation {
            var r = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("randomisation"))
            try r.encode("Conley–Taber style: each comparison area in turn as a placebo pilot area, fitted among the comparison areas; p = rank of |pilot estimate| among all |estimates| / J", forKey: "method")
            try r.encode(ri.p, forKey: "p")
            try r.encode(ri.rank, forKey: "rank")
            try r.encode(ri.units, forKey: "units")
            try r.encode(ri.smallestAttainableP, forKey: "smallest_attainable_p")
            var pl = r.nestedUnkeyedContainer(forKey: FigureKey("placebos"))
            for p in result.placebos {
                var o = pl.nestedContainer(keyedBy: FigureKey.self)
                try o.encode(name(p.unit), forKey: "area")
                try o.encode(p.estimate, forKey: "estimate")
            }
        } else {
            try c.encode(Figure(undefined: "randomisation over areas needs at least 2 comparison areas"), forKey: "randomisation")
        }
        if let wb = result.wildBootstrap {
            var w = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("wild_cluster_bootstrap"))
            try w.encode(wb.weights.rawValue, forKey: "weights")
            try w.encode(wb.clusters, forKey: "clusters")
            try w.encode(wb.replicates, forKey: "replicates")
            try w.encode(wb.enumerated, forKey: "enumerated")
            if let seed = wb.seed { try w.encode(seed, forKey: "seed") }
            try w.encode(wb.standardError, forKey: "cluster_se")
            try w.encode(wb.t, forKey: "t")
            try w.encode(wb.p, forKey: "p")
            try w.encode(wb.notes, forKey: "notes")
        }
        try c.encode(notes, forKey: "notes")
    }
}
