import ArgumentParser
import Foundation
import Store

/// A copy of the database taken while the server (or an import) goes on writing it
/// (issue 24, docs/deployment.md). The copy is one consistent snapshot, owner-only,
/// checked before the command says it is done, and the backup is in the access log.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database, consistently, while it is in use.",
        discussion: """
        Writes a new file (never overwrites one), readable only by its owner, and checks
        it with SQLite's integrity check. The server may go on serving and writing
        meanwhile. The pseudonymisation key is not in the database, so not in the
        backup: keep a copy of the key file apart from the backups.

          piloteval backup /var/backups/piloteval/piloteval-2026-12-07.db
        """
    )

    @Argument(help: ArgumentHelp("The new file to write.", valueName: "path")) var path: String
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            // Read-only: the snapshot blocks no writer, and a database this account may
            // only read can still be backed up.
            let source = try openDatabase(database, readOnly: true)
            let summary: BackupSummary
            do { summary = try source.backup(to: path) } catch let error as BackupError { throw Failure(error.description) }
            recordInAccessLog(summary)
            Console.error("note: the pseudonymisation key file is not in the backup; keep a copy of it apart from the backups")
            if format == .json { print(try ResultOutput.json(summary), terminator: ""); return }
            let megabytes = Double(summary.bytes) / 1_048_576
            print("backup of \(database.shownPath) written to \(summary.path): \(String(format: "%.1f", megabytes)) MB, schema version \(summary.schemaVersion), integrity check ok")
        }
    }

    /// A whole copy of the data leaves the database: the access log says who made it.
    /// Said, not hidden, when the database cannot be written by this account.
    private func recordInAccessLog(_ summary: BackupSummary) {
        do {
            try AccessLog(try openDatabase(database)).record(user: UsersCommand.actor, action: "backup", what: summary.path)
        } catch {
            Console.error("warning: the backup was made but could not be written to the access log: \(error)")
        }
    }
}
