import ArgumentParser
import Foundation
import Store

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Pseudonymisation keys for case extracts.",
        subcommands: [KeyCreate.self]
    )
}

struct KeyCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Write a new pseudonymisation key file, readable by its owner only (0600).",
        discussion: """
        Make one key per evaluation and use it for every extract: the same personnummer
        then gets the same pseudonym, so a child's cases link across tertials. Keep the
        key apart from the database (anyone with both can recover numbers by trying
        them all). If the key is lost, later extracts cannot be linked to earlier ones;
        nothing can recover it, by design. An existing file is never overwritten.

          piloteval key create ~/secure/vallingby.key
          piloteval cases import utdrag.csv --model vallingbyteamet \\
              --key-file ~/secure/vallingby.key
        """
    )

    @Argument(help: "Where to write the key file (must not exist).") var path: String

    func run() throws {
        try reportingFailures {
            let key = PseudonymKey.generate()
            do {
                try key.write(to: path)
            } catch let e as PseudonymKeyError {
                throw Failure(e.description)
            }
            Console.error("wrote \(path) (owner-only, key fingerprint \(key.fingerprint)); keep it secret and apart from the database, and keep a safe copy: a lost key cannot be recovered")
            // The database `cases import` would use by default, when it is already there.
            var options = DatabaseOptions()
            options.db = nil   // PILOTEVAL_DB, else ./piloteval.db
            let database = options.path
            if FileManager.default.fileExists(atPath: database), PseudonymKey.isBeside(database: database, keyPath: path) {
                Console.error("warning: \(path) is in the same folder as the database \(database); anyone with both can recover the identity numbers. Move the key to a folder of its own (docs/cases.md, \"Key files\")")
            }
        }
    }
}
