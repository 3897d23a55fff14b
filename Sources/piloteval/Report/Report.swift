import ArgumentParser
import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Reports
import Store

/// `piloteval report`: build a report (the default subcommand), verify one, or write
/// out the templates.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the FoU final report, the steering-group brief or the tertial report; verify a report's figures.",
        discussion: """
          piloteval report --model vallingbyteamet --kind final --format html \\
              --text Datasets/vallingbyteamet/report-text-2021.md \\
              --budget Datasets/vallingbyteamet/budget-2021.csv -o slutrapport.html
          piloteval report --model vallingbyteamet --kind final --format json \\
              --budget Datasets/vallingbyteamet/budget-2021.csv -o slutrapport.json
          piloteval report verify slutrapport.json
          piloteval report templates mallar   # edit them, then add --templates mallar

        See docs/reports.md for the kinds, formats, the budget CSV and the text file.
        """,
        subcommands: [ReportBuild.self, ReportVerify.self, ReportTemplates.self],
        defaultSubcommand: ReportBuild.self
    )
}

extension ReportKind: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}

struct ReportBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a report (the default: `piloteval report --model …` is `piloteval report build --model …`).",
        discussion: """
          piloteval report --model vallingbyteamet --kind final --format html \\
              --text Datasets/vallingbyteamet/report-text-2021.md \\
              --budget Datasets/vallingbyteamet/budget-2021.csv -o slutrapport.html
          piloteval report --model vallingbyteamet --kind steering --format pdf \\
              --since förra.json -o styrgrupp.pdf
          piloteval report --model vallingbyteamet --kind tertial --period 2021-T3 \\
              --format docx -o tertial.docx

        Sections the text file lacks are listed on stderr; the document says in one
        line that they are not written yet (with --draft, a marked "to be written" box). DOCX and PDF need -o. PDF needs headless Chromium.
        """
    )

    @Option(help: "Model id, or a path to a model file.")
    var model: String

    @Option(help: "final (FoU final report, LUM), steering (two-page brief) or tertial (indicator table per goal).")
    var kind: ReportKind

    @Option(help: "html, markdown, docx, pdf or json.")
    var format: ReportFormat

    @Option(help: "Report language, sv or en (default: the model's).")
    var lang: Language?

    @Option(help: ArgumentHelp("public (the default: small counts suppressed) or internal (small counts shown, every page marked not to be spread).",
                               valueName: "audience"))
    var audience: Audience = .public

    @Option(help: "Markdown file with the prose: one section per heading, cover fields in front matter.")
    var text: String?

    @Option(help: "CSV or .xlsx with the budget lines (section,line,amount) for the final report.")
    var budget: String?

    @Option(help: ArgumentHelp("The sheet of an .xlsx --budget (default: the first).", valueName: "name"))
    var budgetSheet: String?

    @Option(help: "Folder of templates to use instead of the defaults (see `report templates`).")
    var templates: String?

    @Option(help: "The previous report's JSON, for the steering brief's \"what changed\".")
    var since: String?

    @Flag(help: "A draft for the author: sections without text and data not yet loaded show as marked boxes saying what to add (default: a neutral line that the section is not written yet).")
    var draft = false

    @Option(help: "Reporting period (2021, 2021-T3, …); default: the latest the data or targets name.")
    var period: String?

    @Option(name: .shortAndLong, help: "Write to this file (required for docx and pdf).")
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            if format.isBinary && output == nil {
                throw Failure("--format \(format.rawValue) writes a binary file; give -o FILE.\(format.fileExtension)")
            }
            let templateSet: TemplateSet
            do { templateSet = try TemplateSet(directory: templates) } catch let e as TemplateError { throw Failure(e.description) }

            let db = try openDatabase(database, readOnly: !ModelCatalog.isPath(model))
            let resolved: (model: LogicModel, document: StoredDocument)
            do {
                resolved = try ModelCatalog(db).resolveStored(model)
            } catch let failure as ValidationFailure {
                for d in failure.diagnostics { Console.error(d.description) }
                throw Failure("\(model) has \(failure.errors.count) error(s)")
            } catch let error as CatalogError {
                throw Failure(error.message)
            }
            let language = lang ?? resolved.model.language
            let strings: ReportStrings
            do { strings = try templateSet.strings(language) } catch let e as TemplateError { throw Failure(e.description) }

            var request = ReportRequest(kind: kind, language: language, format: format.rawValue,
                                        suppression: SuppressionRule(audience: audience),
                                        toolVersion: PilotEval.configuration.version,
                                        outputName: output.map { ($0 as NSString).lastPathComponent }, draft: draft)
            request.templatesDirectory = templates
            if let period {
                guard let p = Period(parsing: period) else {
                    throw Failure("--period \(period) is not a period; write 2021, 2021-T1, 2021-Q2 or 2021-03")
                }
                request.period = p
            }
            if let budget {
                guard kind == .final else { throw Failure("--budget belongs to the final report (--kind final)") }
                do { request.budget = try Budget.read(path: budget, sheet: budgetSheet) }
                catch let e as BudgetError { throw Failure(e.description) }
                catch let e as CSVError { throw Failure(e.description) }
                request.budgetFile = .init(path: budget, sha256: try ContentHash.sha256(fileAt: budget))
            }
            if let text {
                let matcher = ReportLayout.matcher(kind, strings: strings, model: resolved.model)
                do { request.text = try SectionText.read(path: text, matcher: matcher) }
                catch let e as SectionTextError { throw Failure(e.description) }
                request.textFile = .init(path: text, sha256: try ContentHash.sha256(fileAt: text))
            }
            if let since {
                guard let data = FileManager.default.contents(atPath: since) else { throw Failure("cannot read \(since)") }
                do { request.since = try JSONWriter.read(data, name: since) } catch let e as VerifyError { throw Failure(e.message) }
                request.sinceFile = .init(path: since, sha256: ContentHash.sha256(data))
            }

            let provenance = ReportRecord.ModelProvenance(id: resolved.document.id, name: resolved.model.name,
                                                          version: resolved.document.version, sha256: resolved.document.sha256)
            let built: BuiltReport
            do {
                built = try ReportEngine.build(model: resolved.model, provenance: provenance, request: request,
                                               strings: strings, database: db)
            } catch let e as BudgetError { throw Failure(e.description) }
            catch let e as ReportRequestError { throw Failure(e.description) }

            let renderer = ReportRenderer(templates: templateSet, strings: strings, toolVersion: PilotEval.configuration.version)
            let rendered: (output: ReportOutput, warnings: [String])
            do { rendered = try renderer.render(built, format: format, outputPath: output) }
            catch let e as PDFError { throw Failure(e.message) }
            catch let e as TemplateError { throw Failure(e.description) }
            catch let e as DOCXError { throw Failure(e.message) }

            try write(rendered.output)
            for w in built.warnings + rendered.warnings { Console.error("warning: " + w) }
            for line in built.disclosure { Console.error("disclosure control: " + line) }
            if !built.generatedText.isEmpty {
                let source = text.map { "missing from \($0)" } ?? "no --text given"
                Console.error("compiled from the results (\(source)); edit and confirm by writing the section: "
                    + built.generatedText.joined(separator: "; "))
            }
            if !built.missingText.isEmpty {
                let source = text.map { "missing from \($0)" } ?? "no --text given"
                let shown = draft ? "shown as draft boxes" : "shown as 'not written yet', or left out of the brief (--draft shows what to write)"
                Console.error("to be written (\(source)), \(shown): " + built.missingText.joined(separator: "; "))
            }
        }
    }

    /// The main file atomically, then the figures beside it (Markdown).
    func write(_ out: ReportOutput) throws {
        guard let output else {
            FileHandle.standardOutput.write(out.data)
            return
        }
        let url = URL(fileURLWithPath: output)
        let folder = url.deletingLastPathComponent()
        do {
            for (path, data) in out.attachments {
                let target = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputFile.write(data, to: target)
            }
            try OutputFile.write(out.data, to: url)
        } catch {
            throw Failure("cannot write \(output): \(error.localizedDescription)")
        }
    }
}
