import Periods
import Presentation

/// The steering brief's verdict on pilot vs line: each outcome better, worse or unclear
/// in words, from the outcome's better direction and whether the interval holds zero,
/// and how sure the comparison is, in words (no method names: they are the final
/// report's).
extension CohortComparisonSection {
    enum Verdict: Equatable {
        case better, worse, unclear
        /// Higher or lower in the pilot, for an outcome with no better direction.
        case higher, lower
        case unknown
    }

    /// Better or worse by the case-level comparison: the interval on one side of zero
    /// and the outcome's better direction; unclear when the interval holds zero. The
    /// comparison over units cannot overrule it in one direction only — with one pilot
    /// team it can never show a difference — so the brief says how sure it is beside it.
    static func verdict(_ o: Outcome) -> Verdict {
        guard let d = o.difference, let lo = o.ciLow, let hi = o.ciHigh else { return .unknown }
        if lo <= 0 && hi >= 0 { return .unclear }
        guard let direction = CaseOutcomeNames.direction(o.outcome) else { return d > 0 ? .higher : .lower }
        return (direction == .higherIsBetter) == (d > 0) ? .better : .worse
    }

    /// The table's "better or worse" cell.
    func directionWords(_ o: Outcome, context: ReportContext) -> String {
        let s = context.strings
        return switch Self.verdict(o) {
        case .better: s("cohort.direction.better")
        case .worse: s("cohort.direction.worse")
        case .unclear: s("cohort.direction.unclear")
        case .higher: s("cohort.direction.higher")
        case .lower: s("cohort.direction.lower")
        case .unknown: s("cohort.plain.short.unknown")
        }
    }

    /// A name inside a sentence: its first letter lower case, unless the name starts
    /// with an abbreviation ("KF", "BBIC").
    static func inSentence(_ name: String) -> String {
        guard let first = name.first, name.count > 1,
              name[name.index(after: name.startIndex)].isLowercase else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// "A", "A och B", "A, B och C".
    static func joined(_ names: [String], and: String) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " \(and) " + names.last!
    }

    /// The number of units compared over, when there are so few (2–19) that the comparison
    /// over units cannot show a clear difference: said beside the verdict and among the
    /// limitations alike.
    static func fewUnits(_ result: Result) -> Int? {
        result.outcomes.compactMap(\.units).max().flatMap { (2..<20).contains($0) ? $0 : nil }
    }

    /// The one-line verdict, how sure it is, and what data it rests on.
    func verdictBlocks(_ result: Result, context: ReportContext) -> [Block] {
        let s = context.strings, n = context.numbers
        let outcomes = Self.briefOutcomes(result.outcomes)
        var parts: [String] = []
        for (verdict, key) in [(Verdict.better, "steering.verdict.better"), (.worse, "steering.verdict.worse"),
                               (.unclear, "steering.verdict.unclear")] {
            let names = outcomes.filter { Self.verdict($0) == verdict }.map { Self.inSentence(outcomeName($0, s)) }
            if !names.isEmpty { parts.append(s(key, ["outcomes": Self.joined(names, and: s("word.and"))])) }
        }
        guard !parts.isEmpty else { return [] }
        var verdict = s("steering.verdict.lead", ["pilot": pilotName(result, context: context)]) + " "
            + parts.joined(separator: "; ") + "."
        var reasons = [s("steering.verdict.one_team")]
        if let units = Self.fewUnits(result) { reasons.append(s("steering.verdict.units", ["units": String(units)])) }
        if result.synthetic { reasons.append(s("steering.verdict.synthetic")) }
        verdict += " " + s("steering.verdict.certainty", ["reasons": reasons.joined(separator: "; ")])
        var blocks: [Block] = [.paragraph(RichText([.strong(verdict)]))]
        if let date = result.extractDate.flatMap(CalendarDate.init(parsing:)) {
            let start = result.pilotStart.flatMap(CalendarDate.init(parsing:)).map { n.date($0) }
            blocks.append(.paragraph(RichText(s(start == nil ? "steering.verdict.data" : "steering.verdict.data.start",
                                                ["date": n.date(date), "start": start ?? ""]))))
        }
        return blocks
    }
}

extension CohortComparisonSection {
    /// 5 › data and methods: the extract, what n counts, the design and its strength,
    /// censoring and missing dates, and each outcome's definition.
    func methodBlocks(_ result: Result, context: ReportContext) -> [Block] {
        let s = context.strings
        let date = result.extractDate.flatMap(CalendarDate.init(parsing:)).map { context.numbers.date($0) } ?? "–"
        var text = s("method.cohort", ["pilot": pilotName(result, context: context), "date": date])
        if let units = result.outcomes.compactMap(\.units).max(), units >= 2 {
            text += " " + s("method.cohort.units", ["units": String(units)])
        }
        text += " " + s("method.cohort.strength") + " " + s("method.cohort.censoring")
        let definitions = result.outcomes.map { o -> RichText in
            let key = "cohort.definition.\(o.outcome)"
            let definition = s(key)
            return RichText([.strong(outcomeName(o, s) + ": ")]) + RichText(definition == key ? s("cohort.definition.other") : definition)
        }
        return [.paragraph(RichText([.strong(s("method.cohort.lead") + " ")]) + RichText(text)),
                .list(ListBlock(items: definitions))]
    }

    /// 7 › limitations: one team is one unit; synthetic data.
    func limitationBlocks(_ result: Result, context: ReportContext) -> [Block] {
        let s = context.strings
        var text = s("limitations.one_team")
        if let units = Self.fewUnits(result) { text += " " + s("limitations.units", ["units": String(units)]) }
        if result.synthetic { text += " " + s("limitations.synthetic.cases") }
        return [.paragraph(RichText([.strong(s("limitations.one_team.lead") + " ")]) + RichText(text))]
    }
}
