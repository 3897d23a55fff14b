import Statistics

/// The individual-level pilot-vs-line comparison for each outcome kind, encoded with
/// exactly the keys of `piloteval compare` (DESIGN §5) for numbers and 0/1 outcomes.
public enum UnadjustedComparison: Sendable {
    case continuous(ContinuousComparison)
    case binary(BinaryComparison)
    case timeToEvent(TimeToEventComparison)

    init(_ sample: OutcomeSample, pilotLabel: String, comparisonLabel: String) {
        switch sample.kind {
        case .continuous:
            self = .continuous(ContinuousComparison.compute(
                pilot: sample.pilot.map(\.value), comparison: sample.comparison.map(\.value),
                pilotLabel: pilotLabel, comparisonLabel: comparisonLabel, outcome: sample.name))
        case .binary:
            let events = { (xs: [CaseObservation]) in xs.filter { $0.value == 1 }.count }
            self = .binary(BinaryComparison.compute(
                pilotEvents: events(sample.pilot), pilotN: sample.pilot.count,
                comparisonEvents: events(sample.comparison), comparisonN: sample.comparison.count,
                pilotLabel: pilotLabel, comparisonLabel: comparisonLabel, outcome: sample.name))
        case .timeToEvent:
            self = .timeToEvent(TimeToEventComparison(sample: sample, pilotLabel: pilotLabel,
                                                      comparisonLabel: comparisonLabel))
        }
    }

    /// Pilot − line with its 95 % interval: of means (Welch), of proportions
    /// (Newcombe), of shares within the limit (Kaplan–Meier, Greenwood).
    public var difference: Estimate {
        switch self {
        case .continuous(let c): c.difference
        case .binary(let b): b.difference
        case .timeToEvent(let t): t.difference
        }
    }

    /// Whether any group count shown is 1–4.
    var hasSmallCell: Bool {
        switch self {
        case .continuous(let c): return SmallCell.isSmall([c.pilot.summary.n, c.comparison.summary.n])
        case .binary(let b):
            return SmallCell.isSmall([b.pilot.n, b.pilot.events, b.pilot.n - b.pilot.events,
                                      b.comparison.n, b.comparison.events, b.comparison.n - b.comparison.events])
        case .timeToEvent(let t): return t.pilot.smallCell || t.comparison.smallCell
        }
    }
}

extension UnadjustedComparison: Encodable {
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .continuous(let c): try c.encode(to: encoder)
        case .binary(let b): try b.encode(to: encoder)
        case .timeToEvent(let t): try t.encode(to: encoder)
        }
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(hasSmallCell, forKey: "small_cell")
    }
}

/// One group's summary for the descriptive table: by cohort, and by gender within
/// cohort (jämställdhet: every report shows girls and boys separately).
struct GroupSummary: Encodable {
    let kind: CaseOutcomeKind
    let observations: [CaseObservation]
    let limitDays: Double?

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        let n = observations.count
        try c.encode(n, forKey: "n")
        switch kind {
        case .continuous:
            let d = Descriptives(of: observations.map(\.value))
            try c.encode(d.mean, forKey: "mean")
            try c.encode(d.sd, forKey: "sd")
            try c.encode(d.median, forKey: "median")
            try c.encode(d.q1, forKey: "q1")
            try c.encode(d.q3, forKey: "q3")
            try c.encode(SmallCell.isSmall(n), forKey: "small_cell")
        case .binary:
            let events = observations.filter { $0.value == 1 }.count
            try c.encode(events, forKey: "events")
            try c.encode(n > 0 ? Figure(Double(events) / Double(n)) : Figure(undefined: "no cases"), forKey: "proportion")
            try c.encode(SmallCell.isSmall([n, events, n - events]), forKey: "small_cell")
        case .timeToEvent:
            let km = KaplanMeier(times: observations.map(\.value), observed: observations.map(\.observed))
            try c.encode(km.events, forKey: "events")
            try c.encode(km.censored, forKey: "censored")
            try c.encode(km.median.estimate, forKey: "median")
            try c.encode(limitDays.map { km.shareWithin($0).estimate } ?? Figure(undefined: "no limit is defined for this outcome"),
                         forKey: "share_within_limit")
            try c.encode(SmallCell.isSmall([n, km.events, km.censored]), forKey: "small_cell")
        }
    }
}

/// `{"pilot": {…, "by_gender": {"girl": {…}, "boy": {…}, …}}, "comparison": {…}}`.
struct CohortDescriptives: Encodable, Sendable {
    let sample: OutcomeSample
    let pilotLabel: String
    let comparisonLabel: String

    struct Cohort: Encodable {
        let label: String
        let kind: CaseOutcomeKind
        let observations: [CaseObservation]
        let limitDays: Double?
        func encode(to encoder: Encoder) throws {
            try GroupSummary(kind: kind, observations: observations, limitDays: limitDays).encode(to: encoder)
            var c = encoder.container(keyedBy: FigureKey.self)
            try c.encode(label, forKey: "label")
            var byGender = c.nestedContainer(keyedBy: FigureKey.self, forKey: FigureKey("by_gender"))
            // Girls and boys always appear, even with no cases; other and unknown when present.
            for gender in CaseRecord.Gender.allCases {
                let xs = observations.filter { $0.record.gender == gender }
                if gender == .other && xs.isEmpty { continue }
                try byGender.encode(GroupSummary(kind: kind, observations: xs, limitDays: limitDays), forKey: gender.rawValue)
            }
            let unknown = observations.filter { $0.record.gender == nil }
            if !unknown.isEmpty {
                try byGender.encode(GroupSummary(kind: kind, observations: unknown, limitDays: limitDays), forKey: "unknown")
            }
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(Cohort(label: pilotLabel, kind: sample.kind, observations: sample.pilot, limitDays: sample.limitDays),
                     forKey: "pilot")
        try c.encode(Cohort(label: comparisonLabel, kind: sample.kind, observations: sample.comparison,
                            limitDays: sample.limitDays), forKey: "comparison")
    }
}
