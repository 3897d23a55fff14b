/// A place in a report kind that computed content fills. Each kind lays out its
/// slots (with a visible placeholder where nothing fills one); section builders say
/// which slots they fill. Names are stable: they are how a domain plugs in.
public struct ReportSlot: Hashable, Sendable, Codable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }

    // Final report (LUM).
    public static let budget = ReportSlot("final.budget")
    public static let logicModel = ReportSlot("final.6.logic_model")
    public static let indicators = ReportSlot("final.6.indicators")          // issue 5
    public static let pilotVsLine = ReportSlot("final.6.pilot_vs_line")      // issue 6
    public static let readiness = ReportSlot("final.6.readiness")            // issue 7
    public static let improvement = ReportSlot("final.6.improvement")        // issue 8
    public static let gender = ReportSlot("final.6.2")                       // issues 5, 6
    // Steering group brief.
    public static let steeringPilotVsLine = ReportSlot("steering.pilot_vs_line")   // issue 6
    public static let steeringReadiness = ReportSlot("steering.readiness")         // issue 7
    public static let steeringOffTarget = ReportSlot("steering.off_target")        // issue 5
    /// The final report's 5 › data and methods: what each part rests on and how it was
    /// computed, from what was done.
    public static let method = ReportSlot("final.5.method")
    /// The final report's 7 › limitations: what the results cannot carry.
    public static let limitations = ReportSlot("final.7.limitations")
    /// The final report's 1 Sammanfattning and 7 Slutsatser when the text lacks them:
    /// the verdict on pilot vs line, then a line per domain (`finalSummary`).
    public static let finalVerdict = ReportSlot("final.1.verdict")
    public static let finalSummary = ReportSlot("final.1.summary")
    public static let finalConclusions = ReportSlot("final.7.conclusions")
    /// Section 8 when the text has no references: the works behind the methods used.
    public static let references = ReportSlot("final.8.references")
    /// The brief's first lines: the verdict on pilot vs line, and how sure it is.
    public static let steeringVerdict = ReportSlot("steering.summary.verdict")
    /// The brief's first lines after the verdict: one line per domain, in words.
    public static let steeringSummary = ReportSlot("steering.summary")
    // Tertial report: one slot per goal, and one for the whole table.
    public static let tertialTable = ReportSlot("tertial.table")
}

extension ReportSlot {
    /// 6.2: the model's list of outcomes with a gender breakdown (filled from the model
    /// now); the gender-disaggregated values themselves go to `.gender`.
    public static let genderOverview = ReportSlot("final.6.2.overview")
}
