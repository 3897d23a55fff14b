import ArgumentParser
import Evaluation
import LogicModel
import Presentation

struct ModelDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two stored versions of a logic model.",
        discussion: """
          piloteval model diff vallingbyteamet
          piloteval model diff vallingbyteamet --from 1 --to 3
          piloteval model diff vallingbyteamet --lang en
          piloteval model diff vallingbyteamet --format json

        Without --from and --to: the two latest versions. --to defaults to the latest,
        --from to the version before --to. Goals, outcomes, outputs, activities,
        inputs, assumptions and indicators are matched by id: added, removed, and for a
        changed one every field that changed, targets per period and setter included.
        Differences in whitespace only are not changes (docs/logic-model-format.md).
        `model list --versions` lists the stored versions.
        """
    )

    @Argument(help: "Id of a stored model.")
    var model: String

    @Option(help: "The older version (default: the one before --to).")
    var from: Int?

    @Option(help: "The newer version (default: the latest).")
    var to: Int?

    @Option(help: "table or json.") var format: ResultFormat = .table

    @Option(help: "Language of the table, sv or en (default: the model's).")
    var lang: Language?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if ModelCatalog.isPath(model) {
            throw ValidationError("model diff compares stored versions: give a model id, not a file (store a file first with `piloteval model add \(model)`)")
        }
    }

    func run() throws {
        try reportingFailures {
            let catalog = ModelCatalog(try openDatabase(database, readOnly: true))
            let stored = try catalog.versions(of: model).map(\.version)
            guard !stored.isEmpty else {
                let known = try catalog.list().map(\.id)
                throw Failure("no stored model with id \"\(model)\""
                              + (known.isEmpty ? "; add one first with `piloteval model add FILE.yaml`" : "; stored models: \(known.joined(separator: ", "))"))
            }
            let readable = try catalog.decodedVersions(of: model)
            let storedList = stored.map(String.init).joined(separator: ", ")
            func pick(_ version: Int, _ option: String) throws -> VersionedModel {
                if let v = readable.first(where: { $0.version == version }) { return v }
                if stored.contains(version) {
                    throw Failure("\(option) \(version): version \(version) of \(model) was stored by an earlier piloteval and can no longer be read; readable versions: "
                                  + readable.map { String($0.version) }.joined(separator: ", "))
                }
                throw Failure("\(option) \(version): \(model) has no version \(version); stored versions: \(storedList)")
            }
            let newer = try pick(to ?? stored.last!, "--to")
            let olderNumber: Int
            if let from {
                olderNumber = from
            } else if let previous = stored.last(where: { $0 < newer.version }) {
                olderNumber = previous
            } else {
                throw Failure("\(model) has no version before version \(newer.version) to compare with (stored versions: \(storedList)); "
                              + "store a changed file with `piloteval model add FILE.yaml`, or give --from")
            }
            let older = try pick(olderNumber, "--from")
            let diff = LogicModelDiff.compare(older.model, newer.model, fromVersion: older.version, toVersion: newer.version)
            if format == .json {
                print(try ResultOutput.json(diff), terminator: "")
                return
            }
            let style = NumberStyle(lang ?? newer.model.language)
            print(PlainTextWriter().render(diff.blocks(style: style)), terminator: "")
        }
    }
}
