import Foundation
import LogicModel
import Periods
import Statistics

/// What `piloteval runchart` prints as JSON (issue 8):
/// `{"chart","n","n_useful","median","longest_run","longest_run_max","crossings",
/// "crossings_min","runs_signal","points":[{"x","y","phase","cl","lcl","ucl","signal"}]}`
/// plus `measure`, `centre`, `signal_possible`, `parts` (one runs analysis per phase),
/// `pdsa` (annotations) and `notes`. The top-level runs figures are those of the last
/// phase — the current process; every phase is in `parts`.
public struct RunChartResult: Sendable, Encodable {
    public struct Point: Sendable, Encodable {
        public var index: Int
        public var label: String
        public var date: CalendarDate?
        public var y: Double?
        public var numerator: Double?
        public var denominator: Double?
        public var phase: Int
        public var cl: Double?
        public var lcl: Double?
        public var ucl: Double?
        public var signal: Bool
        public var runsSignal: Bool
        public var baseline: Bool
        public var included: Bool
        public var note: String?
        /// False for run charts, which have no limits (so a null limit needs no note).
        public var hasLimits: Bool

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: FigureKey.self)
            if let date { try c.encode(date.iso, forKey: "x") } else { try c.encode(index, forKey: "x") }
            try c.encode(label, forKey: "label")
            try c.encode(y.map(Figure.init) ?? Figure(undefined: "missing value (blank, incomplete numerator/denominator, or denominator 0)"), forKey: "y")
            if numerator != nil || denominator != nil {
                try c.encode(numerator, forKey: "numerator")
                try c.encode(denominator, forKey: "denominator")
            }
            try c.encode(phase, forKey: "phase")
            try c.encode(cl.map(Figure.init) ?? Figure(undefined: "no centre line for this phase; see notes"), forKey: "cl")
            let why = hasLimits ? "no limits at this point; see notes" : "a run chart has no control limits"
            try c.encode(lcl.map(Figure.init) ?? Figure(undefined: why), forKey: "lcl")
            try c.encode(ucl.map(Figure.init) ?? Figure(undefined: why), forKey: "ucl")
            try c.encode(signal, forKey: "signal")
            try c.encode(runsSignal, forKey: "runs_signal")
            try c.encode(baseline, forKey: "baseline")
            try c.encode(included, forKey: "included")
            if let note { try c.encode(note, forKey: "note") }
        }
    }

    public struct Phase: Sendable, Encodable {
        public var phase: Int
        public var first: String
        public var last: String
        public var centre: Figure
        public var runs: RunsAnalysis
        public var pointsOutsideLimits: Int
        public var limitsNote: String?
        public var isRunChart: Bool

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: FigureKey.self)
            try c.encode(phase, forKey: "phase")
            try c.encode(first, forKey: "first")
            try c.encode(last, forKey: "last")
            try c.encode(centre, forKey: "cl")
            try RunChartResult.encodeRuns(runs, centre: centre, isRunChart: isRunChart, into: &c)
            try c.encode(pointsOutsideLimits, forKey: "points_outside_limits")
            if let limitsNote { try c.encode(limitsNote, forKey: "limits_note") }
        }
    }

    public struct Annotation: Sendable, Encodable {
        public var id: String
        public var title: String
        public var start: CalendarDate
        public var end: CalendarDate?
        public var decision: String?
        public var previous: String?
        enum CodingKeys: String, CodingKey { case id, title, start, end, decision, previous }
    }

    public var chart: ChartKind
    public var measure: String
    public var multiply: Double
    public var points: [Point]
    public var phases: [Phase]
    public var pdsa: [Annotation]
    public var notes: [String]

    public init(series: MeasureSeries, chart: ControlChart, pdsa cycles: [PDSACycle] = []) {
        self.chart = chart.kind
        self.measure = series.name
        self.multiply = chart.multiply
        points = zip(series.points, chart.points).map { s, p in
            Point(index: p.index, label: s.label, date: s.date, y: p.y,
                  numerator: series.hasDenominator ? s.value : nil, denominator: s.denominator,
                  phase: p.part, cl: p.centre, lcl: p.lower, ucl: p.upper, signal: p.outsideLimits,
                  runsSignal: p.runsSignal, baseline: p.baseline, included: p.included, note: s.note,
                  hasLimits: chart.kind != .run)
        }
        let labels = series.points.map(\.label)
        phases = chart.parts.map { part in
            Phase(phase: part.part, first: labels[part.first - 1], last: labels[part.last - 1], centre: part.centre,
                  runs: part.runs, pointsOutsideLimits: part.pointsOutsideLimits, limitsNote: part.limitsNote,
                  isRunChart: chart.kind == .run)
        }
        var notes = series.notes
        let dated = series.points.allSatisfy { $0.date != nil }
        var annotations: [Annotation] = []
        for c in cycles {
            if !dated {
                notes.append("PDSA cycle \(c.id) is not drawn: the series has no dates to place it on")
                continue
            }
            annotations.append(Annotation(id: c.id, title: c.title, start: c.start, end: c.end,
                                          decision: c.decision?.rawValue, previous: c.previous))
        }
        pdsa = annotations.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        if let reason = chart.parts.last?.runs.noSignalReason { notes.append(reason) }
        for part in chart.parts {
            if let note = part.limitsNote { notes.append("phase \(part.part): \(note)") }
            if !part.centre.isDefined, let note = part.centre.note { notes.append("phase \(part.part): \(note)") }
        }
        self.notes = notes
    }

    /// The current (last) phase.
    public var current: Phase { phases[phases.count - 1] }
    public var runsSignal: Bool { phases.contains { $0.runs.signal } }
    public var pointsOutsideLimits: Int { points.filter(\.signal).count }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(chart.rawValue, forKey: "chart")
        try c.encode(measure, forKey: "measure")
        try c.encode(current.centre, forKey: "centre")
        try Self.encodeRuns(current.runs, centre: current.centre, isRunChart: chart == .run, into: &c)
        try c.encode(pointsOutsideLimits, forKey: "points_outside_limits")
        if multiply != 1 { try c.encode(multiply, forKey: "multiply") }
        try c.encode(points, forKey: "points")
        try c.encode(phases, forKey: "parts")
        try c.encode(pdsa, forKey: "pdsa")
        try c.encode(notes, forKey: "notes")
    }

    static func encodeRuns(_ runs: RunsAnalysis, centre: Figure, isRunChart: Bool,
                           into c: inout KeyedEncodingContainer<FigureKey>) throws {
        try c.encode(runs.observations, forKey: "n")
        try c.encode(runs.usefulPoints, forKey: "n_useful")
        if isRunChart {
            try c.encode(centre, forKey: "median")
        } else {
            try c.encode(Figure(undefined: "a control chart's runs analysis uses its centre line (the mean, p̄ or ū), given as cl"), forKey: "median")
        }
        let none = "no useful points (all missing or on the centre line)"
        func integer(_ v: Int?, _ key: String) throws {
            try c.encode(v.map { Figure(Double($0)) } ?? Figure(undefined: none), forKey: key)
        }
        try integer(runs.longestRun, "longest_run")
        try integer(runs.longestRunMax, "longest_run_max")
        try integer(runs.crossings, "crossings")
        try integer(runs.crossingsMin, "crossings_min")
        try c.encode(runs.signal, forKey: "runs_signal")
        try c.encode(runs.longestRunSignal, forKey: "longest_run_signal")
        try c.encode(runs.crossingsSignal, forKey: "crossings_signal")
        try c.encode(runs.signalPossible, forKey: "signal_possible")
        if let reason = runs.noSignalReason { try c.encode(reason, forKey: "runs_note") }
    }
}
