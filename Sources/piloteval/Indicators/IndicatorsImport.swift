import ArgumentParser
import Evaluation
import Store

struct IndicatorsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an observations CSV for a model (one transaction; the same file twice is refused).",
        discussion: """
        Columns: indicator, period, group (total, girls, boys, …), value, numerator,
        denominator, note — `;` or `,`, decimal comma or point, UTF-8 or Windows-1252.
        A file with any error imports nothing and every error is listed with its line.
        Consistency warnings (parts that do not sum to the total, a total outside its
        parts, a percentage outside 0–100, a period outside the model's) are stored
        with the data and shown by `indicators status`.

          piloteval indicators import \\
              Datasets/seeds-observations/familjeenheten-2022.csv \\
              --model familjeenheten-2022
          piloteval indicators import tertial1.csv --model Models/vallingbyteamet.yaml
          piloteval imports undo 3      # take an import back
        """
    )

    @Argument(help: "The observations file (CSV or .xlsx).") var file: String
    @Option(help: ArgumentHelp("The sheet of an .xlsx file (default: the first).", valueName: "name")) var sheet: String?
    @Option(help: "The model: a stored id, or a YAML path (validated and stored first).") var model: String
    @Option(help: "table, or json: the import's record as `imports list --format json` shows it.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let (db, versioned) = try resolveModel(model, in: database)
            let reader: CSVReader
            do {
                reader = try CSVReader(path: file, sheet: sheet)
            } catch let e as CSVError {
                throw Failure(e.description)
            }
            do {
                let summary = try IndicatorImporter(db).importFile(reader, model: versioned)
                CLIChanges.record(db, action: "import", pilot: versioned.model.id, subject: "import \(summary.record.id)",
                                  detail: "indicators: \(summary.record.fileName)")
                // Rows outside the model's period are usually history (last year's values for
                // comparison), so they get one summary line rather than one line each.
                let outside = summary.warnings.filter { $0.kind == .periodOutsideModel }
                // A row of a sheet is shown as Excel names it (`Blad1!5:5`).
                func at(_ line: Int) -> String { reader.sheet?.reference(row: line, field: nil) ?? String(line) }
                for w in summary.warnings where w.kind != .periodOutsideModel {
                    Console.error("warning: \(file):\(at(w.lines.first ?? 0)): \(w.message)"
                                  + (w.lines.count > 1 ? " (lines \(w.lines.map(String.init).joined(separator: ", ")))" : ""))
                }
                if let note = reader.noDataNote { Console.error("warning: " + note) }   // `-`, `..`, `saknas` read as blank
                if let range = versioned.model.period, !outside.isEmpty {
                    let rows = outside.map { "\($0.lines.first ?? 0) (\($0.indicator) \($0.period))" }
                    Console.error("warning: \(file): \(outside.count) row(s) lie outside the model's period \(range.start)–\(range.end) "
                                  + "and have no target or baseline there; kept (check the year where it is a typo): lines "
                                  + rows.joined(separator: ", "))
                }
                let line = "imported \(summary.rows) rows from \(IdentityNumberScanner.masking(file)) for \(summary.modelID) (model version \(summary.modelVersion)) "
                    + "as import \(summary.record.id): \(summary.indicators.count) indicators, periods "
                    + summary.periods.joined(separator: ", ")
                    + (summary.warnings.isEmpty ? "" : "; \(summary.warnings.count) warning(s) kept with the data")
                if format == .json {
                    Console.error(line)   // stdout is the machine's
                    print(try ResultOutput.json(ImportListing(summary.record)), terminator: "")
                } else {
                    print(line)
                }
            } catch let e as ObservationFileError {
                let shown = e.errors.prefix(50)
                for error in shown { Console.error("error: " + error.description) }
                if e.errors.count > shown.count { Console.error("… and \(e.errors.count - shown.count) more") }
                throw Failure("\(e.errors.count) error(s) in \(file); nothing was imported")
            } catch let e as ImportLogError {
                throw Failure(e.description)
            }
        }
    }
}
