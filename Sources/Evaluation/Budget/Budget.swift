import LogicModel

/// The Ekonomisk redovisning of a final report: the income and cost lines of the
/// `--budget` file (read and checked by Reports' `Budget.read`, docs/reports.md).
///
/// It lives here, in the domain, rather than with the report's other inputs: Presentation
/// turns its summary into blocks once (`BudgetSummary.blocks`), and Presentation sees
/// Evaluation but nothing above it (numbers → domain → presentation → documents, web,
/// CLI). Its reader stays in Reports, whose messages write amounts with Presentation's
/// one number formatter.
public struct Budget: Codable, Sendable, Equatable {
    public enum Section: String, Codable, Sendable, CaseIterable {
        case income, cost
    }

    public struct Line: Codable, Sendable, Equatable {
        public var section: Section
        public var line: String
        public var lineEN: String?
        public var amount: Double?
        public var note: String?
        /// The row in the file, for messages.
        public var sourceLine: Int

        enum CodingKeys: String, CodingKey {
            case section, line, amount, note
            case lineEN = "line_en"
            case sourceLine = "source_line"
        }

        public init(section: Section, line: String, lineEN: String? = nil, amount: Double?, note: String? = nil, sourceLine: Int = 0) {
            self.section = section
            self.line = line
            self.lineEN = lineEN
            self.amount = amount
            self.note = note
            self.sourceLine = sourceLine
        }
    }

    public struct StatedTotal: Codable, Sendable, Equatable {
        public var section: Section
        public var amount: Double
        public var sourceLine: Int

        enum CodingKeys: String, CodingKey {
            case section, amount
            case sourceLine = "source_line"
        }

        public init(section: Section, amount: Double, sourceLine: Int) {
            self.section = section
            self.amount = amount
            self.sourceLine = sourceLine
        }
    }

    public var fileName: String
    public var lines: [Line]
    public var statedTotals: [StatedTotal]

    enum CodingKeys: String, CodingKey {
        case lines
        case fileName = "file_name"
        case statedTotals = "stated_totals"
    }

    public init(fileName: String, lines: [Line], statedTotals: [StatedTotal] = []) {
        self.fileName = fileName
        self.lines = lines
        self.statedTotals = statedTotals
    }

    public func lines(_ section: Section) -> [Line] { lines.filter { $0.section == section } }

    /// The sum of a section's lines; blank amounts count as nothing.
    public func total(_ section: Section) -> Double {
        // Amounts are kronor with at most öre: summing in öre as integers avoids any
        // binary rounding in the comparison with a stated total.
        let ore = lines(section).compactMap(\.amount).reduce(Int64(0)) { $0 + Int64(($1 * 100).rounded()) }
        return Double(ore) / 100
    }

    public func statedTotal(_ section: Section) -> StatedTotal? { statedTotals.first { $0.section == section } }

    /// The lines in the reader's language (an English report takes `line_en` where the
    /// file gives one), the sums, and whether income and costs balance.
    public func summary(language: Language) -> BudgetSummary {
        func lines(_ s: Section) -> [BudgetSummary.Line] {
            self.lines(s).map { l in
                BudgetSummary.Line(line: language == .en ? (l.lineEN ?? l.line) : l.line, amount: l.amount,
                                   amountNote: l.amount == nil ? "blank in the budget file" : nil)
            }
        }
        let income = total(.income), costs = total(.cost)
        let difference = ((income - costs) * 100).rounded() / 100
        return BudgetSummary(present: true, income: lines(.income), costs: lines(.cost), incomeTotal: income,
                             costTotal: costs, difference: difference, balanced: difference == 0, note: nil)
    }
}

/// A final report's budget as the report states it (`results.budget` of its JSON record):
/// the lines of each section, their sums and the difference, or `present: false` when
/// no budget was given.
public struct BudgetSummary: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        public var line: String
        public var amount: Double?
        public var amountNote: String?

        enum CodingKeys: String, CodingKey {
            case line, amount
            case amountNote = "amount_note"
        }

        public init(line: String, amount: Double?, amountNote: String? = nil) {
            self.line = line
            self.amount = amount
            self.amountNote = amountNote
        }
    }

    public var present: Bool
    public var income: [Line]
    public var costs: [Line]
    public var incomeTotal: Double?
    public var costTotal: Double?
    /// Income − costs; negative when costs exceed income.
    public var difference: Double?
    public var balanced: Bool?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case present, income, costs, difference, balanced, note
        case incomeTotal = "income_total"
        case costTotal = "cost_total"
    }

    public init(present: Bool, income: [Line], costs: [Line], incomeTotal: Double?, costTotal: Double?,
                difference: Double?, balanced: Bool?, note: String?) {
        self.present = present
        self.income = income
        self.costs = costs
        self.incomeTotal = incomeTotal
        self.costTotal = costTotal
        self.difference = difference
        self.balanced = balanced
        self.note = note
    }

    /// No budget file was given.
    public static let missing = BudgetSummary(present: false, income: [], costs: [], incomeTotal: nil, costTotal: nil,
                                              difference: nil, balanced: nil, note: "no budget file given (--budget)")
}
