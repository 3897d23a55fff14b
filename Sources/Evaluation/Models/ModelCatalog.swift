import Foundation
import LogicModel
import Store

/// Logic models kept in the database, versioned by content (DESIGN §3.1, issue 3):
/// adding a changed file makes a new version; adding the same file again changes
/// nothing.
public struct ModelCatalog {
    public static let kind = "logic-model"
    let documents: DocumentStore

    public init(_ database: Database) {
        documents = DocumentStore(database)
    }

    public struct Added {
        public var model: LogicModel
        public var outcome: AddOutcome
        public var warnings: [Diagnostic]
    }

    /// Validates the file at `path` and stores it. Throws `ValidationFailure` (with
    /// every located diagnostic) when it has errors; nothing is stored then.
    public func add(path: String) throws -> Added {
        let content = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        return try store(LogicModelDecoder.read(path: path), content: content, sourcePath: path)
    }

    /// The same for a model held in memory (the web's editor): `name` stands for the file
    /// in messages and as the stored source; `instrument` finds the survey instruments
    /// its `data:` bindings are checked against (the stored ones).
    public func add(content: String, name: String, instrument: ((String) -> Instrument?)? = nil) throws -> Added {
        try store(LogicModelDecoder.decode(Data(content.utf8), file: name, instrument: instrument), content: content,
                  sourcePath: name)
    }

    private func store(_ result: LogicModelDecoder.Result, content: String, sourcePath: String) throws -> Added {
        guard result.isValid, let model = result.model else {
            throw ValidationFailure(result.diagnostics)
        }
        let json = try JSONRenderer.render(model)
        let outcome = try documents.add(kind: Self.kind, id: model.id, content: content, json: json, sourcePath: sourcePath)
        return Added(model: model, outcome: outcome, warnings: result.warnings)
    }

    /// A model by reference: a value containing `/` or ending in `.yaml` is a path
    /// (validated, stored, then used); anything else is the id of a stored model,
    /// latest version unless `version` is given.
    public func resolve(_ reference: String, version: Int? = nil) throws -> LogicModel {
        if Self.isPath(reference) {
            return try add(path: reference).model
        }
        let stored: StoredDocument?
        if let version {
            stored = try documents.version(kind: Self.kind, id: reference, version: version)
        } else {
            stored = try documents.latest(kind: Self.kind, id: reference)
        }
        guard let stored else {
            let known = try documents.list(kind: Self.kind).map(\.id)
            var message = "no stored model with id \"\(reference)\"" + (version.map { " version \($0)" } ?? "")
            message += known.isEmpty
                ? "; add one first with `piloteval model add FILE.yaml`"
                : "; stored models: \(known.joined(separator: ", "))"
            throw CatalogError(message: message)
        }
        return try JSONRenderer.decode(stored.json)
    }

    public func list() throws -> [DocumentSummary] { try documents.list(kind: Self.kind) }

    public func versions(of id: String) throws -> [StoredDocument] { try documents.versions(kind: Self.kind, id: id) }

    public static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
    }
}

public struct CatalogError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
