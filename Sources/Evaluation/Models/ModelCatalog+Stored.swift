import LogicModel
import Store

extension ModelCatalog {
    /// A model together with the stored version it was read from, for provenance: a
    /// report names the model id, version and content hash so `report verify` can find
    /// that exact version again. References resolve as in `resolve(_:version:)`.
    public func resolveStored(_ reference: String, version: Int? = nil) throws -> (model: LogicModel, document: StoredDocument) {
        let model = try resolve(reference, version: version)
        let stored: StoredDocument?
        if Self.isPath(reference) {
            stored = try documents.latest(kind: Self.kind, id: model.id)
        } else if let version {
            stored = try documents.version(kind: Self.kind, id: reference, version: version)
        } else {
            stored = try documents.latest(kind: Self.kind, id: reference)
        }
        guard let stored else { throw CatalogError(message: "model \(reference) resolved but its stored version is missing") }
        return (model, stored)
    }
}
