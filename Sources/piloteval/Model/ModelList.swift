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
                let listing = try models.map { ModelListing($0, versions: try catalog.versions(of: $0.id)) }
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

/// The JSON of one stored model (`model list --format json`).
private struct ModelListing: Encodable {
    struct Version: Encodable {
        let version: Int, sha256: String, sourcePath: String?, addedAt: String
        enum CodingKeys: String, CodingKey {
            case version, sha256
            case sourcePath = "source_path", addedAt = "added_at"
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(version, forKey: .version)
            try c.encode(sha256, forKey: .sha256)
            try c.encodeIfPresent(sourcePath, forKey: .sourcePath)
            try c.encode(addedAt, forKey: .addedAt)
        }
    }
    let id: String, latestVersion: Int, versionCount: Int, addedAt: String
    let versions: [Version]

    init(_ m: DocumentSummary, versions: [StoredDocument]) {
        id = m.id; latestVersion = m.latestVersion; versionCount = m.versionCount; addedAt = m.addedAt
        self.versions = versions.map { Version(version: $0.version, sha256: $0.sha256, sourcePath: $0.sourcePath, addedAt: $0.addedAt) }
    }

    enum CodingKeys: String, CodingKey {
        case id, versions
        case latestVersion = "latest_version", versionCount = "version_count", addedAt = "added_at"
    }
}
