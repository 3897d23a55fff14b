import ArgumentParser
import Evaluation

struct ReadinessSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "One wave per unit and item: n, mean, SD, 95 % CI, share agreeing, scales, alpha, ICC, r_wg(J), verdict.",
        discussion: """
          piloteval readiness summary --instrument vallingbyteamet-readiness \\
              --wave 2022-03
          piloteval readiness summary --instrument vallingbyteamet-readiness \\
              --format json -o summary.json
          piloteval readiness summary --instrument vallingbyteamet-readiness \\
              --format csv --min-group 10

        Without --wave, the latest wave. Units with fewer respondents than --min-group
        (default 5) are shown as "<5" with every figure withheld. An aggregated wave
        (unit means only) has no SD, CI, alpha or agreement, and says so.
        """
    )

    @OptionGroup var options: ReadinessAnalysisOptions
    @Option(help: "The wave (default: the latest).") var wave: String?
    @OptionGroup var csv: CSVDialectOption
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let (db, instrument) = try readinessContext(database, instrument: options.instrument, readOnly: true)
            let data = try readinessWave(db, instrument: instrument, wave: wave)
            let summary = ReadinessSummary.compute(data, instrument: instrument, minGroup: options.minGroup)
            if options.format == .xlsx {
                return try csv.xlsx(ReadinessTables.summaryRows(summary), .readiness, sheet: "Summary", to: options.output)
            }
            let text: String
            switch options.format {
            case .json: text = try ResultOutput.json(summary)
            case .csv: text = csv.csv(ReadinessTables.summaryRows(summary), .readiness)
            case .table, .xlsx: text = ReadinessTables.summary(summary, instrument: instrument)
            }
            try Console.emit(text, to: options.output)
        }
    }
}
