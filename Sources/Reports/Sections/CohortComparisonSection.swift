import Evaluation
import LogicModel
import Periods
import Presentation
import Statistics
import Store

/// Pilot versus line (issue 6) in reports: 6 Resultatredovisning › Pilotverksamheten
/// jämförd med linjeverksamheten (one table over the outcomes, then each outcome's
/// design, uncertainty and caveats in words), 6.2 Jämställdhet (each outcome by gender
/// within cohort) and the steering brief's "pilot vs line" (one short table with the
/// uncertainty in plain words).
///
/// Outcomes: the derived case measures of DESIGN §3.3 that the imported cases carry,
/// in that order — what every case extract gives, so no list has to be written (and
/// `verify` finds the same ones). Design: the unadjusted comparison of cases (Welch,
/// Wilson/Newcombe, Kaplan–Meier), plus the permutation over units, which respects the
/// one pilot team (smallest attainable p = 1/J). Every outcome states, in words: one
/// pilot team, the minimum detectable difference, the smallest p the permutation can
/// reach, censoring, and — when an imported extract's file name says so — that the data
/// are synthetic.
///
/// Disclosure control (docs/privacy.md, "Breakdowns"): `PublishedComparisons` decides
/// once per cohort, over every outcome, what the gender rows publish; a cohort's share
/// that names a small count is withheld, and with it the difference, its test and the
/// detectable difference built on it. The blocks only write what the result holds.
public struct CohortComparisonSection: ReportSectionBuilder {
    /// Reads a model's cases from the database; nil when none are imported.
    public typealias Loader = @Sendable (Database, String) throws -> CaseDataset?
    let load: Loader

    public init(load: @escaping Loader = CohortComparisonSection.loadFromDatabase) {
        self.load = load
    }

    /// The derived measures, in DESIGN §3.3's order.
    public static let outcomes = ["days_to_assessment", "assessment_within_14d", "investigation_days",
                                  "investigation_within_4m", "re_referral_12m", "distinct_caseworkers",
                                  "investigations_per_child"]

    /// Durations whose within-limit share is also an outcome: the brief shows that share
    /// once, as the 0/1 outcome (the same cases, a plain proportion), and leaves the
    /// Kaplan–Meier view of the duration to the final report.
    public static let briefTwins = ["days_to_assessment": "assessment_within_14d",
                                    "investigation_days": "investigation_within_4m"]

    /// The outcomes the steering brief shows: one row per thing the group follows.
    static func briefOutcomes(_ outcomes: [Outcome]) -> [Outcome] {
        let names = Set(outcomes.map(\.outcome))
        return outcomes.filter { o in briefTwins[o.outcome].map { !names.contains($0) } ?? true }
    }

    /// The case import's reader (`CaseDataset.load`): the latest snapshot of every case,
    /// censored at the latest extract date; nil when no extract is imported for the model.
    public static func loadFromDatabase(_ database: Database, _ modelID: String) throws -> CaseDataset? {
        let imported = try ImportLog(database).list().contains {
            $0.kind == CaseImporter.kind && $0.status == .complete && $0.target == modelID
        }
        return imported ? try CaseDataset.load(database: database, modelID: modelID) : nil
    }

    public struct Group: Codable {
        public var label: String
        public var n: Int?
        public var nNote: String?
        /// Mean (numbers), proportion (0/1) or share within the limit (durations).
        public var estimate: Double?
        public var estimateNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?
        /// Why the interval is withheld, when it is (its width gives the n back).
        public var ciNote: String? = nil
        /// Durations: the Kaplan–Meier median in days.
        public var median: Double?
        public var medianNote: String?

        enum CodingKeys: String, CodingKey {
            case label, n, estimate, median
            case nNote = "n_note"
            case ciLowNote = "ci_low_note"
            case ciHighNote = "ci_high_note"
            case estimateNote = "estimate_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case medianNote = "median_note"
        }
    }

    public struct GenderRow: Codable {
        /// girl, boy, other, unknown, or total.
        public var gender: String
        public var pilot: Group
        public var line: Group
    }

