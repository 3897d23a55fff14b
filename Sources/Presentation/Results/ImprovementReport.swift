import Evaluation
import LogicModel

/// The improvement work in a report, as the report's record holds it (its JSON is the
/// record's `improvement`): each measure's run or P chart — the runs analysis, the
/// centre line, the values with those withheld for disclosure null beside their note —
/// and the ramps of PDSA cycles. Computed by Reports' `RunChartSection` (which decides
/// which points are withheld); its blocks are `ImprovementReport+Blocks.swift`.
public struct ImprovementReport: Codable {
    public var measures: [Measure]
    public var ramps: [Ramp]
    public var note: String?

    public init(measures: [Measure], ramps: [Ramp], note: String?) {
        self.measures = measures
        self.ramps = ramps
        self.note = note
    }

    public struct Value: Codable {
        public var label: String
        public var y: Double?
        public var yNote: String?

        public init(label: String, y: Double?, yNote: String?) {
            self.label = label
            self.y = y
            self.yNote = yNote
        }

        enum CodingKeys: String, CodingKey {
            case label, y
            case yNote = "y_note"
        }
    }

    public struct Measure: Codable {
        public var measure: String
        /// The measure's title as stored (`measures import --title`); absent when none
        /// was given, and the measure is then named by the indicator bound to it or by
        /// its id spelt out (`measureName`).
        public var title: String?
        public var chart: String
        public var points: Int
        public var hiddenPoints: Int
        public var first: String
        public var last: String
        public var centre: Double?
        public var centreNote: String?
        public var usefulPoints: Int
        public var longestRun: Int?
        public var longestRunMax: Int?
        public var crossings: Int?
        public var crossingsMin: Int?
        public var runsSignal: Bool
        public var signalPossible: Bool
        public var pointsOutsideLimits: Int?
        public var values: [Value]
        public var cycles: [String]
        public var illustrativeCycles: Bool
        public var imports: [Int]
        /// `events` when the measure counts events, not persons (nothing suppressed);
        /// absent for persons.
        public var counts: String?
        /// The chart as drawn (hidden points without values or limits); not in the JSON.
        public var drawing: RunChartResult?
        /// The baseline the centre line and limits come from, when the team set one;
        /// absent when they come from every point.
        public var baseline: StoredMeasureReading.Baseline?

        public init(measure: String, chart: String, points: Int, hiddenPoints: Int, first: String, last: String,
                    centre: Double?, centreNote: String?, usefulPoints: Int, longestRun: Int?,
                    longestRunMax: Int?, crossings: Int?, crossingsMin: Int?, runsSignal: Bool,
                    signalPossible: Bool, pointsOutsideLimits: Int?, values: [Value], cycles: [String],
                    illustrativeCycles: Bool, imports: [Int], counts: String?, drawing: RunChartResult?,
                    title: String? = nil, baseline: StoredMeasureReading.Baseline? = nil) {
            self.measure = measure
            self.baseline = baseline
            self.title = title
            self.chart = chart
            self.points = points
            self.hiddenPoints = hiddenPoints
            self.first = first
            self.last = last
            self.centre = centre
            self.centreNote = centreNote
            self.usefulPoints = usefulPoints
            self.longestRun = longestRun
            self.longestRunMax = longestRunMax
            self.crossings = crossings
            self.crossingsMin = crossingsMin
            self.runsSignal = runsSignal
            self.signalPossible = signalPossible
            self.pointsOutsideLimits = pointsOutsideLimits
            self.values = values
            self.cycles = cycles
            self.illustrativeCycles = illustrativeCycles
            self.imports = imports
            self.counts = counts
            self.drawing = drawing
        }

        enum CodingKeys: String, CodingKey {
            case measure, title, chart, points, first, last, centre, crossings, values, cycles, imports, counts, baseline
            case hiddenPoints = "hidden_points"
            case centreNote = "centre_note"
            case usefulPoints = "useful_points"
            case longestRun = "longest_run"
            case longestRunMax = "longest_run_max"
            case crossingsMin = "crossings_min"
            case runsSignal = "runs_signal"
            case signalPossible = "signal_possible"
            case pointsOutsideLimits = "points_outside_limits"
            case illustrativeCycles = "illustrative_cycles"
        }
    }

    public struct Cycle: Codable {
        public var id: String
        public var title: String
        public var activity: String
        public var measure: String?
        public var start: String
        public var end: String?
        public var decision: String?
        public var prediction: String
        public var illustrative: Bool

        public init(id: String, title: String, activity: String, measure: String?, start: String, end: String?,
                    decision: String?, prediction: String, illustrative: Bool) {
            self.id = id
            self.title = title
            self.activity = activity
            self.measure = measure
            self.start = start
            self.end = end
            self.decision = decision
            self.prediction = prediction
            self.illustrative = illustrative
        }
    }

    public struct Ramp: Codable {
        public var name: String
        public var cycles: [Cycle]

        public init(name: String, cycles: [Cycle]) {
            self.name = name
            self.cycles = cycles
        }
    }
}
