import Foundation
import Store

/// The command line's own changes in the change log, and so in the access log (issue 24):
/// on a shared server the IT department also imports and undoes from a terminal, and a
/// reviewer of the log must see those too, with who ran them (`cli:USER`). Written after
/// the change itself; a failure to record is said, not hidden, and does not undo it.
enum CLIChanges {
    static func record(_ db: Database, action: String, pilot: String?, subject: String, detail: String? = nil) {
        do {
            try ChangeLog(db).record(actor: UsersCommand.actor, action: action, modelID: pilot, subject: subject, detail: detail)
        } catch {
            Console.error("warning: the change was made but could not be written to the access log: \(error)")
        }
    }
}
