import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Store

/// What a report is asked for: the command line, as values.
public struct ReportRequest: Sendable {
    public var kind: ReportKind
    public var language: Language
    public var format: String
    /// The period the report covers; nil lets each builder choose (the latest with data).
    public var period: Period?
    public var suppression: SuppressionRule
    public var budget: Budget?
    public var text: SectionText?
    public var since: ReportRecord?
    public var textFile: ReportRecord.FileReference?
    public var budgetFile: ReportRecord.FileReference?
    public var sinceFile: ReportRecord.FileReference?
    public var templatesDirectory: String?
    public var toolVersion: String
    public var generatedAt: Date
    /// The path the JSON record will be written to (for the colophon's verify line).
    public var outputName: String?
    /// `report --draft`: missing prose and data show as marked boxes telling the author
    /// what is missing; otherwise a neutral line says the section is not written yet.
    public var draft: Bool

    public init(kind: ReportKind, language: Language, format: String, period: Period? = nil,
                suppression: SuppressionRule = .standard, budget: Budget? = nil, text: SectionText? = nil,
                since: ReportRecord? = nil, textFile: ReportRecord.FileReference? = nil,
                budgetFile: ReportRecord.FileReference? = nil, sinceFile: ReportRecord.FileReference? = nil,
                templatesDirectory: String? = nil, toolVersion: String, generatedAt: Date = Date(),
                outputName: String? = nil, draft: Bool = false) {
        self.kind = kind
        self.language = language
        self.format = format
        self.period = period
        self.suppression = suppression
        self.budget = budget
        self.text = text
        self.since = since
        self.textFile = textFile
        self.budgetFile = budgetFile
        self.sinceFile = sinceFile
        self.templatesDirectory = templatesDirectory
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.outputName = outputName
        self.draft = draft
    }
}

/// Everything a section builder may read. The same context is rebuilt by
/// `report verify` from the JSON record, so a builder must read its inputs from here
/// and nowhere else (no clock, no environment).
public struct ReportContext {
    public let model: LogicModel
    public let modelProvenance: ReportRecord.ModelProvenance
    public let request: ReportRequest
    public let strings: ReportStrings
    public let numbers: NumberStyle
    /// Counts and percentages under the report's suppression rule.
    public let figures: SuppressedFigures
    /// The database the analyses read; nil in unit tests of model-only builders.
    public let database: Database?

    public init(model: LogicModel, modelProvenance: ReportRecord.ModelProvenance, request: ReportRequest,
                strings: ReportStrings, database: Database?) {
        self.model = model
        self.modelProvenance = modelProvenance
        self.request = request
        self.strings = strings
        self.numbers = NumberStyle(request.language)
        self.figures = SuppressedFigures(rule: request.suppression, numbers: numbers, strings: strings)
        self.database = database
    }

    public var kind: ReportKind { request.kind }
    public var language: Language { request.language }
}
