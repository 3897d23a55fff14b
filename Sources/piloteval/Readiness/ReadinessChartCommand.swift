import ArgumentParser
import Evaluation
import LogicModel
import Reports

struct ReadinessChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a readiness chart as SVG: heatmap (unit × item), trend (per unit across waves) or likert (answer distribution).",
        discussion: """
          piloteval readiness chart heatmap --instrument vallingbyteamet-readiness \\
              --wave 2023-03 -o heatmap.svg
          piloteval readiness chart trend --instrument vallingbyteamet-readiness \\
              --scale conditions -o trend.svg
          piloteval readiness chart trend --instrument vallingbyteamet-readiness \\
              --item know_what_it_means_for_me --lang en -o trend.svg
          piloteval readiness chart likert --instrument vallingbyteamet-readiness \\
              --unit "Enheten för barn och unga" -o likert.svg

        Labels in Swedish (decimal comma) or English (--lang). Colours are colour-blind
        safe (Okabe–Ito for units, ColorBrewer PuOr for the scale). Units below
        --min-group are not drawn. --format json writes the figures the chart draws
        (the JSON of `readiness summary`, or of `readiness trend` for a trend chart)
        instead of the SVG.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case heatmap, trend, likert }
    /// Local to this command, so that it does not clash with another command's --lang.
    enum ChartLanguage: String, ExpressibleByArgument, CaseIterable {
        case sv, en
        var language: Language { self == .sv ? .sv : .en }
    }

    @Argument(help: "heatmap, trend or likert.") var kind: Kind
    @OptionGroup var options: ReadinessAnalysisOptions
    @Option(help: "The wave (heatmap, likert; default: the latest).") var wave: String?
    @Option(help: "Trend of this scale (default all_items).") var scale: String?
    @Option(help: "Trend of this item instead of a scale.") var item: String?
    @Option(help: "Likert chart of one unit (default: every shown unit pooled).") var unit: String?
    @Option(help: "sv or en.") var lang: ChartLanguage = .sv
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            // The shared options' default (table) means the chart itself, SVG.
            guard options.format != .csv, options.format != .xlsx else {
                throw Failure("readiness chart writes SVG, or with --format json the figures it draws; "
                              + "for CSV or xlsx use `piloteval readiness summary` or `readiness trend` --format \(options.format.rawValue)")
            }
            let (db, instrument) = try readinessContext(database, instrument: options.instrument, readOnly: true)
            let svg: String
            switch kind {
            case .heatmap, .likert:
                let data = try readinessWave(db, instrument: instrument, wave: wave)
                let summary = ReadinessSummary.compute(data, instrument: instrument, minGroup: options.minGroup)
                if let unit, kind == .likert, !summary.units.contains(where: { $0.unit == unit }) {
                    throw Failure("no unit \"\(unit)\" in wave \(data.wave); units: \(summary.units.map(\.unit).joined(separator: ", "))")
                }
                if options.format == .json {
                    try Console.emit(try ResultOutput.json(summary), to: options.output)
                    return
                }
                if kind == .heatmap {
                    svg = ReadinessHeatmap.svg(summary, instrument: instrument, language: lang.language)
                } else {
                    if let unit, !summary.units.contains(where: { $0.unit == unit }) {
                        throw Failure("no unit \"\(unit)\" in wave \(data.wave); units: \(summary.units.map(\.unit).joined(separator: ", "))")
                    }
                    svg = LikertBars.svg(summary, instrument: instrument, unit: unit, language: lang.language)
                }
            case .trend:
                let waves = try ReadinessRepository(db).loadAll(instrument: instrument)
                guard !waves.isEmpty else { throw Failure("no waves of \(instrument.id) in the database") }
                let trend = ReadinessTrend.compute(waves, instrument: instrument, minGroup: options.minGroup)
                if let item, instrument.item(item) == nil {
                    throw Failure("--item \(item) is not in \(instrument.id); items: \(instrument.itemKeys.joined(separator: ", "))")
                }
                if options.format == .json {
                    try Console.emit(try ResultOutput.json(trend), to: options.output)
                    return
                }
                if let item {
                    guard instrument.item(item) != nil else {
                        throw Failure("--item \(item) is not in \(instrument.id); items: \(instrument.itemKeys.joined(separator: ", "))")
                    }
                    svg = ReadinessTrendChart.svg(trend, instrument: instrument, kind: "item", key: item, language: lang.language)
                } else {
                    let key = scale ?? ReadinessScoring.allItemsKey
                    let known = ReadinessScoring.scales(of: instrument).map(\.key)
                    guard known.contains(key) else {
                        throw Failure("--scale \(key) is not a scale of \(instrument.id); scales: \(known.joined(separator: ", "))")
                    }
                    svg = ReadinessTrendChart.svg(trend, instrument: instrument, kind: "scale", key: key, language: lang.language)
                }
            }
            try Console.emit(svg, to: options.output)
        }
    }
}
