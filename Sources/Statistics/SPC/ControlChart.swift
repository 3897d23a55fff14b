/// A run chart or Shewhart control chart with its runs analysis, computed as
/// qicharts2 0.8.1's `qic()` does (github.com/anhoej/qicharts2; docs/runcharts.md states
/// every rule). Inputs are plain arrays, one value per subgroup in time order;
/// aggregation of several rows per date happens before this.
public struct ControlChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// 1-based position in the series (qicharts2's `xx`).
        public let index: Int
        /// The plotted value (ratio numerator / denominator for P and U charts, the
        /// moving range for MR charts) times `multiply`; nil when missing.
        public let y: Double?
        /// 1-based part (phase).
        public let part: Int
        public let centre: Double?
        public let lower: Double?
        public let upper: Double?
        /// Whether the point is in the baseline the centre and limits came from.
        public let baseline: Bool
        /// False for points excluded from the centre, limits and runs analysis.
        public let included: Bool
        /// Shewhart's rule: above the upper or below the lower limit.
        public let outsideLimits: Bool
        /// The runs signal of the point's part (qicharts2 marks the whole part).
        public let runsSignal: Bool
    }

    public struct Part: Sendable, Equatable {
        public let part: Int
        /// 1-based indices of the part's first and last points.
        public let first: Int
        public let last: Int
        /// The centre line (times `multiply`), or why it is undefined.
        public let centre: Figure
        /// Why limits are missing for some or all points, if they are.
        public let limitsNote: String?
        public let runs: RunsAnalysis
        public let pointsOutsideLimits: Int
    }

    public let kind: ChartKind
    public let multiply: Double
    public let points: [Point]
    public let parts: [Part]

    /// The input of a chart. Indices in `freeze`, `partBreaks` and `exclude` are 1-based
    /// positions in `values`, as in qicharts2.
    public struct Input: Sendable {
        public var kind: ChartKind
        /// y values; numerators when `denominators` is given. nil is missing.
        public var values: [Double?]
        /// Required for P and U charts; for run, I and MR charts it makes y a ratio.
        public var denominators: [Double?]?
        /// The last point of the baseline: centre and limits come from points 1…freeze.
        /// Ignored by qicharts2 when parts are given; here that combination is refused.
        public var freeze: Int?
        /// The last point of each part but the last (qicharts2's `part`).
        public var partBreaks: [Int]
        /// Points left out of the centre line, limits and runs analysis (still drawn).
        public var exclude: Set<Int>
        /// Applied to y, centre and limits after the analysis (100 for percent).
        public var multiply: Double

        public init(kind: ChartKind, values: [Double?], denominators: [Double?]? = nil, freeze: Int? = nil,
                    partBreaks: [Int] = [], exclude: Set<Int> = [], multiply: Double = 1) {
            self.kind = kind
            self.values = values
            self.denominators = denominators
            self.freeze = freeze
            self.partBreaks = partBreaks
            self.exclude = exclude
            self.multiply = multiply
        }
    }

    /// Throws `StatisticsError` for input that cannot make a chart (an empty series, a
    /// P/U chart without denominators, indices outside the series); odd data (missing
    /// values, no variation, too few points) gives a chart whose notes say why.
    public init(_ input: Input) throws {
        let n = input.values.count
        guard n > 0 else { throw StatisticsError("no data points: a chart needs at least one value") }
        if input.kind.needsDenominator && input.denominators == nil {
            throw StatisticsError("a \(input.kind.rawValue.uppercased()) chart needs a denominator for every point (numerator / denominator)")
        }
        if let d = input.denominators, d.count != n {
            throw StatisticsError("\(n) values but \(d.count) denominators")
        }
        if let freeze = input.freeze {
            guard (1...n).contains(freeze) else {
                throw StatisticsError("freeze \(freeze) is outside the series: it must be the number of baseline points, 1 to \(n)")
            }
            guard input.partBreaks.isEmpty else {
                throw StatisticsError("freeze and parts cannot be combined: qicharts2 ignores freeze when parts are given, so choose one")
            }
        }
        for b in input.partBreaks where !(1..<n).contains(b) {
            throw StatisticsError("part break \(b) is outside the series: it must be the last point of a part, 1 to \(n - 1)")
        }
        for e in input.exclude.sorted() where !(1...n).contains(e) {
            throw StatisticsError("excluded point \(e) is outside the series of \(n) points")
        }
        guard input.multiply.isFinite, input.multiply > 0 else {
            throw StatisticsError("multiply must be a positive number")
        }

        // y, numerators and denominators as qic(): an incomplete numerator/denominator
        // pair is missing in both; a zero denominator leaves y missing.
        var y: [Double?] = input.values
        var numerators: [Double?] = input.values
        var denominators: [Double?] = Array(repeating: nil, count: n)
        if let d = input.denominators {
            for j in 0..<n {
                if let a = input.values[j], let b = d[j] {
                    numerators[j] = a
                    denominators[j] = b
                    y[j] = b != 0 ? a / b : nil
                } else {
                    numerators[j] = nil
                    y[j] = nil
                }
            }
        }
        for j in 0..<n where y[j].map({ !$0.isFinite }) ?? false { y[j] = nil }

        let partOf = ChartParts.assign(breaks: input.partBreaks, count: n)
        let freeze = input.freeze ?? n
        var points: [Point] = []
        var parts: [Part] = []
        let m = input.multiply
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && partOf[end + 1] == partOf[start] { end += 1 }
            let range = start...end
            let included = range.map { !input.exclude.contains($0 + 1) }
            let base = range.map { $0 + 1 <= freeze && !input.exclude.contains($0 + 1) }
            let limits = PartLimits.compute(input.kind, y: Array(y[range]), numerators: Array(numerators[range]),
                                            denominators: Array(denominators[range]), base: base)
            let centreLine = Array(repeating: limits.centre, count: range.count)
            let runs = RunsAnalysis(values: zip(limits.y, included).filter { $0.1 }.map { $0.0 },
                                    centre: zip(centreLine, included).filter { $0.1 }.map { $0.0 },
                                    signalsAllowed: input.kind != .mr)
            var outside = 0
            for (k, j) in range.enumerated() {
                let value = limits.y[k].map { $0 * m }
                let lower = limits.lower[k].map { $0 * m }, upper = limits.upper[k].map { $0 * m }
                var signal = false
                if let value {
                    if let upper, value > upper { signal = true }
                    if let lower, value < lower { signal = true }
                }
                if signal { outside += 1 }
                points.append(Point(index: j + 1, y: value, part: partOf[j], centre: limits.centre.map { $0 * m },
                                    lower: lower, upper: upper, baseline: j + 1 <= freeze, included: included[k],
                                    outsideLimits: signal, runsSignal: runs.signal))
            }
            let centre = limits.centre.map { Figure($0 * m) } ?? Figure(undefined: limits.note ?? "undefined")
            parts.append(Part(part: partOf[start], first: start + 1, last: end + 1, centre: centre,
                              limitsNote: limits.centre == nil ? nil : limits.note, runs: runs,
                              pointsOutsideLimits: outside))
            start = end + 1
        }
        self.kind = input.kind
        self.multiply = m
        self.points = points
        self.parts = parts
    }

    /// Any runs signal in any part.
    public var runsSignal: Bool { parts.contains { $0.runs.signal } }
    /// Points outside their limits.
    public var pointsOutsideLimits: Int { parts.reduce(0) { $0 + $1.pointsOutsideLimits } }
}
