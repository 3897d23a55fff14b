import ArgumentParser
import Store

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List imported files, or take one back.",
        discussion: """
        Every import (indicators, cases, readiness, measures) is recorded with its
        file's SHA-256, so the same file is never imported twice. Undo deletes the
        import and every row it brought, in one transaction.

          piloteval imports list
          piloteval imports undo 7
        """,
        subcommands: [ImportsList.self, ImportsUndo.self]
    )
}

struct ImportsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every import, oldest first.")

    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let records = try ImportLog(try openDatabase(database, readOnly: true)).list()
            switch format {
            case .json:
                print(try ResultOutput.json(records.map(ImportListing.init)), terminator: "")
            case .table:
                if records.isEmpty {
                    Console.error("no imports in \(database.path)")
                    return
                }
                var rows = [["id", "kind", "file", "target", "rows", "imported (UTC)", "sha256"]]
                for r in records {
                    rows.append([String(r.id), r.kind, r.fileName, r.target ?? "", String(r.rowCount),
                                 r.startedAt, String(r.fileSHA256.prefix(12))])
                }
                print(TextTable.render(rows), terminator: "")
            }
        }
    }
}

/// The JSON shape of one import.
private struct ImportListing: Encodable {
    let id: Int, kind: String, fileName: String, fileSha256: String, rowCount: Int
    let target: String?, startedAt: String, finishedAt: String?, status: String

    init(_ r: ImportRecord) {
        id = r.id; kind = r.kind; fileName = r.fileName; fileSha256 = r.fileSHA256
        rowCount = r.rowCount; target = r.target; startedAt = r.startedAt
        finishedAt = r.finishedAt; status = r.status.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, target, status
        case fileName = "file_name", fileSha256 = "file_sha256", rowCount = "row_count"
        case startedAt = "started_at", finishedAt = "finished_at"
    }
}

struct ImportsUndo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Delete one import and every row it brought.",
        discussion: "  piloteval imports undo 7")

    @Argument(help: "The import id (see `piloteval imports list`).") var id: Int
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            do {
                let undone = try ImportLog(try openDatabase(database)).undo(id)
                let rows = undone.deletedRows.sorted { $0.key < $1.key }
                    .map { "\($0.value) from \($0.key)" }.joined(separator: ", ")
                Console.error("undid import \(id) (\(undone.record.kind), \(undone.record.fileName))"
                              + (rows.isEmpty ? "" : ": deleted \(rows)"))
            } catch let e as ImportLogError {
                throw Failure(e.description)
            }
        }
    }
}
