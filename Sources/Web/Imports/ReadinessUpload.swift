import Evaluation
import Foundation
import LogicModel
import Store

/// An uploaded survey wave (issue 23), read as `readiness import` reads a file: the
/// instrument's items, the same checks and located messages, one transaction; a dry run
/// is the import rolled back. The instrument must be one the model's indicators read
/// (`data: {readiness: …}`): a pilot's page loads its own survey.
enum ReadinessUpload {
    struct Preview: Encodable, Sendable {
        let kind = ReadinessImporter.kind
        let fileName: String
        let instrument: String
        let wave: String
        let aggregated: Bool
        let rows: Int
        let units: [String]
        let missingItems: [String]
        let warnings: [String]
        let dryRun: Bool

        enum CodingKeys: String, CodingKey {
            case kind, instrument, wave, aggregated, rows, units, warnings
            case fileName = "file_name", missingItems = "missing_items", dryRun = "dry_run"
        }
    }

    static func run(_ db: Database, modelID: String, instrumentID: String, wave: String, aggregated: Bool,
                    data: Data, fileName: String, dryRun: Bool) throws -> UploadOutcome<Preview> {
        let model = try ModelCatalog(db).resolveVersioned(modelID).model
        let bound = Set(model.indicators.compactMap { $0.data?.readinessInstrument })
        guard bound.contains(instrumentID) else {
            throw UploadRefused(errors: ["instrument \"\(instrumentID)\" is not read by \(model.id)'s indicators"
                                         + (bound.isEmpty ? "" : "; they read: " + bound.sorted().joined(separator: ", "))])
        }
        let instrument = try InstrumentCatalog(db).resolve(instrumentID)
        let name = ImportLog.storedName(fileName)
        func preview(_ o: ReadinessImporter.Outcome, dry: Bool) -> Preview {
            Preview(fileName: name, instrument: instrument.id, wave: wave, aggregated: aggregated, rows: o.rows, units: o.units,
                    missingItems: o.missingItems, warnings: o.warnings, dryRun: dry)
        }
        do {
            let reader = try CSVReader(data: data, name: name, sheet: nil)
            let importer = ReadinessImporter(db)
            if dryRun {
                let outcome = try db.dryRun {
                    try importer.importFile(reader, name: name, instrument: instrument, wave: wave, aggregated: aggregated)
                }
                return .preview(preview(outcome, dry: true))
            }
            let outcome = try importer.importFile(reader, name: name, instrument: instrument, wave: wave, aggregated: aggregated)
            return .imported(preview(outcome, dry: false), outcome.record)
        } catch let error as CSVError {
            throw UploadRefused(errors: [error.description])
        } catch let error as ReadinessImportError {
            throw UploadRefused(errors: error.problems.map(\.description))
        }
    }
}

/// What an upload did, or would do.
enum UploadOutcome<Preview: Sendable>: Sendable {
    case preview(Preview)
    case imported(Preview, ImportRecord)
}

/// A refused upload: every located error, as the CLI prints them. Nothing was written.
struct UploadRefused: Error, Sendable {
    let errors: [String]
    /// The same errors with their line and column, where the reader located them (a
    /// form built as a file marks the field).
    var located: [CSVError] = []
}