    public struct Outcome: Codable {
        public var outcome: String
        /// continuous, binary or time_to_event.
        public var kind: String
        public var limitDays: Double?
        public var pilot: Group
        public var line: Group
        /// Pilot − line: of means, of proportions, of shares within the limit.
        public var difference: Double?
        public var differenceNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?
        /// The individual-level test: welch, chi_square, log_rank.
        public var test: String
        public var p: Double?
        public var pNote: String?
        /// The permutation over units (rank / J), with J.
        public var permutationP: Double?
        public var permutationNote: String?
        public var units: Int?
        public var mddStandardized: Double?
        public var mddRaw: Double?
        public var mddAbove: Double?
        public var mddBelow: Double?
        public var mddNote: String?
        /// Cases still open at the extract date (both cohorts); withheld when small.
        public var censored: Int?
        public var censoredNote: String?
        public var byGender: [GenderRow]
        /// The codes of the analysis' caveats (`cases compare` has their text): the
        /// report states them in its own words, and the record holds no figure the
        /// document does not publish.
        public var caveats: [String]
        /// The pilot area's change from before to after the start against the other
        /// areas' (difference in differences, randomisation over areas); nil in a record
        /// written before reports computed it.
        public var did: DiD? = nil
        /// Whether the pilot's statistic in the permutation over units is above (+1) or
        /// below (−1) the other units' — what a clear ranking would say; the statistic
        /// itself is not published.
        public var permutationSign: Int? = nil
        /// The design the outcome's words rest on (`Design.rawValue`): the strongest
        /// available, in the order permutation over units, difference in differences,
        /// unadjusted cases.
        public var decidedBy: String? = nil
        /// The words: better, worse, unclear, higher, lower or unknown (`Verdict`).
        public var direction: String? = nil
        /// Girls − boys within the pilot and within the line, where both rows publish
        /// their n and value.
        public var genderDifferences: [GenderDifference]? = nil

        enum CodingKeys: String, CodingKey {
            case outcome, kind, pilot, line, difference, test, p, units, censored, caveats
            case limitDays = "limit_days"
            case differenceNote = "difference_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case pNote = "p_note"
            case permutationP = "permutation_p"
            case permutationNote = "permutation_note"
            case mddStandardized = "mdd_standardized"
            case mddRaw = "mdd_raw"
            case mddAbove = "mdd_above"
            case mddBelow = "mdd_below"
            case mddNote = "mdd_note"
            case censoredNote = "censored_note"
            case byGender = "by_gender"
            case did
            case permutationSign = "permutation_sign"
            case decidedBy = "decided_by"
            case direction
            case genderDifferences = "gender_differences"
        }
    }

    /// The difference in differences as published: β and the randomisation p over J
    /// areas (no interval: with one treated area the placebo ranking gives a p only).
    public struct DiD: Codable {
        public var estimate: Double?
        public var estimateNote: String?
        public var p: Double?
        public var pNote: String?
        /// J: the areas ranked (the pilot's and every placebo area).
        public var areas: Int?

        enum CodingKeys: String, CodingKey {
            case estimate, p, areas
            case estimateNote = "estimate_note"
            case pNote = "p_note"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(estimate, forKey: .estimate)
            try c.encodeIfPresent(estimateNote, forKey: .estimateNote)
            try c.encode(p, forKey: .p)
            try c.encodeIfPresent(pNote, forKey: .pNote)
            try c.encode(areas, forKey: .areas)
        }
    }

    /// Girls − boys within one cohort, with its 95 % interval (Welch for means,
    /// Newcombe for proportions, Greenwood's errors for a share within a limit).
    public struct GenderDifference: Codable {
        /// pilot or line.
        public var cohort: String
        public var difference: Double?
        public var differenceNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?

        /// The interval lies wholly on one side of zero.
        public var differs: Bool {
            guard let lo = ciLow, let hi = ciHigh else { return false }
            return lo > 0 || hi < 0
        }

        enum CodingKeys: String, CodingKey {
            case cohort, difference
            case differenceNote = "difference_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(cohort, forKey: .cohort)
            try c.encode(difference, forKey: .difference)
            try c.encodeIfPresent(differenceNote, forKey: .differenceNote)
            try c.encode(ciLow, forKey: .ciLow)
            try c.encode(ciHigh, forKey: .ciHigh)
        }
    }

    public struct Result: Codable {
        public var present: Bool
        public var note: String?
        public var pilot: String?
        public var extractDate: String?
        public var pilotStart: String?
        public var synthetic: Bool
        /// The gender rows of the tables, in order (girl, boy, then other and unknown, or
        /// other_unknown when they are joined), before the total.
        public var genders: [String]
        /// Whether "other" and "unknown" are joined into one row (each was small).
        public var joined: Bool
        public var outcomes: [Outcome]
        /// The covariates of an adjusted comparison that some case carries (age, gender,
        /// referral_reason): what `cases compare --design adjusted` could weight by. The
        /// method section says why that comparison does not decide the words here; nil in
        /// a record written before it did.
        public var covariates: [String]? = nil

