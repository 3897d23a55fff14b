import Foundation
import LogicModel
import Periods
import Statistics

/// A measure over time read by qicharts2's rules: the result behind `piloteval runchart`
/// (its JSON, table and SVG). Pure: series and options in, a `RunChartResult` out.
public enum RunChartAnalysis {
    public struct Options: Sendable {
        public var chart: ChartKind
        public var freeze: Int?
        public var partBreaks: [Int]
        public var exclude: Set<Int>
        public var multiply: Double
        public init(chart: ChartKind = .run, freeze: Int? = nil, partBreaks: [Int] = [], exclude: Set<Int> = [], multiply: Double = 1) {
            self.chart = chart
            self.freeze = freeze
            self.partBreaks = partBreaks
            self.exclude = exclude
            self.multiply = multiply
        }
    }

    public static func analyse(_ series: MeasureSeries, options: Options, pdsa: [PDSACycle] = []) throws -> RunChartResult {
        if options.chart.needsDenominator && !series.hasDenominator {
            throw AnalysisInputError("a \(options.chart.rawValue.uppercased()) chart needs a denominator: give --denominator COL (the value column is then the numerator)")
        }
        let chart: ControlChart
        do {
            chart = try ControlChart(.init(kind: options.chart, values: series.points.map(\.value),
                                           denominators: series.hasDenominator ? series.points.map(\.denominator) : nil,
                                           freeze: options.freeze, partBreaks: options.partBreaks,
                                           exclude: options.exclude, multiply: options.multiply))
        } catch let e as StatisticsError {
            throw AnalysisInputError(e.message)
        }
        if options.chart == .p {
            for p in series.points {
                if let v = p.value, let d = p.denominator, v > d {
                    throw AnalysisInputError("\(p.line.map { "line \($0)" } ?? p.label): numerator \(v) is larger than denominator \(d); a P chart needs proportions")
                }
            }
        }
        return RunChartResult(series: series, chart: chart, pdsa: pdsa)
    }
}
