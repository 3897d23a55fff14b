import Evaluation
import Foundation
import LogicModel
import Store

/// An uploaded improvement measure (issue 23), read as `measures import` reads a file:
/// the value (or numerator) and date columns found by name, or named in the query, one
/// row per date, one transaction.
enum MeasureUpload {
    struct Preview: Encodable, Sendable {
        let kind = "measures"
        let fileName: String
        let measure: String
        let rows: Int
        let first: String
        let last: String
        let counts: String
        let warnings: [String]
        let dryRun: Bool

        enum CodingKeys: String, CodingKey {
            case kind, measure, rows, first, last, counts, warnings
            case fileName = "file_name", dryRun = "dry_run"
        }
    }

    /// The columns and what the values count, as `measures import` takes them.
    struct Options: Sendable {
        var measure: String
        var value: String?
        var denominator: String?
        var date: String?
        var counts: Counts?
    }

    static func run(_ db: Database, modelID: String, options o: Options, data: Data, fileName: String,
                    dryRun: Bool) throws -> UploadOutcome<Preview> {
        _ = try ModelCatalog(db).resolve(modelID)   // an unknown model is a 404, as for the other kinds
        // A stored measure another pilot claims (its cycles watch it, its indicators read it)
        // is not this pilot's to add to; a new measure, or one of this pilot's, is.
        let stored = Set(try MeasureTable(db).list().map(\.measure))
        if stored.contains(o.measure), try !PDSACatalog(db).measures(of: modelID).contains(o.measure) {
            throw UploadRefused(errors: ["measure \(o.measure) belongs to another pilot; choose another name for this pilot's measure"])
        }
        let name = ImportLog.storedName(fileName)
        func preview(_ outcome: MeasureImporter.Outcome, dry: Bool) -> Preview {
            Preview(fileName: name, measure: outcome.measure, rows: outcome.record.rowCount, first: outcome.first, last: outcome.last,
                    counts: outcome.counts.rawValue, warnings: outcome.notes, dryRun: dry)
        }
        do {
            let reader = try CSVReader(data: data, name: name, sheet: nil)
            let importer = MeasureImporter(db)
            func run() throws -> MeasureImporter.Outcome {
                try importer.importFile(reader, fileName: name, measure: o.measure, value: o.value, denominator: o.denominator,
                                        date: o.date, counts: o.counts)
            }
            if dryRun { return .preview(preview(try db.dryRun(run), dry: true)) }
            // Imported under this pilot: the measure is the pilot's from now on (a shared
            // server shows it to no other).
            let outcome = try db.transaction {
                let outcome = try run()
                try ImportLog(db).setPilot(modelID, of: outcome.record.id)
                return outcome
            }
            return .imported(preview(outcome, dry: false), outcome.record)
        } catch let error as CSVError {
            throw UploadRefused(errors: [error.description])
        } catch let error as AnalysisInputError {
            throw UploadRefused(errors: [error.description])
        }
    }
}
