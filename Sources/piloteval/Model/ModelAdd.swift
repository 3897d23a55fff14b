import ArgumentParser
import Evaluation
import LogicModel
import Store

struct ModelAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Validate a logic model and store it (a changed file becomes a new version).",
        discussion: """
          piloteval model add Models/vallingbyteamet.yaml
          piloteval model add Models/vallingbyteamet.yaml --db evaluation.db

        Adding the same file again changes nothing and says so.
        """
    )

    @Argument(help: "A logic-model YAML file.")
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let db = try openDatabase(database)
            do {
                let added = try ModelCatalog(db).add(path: file)
                for w in added.warnings { Console.error(w.description) }
                switch added.outcome {
                case .added(let version):
                    print("stored \(added.model.id) version \(version) in \(database.path)")
                case .unchanged(let version):
                    print("unchanged: \(added.model.id) version \(version) already has this content; nothing stored")
                }
            } catch let failure as ValidationFailure {
                for d in failure.diagnostics { Console.error(d.description) }
                throw Failure("\(file) has \(failure.errors.count) error(s); nothing was stored")
            }
        }
    }
}

/// Opens (and migrates) the database, turning SQLite errors into a message.
func openDatabase(_ options: DatabaseOptions) throws -> Database {
    do {
        return try Database(path: options.path)
    } catch {
        throw Failure("cannot open database \(options.path): \(error)")
    }
}
