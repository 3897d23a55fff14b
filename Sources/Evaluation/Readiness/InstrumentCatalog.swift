import Foundation
import LogicModel
import Store

/// Survey instruments kept in the database as documents of kind `instrument`,
/// versioned by content like logic models (ModelCatalog).
public struct InstrumentCatalog {
    public static let kind = "instrument"
    let documents: DocumentStore

    public init(_ database: Database) {
        documents = DocumentStore(database)
    }

    public struct Added {
        public var instrument: Instrument
        public var outcome: AddOutcome
        public var warnings: [Diagnostic]
    }

    /// Validates the file at `path` and stores it. Throws `ValidationFailure` with every
    /// located diagnostic when it has errors; nothing is stored then.
    public func add(path: String) throws -> Added {
        let result = InstrumentDecoder.read(path: path)
        guard result.isValid, let instrument = result.instrument else {
            throw ValidationFailure(result.diagnostics)
        }
        let content = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        let outcome = try documents.add(kind: Self.kind, id: instrument.id, content: content,
                                        json: try Self.json(instrument), sourcePath: path)
        return Added(instrument: instrument, outcome: outcome, warnings: result.warnings)
    }

    /// `--instrument`: a value containing `/` or ending in `.yaml` is a path (validated,
    /// stored, then used); anything else is the id of a stored instrument, latest version.
    public func resolve(_ reference: String) throws -> Instrument {
        if ModelCatalog.isPath(reference) { return try add(path: reference).instrument }
        guard let stored = try documents.latest(kind: Self.kind, id: reference) else {
            let known = try documents.list(kind: Self.kind).map(\.id)
            var message = "no stored instrument with id \"\(reference)\""
            message += known.isEmpty
                ? "; give the instrument file instead, e.g. --instrument Models/instruments/\(reference).yaml"
                : "; stored instruments: \(known.joined(separator: ", "))"
            throw CatalogError(message: message)
        }
        return try JSONDecoder().decode(Instrument.self, from: Data(stored.json.utf8))
    }

    public func list() throws -> [DocumentSummary] { try documents.list(kind: Self.kind) }

    /// The surveys a model's reports and pages show: the instrument named as the model,
    /// or named after it (`vallingbyteamet-readiness` for `vallingbyteamet`), by id.
    public func reported(for modelID: String) throws -> [String] {
        try list().map(\.id).filter { $0 == modelID || $0.hasPrefix(modelID + "-") }.sorted()
    }

    static func json(_ instrument: Instrument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(instrument), as: UTF8.self) + "\n"
    }
}
