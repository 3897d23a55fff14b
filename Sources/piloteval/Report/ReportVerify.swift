import ArgumentParser
import Foundation
import Reports

struct ReportVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every figure of a report's JSON from the database; exit 1 and list any that differ.",
        discussion: """
          piloteval report --model vallingbyteamet --kind final --format json \\
              --budget budget.csv -o rapport.json
          piloteval report verify rapport.json

        Checks the model version by its content hash, that every data file the report
        names is still imported with the same hash, the budget file if it is still
        there, and every result value, recomputed with the report's own parameters.
        """
    )

    @Argument(help: "A report written with --format json.")
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            guard let data = FileManager.default.contents(atPath: file) else { throw Failure("cannot read \(file)") }
            let outcome: ReportVerifier.Outcome
            do {
                let record = try JSONWriter.read(data, name: file)
                outcome = try ReportVerifier.verify(record, database: try openDatabase(database, readOnly: true))
            } catch let e as VerifyError { throw Failure(e.message) }
            for note in outcome.notes { Console.error("note: " + note) }
            if outcome.differences.isEmpty {
                Console.error("\(file): all \(outcome.figuresChecked) figures agree with the database")
                return
            }
            for d in outcome.differences { Console.error("\(file): \(d)") }
            throw Failure("\(outcome.differences.count) of \(outcome.figuresChecked) figures differ from what the database gives now")
        }
    }
}

struct ReportTemplates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Write the default report templates into a folder, to edit and use with --templates.",
        discussion: """
          piloteval report templates mina-mallar
          # edit mina-mallar/strings.sv.txt, report.css, cover.html.mustache,
          # docx-styles.xml …
          piloteval report --model vallingbyteamet --kind final --format html \\
              --templates mina-mallar -o rapport.html

        Existing files are never overwritten. A file you delete falls back to the
        default.
        """
    )

    @Argument(help: "Folder to write the templates into (created if needed).")
    var directory: String

    func run() throws {
        try reportingFailures {
            do {
                for path in try TemplateSet.writeDefaults(to: directory) { print(path) }
            } catch let e as TemplateError { throw Failure(e.description) }
        }
    }
}
