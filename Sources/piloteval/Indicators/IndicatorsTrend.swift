import ArgumentParser
import Evaluation

struct IndicatorsTrend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Each indicator across every period, with its target line (for charts and reports).",
        discussion: """
        Every period with an observation, the model's baseline, or a target, in order;
        the change since the previous period and the status against the target of that
        period. JSON and CSV carry the target line (`target_low`/`target_high`).

          piloteval indicators trend --model forebyggande-och-behandling-2022
          piloteval indicators trend --model forebyggande-och-behandling-2022 \\
              --indicator I10 --format csv
        """
    )

    @Option(help: "The model: a stored id, or a YAML path (validated and stored first).") var model: String
    @Option(help: "Only this indicator id.") var indicator: String?
    @Option(help: "table, json, csv or xlsx (a workbook: needs -o FILE.xlsx).") var format: IndicatorFormat = .table
    @Option(name: .short, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var output: String?
    @OptionGroup var csv: CSVDialectOption
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let (db, versioned) = try resolveModel(model, in: database, readOnly: true)
            if let indicator, !versioned.model.indicators.contains(where: { $0.id == indicator }) {
                throw Failure("indicator \"\(indicator)\" is not in model \(versioned.model.id); its indicators are "
                              + versioned.model.indicators.map(\.id).joined(separator: ", "))
            }
            let data = try IndicatorData.load(db, modelID: versioned.model.id)
            let report = IndicatorTrendAnalysis.compute(
                model: versioned.model, modelVersion: versioned.version, observations: data.observations,
                indicator: indicator, earlierVersions: data.versions)
            if format == .xlsx {
                return try csv.xlsx(IndicatorRendering.trendRows(report), .indicators, sheet: "Trend", to: output)
            }
            let text: String = switch format {
            case .json: try ResultOutput.json(report)
            case .csv: csv.csv(IndicatorRendering.trendRows(report), .indicators)
            case .table, .xlsx: IndicatorRendering.trendTable(report)
            }
            try Console.emit(text, to: output)
        }
    }
}
