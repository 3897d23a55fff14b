import LogicModel
import Store

/// `piloteval indicators import FILE --model ID`: reads an observations file, checks
/// it against the model, and stores rows and warnings in one transaction recorded in
/// the import log. A file with any error imports nothing; the same bytes imported for
/// the same model again are refused (ImportLog), whatever the file is called.
public struct IndicatorImporter {
    public static let kind = "indicators"
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    public struct Summary: Sendable {
        public var record: ImportRecord
        public var modelID: String
        public var modelVersion: Int
        public var rows: Int
        public var warnings: [ObservationWarning]
        public var indicators: [String]
        public var periods: [String]
    }

    /// Imports `reader`'s rows for `model`. Throws `ObservationFileError` (every located
    /// problem) or `ImportLogError.alreadyImported`; in both cases nothing is written.
    /// `repeatable`: content imported before is taken again (the web's entry form).
    public func importFile(_ reader: CSVReader, model: VersionedModel, fileName: String? = nil,
                           repeatable: Bool = false) throws -> Summary {
        let log = ImportLog(database)
        // Refuse a repeat before reading: the answer does not depend on the content.
        if !repeatable { try log.ensureNotImported(kind: Self.kind, sha256: reader.sha256, target: model.model.id) }
        let rows = try ObservationFile.read(reader)
        let checked = ObservationChecks.check(rows, model: model.model, file: reader.name)
        if !checked.errors.isEmpty { throw ObservationFileError(errors: checked.errors.map(reader.located)) }
        let record = try log.record(kind: Self.kind, fileName: fileName ?? reader.name,
                                    fileSHA256: reader.sha256, target: model.model.id, repeatable: repeatable) { importID in
            try ObservationStore(database).insert(checked.observations, warnings: checked.warnings,
                                                  importID: importID, modelID: model.model.id,
                                                  modelVersion: model.version)
            return checked.observations.count
        }
        return Summary(record: record, modelID: model.model.id, modelVersion: model.version,
                       rows: checked.observations.count, warnings: checked.warnings,
                       indicators: unique(checked.observations.map(\.indicator)),
                       periods: unique(checked.observations.map(\.period).sorted().map(\.text)))
    }

    private func unique(_ xs: [String]) -> [String] {
        var seen: Set<String> = []
        return xs.filter { seen.insert($0).inserted }
    }
}