        enum CodingKeys: String, CodingKey {
            case present, note, pilot, synthetic, outcomes, genders, joined, covariates
            case extractDate = "extract_date"
            case pilotStart = "pilot_start"
        }
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
        for name in Self.outcomes where carried.contains(name) {
            let analysis = try CohortComparison.run(dataset, outcome: name, options: .init(design: .permutation, byGender: true))
            analyses.append(analysis)
            // Durations go before and after through their within-limit outcome.
            dids.append(analysis.kind == .timeToEvent ? nil : try CohortComparison.differenceInDifferences(dataset, outcome: name))
        }
        let published = try PublishedComparisons(analyses, dids: dids, dataset: dataset, rule: context.request.suppression,
                                                  numbers: context.numbers)
        return Result(present: true, note: analyses.isEmpty ? "the cases carry none of the derived measures" : nil,
                      pilot: dataset.pilotCohort, extractDate: dataset.extractDate.iso, pilotStart: dataset.pilotStart?.iso,
                      synthetic: synthetic, genders: published.genders, joined: published.joined,
                      outcomes: published.outcomes, covariates: Self.covariates(dataset.cases))
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

    // MARK: - Words

    /// A group's figure in words; `median: false` leaves a duration's median out (the
    /// headline table, which must fit a portrait page).
    func estimateText(_ g: Group, _ o: Outcome, context: ReportContext, median withMedian: Bool = true,
                      interval withInterval: Bool = false) -> String {
        let s = context.strings, n = context.numbers
        guard let e = g.estimate else {
            // A share or mean built on a hidden count is withheld: "..", as SuppressedFigures writes it.
            if let note = g.estimateNote, note.hasPrefix("suppressed") { return s("suppression.hidden") }
            if o.kind == "time_to_event", let m = g.median { return s("cohort.median", ["days": n.decimal(m, decimals: 0)]) }
            return s("placeholder.value")
        }
        // The 95 % interval, where the result holds one (never beside a hidden n).
        var interval = ""
        if withInterval, let lo = g.ciLow, let hi = g.ciHigh {
            let value = { (x: Double) in o.kind == "continuous" ? n.decimal(x, decimals: 1) : n.percent(100 * x) }
            interval = " (" + s("cohort.ci", ["low": value(lo), "high": value(hi)]) + ")"
        }
        switch o.kind {
        case "continuous": return n.decimal(e, decimals: 1) + interval
        case "binary": return n.percent(100 * e) + interval
        default:
            var text = o.limitDays.map { s("cohort.within", ["share": n.percent(100 * e), "days": n.decimal($0, decimals: 0)]) }
                ?? n.percent(100 * e)
            text += interval
            if withMedian, let m = g.median { text += "; " + s("cohort.median", ["days": n.decimal(m, decimals: 0)]) }
            return text
        }
    }

    /// A pilot − line (or girls − boys) contrast: in the outcome's unit, percentage points
    /// for shares, with the fewest decimals that keep its figures apart.
    func contrastText(_ d: Double, low: Double?, high: Double?, kind: String, context: ReportContext) -> String {
        let s = context.strings, n = context.numbers
        let continuous = kind == "continuous"
        let scale = continuous ? 1.0 : 100.0
        // A mean's difference alone (no interval to widen it) keeps two decimals, as one
        // with its interval usually does.
        let base = continuous && (low == nil || high == nil) ? 2 : 1
        let decimals = DistinguishingDecimals.decimals(for: [d, low, high].compactMap { $0.map { $0 * scale } }, base: base,
                                                       numbers: n)
        func fmt(_ x: Double) -> String { n.signed(scale * x, decimals: decimals) }
        var text = fmt(d) + (continuous ? "" : NumberStyle.noBreakSpace + s("unit.pp"))
        if let low, let high { text += " (" + s("cohort.ci", ["low": fmt(low), "high": fmt(high)]) + ")" }
        return text
    }

