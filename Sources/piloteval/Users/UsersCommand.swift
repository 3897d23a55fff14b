import Accounts
import ArgumentParser
import Evaluation
import Foundation
import Presentation
import Store

/// Accounts of a shared server (issue 24, DESIGN §8). While none exists `piloteval
/// serve` runs in local mode (the printed link); once one does, people sign in.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Accounts of a shared server: add, grant roles per pilot, list, disable, reset a password, make an API token.",
        discussion: """
        Roles per pilot, cumulative: reader (reads what the public audience allows),
        editor (enters values, uploads), approver (locks periods), admin (everything, and
        accounts; without --pilot on every pilot). A pilot a user has no role on does not
        exist for them. Every change to an account is in the access log (`piloteval audit`).

          piloteval users add it --role admin
          piloteval users add anna --role editor --pilot vallingbyteamet < pw.txt
          piloteval users grant anna --role approver --pilot vallingbyteamet
          piloteval users grant styr --role reader --pilot vallingbyteamet --internal
          piloteval users list
          piloteval users token integration
        """,
        subcommands: [UsersAdd.self, UsersGrant.self, UsersRevoke.self, UsersList.self, UsersDisable.self, UsersResetPassword.self,
                      UsersToken.self, UsersTokens.self, UsersRevokeToken.self]
    )

    /// Who made a change from the command line, for the access log.
    static var actor: String {
        "cli:" + (ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown")
    }

    /// The password on stdin's first line when stdin is not a terminal and holds one;
    /// otherwise a generated one, which the caller prints once.
    static func password() -> (password: String, generated: Bool) {
        if isatty(FileHandle.standardInput.fileDescriptor) == 0,
           let line = readLine(strippingNewline: true), !line.isEmpty {
            return (line, false)
        }
        return (UserDirectory.generatedPassword(), true)
    }

    /// A pilot that is not stored yet is allowed (accounts may come before the models),
    /// but said, since a mistyped id grants nothing anyone will notice.
    static func warnUnknown(_ pilots: [String], _ options: DatabaseOptions) {
        guard let db = try? Database(path: options.path), let known = try? ModelCatalog(db).list().map(\.id) else { return }
        for pilot in pilots where !known.contains(pilot) {
            Console.error("warning: no pilot \(pilot) is stored yet (stored: \(known.isEmpty ? "none" : known.joined(separator: ", "))); the role holds once a model with that id is added")
        }
    }

    /// An account change, its refusal ("no account named …") said as the CLI says a failure.
    static func change<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as AccountError { throw Failure(error.description) }
    }

    static func directory(_ options: DatabaseOptions) throws -> UserDirectory {
        // An account may be the first thing a new server's database holds.
        do {
            return UserDirectory(try Database(path: options.path))
        } catch {
            throw Failure("cannot open database \(options.path): \(error)")
        }
    }
}

struct UsersAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account. The password is read from stdin's first line, or generated and printed once.")

    @Argument(help: "The account's name (letters, digits, '.', '_', '-').") var name: String
    @Option(help: "admin, editor, approver or reader.") var role: Role
    @Option(help: ArgumentHelp("A pilot (model id) the role holds on; repeat for several. None: every pilot.", valueName: "id"))
    var pilot: [String] = []
    @Flag(help: "A reader who sees the internal audience (small counts).") var `internal` = false
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let (password, generated) = UsersCommand.password()
            UsersCommand.warnUnknown(pilot, database)
            let user = try UsersCommand.change {
                try UsersCommand.directory(database).add(name: name, password: password, role: role, pilots: pilot,
                                                         internalAudience: `internal`, actor: UsersCommand.actor)
            }
            try AccountChange(name: name, action: "added", roles: user.grants, password: generated ? password : nil)
                .print(format, lines: ["added \(name): \(role.rawValue) on \(pilot.isEmpty ? "every pilot" : pilot.joined(separator: ", "))"]
                       + (generated ? ["password (shown once): \(password)"] : []))
        }
    }
}

struct UsersGrant: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Give an account a role on a pilot (roles add up).")

    @Argument(help: "The account's name.") var name: String
    @Option(help: "admin, editor, approver or reader.") var role: Role
    @Option(help: ArgumentHelp("The pilot (model id); without it, every pilot.", valueName: "id")) var pilot: String?
    @Flag(help: "A reader who sees the internal audience (small counts).") var `internal` = false
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let directory = try UsersCommand.directory(database)
            UsersCommand.warnUnknown(pilot.map { [$0] } ?? [], database)
            try UsersCommand.change {
                try directory.grant(name: name, role: role, pilot: pilot, internalAudience: `internal`, actor: UsersCommand.actor)
            }
            try AccountChange(name: name, action: "granted", roles: try directory.user(named: name)?.grants)
                .print(format, lines: ["\(name): \(role.rawValue) on \(pilot ?? "every pilot")\(`internal` ? " (internal audience)" : "")"])
        }
    }
}

struct UsersRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Take a role away from an account (at its next click).")

    @Argument(help: "The account's name.") var name: String
    @Option(help: "admin, editor, approver or reader.") var role: Role
    @Option(help: ArgumentHelp("The pilot (model id); without it, the role on every pilot.", valueName: "id")) var pilot: String?
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let directory = try UsersCommand.directory(database)
            try UsersCommand.change { try directory.revoke(name: name, role: role, pilot: pilot, actor: UsersCommand.actor) }
            try AccountChange(name: name, action: "revoked", roles: try directory.user(named: name)?.grants)
                .print(format, lines: ["\(name): no longer \(role.rawValue) on \(pilot ?? "every pilot")"])
        }
    }
}

