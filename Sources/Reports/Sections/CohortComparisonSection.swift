import Evaluation
import LogicModel
import Periods
import Presentation
import Statistics
import Store

/// Pilot versus line (issue 6) in reports: 6 Resultatredovisning › Pilotverksamheten
/// jämförd med linjeverksamheten (one table over the outcomes, then each outcome's
/// design, uncertainty and caveats in words), 6.2 Jämställdhet (each outcome by gender
/// within cohort), the method and limitations paragraphs, the verdict at the top of the
/// steering brief and in the final report's summary, and the brief's "pilot vs line"
/// (one short table with the words).
///
/// Outcomes: the derived case measures of DESIGN §3.3 that the imported cases carry,
/// in that order — what every case extract gives, so no list has to be written (and
/// `verify` finds the same ones). Design: the unadjusted comparison of cases (Welch,
/// Wilson/Newcombe, Kaplan–Meier), plus the permutation over units, which respects the
/// one pilot team (smallest attainable p = 1/J), and the difference in differences over
/// areas. Every outcome states, in words: one pilot team, the minimum detectable
/// difference, the smallest p the permutation can reach, censoring, and — when an
/// imported extract's file name says so — that the data are synthetic.
///
/// Disclosure control (docs/privacy.md, "Breakdowns"): `PublishedComparisons` decides
/// once per cohort, over every outcome, what the gender rows publish; a cohort's share
/// that names a small count is withheld, and with it the difference, its test and the
/// detectable difference built on it.
///
/// The record is `PilotVsLineReport` and its blocks `PilotVsLineReport.blocks` and
/// friends (Presentation): this section computes the record, decides what is withheld,
/// and calls the blocks.
public struct CohortComparisonSection: ReportSectionBuilder {
    /// Reads a model's cases from the database; nil when none are imported.
    public typealias Loader = @Sendable (Database, String) throws -> CaseDataset?
    let load: Loader

    public typealias Result = PilotVsLineReport
    public typealias Group = PilotVsLineReport.Group
    public typealias GenderRow = PilotVsLineReport.GenderRow
    public typealias Outcome = PilotVsLineReport.Outcome
    public typealias DiD = PilotVsLineReport.DiD
    public typealias GenderDifference = PilotVsLineReport.GenderDifference
    public typealias FromStart = PilotVsLineReport.FromStart

    public init(load: @escaping Loader = CohortComparisonSection.loadFromDatabase) {
        self.load = load
    }

    /// The derived measures, in DESIGN §3.3's order.
    public static let outcomes = ["days_to_assessment", "assessment_within_14d", "investigation_days",
                                  "investigation_within_4m", "re_referral_12m", "distinct_caseworkers",
                                  "investigations_per_child"]

    /// The case import's reader (`CaseDataset.load`): the latest snapshot of every case,
    /// censored at the latest extract date; nil when no extract is imported for the model.
    public static func loadFromDatabase(_ database: Database, _ modelID: String) throws -> CaseDataset? {
        let imported = try ImportLog(database).list().contains {
            $0.kind == CaseImporter.kind && $0.status == .complete && $0.target == modelID
        }
        return imported ? try CaseDataset.load(database: database, modelID: modelID) : nil
    }

    public var key: String { "pilot_vs_line" }

    public func slots(in kind: ReportKind) -> [ReportSlot] {
        switch kind {
        case .final: [.pilotVsLine, .gender, .method, .limitations, .finalVerdict]
        case .steering: [.steeringVerdict, .steeringPilotVsLine]
        case .tertial: []
        }
    }

    /// Case imports of the model (for provenance and the synthetic flag).
    static func caseImports(_ context: ReportContext) throws -> [ImportRecord] {
        guard let database = context.database else { return [] }
        return try ImportLog(database).list().filter { $0.kind == CaseImporter.kind && $0.status == .complete && $0.target == context.model.id }
    }