    /// The difference in differences in a cell: the estimate, or why there is none.
    func didText(_ o: Outcome, context: ReportContext) -> String {
        let s = context.strings
        guard let d = o.did else { return s("placeholder.value") }
        guard let b = d.estimate else {
            return (d.estimateNote ?? "").hasPrefix("suppressed") ? s("suppression.hidden") : s("placeholder.value")
        }
        return contrastText(b, low: nil, high: nil, kind: o.kind, context: context)
    }

    func didPText(_ o: Outcome, context: ReportContext) -> String {
        let n = context.numbers
        guard let p = o.did?.p else { return context.strings("placeholder.value") }
        return n.decimal(p, decimals: 3) + " (J" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace
            + String(o.did?.areas ?? 0) + ")"
    }

    /// The design the words rest on, in words.
    func basisWords(_ o: Outcome, context: ReportContext) -> String {
        guard let design = Self.basis(o) else { return context.strings("placeholder.value") }
        return context.strings("cohort.basis.\(design.rawValue)")
    }

    /// The pilot as people know it: the extract's cohort label is usually the model's id
    /// (`vallingbyteamet`), so the model's name stands for it then.
    func pilotName(_ result: Result, context: ReportContext) -> String {
        guard let label = result.pilot, !label.isEmpty else { return context.model.name }
        return label.lowercased() == context.model.id.lowercased() ? context.model.name : label
    }

    func nText(_ g: Group, context: ReportContext) -> String {
        if let n = g.n { return context.numbers.integer(n) }
        if let note = g.nNote, note.hasPrefix("suppressed") {
            return context.strings(note == IndicatorFigureSuppression.smallNote ? "suppression.small" : "suppression.hidden")
        }
        return context.strings("placeholder.value")
    }

    func differenceText(_ o: Outcome, context: ReportContext) -> String {
        let s = context.strings
        guard let d = o.difference else {
            return (o.differenceNote ?? "").hasPrefix("suppressed") ? s("suppression.hidden") : s("placeholder.value")
        }
        // Enough decimals that no end of the interval rounds to zero or onto the estimate.
        return contrastText(d, low: o.ciLow, high: o.ciHigh, kind: o.kind, context: context)
    }

    /// The uncertainty in plain words: does the interval include no difference? Short
    /// for the steering brief's table column, a sentence for the final report.
    func plainWords(_ o: Outcome, context: ReportContext, short: Bool = false) -> String {
        let s = context.strings
        let prefix = short ? "cohort.plain.short." : "cohort.plain."
        guard o.difference != nil, let lo = o.ciLow, let hi = o.ciHigh else { return s(prefix + "unknown") }
        if lo <= 0 && hi >= 0 { return s(prefix + "includes_zero") }
        return s(prefix + "excludes_zero")
    }

    func outcomeName(_ o: Outcome, _ s: ReportStrings) -> String {
        let key = "cohort.outcome.\(o.outcome)"
        let text = s(key)
        return text == key ? o.outcome : text
    }

    func mddText(_ o: Outcome, context: ReportContext) -> String {
        let s = context.strings, n = context.numbers
        let sizes = ["pilot": o.pilot.n.map { n.integer($0) } ?? s("suppression.small"),
                     "line": o.line.n.map { n.integer($0) } ?? s("suppression.small")]
        if o.kind != "continuous", let baseline = o.line.estimate, let above = o.mddAbove ?? o.mddBelow {
            var t = s("cohort.mdd.proportion", sizes.merging(["from": n.percent(100 * baseline), "to": n.percent(100 * above)]) { a, _ in a })
            if o.mddAbove != nil, let below = o.mddBelow { t += " " + s("cohort.mdd.or", ["to": n.percent(100 * below)]) }
            return t + " " + s("cohort.mdd.tail")
        }
        if let d = o.mddStandardized {
            var values = sizes
            values["sd"] = n.decimal(d, decimals: 2)
            var t = s("cohort.mdd.means", values)
            if let raw = o.mddRaw { t += " " + s("cohort.mdd.raw", ["raw": n.decimal(raw, decimals: 1)]) }
            return t + " " + s("cohort.mdd.tail")
        }
        return s("cohort.mdd.undefined")
    }

