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

        Adding the same file again changes nothing and says so. With --format json:
        {"id", "version", "outcome": "added" | "unchanged", "warnings": [...]}.
        """
    )

    @Argument(help: "A logic-model YAML file.")
    var file: String

    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let db = try openDatabase(database)
            do {
                let added = try ModelCatalog(db).add(path: file)
                if case .added(let version) = added.outcome {
                    CLIChanges.record(db, action: "model", pilot: added.model.id, subject: "version \(version)")
                }
                // A `data:` binding whose data is not loaded yet: a warning, not an error.
                let notLoaded = BoundDataCheck.warnings(db, model: added.model, file: file,
                                                        locations: LogicModelDecoder.read(path: file).sourceMap.nodes)
                let warnings = added.warnings + notLoaded
                for w in warnings { Console.error(w.description) }
                if format == .json {
                    print(try ResultOutput.json(AddListing(id: added.model.id, outcome: added.outcome, warnings: warnings)),
                          terminator: "")
                    return
                }
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
///
/// `readOnly`: for commands that only read. The file is opened with
/// SQLITE_OPEN_READONLY, so it is never created, migrated or written, and it can be
/// read where it cannot be written (a read-only file or folder; docs/storage.md).
func openDatabase(_ options: DatabaseOptions, readOnly: Bool = false) throws -> Database {
    do {
        return try Database(path: options.path, readOnly: readOnly)
    } catch let error as DatabaseError where error.refusal == .missing || error.refusal == .empty {
        throw Failure("no database at \(options.shownPath)\(error.refusal == .empty ? " (the file is empty)" : ""); import something first, or give --db PATH or set PILOTEVAL_DB")
    } catch let error as DatabaseError where error.refusal == .olderSchema {
        throw Failure("\(error.message); run a command that writes to it once (an import, or `piloteval model add`) to bring it up to date")
    } catch let error as DatabaseError where error.refusal != nil {
        throw Failure(error.message)
    } catch {
        throw Failure("cannot open database \(options.path): \(error)")
    }
}
