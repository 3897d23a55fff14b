import ArgumentParser
import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Store

struct CasesImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a case extract (CSV) for a model, in one transaction.",
        discussion: """
        Reads the extract as it comes (`;` or `,`, decimal comma, UTF-8 with or without
        BOM, Windows-1252; dates 2021-03-05 or 20210305). Without --map the default
        column names of docs/cases.md are recognised (case_id, person_id, cohort, unit,
        area, gender, birth_year, referral_date, …); a mapping file names your export's
        columns. Cases whose cohort is the model's `cohorts.pilot` are the pilot.

        A column holding personnummer or samordningsnummer is refused unless --key-file
        is given; then every number is replaced by a pseudonym (HMAC-SHA256) and never
        stored. Open cases are censored at --extract-date (default: the latest date in
        the file).

          piloteval cases import \\
              Datasets/vallingbyteamet/synthetic-cases-2022-12-31.csv \\
              --model vallingbyteamet \\
              --map Datasets/vallingbyteamet/synthetic-cases-mapping.yaml
          piloteval cases import utdrag.csv --model vallingbyteamet \\
              --key-file vallingby.key --extract-date 2022-08-31
          piloteval imports list
        """
    )

    @Argument(help: "The case extract (CSV or .xlsx).") var file: String
    @Option(help: ArgumentHelp("The sheet of an .xlsx file (default: the first).", valueName: "name")) var sheet: String?
    @Option(help: "The model: a stored model's id, or a YAML path (stored first).") var model: String
    @Option(name: .customLong("map"), help: "Mapping file (schema: piloteval/case-mapping/v1) naming the extract's columns.")
    var mapping: String?
    @Option(help: "Pseudonymisation key file (from `piloteval key create`); needed when the extract holds identity numbers.")
    var keyFile: String?
    @Option(help: "Censor open cases at this date, YYYY-MM-DD (default: the latest date in the file).")
    var extractDate: String?
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            var censor: CalendarDate?
            if let extractDate {
                switch CalendarDate.parse(extractDate) {
                case .value(let d): censor = d
                case .empty: throw Failure("--extract-date is blank; give YYYY-MM-DD")
                case .invalid(let reason): throw Failure("--extract-date: \(reason)")
                }
            }
            do {
                let db = try openDatabase(database)
                let resolved = try ModelCatalog(db).resolve(model)
                let map = try mapping.map { try CaseMapping.read(path: $0) }
                var key: PseudonymKey?
                if let keyFile {
                    key = try PseudonymKey.read(path: keyFile)   // refuses a key others may read
                    if PseudonymKey.isBeside(database: database.path, keyPath: keyFile) {
                        Console.error("warning: \(keyFile) is in the same folder as the database \(database.path); anyone with both can recover the identity numbers. Move the key to a folder of its own (docs/cases.md, \"Key files\")")
                    }
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
                let progress = ImportProgress(label: file, totalBytes: size)
                let request = CaseImportRequest(path: file, model: resolved, mapping: map, key: key,
                                                extractDate: censor, today: Self.today(), sheet: sheet)
                let summary = try CaseImporter(db).run(request, progress: progress?.update)
                progress?.finish()
                CLIChanges.record(db, action: "import", pilot: resolved.id, subject: "import \(summary.importID)", detail: "cases")
                for w in summary.warnings { Console.error("warning: " + w) }
                switch format {
                case .json: print(try ResultOutput.json(summary), terminator: "")
                case .table: print(Self.table(summary), terminator: "")
                }
            } catch let e as ValidationFailure {
                for d in e.diagnostics { Console.error(d.description) }
                throw Failure("nothing was imported")
            } catch let e as CSVError {
                throw Failure(e.description)
            } catch let e as ImportLogError {
                throw Failure(e.description)
            } catch let e as CaseImportError {
                throw Failure(e.description)
            } catch let e as CatalogError {
                throw Failure(e.description)
            } catch let e as PseudonymKeyError {
                throw Failure(e.description)
            } catch let e as DatabaseError {
                throw Failure("\(file): \(e.description); nothing was imported")
            }
        }
    }

    static func today() -> CalendarDate { .today() }

    static func table(_ s: CaseImportSummary) -> String {
        PlainTextWriter().render(s.blocks(style: .terminal))
    }
}