    /// What holds for every outcome: one pilot team, cases taken as independent, the
    /// floor of the permutation over units, synthetic data. The minimum detectable
    /// difference and censoring differ by outcome and follow each one.
    func generalCaveats(_ result: Result, context: ReportContext) -> RichText {
        let s = context.strings, n = context.numbers
        var parts = [s("caveat.one_pilot"), s("cohort.independent")]
        if let j = result.outcomes.compactMap(\.units).max(), j >= 2 {
            parts.append(s(j < 20 ? "cohort.permutation.floor" : "cohort.permutation.ok",
                           ["units": String(j), "smallest": n.decimal(1 / Double(j), decimals: 3)]))
        } else {
            parts.append(s("cohort.permutation.none"))
        }
        parts.append(s("cohort.mdd.intro"))
        if result.synthetic { parts.append(s("caveat.synthetic")) }
        return RichText(parts.joined(separator: " "))
    }

    // MARK: - Blocks

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let s = context.strings
        guard result.present, !result.outcomes.isEmpty else {
            if [.gender, .steeringVerdict, .finalVerdict, .method, .limitations].contains(slot) { return [] }
            return [.paragraph(RichText(s("cohort.none", ["model": context.model.name])))]
        }
        switch slot {
        case .pilotVsLine: return finalBlocks(result, context: context)
        case .gender: return genderBlocks(result, context: context)
        case .steeringPilotVsLine: return steeringBlocks(result, context: context)
        case .steeringVerdict, .finalVerdict: return verdictBlocks(result, context: context)
        case .method: return methodBlocks(result, context: context)
        case .limitations: return limitationBlocks(result, context: context)
        default: return []
        }
    }

    func headlineTable(_ result: Result, context: ReportContext, plain: Bool) -> Block {
        let s = context.strings, n = context.numbers
        let outcomes = plain ? Self.briefOutcomes(result.outcomes) : result.outcomes
        let rows: [[TableBlock.Cell]] = outcomes.map { o in
            var row = [TableBlock.Cell(outcomeName(o, s), isRowHeader: true),
                       TableBlock.Cell(estimateText(o.pilot, o, context: context, median: false) + " (n" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace + nText(o.pilot, context: context) + ")"),
                       TableBlock.Cell(estimateText(o.line, o, context: context, median: false) + " (n" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace + nText(o.line, context: context) + ")"),
                       TableBlock.Cell(differenceText(o, context: context))]
            if plain {
                row.append(TableBlock.Cell(directionWords(o, context: context)))
            } else {
                let p = o.p.map { $0 < 0.001 ? "< " + n.decimal(0.001, decimals: 3) : n.decimal($0, decimals: 3) } ?? s("placeholder.value")
                let perm = o.permutationP.map { n.decimal($0, decimals: 3) + " (J" + NumberStyle.noBreakSpace + "=" + NumberStyle.noBreakSpace + String(o.units ?? 0) + ")" } ?? s("placeholder.value")
                row += [TableBlock.Cell(p), TableBlock.Cell(perm)]
            }
            return row
        }
        var header = ["cohort.col.outcome", "cohort.col.pilot", "cohort.col.line", "cohort.col.difference"]
        header += plain ? ["cohort.col.plain"] : ["cohort.col.p", "cohort.col.permutation"]
        var notes = [RichText(s(plain ? "cohort.table.note.steering" : "cohort.table.note"))]
        let withheld = { (g: Group) in g.n == nil || (g.estimateNote ?? "").hasPrefix("suppressed") }
        if outcomes.contains(where: { withheld($0.pilot) || withheld($0.line) }) {
            notes.append(RichText(s("suppression.note")))
        }
        return .table(TableBlock(caption: s("cohort.caption", ["pilot": pilotName(result, context: context)]), header: [header.map { TableBlock.Cell(s($0)) }],
                                 rows: rows, alignments: [.left, .right, .right, .right] + (plain ? [.left] : [.right, .right]),
                                 notes: notes))
    }

