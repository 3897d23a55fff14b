import ArgumentParser
import Evaluation
import Foundation
import LogicModel

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the worked example (Vällingbyteamet and the seed plans) into a folder.",
        discussion: """
        Validates and stores every shipped logic model in a fresh database of its own
        (DIR/piloteval.db unless --db or PILOTEVAL_DB names one) and renders each as
        Markdown, JSON, Mermaid, DOT, SVG and logframe into DIR/models/.

          piloteval demo
          piloteval demo --out /tmp/demo
        """
    )

    @Option(help: "Folder for the demo's database and files.")
    var out: String = "piloteval-demo"

    @Option(help: "Folder holding the shipped models (default: ./Models, else the source tree's).")
    var models: String?

    @Option(name: .long, help: ArgumentHelp("Database file (default: DIR/piloteval.db; PILOTEVAL_DB also works).", valueName: "path"))
    var db: String?

    func run() throws {
        try reportingFailures {
            let fm = FileManager.default
            let modelsDir = try locateModels()
            let outDir = URL(fileURLWithPath: out)
            try fm.createDirectory(at: outDir.appendingPathComponent("models"), withIntermediateDirectories: true)
            // --db and PILOTEVAL_DB resolve as for every command; only without either
            // does the demo use its own database, fresh every run (never user data).
            var dbOptions = DatabaseOptions()
            dbOptions.db = db
            if db == nil && (ProcessInfo.processInfo.environment["PILOTEVAL_DB"] ?? "").isEmpty {
                let path = outDir.appendingPathComponent("piloteval.db").path
                for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
                dbOptions.db = path
            }
            let catalog = ModelCatalog(try openDatabase(dbOptions))
            let files = try fm.contentsOfDirectory(atPath: modelsDir).filter { $0.hasSuffix(".yaml") }.sorted()
            guard !files.isEmpty else { throw Failure("no *.yaml models in \(modelsDir)") }
            var summary: [String] = []
            for file in files {
                let path = (modelsDir as NSString).appendingPathComponent(file)
                let added: ModelCatalog.Added
                do {
                    added = try catalog.add(path: path)
                } catch let failure as ValidationFailure {
                    for d in failure.diagnostics { Console.error(d.description) }
                    throw Failure("shipped model \(path) does not validate")
                }
                let m = added.model
                for format in ModelFormat.allCases {
                    let ext = switch format {
                    case .markdown: "md"
                    case .json: "json"
                    case .mermaid: "mmd"
                    case .dot: "dot"
                    case .svg: "svg"
                    case .logframe: "logframe.md"
                    }
                    let target = outDir.appendingPathComponent("models/\(m.id).\(ext)")
                    try Data(try ModelRendering.render(m, as: format).utf8).write(to: target)
                }
                summary.append("  \(m.id): \(m.goals.count) goals, \(m.outcomes.count) outcomes, \(m.indicators.count) indicators, \(added.warnings.count) warnings — \(m.name)")
            }
            print("piloteval demo")
            print("  database: \(dbOptions.path)")
            print("  models:   \(outDir.appendingPathComponent("models").path)/<id>.{md,json,mmd,dot,svg,logframe.md}")
            print("")
            print("Logic models (validated and stored):")
            summary.forEach { print($0) }
            print("")
            print("Open \(outDir.appendingPathComponent("models/vallingbyteamet.svg").path) for the Vällingbyteamet chain,")
            print("and models/vallingbyteamet.logframe.md for its logframe matrix.")
        }
    }

    /// --models, else ./Models, else the Models folder of the source tree this binary
    /// was built from.
    func locateModels() throws -> String {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if let models {
            guard fm.fileExists(atPath: models, isDirectory: &isDir), isDir.boolValue else {
                throw Failure("--models \(models) is not a folder")
            }
            return models
        }
        if fm.fileExists(atPath: "Models", isDirectory: &isDir), isDir.boolValue { return "Models" }
        let source = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Models").path
        if fm.fileExists(atPath: source, isDirectory: &isDir), isDir.boolValue { return source }
        throw Failure("cannot find the shipped Models folder; run from the piloteval checkout or pass --models DIR")
    }
}
