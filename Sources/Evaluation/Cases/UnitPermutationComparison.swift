import Statistics

/// Permutation over units (DESIGN §4): under the null that the pilot team is
/// exchangeable with the line teams, its statistic — its mean (or share within the
/// limit) minus that of all other units' cases — is equally likely to rank anywhere
/// among the J units' statistics, so p = rank / J and the smallest attainable p is
/// 1/J (`UnitPermutation`). The pilot's cases count as one unit whatever their `unit`
/// label; line cases are grouped by `unit`. Only cases referred on or after the pilot
/// start are used when the start is known, so every unit is compared over the same time.
public struct UnitPermutationComparison: Sendable, Encodable {
    public struct UnitRow: Sendable {
        public let unit: String
        public let n: Int
        public let statistic: Figure
    }

    public let statisticDescription: String
    public let rows: [UnitRow]
    public let result: UnitPermutationResult?
    public let notes: [String]

    static let pilotUnit = "(pilot)"

    init(dataset: CaseDataset, sample full: OutcomeSample) {
        var notes: [String] = []
        var sample = full
        if let start = dataset.pilotStart {
            sample = full.filter { r in r.referralDate.map { $0 >= start } ?? false }
            let dropped = full.all.count - sample.all.count
            if dropped > 0 { notes.append("\(dropped) case(s) referred before the pilot start \(start.iso) (or without a referral date) were left out, so every unit is compared over the same time") }
        }
        var groups: [String: [CaseObservation]] = [:]
        var noUnit = 0
        for o in sample.all {
            if o.record.isPilot { groups[Self.pilotUnit, default: []].append(o) }
            else if let u = o.record.unit { groups[u, default: []].append(o) }
            else { noUnit += 1 }
        }
        if noUnit > 0 { notes.append("\(noUnit) line case(s) without a unit were left out") }
        let names = groups.keys.sorted()
        let measure: (([CaseObservation]) -> Figure)
        switch sample.kind {
        case .continuous, .binary:
            statisticDescription = "unit \(sample.kind == .binary ? "proportion" : "mean") − that of all other units' cases"
            measure = { xs in xs.isEmpty ? Figure(undefined: "no cases") : Figure(xs.map(\.value).reduce(0, +) / Double(xs.count)) }
        case .timeToEvent:
            if let limit = sample.limitDays {
                statisticDescription = "unit share within \(formatDays(limit)) days (Kaplan–Meier) − that of all other units' cases"
                measure = { xs in KaplanMeier(times: xs.map(\.value), observed: xs.map(\.observed)).shareWithin(limit).estimate }
            } else {
                statisticDescription = "unit Kaplan–Meier median − that of all other units' cases"
                measure = { xs in KaplanMeier(times: xs.map(\.value), observed: xs.map(\.observed)).median.estimate }
            }
        }
        var rows: [UnitRow] = []
        for name in names {
            let own = groups[name]!
            let others = names.filter { $0 != name }.flatMap { groups[$0]! }
            let a = measure(own), b = measure(others)
            let s: Figure
            if let x = a.value, let y = b.value { s = Figure(x - y) }
            else { s = Figure(undefined: a.note ?? b.note ?? "undefined") }
            rows.append(UnitRow(unit: name, n: own.count, statistic: s))
        }
        self.rows = rows
        if groups[Self.pilotUnit] == nil {
            notes.append("the pilot has no cases in the period compared")
            result = nil
        } else if names.count < 2 {
            notes.append("permutation over units needs the pilot and at least one line unit with a unit label")
            result = nil
        } else if let bad = rows.first(where: { !$0.statistic.isDefined }) {
            notes.append("unit '\(bad.unit)' has no defined statistic (\(bad.statistic.note ?? "")), so the units cannot be ranked")
            result = nil
        } else {
            let stats = rows.map { $0.statistic.value! }
            result = UnitPermutation.test(unitStatistics: stats, treated: names.firstIndex(of: Self.pilotUnit)!)
            notes += result!.notes
        }
        self.notes = notes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(statisticDescription, forKey: "statistic")
        if let result {
            try c.encode(result.treatedStatistic, forKey: "pilot_statistic")
            try c.encode(result.p, forKey: "p")
            try c.encode(result.rank, forKey: "rank")
            try c.encode(result.units, forKey: "units")
            try c.encode(result.smallestAttainableP, forKey: "smallest_attainable_p")
        } else {
            let why = notes.last ?? "not computable"
            try c.encode(Figure(undefined: why), forKey: "p")
            try c.encode(rows.count, forKey: "units")
        }
        var list = c.nestedUnkeyedContainer(forKey: FigureKey("unit_statistics"))
        for r in rows {
            var o = list.nestedContainer(keyedBy: FigureKey.self)
            try o.encode(r.unit, forKey: "unit")
            try o.encode(r.n, forKey: "n")
            try o.encode(r.statistic, forKey: "statistic")
            try o.encode(SmallCell.isSmall(r.n), forKey: "small_cell")
        }
        try c.encode(notes, forKey: "notes")
    }
}
