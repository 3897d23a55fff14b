import Evaluation
import Foundation
import LogicModel
import Store

/// Saving one indicator into the stored model, shared by the indicator form and its API
/// twin: written into the model text (`IndicatorText`), the whole text checked by `model
/// add`'s decoder, read back and compared with what was meant, then stored as a new
/// version with its change-log entry — all in the caller's write transaction.
enum IndicatorSave {
    enum Outcome: Sendable {
        case saved(AddListing, from: Int)
        /// Errors in English, from the decoder or the writer; nothing stored.
        case refused([String])
        /// The decoder's warnings about the indicator, not yet seen (`fingerprint` confirms them).
        case warn([String], fingerprint: String)
        case unchanged
    }

    /// `confirmed`: the fingerprint of a text whose warnings the person has seen; nil
    /// saves without asking (the API answers the warnings with the version).
    static func save(_ indicator: Indicator, replacing existing: String?, model: LogicModel, document: StoredDocument,
                     confirmed: String?, actor: String, db: Database) throws -> Outcome {
        let text: String
        do {
            text = try IndicatorText.write(indicator, replacing: existing, in: document.content)
        } catch let failure as IndicatorText.Failure {
            return .refused([failure.description])
        }
        let instruments = InstrumentCatalog(db)
        let decoded = LogicModelDecoder.decode(Data(text.utf8), file: "modell.yaml", instrument: { try? instruments.resolve($0) })
        guard decoded.isValid, let read = decoded.model?.indicators.first(where: { $0.id == indicator.id }) else {
            return .refused(decoded.errors.map(\.message))
        }
        // The written text must read back as meant, and the rest of the model as it was;
        // anything else is a fault of the writer, and nothing is stored.
        var before = model, after = decoded.model!
        before.indicators.removeAll { $0.id == indicator.id }
        after.indicators.removeAll { $0.id == indicator.id }
        guard IndicatorText.sameForm(read, indicator), before == after else {
            return .refused(["indicator \(indicator.id) did not read back as written; nothing was stored (change it in the text form)"])
        }
        let warnings = decoded.warnings.filter { $0.id == indicator.id }
        let fingerprint = ContentHash.sha256(Data(text.utf8))
        if !warnings.isEmpty, let confirmed, confirmed != fingerprint { return .warn(warnings.map(\.message), fingerprint: fingerprint) }
        let added = try ModelCatalog(db).add(content: text, name: "webbformulär", instrument: { try? instruments.resolve($0) })
        guard case .added(let version) = added.outcome else { return .unchanged }
        try ChangeLog(db).record(actor: actor, action: "model", modelID: model.id, subject: "version \(version)",
                                 detail: "indicator \(indicator.id) " + (existing == nil ? "added" : "changed"))
        return .saved(AddListing(id: model.id, outcome: added.outcome, warnings: warnings), from: document.version)
    }
}