struct UsersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts and their roles.")

    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct Listing: Encodable {
        let name: String
        let disabled: Bool
        let created: String
        let roles: [Grant]
    }

    func run() throws {
        try reportingFailures {
            let users = try UserDirectory(try openDatabase(database, readOnly: true)).list()
            if format == .json {
                print(try ResultOutput.json(users.map { Listing(name: $0.name, disabled: $0.disabled, created: $0.createdAt, roles: $0.grants) }),
                      terminator: "")
                return
            }
            if users.isEmpty {
                Console.error("no accounts: `piloteval serve` runs in local mode (the printed link); add one with `piloteval users add NAME --role admin`")
                return
            }
            var table = TableBlock(header: [["account", "roles", "state", "added"].map { TableBlock.Cell($0) }],
                                   rows: users.map { u in
                [TableBlock.Cell(u.name, isRowHeader: true),
                 TableBlock.Cell(u.grants.map { "\($0.role.rawValue) on \($0.pilot ?? "every pilot")\($0.internal ? " (internal)" : "")" }
                    .joined(separator: "; ")),
                 TableBlock.Cell(u.disabled ? "disabled" : "active"), TableBlock.Cell(u.createdAt)]
            })
            table.alignments = [.left, .left, .left, .left]
            print(PlainTextWriter().render([.table(table)]), terminator: "")
        }
    }
}

struct UsersDisable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account: no sign-in, its API tokens removed.")

    @Argument(help: "The account's name.") var name: String
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            try UsersCommand.change { try UsersCommand.directory(database).disable(name: name, actor: UsersCommand.actor) }
            try AccountChange(name: name, action: "disabled").print(format, lines: ["disabled \(name)"])
        }
    }
}

struct UsersResetPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Set a new password (stdin's first line, or generated and printed once); lifts a lock from failed sign-ins.")

    @Argument(help: "The account's name.") var name: String
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let (password, generated) = UsersCommand.password()
            try UsersCommand.change {
                try UsersCommand.directory(database).resetPassword(name: name, password: password, actor: UsersCommand.actor)
            }
            try AccountChange(name: name, action: "password_reset", password: generated ? password : nil)
                .print(format, lines: ["new password set for \(name)"] + (generated ? ["password (shown once): \(password)"] : []))
        }
    }
}

struct UsersToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make an API token for an account (Authorization: Bearer T); printed once, as the last word, and stored hashed.")

    @Argument(help: "The account's name.") var name: String
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let token = try UsersCommand.change { try UsersCommand.directory(database).makeToken(name: name, actor: UsersCommand.actor) }
            let id = UserDirectory.tokenID(of: token)
            try AccountChange(name: name, action: "token", token: token, tokenID: id)
                .print(format, lines: ["API token for \(name), id \(id) (shown once; keep it as you would a password): \(token)"])
        }
    }
}

struct UsersTokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "List an account's API tokens by id (the tokens themselves are not stored).")

    @Argument(help: "The account's name.") var name: String
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let tokens = try UsersCommand.change { try UserDirectory(try openDatabase(database, readOnly: true)).tokens(name: name) }
            if format == .json { print(try ResultOutput.json(tokens), terminator: ""); return }
            if tokens.isEmpty { Console.error("\(name) has no API tokens"); return }
            var table = TableBlock(header: [["token id", "made"].map { TableBlock.Cell($0) }],
                                   rows: tokens.map { [TableBlock.Cell($0.id, isRowHeader: true), TableBlock.Cell($0.created)] })
            table.alignments = [.left, .left]
            print(PlainTextWriter().render([.table(table)]), terminator: "")
        }
    }
}

struct UsersRevokeToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke-token", abstract: "Take one API token away, by its id; the account's other tokens keep working.")

    @Argument(help: "The account's name.") var name: String
    @Argument(help: "The token's id, as `users tokens` lists it.") var id: String
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            try UsersCommand.change { try UsersCommand.directory(database).revokeToken(name: name, id: id, actor: UsersCommand.actor) }
            try AccountChange(name: name, action: "revoke-token", tokenID: id.lowercased())
                .print(format, lines: ["API token \(id.lowercased()) of \(name) revoked"])
        }
    }
}

extension Role: ExpressibleByArgument {}

/// What an account command did, as `--format json` prints it. The password and the token
/// appear only when the command made them: they are shown this once.
struct AccountChange: Encodable {
    let name: String
    let action: String
    var roles: [Grant]? = nil
    var password: String? = nil
    var token: String? = nil
    var tokenID: String? = nil

    enum CodingKeys: String, CodingKey {
        case name, action, roles, password, token, tokenID = "token_id"
    }

    /// The JSON, or the sentence(s) for the terminal.
    func print(_ format: ResultFormat, lines: [String]) throws {
        if format == .json {
            Swift.print(try ResultOutput.json(self), terminator: "")
        } else {
            for line in lines { Swift.print(line) }
        }
    }
}
