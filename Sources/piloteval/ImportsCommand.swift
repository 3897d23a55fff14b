import ArgumentParser
import Evaluation
import Presentation
import Store

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List imported files, or take one back.",
        discussion: """
        Every import (indicators, cases, readiness, measures) is recorded with its
        file's SHA-256, so the same file is never imported twice. Undo deletes the
        import and every row it brought, in one transaction.

        The list says when a later import has replaced an import's rows: indicator
        values for the same indicator, period and group, or cases with the same case id
        in a later extract (docs/storage.md, "Superseded imports"). Undoing the later
        import brings the earlier rows back.

          piloteval imports list
          piloteval imports list --format json
          piloteval imports undo 7
        """,
        subcommands: [ImportsList.self, ImportsUndo.self]
    )
}

struct ImportsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every import, oldest first, and which later imports replaced its rows.")

    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let db = try openDatabase(database, readOnly: true)
            let records = try ImportLog(db).list()
            let superseded = try Supersession.all(in: db)
            switch format {
            case .json:
                print(try ResultOutput.json(records.map { ImportListing($0, superseded: superseded[$0.id]) }), terminator: "")
            case .table:
                if records.isEmpty {
                    Console.error("no imports in \(database.path)")
                    return
                }
                let list = ImportList(records: records, superseded: superseded)
                print(PlainTextWriter().render(list.blocks(style: .terminal)), terminator: "")
            }
        }
    }
}

/// The JSON shape of one import, as `imports list --format json` and every import
/// command's `--format json` print it. `superseded_rows` counts the rows a later import
/// replaced (0 when none), `superseded_by` names those imports (empty when none).
struct ImportsUndo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Delete one import and every row it brought.",
        discussion: "  piloteval imports undo 7")

    @Argument(help: "The import id (see `piloteval imports list`).") var id: Int
    @Option(help: "table or json (what was deleted, on stdout).") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            do {
                let db = try openDatabase(database)
                let undone = try ImportLog(db).undo(id)
                CLIChanges.record(db, action: "undo", pilot: nil, subject: "import \(id)",
                                  detail: "\(undone.record.kind): \(undone.record.fileName)")
                let rows = undone.deletedRows.sorted { $0.key < $1.key }
                    .map { "\($0.value) from \($0.key)" }.joined(separator: ", ")
                Console.error("undid import \(id) (\(undone.record.kind), \(undone.record.fileName))"
                              + (rows.isEmpty ? "" : ": deleted \(rows)"))
                if format == .json {
                    print(try ResultOutput.json(UndoListing(undone)), terminator: "")
                }
            } catch let e as ImportLogError {
                throw Failure(e.description)
            }
        }
    }
}

/// The JSON of `imports undo --format json`: the import that went and the rows it took
/// with it, per table.
