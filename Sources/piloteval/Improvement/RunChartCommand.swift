import ArgumentParser
import Evaluation
import Foundation
import LogicModel
import Presentation
import Reports
import Statistics
import Store

enum RunChartFormat: String, ExpressibleByArgument, CaseIterable {
    case svg, json, table
}

extension ChartKind: ExpressibleByArgument {}

struct RunChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runchart",
        abstract: "Run chart or control chart (I, MR, P, U) of a measure over time, read by the Anhøj rules as qicharts2.",
        discussion: """
        From a CSV file (a value per row, or numerator and denominator) or a
        stored measure (`piloteval measures import`). Rows sharing a date are
        combined as qicharts2 does. Rules and formulas: docs/runcharts.md.

          piloteval runchart tidsplan.csv --value planerade \\
              --denominator inledda --chart p -o tidsplan.svg
          piloteval runchart data.csv --value dagar --format table
          piloteval runchart data.csv --value dagar --chart i --freeze 12
          piloteval runchart data.csv --value dagar --part 12 --lang en
          piloteval runchart --measure tidsplanerade-utredningar --chart p

        With --measure, the PDSA cycles that watch the measure are drawn on
        the dates they started; --pdsa ID adds others; and the baseline its
        team set (`measures baseline`) is the freeze unless --freeze or --part
        is given, so the chart reads as the reports read it. With 5 or fewer useful
        points no signal is possible, and the output says so.
        """
    )

    @Argument(help: "A CSV file (omit with --measure).") var file: String?
    @Option(help: "A stored measure to chart instead of a file.") var measure: String?
    @Option(help: "The value column (the numerator with --denominator).") var value: String?
    @Option(help: "The denominator column: the chart shows value / denominator.") var denominator: String?
    @Option(help: "The date column (default: date, period, week or month if present, else row order).") var date: String?
    @Option(help: "run (median), i, mr, p or u.") var chart: ChartKind = .run
    @Option(help: "Baseline: centre line and limits from the first N points only.") var freeze: Int?
    @Option(help: "Last point of a phase; each phase gets its own centre line and limits. Repeat or comma-separate.")
    var part: [String] = []
    @Option(help: "Points (1-based) left out of the centre line, limits and runs analysis. Repeat or comma-separate.")
    var exclude: [String] = []
    @Option(help: "Multiply y, centre and limits (e.g. 100 for percent, 1000 per thousand).") var multiply: Double = 1
    @Option(help: "PDSA cycle ids to draw as annotations (repeatable).") var pdsa: [String] = []
    @Option(help: "svg (default), json or table.") var format: RunChartFormat = .svg
    @Option(help: "Language of the SVG: sv or en.") var lang: String = "sv"
    @Option(help: "Chart title (SVG).") var title: String?
    @Option(name: .customLong("ylab"), help: "Y axis label (SVG).") var yLabel: String?
    @Option(name: .short, help: "Write to this file instead of stdout.") var output: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if (file == nil) == (measure == nil) {
            throw ValidationError("give either a CSV FILE or --measure ID")
        }
        if file != nil && value == nil { throw ValidationError("--value COL is required with a FILE") }
        if freeze != nil && !part.isEmpty {
            throw ValidationError("--freeze and --part cannot be combined (qicharts2 ignores freeze when parts are given); choose one")
        }
        if RunChartSVG.Language(rawValue: lang) == nil { throw ValidationError("--lang must be sv or en") }
    }

    static func indices(_ texts: [String], option: String) throws -> [Int] {
        try texts.flatMap { $0.split(separator: ",") }.map { t in
            guard let n = Int(t.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                throw Failure("--\(option) \(t): give point numbers (1-based), e.g. --\(option) 12")
            }
            return n
        }
    }

    func run() throws {
        try reportingFailures {
            do {
                var cycles: [PDSACycle] = []
                var storedTitle: String?
                var storedBaseline: StoredMeasureReading.Baseline?
                let series: MeasureSeries
                if let file {
                    series = try MeasureSeries.read(path: file, columns: .init(value: value!, denominator: denominator, date: date))
                    if !pdsa.isEmpty {
                        let catalog = PDSACatalog(try openDatabase(database, readOnly: true))
                        cycles = try pdsa.map { try catalog.cycle($0) }
                    }
                } else {
                    let db = try openDatabase(database, readOnly: true)
                    series = try MeasureImporter(db).series(measure!)
                    storedTitle = try MeasureTable(db).title(of: measure!)
                    storedBaseline = StoredMeasureReading.baseline(through: try MeasureTable(db).baseline(of: measure!), in: series)
                    let catalog = PDSACatalog(db)
                    let watching = try catalog.all().filter { $0.measure == measure }
                    let named = try pdsa.map { try catalog.cycle($0) }
                    cycles = watching + named.filter { c in !watching.contains { $0.id == c.id } }
                }
                var options = RunChartAnalysis.Options(
                    chart: chart, freeze: freeze, partBreaks: try Self.indices(part, option: "part"),
                    exclude: Set(try Self.indices(exclude, option: "exclude")), multiply: multiply)
                // A stored measure is read against the baseline its team set (`measures
                // baseline`), as the reports read it, unless --freeze or --part says otherwise.
                if let stored = storedBaseline, freeze == nil && part.isEmpty {
                    options.freeze = stored.points
                    Console.error("note: baseline \(stored.first) … \(stored.last) (\(stored.points) points), as stored with `measures baseline`; --freeze or --part overrides it")
                }
                let result = try RunChartAnalysis.analyse(series, options: options, pdsa: cycles)
                result.notes.forEach { Console.error("note: " + $0) }
                let text: String
                switch format {
                case .json: text = try ResultOutput.json(result)
                case .table: text = RunChartTable.render(result)
                case .svg:
                    // A stored measure's chart is named by its title (`measures title`), as
                    // reports name it; the JSON and table keep the id.
                    var drawn = result
                    if let storedTitle { drawn.measure = storedTitle }
                    text = RunChartSVG.render(drawn, options: .init(lang: RunChartSVG.Language(rawValue: lang) ?? .sv,
                                                                    title: title, yLabel: yLabel))
                }
                try Console.emit(text, to: output)
            } catch let e as AnalysisInputError {
                throw Failure(e.message)
            } catch let e as CatalogError {
                throw Failure(e.message)
            }
        }
    }
}

/// The terminal view of a run chart: the result's blocks (Presentation) through the
/// plain-text writer.
enum RunChartTable {
    static func render(_ r: RunChartResult) -> String {
        PlainTextWriter().render(r.blocks(style: .terminal))
    }
}
