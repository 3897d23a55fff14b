import ArgumentParser
import Evaluation
import Foundation
import LogicModel
import Presentation

struct PDSACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdsa",
        abstract: "Genombrott / PDSA cycles: add, list, show.",
        discussion: """
        A cycle is a `schema: piloteval/pdsa/v1` YAML file (docs/pdsa.md):
        title, change idea, the logic-model activity, plan (prediction), do
        (dates), study (observations), act (adopt | adapt | abandon), the
        measure it watches, and the cycle it builds on (a ramp).

          piloteval pdsa add Models/pdsa/*.yaml
          piloteval pdsa list
          piloteval pdsa show tidsplan-2
          piloteval runchart --measure tidsplanerade-utredningar --chart p
        """,
        subcommands: [PDSAAdd.self, PDSAList.self, PDSAShow.self]
    )
}

struct PDSAAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Validate PDSA files and store them (all or nothing).")
    @Argument(help: "PDSA YAML files.") var files: [String]
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            do {
                let db = try openDatabase(database)
                let added = try PDSACatalog(db).add(paths: files)
                for a in added {
                    if case .added(let version) = a.outcome {
                        CLIChanges.record(db, action: "pdsa", pilot: a.cycle.model, subject: a.cycle.id, detail: "version \(version)")
                    }
                }
                for a in added { a.warnings.forEach { Console.error("warning: \(a.cycle.id): \($0)") } }
                if format == .json {
                    print(try ResultOutput.json(added.map(PDSAAddListing.init)), terminator: "")
                    return
                }
                for a in added {
                    switch a.outcome {
                    case .added(let v): print("stored \(a.cycle.id) version \(v)")
                    case .unchanged(let v): print("unchanged: \(a.cycle.id) version \(v)")
                    }
                }
            } catch let failure as ValidationFailure {
                failure.diagnostics.forEach { Console.error($0.description) }
                throw Failure("\(failure.errors.count) error(s); nothing was stored")
            }
        }
    }
}

struct PDSAList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Stored cycles, by start date.")
    @Option(help: "Only cycles watching this measure.") var measure: String?
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let cycles = try PDSACatalog(try openDatabase(database, readOnly: true)).all().filter { measure == nil || $0.measure == measure }
            if format == .json { print(try ResultOutput.json(cycles), terminator: ""); return }
            if cycles.isEmpty { Console.error("no PDSA cycles stored in \(database.path)"); return }
            print(PlainTextWriter().render(PDSACycleList(cycles: cycles).blocks(style: .terminal)), terminator: "")
        }
    }
}

struct PDSAShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One cycle and its ramp.")
    @Argument(help: "The cycle id.") var id: String
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            do {
                let catalog = PDSACatalog(try openDatabase(database, readOnly: true))
                let c = try catalog.cycle(id)
                if format == .json { print(try ResultOutput.json(c), terminator: ""); return }
                let ramp = try catalog.ramp(of: id)
                print(PlainTextWriter().render(c.blocks(style: .terminal, ramp: ramp)), terminator: "")
            } catch let e as CatalogError {
                throw Failure(e.message)
            }
        }
    }
}
