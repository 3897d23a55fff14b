import ArgumentParser
import Evaluation
import Foundation

struct ReadinessGapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Gaps between items within each unit (paired t) and between units on each item (ANOVA, Welch).",
        discussion: """
          piloteval readiness gaps --instrument vallingbyteamet-readiness \\
              --wave 2022-03 \\
              --items understand_why,know_what_it_means_for_me
          piloteval readiness gaps --instrument vallingbyteamet-readiness \\
              --items follow_individual_possible
          piloteval readiness gaps --instrument vallingbyteamet-readiness \\
              --format json --correction bh

        Within units: every pair of the chosen items (default: all items), paired over
        the respondents who answered both; effect size d_z. Between units: one-way and
        Welch ANOVA with η² and ω², then Welch t between each pair of units. Every
        family of tests is corrected (default Holm) and the output says over how many.
        An aggregated wave (unit means only) gets differences of means, no tests.
        """
    )

    @OptionGroup var options: ReadinessAnalysisOptions
    @Option(help: "The wave (default: the latest).") var wave: String?
    @Option(help: ArgumentHelp("Items to compare, comma-separated (default: all).", valueName: "keys")) var items: String?
    @Option(help: "holm, bh or none.") var correction: ReadinessCorrection = .holm
    @OptionGroup var csv: CSVDialectOption
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let (db, instrument) = try readinessContext(database, instrument: options.instrument, readOnly: true)
            var chosen: [String]?
            if let items {
                let keys = items.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let unknown = keys.filter { instrument.item($0) == nil }
                guard unknown.isEmpty else {
                    throw Failure("--items: \(unknown.joined(separator: ", ")) not in \(instrument.id); its items are \(instrument.itemKeys.joined(separator: ", "))")
                }
                chosen = keys
            }
            let data = try readinessWave(db, instrument: instrument, wave: wave)
            let gaps = ReadinessGaps.compute(data, instrument: instrument, items: chosen, minGroup: options.minGroup,
                                             correction: correction)
            if options.format == .xlsx {
                return try csv.xlsx(ReadinessTables.gapsRows(gaps), .readiness, sheet: "Gaps", to: options.output)
            }
            let text: String
            switch options.format {
            case .json: text = try ResultOutput.json(gaps)
            case .csv: text = csv.csv(ReadinessTables.gapsRows(gaps), .readiness)
            case .table, .xlsx: text = ReadinessTables.gaps(gaps)
            }
            try Console.emit(text, to: options.output)
        }
    }
}
