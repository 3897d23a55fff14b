import LogicModel
import Store

/// A model together with the stored version it was read from: imports record the
/// version current at the time, so a later version can tell what it dropped.
public struct VersionedModel: Sendable {
    public var model: LogicModel
    public var version: Int
}

extension ModelCatalog {
    /// Like `resolve`, but also says which stored version the model is. A path is
    /// validated and stored first (a changed file becomes the next version).
    public func resolveVersioned(_ reference: String) throws -> VersionedModel {
        if Self.isPath(reference) {
            let added = try add(path: reference)
            return VersionedModel(model: added.model, version: added.outcome.version)
        }
        let model = try resolve(reference)
        let version = try documents.latest(kind: Self.kind, id: model.id)?.version ?? 1
        return VersionedModel(model: model, version: version)
    }

    /// Every stored version of a model, decoded, oldest first; versions that no longer
    /// decode (written by an older piloteval) are left out.
    public func decodedVersions(of id: String) throws -> [VersionedModel] {
        try versions(of: id).compactMap { doc in
            (try? JSONRenderer.decode(doc.json)).map { VersionedModel(model: $0, version: doc.version) }
        }
    }
}
