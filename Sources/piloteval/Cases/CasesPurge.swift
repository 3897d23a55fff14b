import ArgumentParser
import Evaluation
import Foundation
import Periods
import Presentation
import Store

struct CasesPurge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Retention (gallring): remove cases closed before a date, and scrub the database file.",
        discussion: """
        A case is purged when it is closed — the förhandsbedömning decided, every
        investigation and intervention that started has ended — and its last recorded
        date (referral, decision, investigation or intervention start or end,
        re-referral) is before --before, as its latest extract shows it. Every stored
        snapshot of it goes, in one transaction. Open cases are never purged, however
        old. The municipality's retention decision (gallringsbeslut,
        dokumenthanteringsplan) says which date to give (docs/cases.md, "Retention
        (gallring): cases purge").

        Afterwards the file is rebuilt (VACUUM) and the WAL emptied, so the purged rows
        are not left in free space. An import left without cases stays in
        `imports list` with 0 rows, so the same file is not imported again by mistake.

          piloteval cases purge --before 2019-01-01 --dry-run
          piloteval cases purge --before 2019-01-01 --model vallingbyteamet \\
              --format json
        """
    )

    @Option(help: ArgumentHelp("Purge closed cases whose last recorded date is before this day, YYYY-MM-DD (not after today).", valueName: "date"))
    var before: String
    @Option(help: "Only this model's cases (default: every model).") var model: String?
    @Flag(help: "Say what would be removed; change nothing.") var dryRun = false
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let cutOff = try Self.cutOff(before)
            // A purge never creates a database: a missing file is a mistyped path.
            guard FileManager.default.fileExists(atPath: database.path) else {
                throw Failure("no database at \(database.shownPath); give --db PATH or set PILOTEVAL_DB. Nothing was purged")
            }
            let db = try openDatabase(database, readOnly: dryRun)
            let request = CasePurge.Request(before: cutOff, modelID: model, dryRun: dryRun, today: CasesImport.today())
            let summary: CasePurgeSummary
            do {
                summary = try CasePurge.run(request, database: db)
            } catch let e as CasePurgeError {
                throw Failure(e.description)
            } catch let e as DatabaseError {
                throw Failure("\(database.shownPath): \(e.description); nothing was purged")
            }
            if !dryRun {
                CLIChanges.record(db, action: "purge", pilot: model, subject: "cases before \(summary.before)",
                                  detail: "\(summary.casesPurged) cases, \(summary.rowsDeleted) rows")
            }
            for m in summary.models where m.openCasesQuietSinceBeforeCutOff > 0 {
                Console.error("note: \(m.model): \(m.openCasesQuietSinceBeforeCutOff) open case(s) have nothing recorded since before \(cutOff.iso); they are kept. If they were closed, an extract that shows it lets the next purge remove them")
            }
            switch format {
            case .json: print(try ResultOutput.json(summary), terminator: "")
            case .table: print(Self.table(summary), terminator: "")
            }
            if let scrub = summary.scrub, !scrub.isComplete {
                for note in scrub.notes { Console.error("warning: " + note) }
                throw Failure(summary.rowsDeleted > 0
                    ? "the cases above were purged (that is committed), but the file was not fully scrubbed; see the warnings"
                    : "nothing more was purged, but the file was not fully scrubbed; see the warnings")
            }
        }
    }

    /// The cut-off: exactly YYYY-MM-DD, a day in the calendar. Stricter than an
    /// extract's dates (no `20190101`, no `1/2/2019`): a purge cannot be taken back.
    static func cutOff(_ text: String) throws -> CalendarDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw Failure("--before \(Self.shown(text)) is not a date; give YYYY-MM-DD, e.g. --before 2019-01-01. Nothing was purged")
        }
        guard let date = CalendarDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!) else {
            throw Failure("--before \(text): there is no such day in the calendar; give YYYY-MM-DD. Nothing was purged")
        }
        return date
    }

    /// A value as a message quotes it: short, in quotes.
    static func shown(_ text: String) -> String {
        "\"" + (text.count > 30 ? text.prefix(30) + "…" : text) + "\""
    }

    static func table(_ s: CasePurgeSummary) -> String {
        PlainTextWriter().render(s.blocks(style: .terminal))
    }
}
