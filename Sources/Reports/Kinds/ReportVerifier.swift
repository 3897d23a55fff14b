import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Store

/// `piloteval report verify FILE.json`: recomputes every figure of a report's JSON from
/// the database (and the inputs recorded in it) and lists each one that differs.
public enum ReportVerifier {
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        /// Where in the JSON: `results.budget.income_total`, `model.sha256`, `data_files[0]`.
        public var path: String
        public var reported: String
        public var recomputed: String
        /// The written document (HTML, DOCX, Markdown) the difference is in; nil for the
        /// record itself. Then `path` says where in the document, `reported` what it shows
        /// and `recomputed` what the record holds there.
        public var document: String? = nil

        public var description: String {
            if let document { return "\(document): \(path): the document says \(reported), the record \(recomputed)" }
            return "\(path): report says \(reported), recomputed \(recomputed)"
        }
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
        /// The written documents checked against the record (found beside it, or given).
        public var documentsChecked: [String] = []
    }

    /// Relative tolerance for numbers: the JSON is written with full precision, so
    /// anything beyond this is a real difference (DESIGN §4's 1e-9).
    static let tolerance = 1e-9

    /// - Parameter reportPath: where the report JSON was read from; a relative input path
    ///   the report names is looked for from the current folder, then beside the report.
    /// - Parameters:
    ///   - documents: the written reports to check against the record; nil checks those
    ///     beside `reportPath` with its name (`documents(beside:)`).
    ///   - text: the author's text, when the caller has it parsed (else read from the
    ///     recorded text file, if found with its recorded hash).
    public static func verify(_ record: ReportRecord, database: Database, reportPath: String? = nil,
                              documents: [Document]? = nil, text: SectionText? = nil,
                              builders: [AnySectionBuilder] = SectionRegistry.builders) throws -> Outcome {
        var differences: [Difference] = []
        var documentsChecked: [String] = []
        var notes: [String] = []
        var missingFiles: [String] = []
        guard record.schema == ReportRecord.schemaID else {
            throw VerifyError(message: "not a piloteval report JSON (schema \"\(record.schema)\", expected \(ReportRecord.schemaID))")
        }

        // The model version the report names, by content hash.
        let store = DocumentStore(database)
        guard let stored = try store.version(kind: ModelCatalog.kind, id: record.model.id, version: record.model.version) else {
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
        var request = ReportRequest(kind: record.kind, language: language, format: record.parameters.format, period: period,
                                    suppression: SuppressionRule(threshold: record.parameters.suppressionThreshold,
                                                                 audience: record.parameters.audience),
                                    budget: record.inputs.budget, toolVersion: record.tool.version,
                                    draft: record.parameters.draft)
        let provenance = ReportRecord.ModelProvenance(id: stored.id, name: model.name, version: stored.version, sha256: stored.sha256)
        // What the documents were made with beyond the database: the author's text, the
        // previous brief, the templates. Each found is used to rebuild the document; one
        // not found narrows the check of the documents (a note says how).
        var strings = ReportStrings(language)
        var exact = true
        if let directory = record.parameters.templatesDirectory {
            if let found = locateDirectory(directory, reportPath: reportPath), let set = try? TemplateSet(directory: found),
               let s = try? set.strings(language) {
                strings = s
            } else {
                exact = false
                notes.append("templates \(directory) not found: the documents' words are compared with the default templates'")
            }
        }
        if let ref = record.parameters.textFile {
            if text != nil {
                request.text = text
            } else if case .found(let path) = locate(ref.path, reportPath: reportPath),
                      (try? ContentHash.sha256(fileAt: path)) == ref.sha256 {
                let matcher = ReportLayout.matcher(record.kind, strings: strings, model: model)
                request.text = try? SectionText.read(path: path, matcher: matcher)
            }
            if request.text == nil {
                exact = false
                notes.append("text file \(ref.path) not found as recorded: the documents' tables and chart captions are checked, not their sentences")
            }
            request.textFile = ref
        } else if let text {
            request.text = text
        }
        if let ref = record.parameters.since {
            if case .found(let path) = locate(ref.path, reportPath: reportPath), let data = FileManager.default.contents(atPath: path),
               let previous = try? JSONWriter.read(data, name: path) {
                request.since = previous
            } else {
                exact = false
                notes.append("previous report \(ref.path) not found: what changed since it is not checked in the documents")
            }
            request.sinceFile = ref
        }
        request.budgetFile = record.parameters.budgetFile
        request.templatesDirectory = record.parameters.templatesDirectory
        var checked = 1 + record.dataFiles.count
        do {
            let built = try ReportEngine.build(model: model, provenance: provenance, request: request, strings: strings,
                                               database: database, builders: builders)
            let recomputed = built.record.results
            // The headlines the next brief compares with: each must be the recomputed
            // one (a hand-edited "before" would make the next brief's changes wrong).
            for h in record.headlines ?? [] {
                checked += 1
                let now = (built.record.headlines ?? []).first { $0.id == h.id && $0.path == h.path }
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

            // The documents written beside the record: their figures must be the record's.
            for document in documents ?? Self.documents(beside: reportPath) {
                let rendered: RenderedDocument
                do {
                    rendered = try RenderedDocument.read(document.data, format: document.format, attachments: document.attachments)
                } catch {
                    differences.append(Difference(path: "document", reported: "unreadable", recomputed: "\(error)", document: document.name))
                    continue
                }
                let findings = DocumentFigureCheck.check(rendered, against: built.document, strings: strings, sentences: exact)
                checked += WrittenNumbers.values(in: rendered.text, language: language).count
                documentsChecked.append(document.name)
                differences += findings.map { Difference(path: $0.place, reported: $0.document, recomputed: $0.record, document: document.name) }
            }
        } catch {
            differences.append(Difference(path: "results", reported: "\(record.results.count) result values",
                                          recomputed: "cannot recompute: \(error)"))
        }
        return Outcome(differences: differences, figuresChecked: checked, notes: notes, missingFiles: missingFiles,
                       documentsChecked: documentsChecked)
    }

    /// A written report to check against the record.
    public struct Document: Sendable {
        /// For messages: the file's name or path.
        public var name: String
        public var format: ReportFormat
        public var data: Data
        /// A Markdown file's figures (SVG), written beside it.
        public var attachments: [Data]

        public init(name: String, format: ReportFormat, data: Data, attachments: [Data] = []) {
            self.name = name
            self.format = format
            self.data = data
            self.attachments = attachments
        }
    }

    /// The documents `piloteval report -o NAME.FORMAT` writes beside `NAME.json`: the same
    /// name with .html, .docx and .md (a Markdown file's figures in `NAME-figures/`).
    public static func documents(beside reportPath: String?) -> [Document] {
        guard let reportPath, reportPath.hasSuffix(".json") else { return [] }
        let base = String(reportPath.dropLast(".json".count))
        var out: [Document] = []
        for format in [ReportFormat.html, .docx, .markdown] {
            let path = base + "." + format.fileExtension
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            var attachments: [Data] = []
            if format == .markdown {
                let folder = base + "-figures"
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                for name in names.sorted() where name.hasSuffix(".svg") {
                    if let svg = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) {
                        attachments.append(svg)
                    }
                }
            }
            out.append(Document(name: path, format: format, data: data, attachments: attachments))
        }
        return out
    }

    /// A directory, absolute or from here, else beside the report.
    static func locateDirectory(_ path: String, reportPath: String?) -> String? {
        var directory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &directory), directory.boolValue { return path }
        guard !path.hasPrefix("/"), let reportPath else { return nil }
        let beside = ((reportPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
        return FileManager.default.fileExists(atPath: beside, isDirectory: &directory) && directory.boolValue ? beside : nil
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
