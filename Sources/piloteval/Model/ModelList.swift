import ArgumentParser
import Evaluation

struct ModelList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored models and their versions.",
        discussion: """
          piloteval model list
          piloteval model list --versions
        """
    )

    @Flag(help: "Show every version with its time and content hash.")
    var versions = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let catalog = ModelCatalog(try openDatabase(database, readOnly: true))
            let models = try catalog.list()
            if models.isEmpty {
                Console.error("no models stored in \(database.path); add one with `piloteval model add FILE.yaml`")
                return
            }
            var rows = [["id", "version", "versions", "added (UTC)"]]
            for m in models {
                rows.append([m.id, String(m.latestVersion), String(m.versionCount), m.addedAt])
                if versions {
                    for v in try catalog.versions(of: m.id) {
                        rows.append(["  v\(v.version)", String(v.sha256.prefix(12)), v.sourcePath ?? "", v.addedAt])
                    }
                }
            }
            print(TextTable.render(rows), terminator: "")
        }
    }
}
