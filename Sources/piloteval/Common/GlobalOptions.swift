import ArgumentParser
import Foundation
import Store

/// Options every command shares (DESIGN §5): where the database is.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file (default: $PILOTEVAL_DB, else ./piloteval.db).", valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["PILOTEVAL_DB"], !env.isEmpty { return env }
        return "piloteval.db"
    }

    /// `path` for messages: a bare file name as `./piloteval.db`, so it reads as a place.
    var shownPath: String {
        path.contains("/") ? path : "./" + path
    }
}

/// Diagnostics and progress go to stderr only; stdout is for machine output.
enum Console {
    /// Every diagnostic passes through the identity-number masking, whichever module
    /// wrote it and whatever file name or cell it quotes (docs/privacy.md).
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((IdentityNumberScanner.masking(message) + "\n").utf8))
    }

    /// Writes `text` to the file named by `-o`, or to stdout.
    static func emit(_ text: String, to path: String?) throws {
        if let path {
            do {
                try OutputFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
            } catch {
                throw Failure("cannot write \(path): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// A failure the user can act on: printed to stderr, exit code 1.
struct Failure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

extension ParsableCommand {
    /// Runs `body`, turning a `Failure` into its message on stderr and exit code 1.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as Failure {
            Console.error("error: " + failure.message)
            throw ExitCode(1)
        }
    }
}
