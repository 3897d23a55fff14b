import ArgumentParser
import Evaluation

struct ReadinessTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Each unit's items and scales across waves, with the change since the previous wave.",
        discussion: """
          piloteval readiness trend --instrument vallingbyteamet-readiness
          piloteval readiness trend --instrument vallingbyteamet-readiness \\
              --scales-only
          piloteval readiness trend --instrument vallingbyteamet-readiness \\
              --format csv -o trend.csv

        A change between two respondent-level waves has a 95 % CI and a Welch t test
        (independent samples: an anonymous survey cannot follow a person); p-values are
        corrected over every tested change (--correction, default holm). A change to or
        from an aggregated wave (unit means only) is descriptive, and marked so.
        """
    )

    @OptionGroup var options: ReadinessAnalysisOptions
    @Option(help: "holm, bh or none.") var correction: ReadinessCorrection = .holm
    @Flag(help: "Show only the scale scores in the table (JSON and CSV always hold everything).") var scalesOnly = false
    @OptionGroup var csv: CSVDialectOption
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let (db, instrument) = try readinessContext(database, instrument: options.instrument, readOnly: true)
            let waves = try ReadinessRepository(db).loadAll(instrument: instrument)
            guard !waves.isEmpty else {
                throw Failure("no waves of \(instrument.id) in the database; import some first with `piloteval readiness import`")
            }
            let trend = ReadinessTrend.compute(waves, instrument: instrument, minGroup: options.minGroup, correction: correction)
            if options.format == .xlsx {
                return try csv.xlsx(ReadinessTables.trendRows(trend), .readiness, sheet: "Trend", to: options.output)
            }
            let text: String
            switch options.format {
            case .json: text = try ResultOutput.json(trend)
            case .csv: text = csv.csv(ReadinessTables.trendRows(trend), .readiness)
            case .table, .xlsx: text = ReadinessTables.trend(trend, scalesOnly: scalesOnly)
            }
            try Console.emit(text, to: options.output)
        }
    }
}
