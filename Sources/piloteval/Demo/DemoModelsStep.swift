import Evaluation
import Foundation
import LogicModel

/// Step 1: every shipped logic model validated, stored, and rendered in each format.
enum DemoModelsStep {
    static func run(_ demo: DemoRun) throws -> [String] {
        let files = try DemoSources.files(in: demo.sources.models, ".", suffix: ".yaml")
        guard !files.isEmpty else { throw Failure("no *.yaml models in \(demo.sources.models)") }
        demo.progress("storing and rendering \(files.count) logic models")
        let catalog = ModelCatalog(demo.database)
        var stored: [(model: LogicModel, warnings: Int)] = []
        for path in files {
            let added: ModelCatalog.Added
            do {
                added = try catalog.add(path: path)
            } catch let failure as ValidationFailure {
                for d in failure.diagnostics { Console.error(d.description) }
                throw Failure("shipped model \(path) does not validate")
            }
            let m = added.model
            for format in ModelFormat.allCases where format != .table {   // files to open; the table is for the terminal
                try demo.write(try ModelRendering.render(m, as: format), to: "models/\(m.id).\(fileExtension(format))")
            }
            stored.append((m, added.warnings.count))
        }
        demo.place("models/<id>.{md,json,mmd,dot,svg,logframe.md}",
                   "\(stored.count) logic models: " + stored.map(\.model.id).joined(separator: ", "))

        let warnings = stored.map(\.warnings).reduce(0, +)
        var line = "\(stored.count) logic models valid and stored (\(warnings) warning\(warnings == 1 ? "" : "s"))"
        if let v = stored.first(where: { $0.model.id == "vallingbyteamet" })?.model {
            let proposed = v.indicators.filter(\.illustrative).count
            line += "; vallingbyteamet: \(v.activities.count) activities → \(v.outcomes.count) outcomes → \(v.goals.count) goals, "
                + "\(v.indicators.count) indicators (\(proposed) proposals, marked illustrative)"
        }
        return [line]
    }

    static func fileExtension(_ format: ModelFormat) -> String {
        switch format {
        case .markdown: "md"
        case .json: "json"
        case .mermaid: "mmd"
        case .dot: "dot"
        case .svg: "svg"
        case .logframe: "logframe.md"
        case .table: "txt"
        }
    }
}
