import ArgumentParser
import Evaluation

struct IndicatorsStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Each indicator against its targets in one period, and each goal's assessment.",
        discussion: """
        Per indicator: value (with boys/girls or other breakdowns), the previous
        period, the change (percentage points for percentages), the unit's target and
        the city's (KF:s årsmål), the status (met, not_met, no_data, no_comparison,
        not_assessed) and a Wilson 95 % CI where counts were given. A year target read
        against a tertial is labelled an interim reading. Per goal: the computed
        assessment (all met → fully_met, some → partly_met, none → not_met) beside the
        one the unit recorded, with its justification.

          piloteval indicators status --model familjeenheten-2022
          piloteval indicators status --model forebyggande-och-behandling-2022 \\
              --period 2021
          piloteval indicators status --model familjeenheten-2022 --format json \\
              -o status.json
          piloteval indicators status --model familjeenheten-2022 --format csv
        """
    )

    @Option(help: "The model: a stored id, or a YAML path (validated and stored first).") var model: String
    @Option(help: "2022, 2022-T1, 2022-Q1 or 2022-03 (default: the latest period with data).") var period: String?
    @Option(help: "table, json, csv or xlsx (a workbook: needs -o FILE.xlsx).") var format: IndicatorFormat = .table
    @Option(name: .short, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var output: String?
    @OptionGroup var csv: CSVDialectOption
    @OptionGroup var database: DatabaseOptions

    func validate() throws { _ = try parsePeriodOption(period) }

    func run() throws {
        try reportingFailures {
            let (db, versioned) = try resolveModel(model, in: database, readOnly: true)
            let data = try IndicatorData.load(db, modelID: versioned.model.id)
            guard let report = IndicatorStatusAnalysis.compute(
                model: versioned.model, modelVersion: versioned.version, observations: data.observations,
                warnings: data.warnings, period: try parsePeriodOption(period), earlierVersions: data.versions,
                unavailable: data.unavailable)
            else {
                throw Failure("no observations stored for \(versioned.model.id); import some first: "
                              + "piloteval indicators import FILE.csv --model \(versioned.model.id)")
            }
            if format == .xlsx {
                return try csv.xlsx(IndicatorRendering.statusRows(report), .indicators, sheet: "Status", to: output)
            }
            let text: String = switch format {
            case .json: try ResultOutput.json(report)
            case .csv: csv.csv(IndicatorRendering.statusRows(report), .indicators)
            case .table, .xlsx: IndicatorRendering.statusTable(report)
            }
            try Console.emit(text, to: output)
        }
    }
}