    func finalBlocks(_ result: Result, context: ReportContext) -> [Block] {
        let s = context.strings
        // Dates in words, as the brief and the cover write them ("31 december 2022").
        func date(_ iso: String?) -> String? { iso.map { CalendarDate(parsing: $0).map(context.numbers.date) ?? $0 } }
        var blocks: [Block] = [.paragraph(RichText(s("cohort.intro", ["pilot": pilotName(result, context: context),
                                                                     "date": date(result.extractDate) ?? "",
                                                                     "start": date(result.pilotStart) ?? "–"])))]
        if result.synthetic {
            blocks.append(.callout(Callout(.warning, title: s("warning.title"), RichText(s("caveat.synthetic")))))
        }
        blocks.append(headlineTable(result, context: context, plain: false))
        blocks.append(.paragraph(RichText(s("cohort.design"))))
        blocks.append(wordsTable(result, context: context))
        blocks.append(.callout(Callout(.caveat, title: s("caveat.title"), generalCaveats(result, context: context))))
        for o in result.outcomes {
            blocks.append(.heading(level: 1, text: outcomeName(o, s)))
            var text = s("cohort.result", [
                "pilot": estimateText(o.pilot, o, context: context), "line": estimateText(o.line, o, context: context),
                "difference": differenceText(o, context: context), "plain": plainWords(o, context: context),
            ])
            text += " " + mddText(o, context: context)
            if o.kind == "time_to_event", let c = o.censored, let date = result.extractDate {
                text += " " + s(c == 1 ? "cohort.censored.one" : "cohort.censored", ["censored": context.figures.count(c), "date": date])
            }
            text += " " + didSentence(o, context: context) + " " + basisSentence(o, context: context)
            blocks.append(.paragraph(RichText(text)))
        }
        return blocks
    }

    /// The words table of the final report: per outcome the difference in differences
    /// (estimate, randomisation p over areas), the words and the design they rest on.
    func wordsTable(_ result: Result, context: ReportContext) -> Block {
        let s = context.strings
        let rows: [[TableBlock.Cell]] = result.outcomes.map { o in
            [TableBlock.Cell(outcomeName(o, s), isRowHeader: true), TableBlock.Cell(didText(o, context: context)),
             TableBlock.Cell(didPText(o, context: context)), TableBlock.Cell(directionWords(o, context: context)),
             TableBlock.Cell(basisWords(o, context: context))]
        }
        let header = ["cohort.col.outcome", "cohort.col.did", "cohort.col.did_p", "cohort.col.plain", "cohort.col.basis"]
        var notes = [RichText(s("cohort.did.table.note"))]
        if result.outcomes.contains(where: { $0.kind == "time_to_event" }) { notes.append(RichText(s("cohort.did.duration"))) }
        if result.outcomes.contains(where: { ($0.did?.estimateNote ?? "").hasPrefix("suppressed") }) {
            notes.append(RichText(s("cohort.did.suppressed", ["threshold": String(context.request.suppression.threshold)])))
        }
        return .table(TableBlock(caption: s("cohort.did.caption"), header: [header.map { TableBlock.Cell(s($0)) }], rows: rows,
                                 alignments: [.left, .right, .right, .left, .left], notes: notes))
    }

    /// The before/after comparison of one outcome in a sentence.
    func didSentence(_ o: Outcome, context: ReportContext) -> String {
        let s = context.strings, n = context.numbers
        guard let d = o.did else { return "" }
        if o.kind == "time_to_event" { return s("cohort.did.sentence.duration") }
        guard let b = d.estimate else {
            return s((d.estimateNote ?? "").hasPrefix("suppressed") ? "cohort.did.sentence.suppressed" : "cohort.did.sentence.none")
        }
        var text = s("cohort.did.sentence", ["estimate": contrastText(b, low: nil, high: nil, kind: o.kind, context: context)])
        if let p = d.p, let j = d.areas {
            text += " " + s(j < 20 ? "cohort.did.sentence.p.floor" : "cohort.did.sentence.p",
                            ["p": n.decimal(p, decimals: 3), "areas": String(j), "smallest": n.decimal(1 / Double(j), decimals: 3)])
        } else {
            text += " " + s("cohort.did.sentence.no_p")
        }
        return text
    }

    /// Which design the outcome's words rest on, and why they are what they are.
    func basisSentence(_ o: Outcome, context: ReportContext) -> String {
        let s = context.strings
        guard let design = Self.basis(o) else { return "" }
        var text = s("cohort.basis.sentence", ["word": Self.inSentence(verdictWord(Self.verdict(o), context: context)),
                                                "basis": Self.inSentence(s("cohort.basis.\(design.rawValue)"))])
        if let j = Self.floorUnits(o) { text += " " + s("cohort.basis.sentence.floor", ["units": String(j)]) }
        if let lean = Self.leaning(o) {
            text += " " + s("cohort.basis.sentence.leaning", ["leaning": Self.inSentence(verdictWord(lean, context: context))])
        }
        return text
    }

