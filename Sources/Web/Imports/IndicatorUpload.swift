import Evaluation
import Foundation
import LogicModel
import Store

/// An uploaded file of indicator values (issue 23), read as `indicators import` reads a
/// file: the same checks, the same located messages, one transaction. A dry run does
/// everything but commit — the import runs inside a transaction that is rolled back — so
/// its preview is exactly what a real import would do.
enum IndicatorUpload {
    /// What an import did, or would do (`dryRun`).
    struct Preview: Encodable, Sendable {
        let kind = IndicatorImporter.kind
        let fileName: String
        let rows: Int
        let indicators: [String]
        let periods: [String]
        let warnings: [String]
        let dryRun: Bool

        enum CodingKeys: String, CodingKey {
            case kind, rows, indicators, periods, warnings
            case fileName = "file_name", dryRun = "dry_run"
        }
    }

    typealias Outcome = UploadOutcome<Preview>

    /// - Parameter repeatable: content imported before is taken again (the entry form).
    static func run(_ db: Database, modelID: String, data: Data, fileName: String, dryRun: Bool,
                    repeatable: Bool = false) throws -> Outcome {
        let versioned = try ModelCatalog(db).resolveVersioned(modelID)
        let name = ImportLog.storedName(fileName)
        do {
            let reader = try CSVReader(data: data, name: name, sheet: nil)
            func preview(_ summary: IndicatorImporter.Summary, dry: Bool) -> Preview {
                Preview(fileName: name, rows: summary.rows, indicators: summary.indicators, periods: summary.periods,
                        warnings: summary.warnings.map { "\(name):\($0.lines.first ?? 0): \($0.message)" }
                            + (reader.noDataNote.map { [$0] } ?? []),
                        dryRun: dry)
            }
            if dryRun {
                let summary = try db.dryRun {
                    try IndicatorImporter(db).importFile(reader, model: versioned, fileName: name, repeatable: repeatable)
                }
                return .preview(preview(summary, dry: true))
            }
            let summary = try IndicatorImporter(db).importFile(reader, model: versioned, fileName: name, repeatable: repeatable)
            return .imported(preview(summary, dry: false), summary.record)
        } catch let error as CSVError {
            throw UploadRefused(errors: [error.description], located: [error])
        } catch let error as ObservationFileError {
            throw UploadRefused(errors: error.errors.map(\.description), located: error.errors)
        }
    }
}
