import ArgumentParser
import Foundation
import Presentation
import Store

/// The access log (issue 24): who signed in, looked at case-derived results, changed,
/// approved, uploaded, undid or downloaded what, and when. Append-only; `prune` removes
/// what is older than a date (gallring) and is itself logged.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Review the access log, or prune it (retention).",
        discussion: """
          piloteval audit --since 2026-11-01
          piloteval audit --user anna --format csv > anna.csv
          piloteval audit prune --before 2024-01-01
        """,
        subcommands: [AuditShow.self, AuditPrune.self],
        defaultSubcommand: AuditShow.self
    )
}

struct AuditShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The access log, oldest first.")

    enum Format: String, ExpressibleByArgument { case table, json, csv }

    @Option(help: ArgumentHelp("Entries from this date (YYYY-MM-DD) or time on.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only this account's entries.", valueName: "name")) var user: String?
    @Option(help: "table, json or csv.") var format: Format = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            if let since, CalendarDateText.isDateOrTime(since) == false { throw Failure("--since: give a date as YYYY-MM-DD") }
            let entries = try AccessLog(try openDatabase(database, readOnly: true)).list(since: since, user: user)
            switch format {
            case .json:
                print(try ResultOutput.json(entries), terminator: "")
            case .csv:
                // Cells a spreadsheet would run as formulas get a leading ' (what is logged
                // comes partly from whoever sent a request to the server).
                let cell: (String) -> String = { $0.first.map { "=+-@".contains($0) } == true ? "'" + $0 : $0 }
                print(CSVText.render([["id", "at", "user", "action", "pilot", "what"]]
                                     + entries.map { ["\($0.id)", $0.at, $0.user, $0.action, $0.pilot ?? "", $0.what ?? ""].map(cell) }),
                      terminator: "")
            case .table:
                if entries.isEmpty { Console.error("no entries in the access log\(since.map { " since \($0)" } ?? "")"); return }
                var table = TableBlock(header: [["time", "account", "action", "pilot", "what"].map { TableBlock.Cell($0) }],
                                       rows: entries.map { e in
                    [TableBlock.Cell(e.at, isRowHeader: true), TableBlock.Cell(e.user), TableBlock.Cell(e.action),
                     TableBlock.Cell(e.pilot ?? ""), TableBlock.Cell(e.what ?? "")]
                })
                table.alignments = [.left, .left, .left, .left, .left]
                print(PlainTextWriter().render([.table(table)]), terminator: "")
            }
        }
    }
}

struct AuditPrune: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Remove the entries before a date (retention); the prune itself is logged.")

    @Option(help: ArgumentHelp("Remove entries before this date (YYYY-MM-DD).", valueName: "date")) var before: String
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct Pruned: Encodable { let before: String; let removed: Int }

    func run() throws {
        try reportingFailures {
            guard CalendarDateText.isDateOrTime(before) else { throw Failure("--before: give a date as YYYY-MM-DD") }
            let removed: Int
            do { removed = try AccessLog(try openDatabase(database)).prune(before: before, user: UsersCommand.actor) }
            catch let error as AccessLogError { throw Failure(error.description) }
            if format == .json { print(try ResultOutput.json(Pruned(before: before, removed: removed)), terminator: ""); return }
            print("removed \(removed) entr\(removed == 1 ? "y" : "ies") before \(before) from the access log")
        }
    }
}

/// A date (YYYY-MM-DD) or an ISO 8601 time, as the access log compares them (as text).
enum CalendarDateText {
    static func isDateOrTime(_ text: String) -> Bool {
        let date = text.prefix(10)
        guard date.count == 10, date.enumerated().allSatisfy({ i, c in (i == 4 || i == 7) ? c == "-" : c.isASCII && c.isNumber }) else {
            return false
        }
        return text.count == 10 || Timestamp.parse(text) != nil
    }
}
