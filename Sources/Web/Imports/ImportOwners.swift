import Accounts
import Evaluation
import LogicModel
import Store

/// Whose an import is, for undoing it on a shared server (issue 24): the pilots whose
/// imports page lists it (`ImportsPage.related`: their observations and extracts, the
/// waves of surveys they read, their measures). A survey wave two pilots read is both
/// pilots' data, so undoing it takes the right to edit each of them: one team cannot
/// take away what another's reports stand on.
enum ImportOwners {
    static func pilots(of importID: Int, _ db: Database) throws -> [String] {
        let imports = try ImportLog(db).list(), catalog = ModelCatalog(db), claims = try PDSACatalog(db).claims()
        return try catalog.list().compactMap { summary in
            let model = try catalog.resolve(summary.id)
            let related = ImportsPage.related(imports, to: model, measures: claims.measures(of: model.id))
            return related.contains { $0.id == importID } ? model.id : nil
        }
    }

    enum Refusal {
        /// The account may edit some of the pilots that use the import, not all.
        case sharedWithAnotherPilot
        case notAnEditor

        /// The API's words (English, as its other messages). A pilot the account does not
        /// see is not named.
        var message: String {
            switch self {
            case .sharedWithAnotherPilot:
                "the import is also used by another pilot: it can be undone by someone who may edit every pilot that uses it"
            case .notAnEditor: "your role does not allow undoing this import"
            }
        }

        /// The page's words.
        var stringKey: String { self == .sharedWithAnotherPilot ? "imports.undo_shared" : "error.forbidden" }
    }

    /// Why `user` may not undo an import of `pilots`, or nil when they may. Local mode
    /// (no account) may.
    static func refusal(_ user: User?, pilots: [String]) -> Refusal? {
        guard let user else { return nil }
        if pilots.allSatisfy({ user.may(.editor, on: $0) }) { return nil }
        return pilots.contains(where: { user.may(.editor, on: $0) }) ? .sharedWithAnotherPilot : .notAnEditor
    }
}