    public func compute(_ context: ReportContext) throws -> Result {
        let none = Result(present: false, note: "no case extract is imported for model \(context.model.id)",
                          pilot: nil, extractDate: nil, pilotStart: nil, synthetic: false, genders: [], joined: false,
                          outcomes: [])
        guard let database = context.database, let dataset = try load(database, context.model.id),
              !dataset.cases.isEmpty else { return none }
        let synthetic = try Self.caseImports(context).contains(where: SyntheticData.isSynthetic)
        let carried = Set(dataset.cases.flatMap { $0.values.keys })
        var analyses: [CohortComparisonResult] = []
        var dids: [CohortDifferenceInDifferences?] = []
        var fromStart: [UnadjustedComparison?] = []
        // The line's cases referred before the pilot began are compared too (the figures
        // `cases compare` gives by default); the same comparison from the start follows
        // each outcome, to show whether its answer holds over the same years.
        let reachesBack = dataset.lineReachesBack
        let window = reachesBack == nil ? nil : dataset.pilotStart.map { dataset.referred(from: $0) }
        for name in Self.outcomes where carried.contains(name) {
            let analysis = try CohortComparison.run(dataset, outcome: name, options: .init(design: .permutation, byGender: true))
            analyses.append(analysis)
            fromStart.append(try window.map { try CohortComparison.unadjusted($0, outcome: name) })
            // Durations go before and after through their within-limit outcome.
            dids.append(analysis.kind == .timeToEvent ? nil : try CohortComparison.differenceInDifferences(dataset, outcome: name))
        }
        let published = try PublishedComparisons(analyses, dids: dids, fromStart: fromStart, dataset: dataset,
                                                  rule: context.request.suppression,
                                                  numbers: context.numbers, better: Self.betterDirections(context.model))
        var result = Result(present: true, note: analyses.isEmpty ? "the cases carry none of the derived measures" : nil,
                            pilot: dataset.pilotCohort, extractDate: dataset.extractDate.iso, pilotStart: dataset.pilotStart?.iso,
                            synthetic: synthetic, genders: published.genders, joined: published.joined,
                            outcomes: published.outcomes, covariates: Self.covariates(dataset.cases))
        // When the line reaches back before the pilot began, the report says from when
        // (issue 20's reviewer found the line's 2018–2019 set against the pilot's
        // 2020–2022 unsaid).
        result.lineFirstReferral = reachesBack?.iso
        result.balance = Self.balance(dataset, rule: context.request.suppression)
        return result
    }

    /// Which of age, gender and referral reason some case carries (the adjusted
    /// comparison's covariates, `CaseCovariates`).
    static func covariates(_ cases: [CaseRecord]) -> [String] {
        var names: [String] = []
        if cases.contains(where: { $0.age != nil }) { names.append("age") }
        if cases.contains(where: { $0.gender != nil }) { names.append("gender") }
        if cases.contains(where: { !($0.referralReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty }) {
            names.append("referral_reason")
        }
        return names
    }

    public func imports(_ result: Result, context: ReportContext) -> [Int] {
        result.present ? ((try? Self.caseImports(context)) ?? []).map(\.id) : []
    }


    // MARK: - Blocks

    /// Which way is better for each case outcome, as the logic model says through the
    /// indicators bound to it (`cases: OUTCOME`, `direction: increase|decrease`), so the
    /// words on pilot vs line agree with the indicator's chart ("lägre är bättre"). An
    /// outcome whose bound indicators disagree, or say `none`, gets no entry.
    static func betterDirections(_ model: LogicModel) -> [String: String] {
        var found: [String: Set<String>] = [:]
        for indicator in model.indicators {
            guard case .cases(let outcome, _, _)? = indicator.data else { continue }
            switch indicator.direction {
            case .increase: found[outcome, default: []].insert("higher")
            case .decrease: found[outcome, default: []].insert("lower")
            case .none: found[outcome, default: []].insert("none")
            }
        }
        return found.compactMapValues { $0.count == 1 && !$0.contains("none") ? $0.first : nil }
    }

    /// What the blocks need of the report besides the record.
    static func input(_ context: ReportContext) -> PilotVsLineReport.Input {
        .init(strings: context.strings, style: context.numbers, modelID: context.model.id, modelName: context.model.name,
              threshold: context.request.suppression.threshold)
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let input = Self.input(context)
        switch slot {
        case .pilotVsLine: return result.blocks(input)
        case .gender: return result.genderBlocks(input)
        case .steeringPilotVsLine: return result.steeringBlocks(input)
        case .steeringVerdict, .finalVerdict: return result.verdictBlocks(input)
        case .method: return result.methodBlocks(input)
        case .limitations: return result.limitationBlocks(input)
        default: return []
        }
    }
}

extension CohortComparisonSection {
    /// Each outcome's pilot − line difference, for the outcomes the brief shows (a
    /// duration whose within-limit share is also an outcome is followed through that share).
    public func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure] {
        let shown = Set(Result.briefOutcomes(result.outcomes).map(\.outcome))
        return result.outcomes.enumerated().compactMap { k, o in
            guard shown.contains(o.outcome) else { return nil }
            return HeadlineFigure(id: "pilot_vs_line:\(o.outcome)", kind: .pilotVsLine,
                                  label: context.strings("steering.changes.pilot_vs_line",
                                                         ["outcome": Result.outcomeName(o, context.strings)]),
                                  value: o.difference, path: "\(key).outcomes[\(k)].difference")
        }
    }
}
