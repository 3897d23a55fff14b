import ArgumentParser
import Evaluation
import LogicModel
import Presentation

enum ModelFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json, mermaid, dot, svg, logframe, table
}

struct ModelShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Render a stored model (or a file) as Markdown, JSON, Mermaid, DOT, SVG, a logframe matrix or a terminal table.",
        discussion: """
          piloteval model show vallingbyteamet
          piloteval model show vallingbyteamet --format svg -o chain.svg
          piloteval model show vallingbyteamet --format dot | dot -Tpng -o chain.png
          piloteval model show Models/vallingbyteamet.yaml --format logframe
          piloteval model show vallingbyteamet --format table

        --format table prints the logical framework as the final report shows it (its
        blocks, in the model's language), laid out for a terminal 120 columns wide.

        A value containing / or ending in .yaml is a file (validated and stored first);
        anything else is the id of a stored model (latest version unless --version).
        """
    )

    @Argument(help: "Model id, or a path to a model file.")
    var model: String

    @Option(help: "Output format: \(ModelFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ModelFormat = .markdown

    @Option(help: "A stored version instead of the latest.")
    var version: Int?

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let catalog = ModelCatalog(try openDatabase(database, readOnly: !ModelCatalog.isPath(model)))
            let resolved: LogicModel
            do {
                resolved = try catalog.resolve(model, version: version)
            } catch let failure as ValidationFailure {
                for d in failure.diagnostics { Console.error(d.description) }
                throw Failure("\(model) has \(failure.errors.count) error(s)")
            } catch let error as CatalogError {
                throw Failure(error.message)
            }
            try Console.emit(try ModelRendering.render(resolved, as: format), to: output)
        }
    }
}

enum ModelRendering {
    static func render(_ model: LogicModel, as format: ModelFormat) throws -> String {
        switch format {
        case .markdown: MarkdownRenderer.render(model)
        case .json: try JSONRenderer.render(model)
        case .mermaid: MermaidRenderer.render(model)
        case .dot: DotRenderer.render(model)
        case .svg: SVGRenderer.render(model)
        case .logframe: LogframeRenderer.render(model)
        // The report's own logframe blocks; its five columns of prose need more than a
        // result table's 88 columns, and wrap to fit 120.
        case .table: PlainTextWriter(width: 120, fitsTables: true)
            .render([.heading(level: 1, text: model.name)] + model.logframeBlocks(strings: ReportStrings(model.language)))
        }
    }
}
