import ArgumentParser
import Foundation
import Presentation
import Reports

struct ReportVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every figure of a report's JSON from the database, check the documents beside it; exit 1 and list any that differ.",
        discussion: """
          piloteval report --model vallingbyteamet --kind final --format json \\
              --budget budget.csv -o rapport.json
          piloteval report verify rapport.json

        Checks the model version by its content hash, that every data file the report
        names is still imported with the same hash, the budget file (a relative path is
        looked for from here, then beside the report; a budget that cannot be found is
        an error, exit 1), and every result value, recomputed with the report's own
        parameters. The documents written beside it with the same name (rapport.html,
        rapport.docx, rapport.md) are read too: every figure the record publishes must
        be in them, and every table cell must hold the record's numbers; a difference
        names the section, the table, the row (indicator, outcome or unit by its title)
        and the column. --format json writes {"file", "figures_checked", "differences":
        [{"path", "reported", "recomputed", "document"}], "documents_checked",
        "missing_files", "notes", "verified"}.
        """
    )

    @Argument(help: "A report written with --format json.")
    var file: String

    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            guard let data = FileManager.default.contents(atPath: file) else { throw Failure("cannot read \(file)") }
            let outcome: ReportVerifier.Outcome
            do {
                let record = try JSONWriter.read(data, name: file)
                outcome = try ReportVerifier.verify(record, database: try openDatabase(database, readOnly: true), reportPath: file)
            } catch let e as VerifyError { throw Failure(e.message) }
            for note in outcome.notes { Console.error("note: " + note) }
            if format == .json { print(try ResultOutput.json(VerifyListing(file: file, outcome)), terminator: "") }
            for missing in outcome.missingFiles { Console.error("\(file): " + missing) }
            if outcome.differences.isEmpty && outcome.missingFiles.isEmpty {
                let documents = outcome.documentsChecked.isEmpty ? ""
                    : ", and " + outcome.documentsChecked.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
                        + " show" + (outcome.documentsChecked.count == 1 ? "s" : "") + " the record's figures"
                Console.error("\(file): all \(outcome.figuresChecked) figures agree with the database\(documents)")
                return
            }
            for d in outcome.differences { Console.error("\(file): \(d)") }
            if outcome.differences.isEmpty {
                throw Failure("\(outcome.missingFiles.count) file(s) the report was made from cannot be found, so it is not verified; "
                              + "the \(outcome.figuresChecked) figures checked agree with the database")
            }
            let inDocuments = outcome.differences.filter { $0.document != nil }.count
            let inRecord = outcome.differences.count - inDocuments
            var parts: [String] = []
            if inRecord > 0 { parts.append("\(inRecord) of \(outcome.figuresChecked) figures differ from what the database gives now") }
            if inDocuments > 0 { parts.append("\(inDocuments) figure(s) of the documents beside it differ from the record") }
            if !outcome.missingFiles.isEmpty { parts.append("\(outcome.missingFiles.count) file(s) the report was made from cannot be found") }
            throw Failure(parts.joined(separator: "; and "))
        }
    }
}

/// The JSON of `report verify --format json`. `verified` is true only when every figure
/// agrees and every file was found: the same condition as exit status 0.
private struct VerifyListing: Encodable {
    struct Difference: Encodable { let path, reported, recomputed: String; let document: String? }
    let file: String
    let verified: Bool
    let figuresChecked: Int
    let differences: [Difference]
    let documentsChecked: [String]
    let missingFiles: [String]
    let notes: [String]

    init(file: String, _ o: ReportVerifier.Outcome) {
        self.file = file
        verified = o.differences.isEmpty && o.missingFiles.isEmpty
        figuresChecked = o.figuresChecked
        differences = o.differences.map { Difference(path: $0.path, reported: $0.reported, recomputed: $0.recomputed, document: $0.document) }
        documentsChecked = o.documentsChecked
        missingFiles = o.missingFiles
        notes = o.notes
    }

    enum CodingKeys: String, CodingKey {
        case file, verified, differences, notes
        case figuresChecked = "figures_checked", missingFiles = "missing_files", documentsChecked = "documents_checked"
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
