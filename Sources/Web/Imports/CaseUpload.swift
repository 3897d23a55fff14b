import Evaluation
import Foundation
import LogicModel
import Periods
import Store

/// An uploaded case extract (issue 23), read as `cases import` reads a file: the same
/// column plan, checks and located messages, one transaction. Identity numbers are
/// replaced by pseudonyms with the server's key (`serve --key-file`) — never a key sent
/// by a browser — and the uploaded bytes live only in memory while the request (or a
/// pending browser preview) needs them: they are never written to disk or the database.
enum CaseUpload {
    struct Preview: Encodable, Sendable {
        let kind = CaseImporter.kind
        let fileName: String
        let rows: Int
        let pilotRows: Int
        let lineRows: Int
        let extractDate: String
        let extractDateFrom: String
        let supersededCases: Int
        let outcomes: [String]
        let notImported: [CaseImportSummary.NotImported]
        /// Column names only, never values.
        let identityColumns: [String]
        let pseudonymised: Int
        let warnings: [String]
        let dryRun: Bool

        init(_ s: CaseImportSummary, fileName: String, dryRun: Bool) {
            self.fileName = fileName
            rows = s.rows
            pilotRows = s.pilotRows
            lineRows = s.lineRows
            extractDate = s.extractDate
            extractDateFrom = s.extractDateFrom
            supersededCases = s.supersededCases
            outcomes = s.outcomes
            notImported = s.notImported
            identityColumns = s.identityColumns
            pseudonymised = s.pseudonymised
            warnings = s.warnings
            self.dryRun = dryRun
        }

        enum CodingKeys: String, CodingKey {
            case kind, rows, outcomes, pseudonymised, warnings
            case fileName = "file_name", pilotRows = "pilot_rows", lineRows = "line_rows", extractDate = "extract_date"
            case extractDateFrom = "extract_date_from", supersededCases = "superseded_cases", notImported = "not_imported"
            case identityColumns = "identity_columns", dryRun = "dry_run"
        }
    }

    /// What a refused extract says to do when the server has no key (`serve --key-file`,
    /// read at each upload, so its permissions are checked each time).
    static let missingKeyAdvice = "This server has no pseudonymisation key: whoever runs it can restart it with `serve --key-file KEY` (a key made once with `piloteval key create KEY`, kept apart from the database; docs/cases.md)"

    static func run(_ db: Database, modelID: String, data: Data, fileName: String, keyFile: String?,
                    extractDate: CalendarDate?, mapping: Data?, dryRun: Bool, today: CalendarDate) throws -> UploadOutcome<Preview> {
        let model = try ModelCatalog(db).resolve(modelID)
        let name = ImportLog.storedName(fileName)
        do {
            let key = try keyFile.map { try PseudonymKey.read(path: $0) }
            let map = try mapping.map { try CaseMapping.parse($0, file: "mapping") }
            var request = CaseImportRequest(path: "", displayName: name, model: model, mapping: map, key: key,
                                            extractDate: extractDate, today: today)
            request.missingKeyAdvice = missingKeyAdvice
            let importer = CaseImporter(db)
            if dryRun {
                return .preview(Preview(try db.dryRun { try importer.run(request, data: data) }, fileName: name, dryRun: true))
            }
            let summary = try importer.run(request, data: data)
            guard let record = try ImportLog(db).record(summary.importID) else {
                throw UploadRefused(errors: ["the import was not recorded"])
            }
            return .imported(Preview(summary, fileName: name, dryRun: false), record)
        } catch let error as CSVError {
            throw UploadRefused(errors: [error.description])
        } catch let error as CaseImportError {
            throw UploadRefused(errors: [error.description])
        } catch let error as ValidationFailure {
            throw UploadRefused(errors: error.diagnostics.map(\.description))
        } catch let error as PseudonymKeyError {
            // The key file is the server's: its path is the operator's business, not the browser's.
            throw UploadRefused(errors: ["the server's pseudonymisation key cannot be used (\(error.description)); tell whoever runs the server"])
        }
    }
}