    /// Girls against boys within each cohort in one sentence per outcome: the difference
    /// with its 95 % interval, and whether they differ (the interval on one side of zero),
    /// or why no comparison is shown.
    func genderDifferences(_ o: Outcome, result: Result, context: ReportContext) -> String {
        let s = context.strings
        let parts = (o.genderDifferences ?? []).map { d -> String in
            let who = d.cohort == "pilot" ? pilotName(result, context: context) : s("cohort.line.definite")
            guard let x = d.difference else {
                return s((d.differenceNote ?? "").hasPrefix("suppressed") ? "cohort.gender.diff.hidden" : "cohort.gender.diff.none",
                         ["who": who])
            }
            let text = contrastText(x, low: d.ciLow, high: d.ciHigh, kind: o.kind, context: context)
            return s(d.differs ? "cohort.gender.diff.differ" : "cohort.gender.diff.same", ["who": who, "difference": text])
        }
        guard !parts.isEmpty else { return "" }
        return s("cohort.gender.diff.lead", ["outcome": outcomeName(o, s)]) + " " + parts.joined(separator: "; ") + "."
    }

    func genderBlocks(_ result: Result, context: ReportContext) -> [Block] {
        let s = context.strings
        let tests = result.outcomes.reduce(0) { $0 + ($1.genderDifferences ?? []).filter { $0.difference != nil }.count }
        var intro = s("cohort.gender.intro")
        if tests > 1 { intro += " " + s("cohort.gender.intro.tests", ["count": String(tests)]) }
        var blocks: [Block] = [.heading(level: 1, text: s("cohort.gender.heading")), .paragraph(RichText(intro))]
        for o in result.outcomes {
            let rows: [[TableBlock.Cell]] = o.byGender.map { g in
                [TableBlock.Cell(s("cohort.gender.\(g.gender)"), isRowHeader: true),
                 TableBlock.Cell(nText(g.pilot, context: context)),
                 TableBlock.Cell(estimateText(g.pilot, o, context: context, interval: true)),
                 TableBlock.Cell(nText(g.line, context: context)),
                 TableBlock.Cell(estimateText(g.line, o, context: context, interval: true))]
            }
            let header = [TableBlock.Cell(s("cohort.col.gender")),
                          TableBlock.Cell(s("cohort.col.n_of", ["who": s("cohort.pilot")])),
                          TableBlock.Cell(s("cohort.col.value_of", ["who": s("cohort.pilot")])),
                          TableBlock.Cell(s("cohort.col.n_of", ["who": s("cohort.line")])),
                          TableBlock.Cell(s("cohort.col.value_of", ["who": s("cohort.line")]))]
            var notes = [RichText(s("cohort.gender.value.\(o.kind)") + " " + s("cohort.gender.value.ci"))]
            if result.joined {
                notes.append(RichText(s("cohort.gender.joined", ["threshold": String(context.request.suppression.threshold)])))
            }
            if o.byGender.contains(where: { $0.pilot.n == nil || $0.line.n == nil || ($0.pilot.estimateNote ?? "").hasPrefix("suppressed")
                || ($0.line.estimateNote ?? "").hasPrefix("suppressed") }) {
                notes.append(RichText(s("suppression.note")))
            }
            blocks.append(.table(TableBlock(caption: s("cohort.gender.caption", ["outcome": outcomeName(o, s)]), header: [header],
                                            rows: rows, alignments: [.left, .right, .right, .right, .right],
                                            totalRows: [rows.count - 1], notes: notes)))
            let differences = genderDifferences(o, result: result, context: context)
            if !differences.isEmpty { blocks.append(.paragraph(RichText(differences))) }
        }
        return blocks
    }

    /// The table alone: its certainty — one team, what the comparison over units can
    /// show, synthetic data — is the verdict's, at the top of the brief, in words.
    func steeringBlocks(_ result: Result, context: ReportContext) -> [Block] {
        [headlineTable(result, context: context, plain: true)]
    }
}

extension CohortComparisonSection {
    /// Each outcome's pilot − line difference, for the outcomes the brief shows (a
    /// duration whose within-limit share is also an outcome is followed through that share).
    public func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure] {
        let shown = Set(Self.briefOutcomes(result.outcomes).map(\.outcome))
        return result.outcomes.enumerated().compactMap { k, o in
            guard shown.contains(o.outcome) else { return nil }
            return HeadlineFigure(id: "pilot_vs_line:\(o.outcome)", kind: .pilotVsLine,
                                  label: context.strings("steering.changes.pilot_vs_line", ["outcome": outcomeName(o, context.strings)]),
                                  value: o.difference, path: "\(key).outcomes[\(k)].difference")
        }
    }
}
