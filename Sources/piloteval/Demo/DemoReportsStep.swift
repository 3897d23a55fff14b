import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Reports
import Store

/// Step 6: Vällingbyteamet's three reports (the FoU final report, the steering-group
/// brief, the tertial table) in HTML, DOCX and Markdown, plus the final report's JSON
/// record, verified against the database as `piloteval report verify` does.
enum DemoReportsStep {
    static let model = "vallingbyteamet"
    static let folder = "vallingbyteamet"
    static let formats: [ReportFormat] = [.html, .docx, .markdown]

    /// The prose each kind takes (Datasets/vallingbyteamet/, see its README).
    struct Inputs {
        var text: String?
        var budget: String?
        /// The year the prose and the budget are about, which the report's figures follow.
        var year: String?
    }

    static func inputs(_ kind: ReportKind, datasets: String) -> Inputs {
        let dir = (datasets as NSString).appendingPathComponent(folder) as NSString
        return switch kind {
        case .final: Inputs(text: dir.appendingPathComponent("report-text-2021.md"), budget: dir.appendingPathComponent("budget-2021.csv"),
                            year: "2021")
        case .steering: Inputs(text: dir.appendingPathComponent("steering-text-2021.md"))
        case .tertial: Inputs()
        }
    }

    static func run(_ demo: DemoRun) throws -> [String] {
        demo.progress("writing the final report, steering brief and tertial report")
        do {
            return try write(demo)
        } catch let e as TemplateError { throw Failure(e.description) }
        catch let e as DOCXError { throw Failure(e.message) }
    }

    static func write(_ demo: DemoRun) throws -> [String] {
        let resolved = try ModelCatalog(demo.database).resolveStored(model)
        let strings = try TemplateSet(directory: nil).strings(resolved.model.language)
        var placeholders: [String: [String]] = [:]
        var warnings: [String] = []
        let renderer = ReportRenderer(templates: try TemplateSet(directory: nil), strings: strings,
                                      toolVersion: PilotEval.configuration.version)
        for kind in ReportKind.allCases {
            // One build per kind, rendered in each format: the format is only recorded in
            // the record's parameters (what `report --format` would have written there),
            // and the builders, which compute every figure, run once instead of four times.
            var built = try build(demo, kind: kind, resolved: resolved, strings: strings)
            for format in formats + (kind == .final ? [.json] : []) {
                let name = "\(kind.rawValue).\(format.fileExtension)"
                built.record.parameters.format = format.rawValue
                let target = demo.out.appendingPathComponent("reports/\(name)").path
                let rendered = try renderer.render(built, format: format, outputPath: target)
                for (path, data) in rendered.output.attachments { try demo.write(data, to: "reports/\(path)") }
                try demo.write(rendered.output.data, to: "reports/\(name)")
            }
            placeholders[kind.rawValue] = built.record.sections.filter { $0.content.contains("placeholder") }.map(\.title)
            warnings += built.warnings
        }
        let verified = try verify(demo, "reports/final.json")
        demo.place("reports/{final,steering,tertial}.{html,docx,md}",
                   "FoU final report (LUM), steering-group brief, tertial report per goal; open the .html in a browser")
        demo.place("reports/final.json", "the final report's record: `piloteval report verify` \(verified)")
        return [finding(placeholders: placeholders, warnings: warnings)]
    }

    static func build(_ demo: DemoRun, kind: ReportKind,
                      resolved: (model: LogicModel, document: StoredDocument), strings: ReportStrings) throws -> BuiltReport {
        let files = inputs(kind, datasets: demo.sources.datasets)
        var request = ReportRequest(kind: kind, language: resolved.model.language, format: ReportFormat.html.rawValue,
                                    toolVersion: PilotEval.configuration.version, outputName: "\(kind.rawValue).html")
        if kind == .tertial { request.period = try tertial(demo, modelID: resolved.model.id) }
        // The final report is about the year its text and budget are (2021), not the latest
        // period anything was measured in (the 2023 survey wave, after the pilot ended).
        if let year = files.year { request.period = Period(parsing: year) }
        do {
            if let budget = files.budget {
                request.budget = try Budget.read(path: budget)
                request.budgetFile = .init(path: budget, sha256: try ContentHash.sha256(fileAt: budget))
            }
            if let text = files.text, FileManager.default.fileExists(atPath: text) {
                let matcher = ReportLayout.matcher(kind, strings: strings, model: resolved.model)
                request.text = try SectionText.read(path: text, matcher: matcher)
                request.textFile = .init(path: text, sha256: try ContentHash.sha256(fileAt: text))
            }
            let provenance = ReportRecord.ModelProvenance(id: resolved.document.id, name: resolved.model.name,
                                                          version: resolved.document.version, sha256: resolved.document.sha256)
            return try ReportEngine.build(model: resolved.model, provenance: provenance, request: request,
                                          strings: strings, database: demo.database)
        } catch let e as BudgetError { throw Failure(e.description) }
        catch let e as CSVError { throw Failure(e.description) }
        catch let e as SectionTextError { throw Failure(e.description) }
    }

    /// The tertial the demo's tertial report is for: the last one the case extract
    /// covers whole (it ends on or before the latest extract date: 2022-T3 for the
    /// extract of 2022-12-31), the period a unit would be writing up with this data;
    /// without an extract, the tertial with the most indicator values (the latest of
    /// equals). Not simply the tertial with the most values: the 12-month re-referral
    /// and the Genombrott measures make 2021's tertials fuller, but they are not the
    /// current tertial. Nil (the report's own default) when neither exists.
    static func tertial(_ demo: DemoRun, modelID: String) throws -> Period? {
        let data = try IndicatorData.load(demo.database, modelID: modelID)
        let extract = data.observations.compactMap { $0.computed?.extractDate.flatMap(CalendarDate.init(parsing:)) }.max()
        if let extract {
            let containing = Period(containing: extract, kind: .tertial)
            return containing.end <= extract ? containing : containing.previous
        }
        return IndicatorData.fullestPeriod(data.observations.filter { $0.period.kind == .tertial })
    }

    /// Recomputes every figure of the JSON record and checks the HTML, DOCX and Markdown
    /// beside it, as `piloteval report verify` does.
    static func verify(_ demo: DemoRun, _ relative: String) throws -> String {
        let url = demo.out.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Failure("cannot read \(url.path)") }
        do {
            let outcome = try ReportVerifier.verify(try JSONWriter.read(data, name: url.path), database: demo.database,
                                                    reportPath: url.path)
            guard outcome.differences.isEmpty else {
                outcome.differences.forEach { Console.error("\(url.path): \($0)") }
                throw Failure("the demo's own final report does not verify: \(outcome.differences.count) figure(s) differ")
            }
            let names = outcome.documentsChecked.map { URL(fileURLWithPath: $0).lastPathComponent }
            let documents = names.isEmpty ? "" : "; so do " + ListWords.joined(names, and: "and")
            return "agrees on all \(outcome.figuresChecked) figures" + documents
        } catch let e as VerifyError { throw Failure(e.message) }
    }

    static func finding(placeholders: [String: [String]], warnings: [String]) -> String {
        let open = (placeholders["final"] ?? []).count + (placeholders["steering"] ?? []).count
        var line = "Reports: final, steering and tertial in HTML, DOCX and Markdown; "
            + "\(open) section\(open == 1 ? "" : "s") of the final and steering reports still show a placeholder"
        if warnings.contains(where: { $0.contains("differ") }) { line += "; the budget's income and costs differ (flagged)" }
        return line
    }
}
