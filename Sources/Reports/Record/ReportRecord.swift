import Evaluation
import Foundation
import Presentation

/// The JSON form of a report (`--format json`): every result value the report shows,
/// the inputs it was built from, and provenance — enough for `piloteval report verify`
/// to recompute each figure from the database and say which differ.
///
/// Figures here are the ones the report *shows*: a suppressed count is `null` with a
/// `_note`, never the hidden number (the JSON travels with the report).
public struct ReportRecord: Codable, Sendable, Equatable {
    public static let schemaID = "piloteval/report/v1"

    public var schema: String = ReportRecord.schemaID
    public var kind: ReportKind
    public var language: String
    public var title: String
    public var generatedAt: String
    public var tool: Tool
    public var parameters: Parameters
    public var model: ModelProvenance
    /// Every import the figures rest on, as the imports table records it.
    public var dataFiles: [DataFile]
    /// The inputs that are not in the database (budget lines), as read.
    public var inputs: Inputs
    /// One result value per section builder, by its key ("budget", "logic_model", …).
    public var results: [String: JSONValue]
    /// The document's outline: which sections hold computed parts, prose or placeholders.
    public var sections: [SectionSummary]
    /// The headline figures the sections declared (`HeadlineFigure`), for the next
    /// brief's "what changed". Absent in records written before they existed.
    public var headlines: [HeadlineFigure]? = nil
    /// What disclosure control withheld, by part and rule (`DisclosureSummary`). Absent
    /// in records written before it existed.
    public var disclosure: DisclosureSummary? = nil

    enum CodingKeys: String, CodingKey {
        case schema, kind, language, title, tool, parameters, model, inputs, results, sections, headlines, disclosure
        case generatedAt = "generated_at"
        case dataFiles = "data_files"
    }

    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        public init(name: String = "piloteval", version: String) {
            self.name = name
            self.version = version
        }
    }

    public struct Parameters: Codable, Sendable, Equatable {
        public var format: String
        public var period: String?
        public var suppressionThreshold: Int
        /// `public` or `internal` (DESIGN §9); records made before audiences read as public.
        public var audience: Audience
        public var textFile: FileReference?
        public var budgetFile: FileReference?
        public var templatesDirectory: String?
        public var since: FileReference?
        /// `report --draft` (placeholders as marked boxes); records from before it read as false.
        public var draft: Bool

        enum CodingKeys: String, CodingKey {
            case format, period, since, audience, draft
            case suppressionThreshold = "suppression_threshold"
            case textFile = "text_file"
            case budgetFile = "budget_file"
            case templatesDirectory = "templates_directory"
        }

        public init(format: String, period: String? = nil, suppressionThreshold: Int = 5,
                    audience: Audience = .public, textFile: FileReference? = nil, budgetFile: FileReference? = nil,
                    templatesDirectory: String? = nil, since: FileReference? = nil, draft: Bool = false) {
            self.format = format
            self.period = period
            self.suppressionThreshold = suppressionThreshold
            self.audience = audience
            self.textFile = textFile
            self.budgetFile = budgetFile
            self.templatesDirectory = templatesDirectory
            self.since = since
            self.draft = draft
        }
    }

    public struct FileReference: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public struct ModelProvenance: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var version: Int
        /// SHA-256 of the stored YAML text of that version.
        public var sha256: String
        public init(id: String, name: String, version: Int, sha256: String) {
            self.id = id
            self.name = name
            self.version = version
            self.sha256 = sha256
        }
    }

    public struct DataFile: Codable, Sendable, Equatable {
        public var importID: Int
        public var kind: String
        public var fileName: String
        public var sha256: String
        /// The import's row count; nil (with `rowsNote`) where it would give a withheld
        /// group's size back: a survey wave's respondents include its withheld units.
        public var rows: Int?
        public var rowsNote: String?
        public var target: String?
        public var importedAt: String

        enum CodingKeys: String, CodingKey {
            case kind, sha256, rows, target
            case rowsNote = "rows_note"
            case importID = "import_id"
            case fileName = "file_name"
            case importedAt = "imported_at"
        }

        public init(importID: Int, kind: String, fileName: String, sha256: String, rows: Int?,
                    rowsNote: String? = nil, target: String?, importedAt: String) {
            self.importID = importID
            self.kind = kind
            self.fileName = fileName
            self.sha256 = sha256
            self.rows = rows
            self.rowsNote = rowsNote
            self.target = target
            self.importedAt = importedAt
        }
    }

    public struct Inputs: Codable, Sendable, Equatable {
        public var budget: Budget?
        public init(budget: Budget? = nil) { self.budget = budget }
    }

    public struct SectionSummary: Codable, Sendable, Equatable {
        public var key: String
        public var number: String?
        public var title: String
        /// `written` (prose from --text), `computed` (a builder filled it), `placeholder`
        /// (still to be written or computed), `mixed`.
        public var content: [String]
    }
}

extension ReportRecord.DataFile {
    /// `rows` is written as `null` when withheld, beside its note (DESIGN §5).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(importID, forKey: .importID)
        try c.encode(kind, forKey: .kind)
        try c.encode(fileName, forKey: .fileName)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(rows, forKey: .rows)
        try c.encodeIfPresent(rowsNote, forKey: .rowsNote)
        try c.encode(target, forKey: .target)
        try c.encode(importedAt, forKey: .importedAt)
    }
}

extension ReportRecord.Parameters {
    /// Reads records made before audiences existed as public ones.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        period = try c.decodeIfPresent(String.self, forKey: .period)
        suppressionThreshold = try c.decode(Int.self, forKey: .suppressionThreshold)
        audience = try c.decodeIfPresent(Audience.self, forKey: .audience) ?? .public
        textFile = try c.decodeIfPresent(ReportRecord.FileReference.self, forKey: .textFile)
        budgetFile = try c.decodeIfPresent(ReportRecord.FileReference.self, forKey: .budgetFile)
        templatesDirectory = try c.decodeIfPresent(String.self, forKey: .templatesDirectory)
        since = try c.decodeIfPresent(ReportRecord.FileReference.self, forKey: .since)
        draft = try c.decodeIfPresent(Bool.self, forKey: .draft) ?? false
    }
}
