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
            let catalog = ModelCatalog(try openDatabase(database))
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

/// A plain aligned text table for the terminal.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        var out = ""
        for (i, row) in rows.enumerated() {
            out += row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ") + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}
