import Evaluation
import Foundation
import LogicModel
import Periods
import Store

/// One upload of any kind, with what the CLI's import command takes as options: read
/// from the API's query parameters or a page form's fields, which carry the same names
/// (`instrument`, `wave`, `aggregated`, `extract_date`, `measure`, `value`,
/// `denominator`, `date`, `counts`), so both paths run the same import.
enum UploadRequest: Sendable {
    case indicators
    case cases(extractDate: CalendarDate?, mapping: Data?)
    case readiness(instrument: String, wave: String, aggregated: Bool)
    case measures(MeasureUpload.Options)

    static let kinds = [IndicatorImporter.kind, CaseImporter.kind, ReadinessImporter.kind, "measures"]

    var kind: String {
        switch self {
        case .indicators: IndicatorImporter.kind
        case .cases: CaseImporter.kind
        case .readiness: ReadinessImporter.kind
        case .measures: "measures"
        }
    }

    /// A parameter that is missing or wrong: which one, and the API's sentence.
    struct Invalid: Error, Sendable {
        let field: String
        let message: String
    }

    /// - Parameter value: a parameter's text by name, nil when absent.
    static func parse(kind: String, mapping: Data?, _ value: (String) -> String?) throws -> UploadRequest {
        func text(_ name: String) -> String? {
            value(name).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func flag(_ name: String) -> Bool { ["1", "true", "yes", "on"].contains(text(name) ?? "") }
        switch kind {
        case IndicatorImporter.kind:
            return .indicators
        case CaseImporter.kind:
            var date: CalendarDate?
            if let t = text("extract_date") {
                guard let d = CalendarDate(parsing: t) else {
                    throw Invalid(field: "extract_date", message: "extract_date \"\(t)\": give a date as YYYY-MM-DD")
                }
                date = d
            }
            return .cases(extractDate: date, mapping: mapping.flatMap { $0.isEmpty ? nil : $0 })
        case ReadinessImporter.kind:
            guard let instrument = text("instrument") else {
                throw Invalid(field: "instrument", message: "a survey wave needs ?instrument=ID&wave=WAVE (and aggregated=1 for unit means)")
            }
            guard let wave = text("wave") else {
                throw Invalid(field: "wave", message: "a survey wave needs ?instrument=ID&wave=WAVE (and aggregated=1 for unit means)")
            }
            return .readiness(instrument: instrument, wave: wave, aggregated: flag("aggregated"))
        case "measures":
            guard let measure = text("measure") else {
                throw Invalid(field: "measure", message: "a measure needs ?measure=ID (and value=, denominator=, date= to name columns)")
            }
            var counts: Counts?
            if let t = text("counts") {
                guard let c = Counts(rawValue: t) else { throw Invalid(field: "counts", message: "counts: persons or events") }
                counts = c
            }
            return .measures(.init(measure: measure, value: text("value"), denominator: text("denominator"), date: text("date"),
                                   counts: counts))
        default:
            throw Invalid(field: "kind", message: (kind.isEmpty ? "give the kind of file" : "unknown kind \"\(kind)\"")
                          + ": ?kind=" + kinds.joined(separator: ", ?kind="))
        }
    }
}

/// What an upload of any kind did, or would do: the kind's own preview, encoded as is.
enum UploadPreview: Encodable, Sendable {
    case indicators(IndicatorUpload.Preview)
    case cases(CaseUpload.Preview)
    case readiness(ReadinessUpload.Preview)
    case measures(MeasureUpload.Preview)

    func encode(to encoder: Encoder) throws {
        switch self {
        case .indicators(let p): try p.encode(to: encoder)
        case .cases(let p): try p.encode(to: encoder)
        case .readiness(let p): try p.encode(to: encoder)
        case .measures(let p): try p.encode(to: encoder)
        }
    }

    var fileName: String {
        switch self {
        case .indicators(let p): p.fileName
        case .cases(let p): p.fileName
        case .readiness(let p): p.fileName
        case .measures(let p): p.fileName
        }
    }

    var rows: Int {
        switch self {
        case .indicators(let p): p.rows
        case .cases(let p): p.rows
        case .readiness(let p): p.rows
        case .measures(let p): p.rows
        }
    }

    var warnings: [String] {
        switch self {
        case .indicators(let p): p.warnings
        case .cases(let p): p.warnings
        case .readiness(let p): p.warnings
        case .measures(let p): p.warnings
        }
    }
}

extension UploadOutcome {
    func map<T: Sendable>(_ transform: (Preview) -> T) -> UploadOutcome<T> {
        switch self {
        case .preview(let p): .preview(transform(p))
        case .imported(let p, let record): .imported(transform(p), record)
        }
    }
}

/// Runs an upload of any kind (`dryRun`: in a transaction rolled back); an import is
/// recorded in the change log in the same transaction as the import itself.
enum Upload {
    static func run(_ db: Database, modelID: String, request: UploadRequest, data: Data, fileName: String, dryRun: Bool,
                    keyFile: String?, actor: String) throws -> UploadOutcome<UploadPreview> {
        try db.transaction {
            let outcome = try run(db, modelID: modelID, request: request, data: data, fileName: fileName, dryRun: dryRun,
                                  keyFile: keyFile)
            if case .imported(let preview, let record) = outcome {
                try ChangeLog(db).record(actor: actor, action: "import", modelID: modelID, subject: "import \(record.id)",
                                         detail: "\(record.kind): \(record.fileName), \(preview.rows) rows")
            }
            return outcome
        }
    }

    static func run(_ db: Database, modelID: String, request: UploadRequest, data: Data, fileName: String, dryRun: Bool,
                    keyFile: String?) throws -> UploadOutcome<UploadPreview> {
        switch request {
        case .indicators:
            return try IndicatorUpload.run(db, modelID: modelID, data: data, fileName: fileName, dryRun: dryRun)
                .map(UploadPreview.indicators)
        case .cases(let extractDate, let mapping):
            return try CaseUpload.run(db, modelID: modelID, data: data, fileName: fileName, keyFile: keyFile,
                                      extractDate: extractDate, mapping: mapping, dryRun: dryRun, today: .today())
                .map(UploadPreview.cases)
        case .readiness(let instrument, let wave, let aggregated):
            return try ReadinessUpload.run(db, modelID: modelID, instrumentID: instrument, wave: wave, aggregated: aggregated,
                                           data: data, fileName: fileName, dryRun: dryRun)
                .map(UploadPreview.readiness)
        case .measures(let options):
            return try MeasureUpload.run(db, modelID: modelID, options: options, data: data, fileName: fileName, dryRun: dryRun)
                .map(UploadPreview.measures)
        }
    }
}

/// Undoes an import and records who did, in one transaction.
enum ImportUndo {
    static func run(_ db: Database, _ id: Int, actor: String, modelID: String? = nil) throws -> UndoneImport {
        try db.transaction {
            let undone = try ImportLog(db).undo(id)
            try ChangeLog(db).record(actor: actor, action: "undo", modelID: modelID, subject: "import \(id)",
                                     detail: "\(undone.record.kind): \(undone.record.fileName), \(undone.deletedRows.values.reduce(0, +)) rows")
            return undone
        }
    }
}
