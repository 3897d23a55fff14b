import ArgumentParser
import Evaluation
import Presentation
import Store

struct ModelList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored models and their versions.",
        discussion: """
          piloteval model list
          piloteval model list --versions
          piloteval model list --format json

        The JSON is a list of models, each with its versions (number, time, content
        hash and the file it was read from) whether or not --versions is given.
        """
    )

    @Flag(help: "Show every version with its time and content hash.")
    var versions = false

    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let catalog = ModelCatalog(try openDatabase(database, readOnly: true))
            let models = try catalog.list()
            if format == .json {
                let listing = try catalog.listings()
                print(try ResultOutput.json(listing), terminator: "")
                return
            }
            if models.isEmpty {
                Console.error("no models stored in \(database.path); add one with `piloteval model add FILE.yaml`")
                return
            }
            let list = ModelVersionList(entries: try models.map { ModelVersionList.Entry(model: $0, versions: versions ? try catalog.versions(of: $0.id) : nil) })
            print(PlainTextWriter().render(list.blocks(style: .terminal)), terminator: "")
        }
    }
}
