import Foundation
import Evaluation
import LogicModel
import Periods
import Store

/// `piloteval report verify FILE.json`: recomputes every figure of a report's JSON from
/// the database (and the inputs recorded in it) and lists each one that differs.
public enum ReportVerifier {
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        /// Where in the JSON: `results.budget.income_total`, `model.sha256`, `data_files[0]`.
        public var path: String
        public var reported: String
        public var recomputed: String

        public var description: String { "\(path): report says \(reported), recomputed \(recomputed)" }
    }

    public struct Outcome: Sendable {
        public var differences: [Difference]
        /// Checked items, for the summary line.
        public var figuresChecked: Int
        /// Remarks on what was checked (where a relatively named file was found).
        public var notes: [String]
        /// Files the report names that verify needs and could not find (a budget file
        /// given by a relative path, looked for from here and beside the report): each a
        /// sentence saying where it looked. Not checked means not verified: the command
        /// exits 1 when there are any.
        public var missingFiles: [String] = []
    }

    /// Relative tolerance for numbers: the JSON is written with full precision, so
    /// anything beyond this is a real difference (DESIGN §4's 1e-9).
    static let tolerance = 1e-9

    /// - Parameter reportPath: where the report JSON was read from; a relative input path
    ///   the report names is looked for from the current folder, then beside the report.
    public static func verify(_ record: ReportRecord, database: Database, reportPath: String? = nil,
                              builders: [AnySectionBuilder] = SectionRegistry.builders) throws -> Outcome {
        var differences: [Difference] = []
        var notes: [String] = []
        var missingFiles: [String] = []
        guard record.schema == ReportRecord.schemaID else {
            throw VerifyError(message: "not a piloteval report JSON (schema \"\(record.schema)\", expected \(ReportRecord.schemaID))")
        }

        // The model version the report names, by content hash.
        let documents = DocumentStore(database)
        guard let stored = try documents.version(kind: ModelCatalog.kind, id: record.model.id, version: record.model.version) else {
            differences.append(Difference(path: "model", reported: "\(record.model.id) version \(record.model.version)",
                                          recomputed: "no such model version in the database"))
            return Outcome(differences: differences, figuresChecked: 1, notes: notes, missingFiles: missingFiles)
        }
        if stored.sha256 != record.model.sha256 {
            differences.append(Difference(path: "model.sha256", reported: record.model.sha256, recomputed: stored.sha256))
        }
        let model: LogicModel = try JSONRenderer.decode(stored.json)

        // The imports the figures rest on.
        let log = ImportLog(database)
        for (i, file) in record.dataFiles.enumerated() {
            if let now = try log.record(file.importID) {
                if now.fileSHA256 != file.sha256 {
                    differences.append(Difference(path: "data_files[\(i)].sha256", reported: file.sha256, recomputed: now.fileSHA256))
                }
                if let rows = file.rows, now.rowCount != rows {
                    differences.append(Difference(path: "data_files[\(i)].rows", reported: String(rows), recomputed: String(now.rowCount)))
                }
            } else {
                differences.append(Difference(path: "data_files[\(i)]", reported: "import \(file.importID) (\(file.fileName))",
                                              recomputed: "no such import in the database (undone?)"))
            }
        }

        // The budget file: its content must still be what the report was made from.
        if let ref = record.parameters.budgetFile {
            switch locate(ref.path, reportPath: reportPath) {
            case .found(let path):
                let now = try ContentHash.sha256(fileAt: path)
                if now != ref.sha256 {
                    differences.append(Difference(path: "parameters.budget_file.sha256", reported: ref.sha256, recomputed: now))
                }
                if path != ref.path { notes.append("budget file \(ref.path) found beside the report, as \(path)") }
            case .missing(let looked):
                missingFiles.append("budget file \(ref.path) (parameters.budget_file) cannot be found: looked for "
                                    + looked.joined(separator: " and ")
                                    + (ref.path.hasPrefix("/") ? "" : "; the path is relative to the folder the report was made in")
                                    + ". Run verify from that folder, or put the file back; its lines were checked only as recorded in the JSON")
            }
        }

        // Every result, recomputed with the context the report was made with.
        guard let language = Language(rawValue: record.language) else {
            throw VerifyError(message: "unknown language \"\(record.language)\"")
        }
        var period: Period?
        if let text = record.parameters.period {
            guard let p = Period(parsing: text) else { throw VerifyError(message: "parameters.period \"\(text)\" is not a period") }
            period = p
        }
        let request = ReportRequest(kind: record.kind, language: language, format: record.parameters.format, period: period,
                                    suppression: SuppressionRule(threshold: record.parameters.suppressionThreshold,
                                                                 audience: record.parameters.audience),
                                    budget: record.inputs.budget, toolVersion: record.tool.version,
                                    draft: record.parameters.draft)
        let provenance = ReportRecord.ModelProvenance(id: stored.id, name: model.name, version: stored.version, sha256: stored.sha256)
        let context = ReportContext(model: model, modelProvenance: provenance, request: request,
                                    strings: ReportStrings(language), database: database)
        var checked = 1 + record.dataFiles.count
        do {
            let run = try ReportEngine.run(context, builders: builders)
            let recomputed = run.results
            // The headlines the next brief compares with: each must be the recomputed
            // one (a hand-edited "before" would make the next brief's changes wrong).
            for h in record.headlines ?? [] {
                checked += 1
                let now = run.headlines.first { $0.id == h.id && $0.path == h.path }
                if now?.value != h.value {
                    differences.append(Difference(path: "headlines[\(h.id)]", reported: h.value.map { "\($0)" } ?? "null",
                                                  recomputed: now.map { $0.value.map { "\($0)" } ?? "null" } ?? "absent"))
                }
            }
            let reported = JSONValue.object(record.results).leaves()
            let fresh = Dictionary(JSONValue.object(recomputed).leaves().map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
            var seen = Set<String>()
            for (path, value) in reported {
                seen.insert(path)
                checked += 1
                guard let now = fresh[path] else {
                    differences.append(Difference(path: "results." + path, reported: value.display, recomputed: "absent"))
                    continue
                }
                if !same(value, now) {
                    differences.append(Difference(path: "results." + path, reported: value.display, recomputed: now.display))
                }
            }
            for (path, value) in JSONValue.object(recomputed).leaves() where !seen.contains(path) {
                differences.append(Difference(path: "results." + path, reported: "absent", recomputed: value.display))
            }
        } catch {
            differences.append(Difference(path: "results", reported: "\(record.results.count) result values",
                                          recomputed: "cannot recompute: \(error)"))
        }
        return Outcome(differences: differences, figuresChecked: checked, notes: notes, missingFiles: missingFiles)
    }

    enum Located: Equatable {
        case found(String)
        /// The places looked in, as paths.
        case missing([String])
    }

    /// An absolute path as it is; a relative one from the current folder, then from the
    /// report's folder (a report is often moved together with its inputs).
    static func locate(_ path: String, reportPath: String?) -> Located {
        let files = FileManager.default
        func isFile(_ p: String) -> Bool {
            var directory: ObjCBool = false
            return files.fileExists(atPath: p, isDirectory: &directory) && !directory.boolValue
        }
        if path.hasPrefix("/") { return isFile(path) ? .found(path) : .missing([path]) }
        var looked = ["./" + path]
        if isFile(path) { return .found(path) }
        if let reportPath {
            let folder = (reportPath as NSString).deletingLastPathComponent
            if !folder.isEmpty, folder != "." {
                let beside = (folder as NSString).appendingPathComponent(path)
                if isFile(beside) { return .found(beside) }
                looked.append(beside)
            }
        }
        return .missing(looked)
    }

    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b {
            if x == y { return true }
            return abs(x - y) <= tolerance * max(abs(x), abs(y))
        }
        return a == b
    }
}

public struct VerifyError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
