import ArgumentParser
import Evaluation
import LogicModel
import Store

struct ReadinessImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import one wave of survey answers (or, with --aggregated, unit means).",
        discussion: """
        Respondent-level: respondent,unit[,wave],<item keys…>, one row per respondent,
        whole numbers on the instrument's scale, blank = no answer. Aggregated (a table
        of unit means, like the March 2021 report): unit[,wave][,n],<item keys…>.
        `;` or `,`, decimal comma or point, UTF-8 or Windows-1252 (docs/csv-input.md).

          piloteval readiness import svar-2022.csv \\
              --instrument vallingbyteamet-readiness --wave 2022-03
          piloteval readiness import Datasets/vallingbyteamet/readiness-2021-03.csv \\
              --instrument Models/instruments/vallingbyteamet-readiness.yaml \\
              --wave 2021-03 --aggregated

        The whole file is checked first; any problem (a value off the scale, a wave
        column that disagrees with --wave, an unknown column) is reported with its line
        and column and nothing is imported. The same file is never imported twice;
        `piloteval imports undo ID` takes an import back.
        """
    )

    @Argument(help: "The responses file (CSV or .xlsx).") var file: String
    @Option(help: ArgumentHelp("The sheet of an .xlsx file (default: the first).", valueName: "name")) var sheet: String?
    @Option(help: ArgumentHelp("The instrument: the id of a stored one, or a YAML file (stored first).", valueName: "id-or-path"))
    var instrument: String
    @Option(help: "The wave this file holds, e.g. 2022-03 (free text; YYYY-MM sorts in time order).") var wave: String
    @Flag(help: "The file holds unit means only (one row per unit), not answers.") var aggregated = false
    @Option(help: "table, or json: the import's record as `imports list --format json` shows it.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let (db, instrument) = try readinessContext(database, instrument: instrument)
            do {
                let outcome = try ReadinessImporter(db).importFile(path: file, instrument: instrument, wave: wave,
                                                                  aggregated: aggregated, sheet: sheet)
                CLIChanges.record(db, action: "import", pilot: nil, subject: "import \(outcome.record.id)",
                                  detail: "readiness: \(outcome.record.fileName), \(instrument.id) wave \(wave)")
                outcome.warnings.forEach { Console.error("warning: " + $0) }
                let what = aggregated ? "\(outcome.rows) unit(s) of means (aggregated wave)" : "\(outcome.rows) respondent(s)"
                Console.error("imported \(file) as import \(outcome.record.id): \(what) in \(outcome.units.count) unit(s), \(instrument.id) wave \(wave)")
                if format == .json { print(try ResultOutput.json(ImportListing(outcome.record)), terminator: "") }
            } catch let e as ReadinessImportError {
                e.problems.forEach { Console.error($0.description) }
                if e.omitted > 0 { Console.error("… and \(e.omitted) more problem(s)") }
                throw Failure("\(file): \(e.problems.count + e.omitted) problem(s); nothing was imported")
            } catch let e as ImportLogError {
                throw Failure(e.description)
            }
        }
    }
}
