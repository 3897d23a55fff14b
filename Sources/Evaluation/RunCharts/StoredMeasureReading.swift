import Store

/// How a stored measure is read wherever it is shown — reports, the web pages and
/// `runchart --measure` when no baseline option is given — so that they agree: a P chart
/// when the measure has a denominator, else a run chart; and the centre line and limits
/// from the baseline the team set (`measures baseline`), else from every point.
public enum StoredMeasureReading {
    /// The baseline's points: the first `count` points of the series, the first and
    /// last labelled as the file wrote them.
    public struct Baseline: Sendable, Equatable, Codable {
        public var points: Int
        public var first: String
        public var last: String

        public init(points: Int, first: String, last: String) {
            self.points = points
            self.first = first
            self.last = last
        }
    }

    /// The baseline of `series` that ends at the ISO date `through`; nil when there is
    /// none, or when it no longer leaves 2 points in it and 1 after it (values imported
    /// or undone since it was set): the chart is then read from every point.
    public static func baseline(through: String?, in series: MeasureSeries) -> Baseline? {
        guard let through else { return nil }
        let count = series.points.prefix { p in p.date.map { $0.iso <= through } ?? false }.count
        guard count >= 2, count < series.points.count else { return nil }
        return Baseline(points: count, first: series.points[0].label, last: series.points[count - 1].label)
    }

    /// The options a stored measure is read with: P when it has a denominator, else a
    /// run chart, frozen at its baseline.
    public static func options(_ summary: MeasureSummary, series: MeasureSeries) -> RunChartAnalysis.Options {
        options(series: series, baseline: baseline(through: summary.baselineThrough, in: series))
    }

    /// The same, for a caller that already has the baseline (the report section records it too).
    public static func options(series: MeasureSeries, baseline: Baseline?) -> RunChartAnalysis.Options {
        RunChartAnalysis.Options(chart: series.hasDenominator ? .p : .run, freeze: baseline?.points)
    }
}
