import Periods
import Presentation

/// The words on pilot vs line: each outcome better, worse or unclear from the outcome's
/// better direction and the strongest design the data allow (issue 20), and how sure
/// the comparison is, in words (no method names in the brief: they are the final
/// report's).
///
/// The order of strength: the permutation over units (the pilot ranked among the
/// teams), the difference in differences with randomisation over areas (the pilot
/// area's change at the start against the other areas'), then the unadjusted case
/// comparison. The adjusted comparison, third in the order, is named in the
/// method section's ladder but never decides: with one pilot team nothing gives it an
/// interval or p that means anything (an individual-level interval measures chance
/// among cases, not between teams, and adjustment can narrow it without making the
/// comparison surer; cluster-aware errors and bootstraps fail with one treated team),
/// so it would not be stronger than the cases directly, only look surer
/// (`adjustedRungText`; docs/decisions.md). The strongest
/// available design decides alone: a clear result in it (p < 0.05; for cases, an
/// interval on one side of zero) gives better or worse, anything else unclear. A design
/// that cannot reach p < 0.05 at all — fewer than 20 units or areas, p ≥ 1/J — so makes
/// every outcome unclear; the words then say why, and what the cases alone point to.
extension CohortComparisonSection {
    enum Verdict: String, Equatable {
        case better, worse, unclear
        /// Higher or lower in the pilot, for an outcome with no better direction.
        case higher, lower
        case unknown
    }

    /// The designs behind the words, strongest first.
    enum Design: String, CaseIterable {
        case permutation, did, unadjusted
    }

    /// The strongest design that gives this outcome a p (or, for cases, an interval).
    static func basis(_ o: Outcome) -> Design? {
        if o.permutationP != nil, (o.permutationSign != nil || o.difference != nil) { return .permutation }
        if o.did?.estimate != nil, o.did?.p != nil { return .did }
        if o.difference != nil, o.ciLow != nil, o.ciHigh != nil { return .unadjusted }
        return nil
    }

    /// Better or worse from the sign of a clear pilot − line contrast and the outcome's
    /// better direction; higher or lower when it has none.
    static func direction(_ outcome: String, sign: Double) -> Verdict {
        guard sign != 0 else { return .unclear }
        guard let direction = CaseOutcomeNames.direction(outcome) else { return sign > 0 ? .higher : .lower }
        return (direction == .higherIsBetter) == (sign > 0) ? .better : .worse
    }

    /// The words of one design: clear at p < 0.05 (cases: the interval on one side of
    /// zero) in the direction of its estimate, else unclear.
    static func verdict(_ o: Outcome, by design: Design) -> Verdict {
        switch design {
        case .permutation:
            guard let p = o.permutationP, let sign = o.permutationSign.map(Double.init) ?? o.difference else { return .unknown }
            return p < 0.05 ? direction(o.outcome, sign: sign) : .unclear
        case .did:
            guard let b = o.did?.estimate, let p = o.did?.p else { return .unknown }
            return p < 0.05 ? direction(o.outcome, sign: b) : .unclear
        case .unadjusted:
            guard let d = o.difference, let lo = o.ciLow, let hi = o.ciHigh else { return .unknown }
            return lo <= 0 && hi >= 0 ? .unclear : direction(o.outcome, sign: d)
        }
    }

    /// The outcome's words: those of the strongest available design.
    static func verdict(_ o: Outcome) -> Verdict {
        basis(o).map { verdict(o, by: $0) } ?? .unknown
    }

    /// What the cases alone point to, when the words rest on a stronger design that
    /// leaves the outcome unclear while the cases do not.
    static func leaning(_ o: Outcome) -> Verdict? {
        guard let design = basis(o), design != .unadjusted, verdict(o, by: design) == .unclear else { return nil }
        let cases = verdict(o, by: .unadjusted)
        return [.better, .worse, .higher, .lower].contains(cases) ? cases : nil
    }

    /// The smallest p the outcome's deciding design can reach, when it cannot reach 0.05.
    static func floorUnits(_ o: Outcome) -> Int? {
        let j: Int? = switch basis(o) {
        case .permutation: o.units
        case .did: o.did?.areas
        default: nil
        }
        return j.flatMap { $0 >= 2 && $0 < 20 ? $0 : nil }
    }

    func verdictWord(_ v: Verdict, context: ReportContext) -> String {
        let s = context.strings
        return switch v {
        case .better: s("cohort.direction.better")
        case .worse: s("cohort.direction.worse")
        case .unclear: s("cohort.direction.unclear")
        case .higher: s("cohort.direction.higher")
        case .lower: s("cohort.direction.lower")
        case .unknown: s("cohort.plain.short.unknown")
        }
    }

    /// The table's "better or worse" cell: the words, and beside an unclear that a
    /// stronger design decided, what the cases alone point to.
    func directionWords(_ o: Outcome, context: ReportContext) -> String {
        let word = verdictWord(Self.verdict(o), context: context)
        guard let lean = Self.leaning(o) else { return word }
        return context.strings("cohort.direction.leaning", ["word": word,
                                                            "leaning": Self.inSentence(verdictWord(lean, context: context))])
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

    /// The number of areas, when an outcome's words rest on the before/after comparison
    /// over so few areas (2–19) that it cannot show a clear difference.
    static func fewAreas(_ result: Result) -> Int? {
        result.outcomes.filter { basis($0) == .did }.compactMap(\.did?.areas).max().flatMap { (2..<20).contains($0) ? $0 : nil }
    }

    /// The one-line verdict, how sure it is, and what data it rests on.
    func verdictBlocks(_ result: Result, context: ReportContext) -> [Block] {
        let s = context.strings, n = context.numbers
        let outcomes = Self.briefOutcomes(result.outcomes)
        var parts: [String] = []
        for (verdict, key) in [(Verdict.better, "steering.verdict.better"), (.worse, "steering.verdict.worse"),
                               (.unclear, "steering.verdict.unclear")] {
            let names = outcomes.filter { Self.verdict($0) == verdict }.map { Self.inSentence(outcomeName($0, s)) }
            if names.count == outcomes.count, names.count >= 3 {
                // The same word for every outcome: the table below names them.
                parts.append(s(key + ".all", ["count": String(names.count)]))
            } else if !names.isEmpty {
                parts.append(s(key, ["outcomes": Self.joined(names, and: s("word.and"))]))
            }
        }
        guard !parts.isEmpty else { return [] }
        var verdict = s("steering.verdict.lead", ["pilot": pilotName(result, context: context)]) + " "
            + parts.joined(separator: "; ") + "."
        var reasons = [s("steering.verdict.one_team")]
        if let units = Self.fewUnits(result) { reasons.append(s("steering.verdict.units", ["units": String(units)])) }
        if let areas = Self.fewAreas(result) { reasons.append(s("steering.verdict.areas", ["areas": String(areas)])) }
        if result.synthetic { reasons.append(s("steering.verdict.synthetic")) }
        verdict += " " + s("steering.verdict.certainty", ["reasons": reasons.joined(separator: "; ")])
        // Unclear by a stronger design while the cases alone point one way: say where.
        var leanings: [String] = []
        for (lean, key) in [(Verdict.better, "steering.verdict.better"), (.worse, "steering.verdict.worse"),
                            (.higher, "steering.verdict.higher"), (.lower, "steering.verdict.lower")] {
            let names = outcomes.filter { Self.leaning($0) == lean }.map { Self.inSentence(outcomeName($0, s)) }
            if !names.isEmpty { leanings.append(s(key, ["outcomes": Self.joined(names, and: s("word.and"))])) }
        }
        if !leanings.isEmpty {
            verdict += " " + s("steering.verdict.leaning", ["leanings": leanings.joined(separator: "; ")])
        }
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
        let did = result.outcomes.contains(where: { $0.did?.estimate != nil })
        if did { text += " " + s("method.cohort.did") }
        text += " " + s(did ? "method.cohort.strength.did" : "method.cohort.strength") + " " + s("method.cohort.censoring")
        let definitions = result.outcomes.map { o -> RichText in
            let key = "cohort.definition.\(o.outcome)"
            let definition = s(key)
            return RichText([.strong(outcomeName(o, s) + ": ")]) + RichText(definition == key ? s("cohort.definition.other") : definition)
        }
        // The design ladder in a paragraph of its own, where a reviewer looks for it.
        return [.paragraph(RichText([.strong(s("method.cohort.lead") + " ")]) + RichText(text)),
                .paragraph(RichText(lead: s("method.cohort.basis.lead"), basisText(result, context: context))),
                .list(ListBlock(items: definitions))]
    }

    /// Which design each outcome's words rest on, and how a design that cannot show a
    /// difference is read.
    func basisText(_ result: Result, context: ReportContext) -> String {
        let s = context.strings
        var parts: [String] = []
        for design in Design.allCases {
            let names = result.outcomes.filter { Self.basis($0) == design }.map { Self.inSentence(outcomeName($0, s)) }
            if !names.isEmpty {
                parts.append(s("method.cohort.basis.\(design.rawValue)", ["outcomes": Self.joined(names, and: s("word.and"))]))
            }
        }
        // The ladder, why its third rung is not used, then what decides here.
        var text = s("method.cohort.basis.order") + " " + adjustedRungText(result, context: context)
        if !parts.isEmpty { text += " " + s("method.cohort.basis", ["parts": parts.joined(separator: "; ")]) }
        if result.outcomes.contains(where: { Self.floorUnits($0) != nil }) { text += " " + s("method.cohort.basis.floor") }
        return text
    }

    /// The adjusted rung, named and why it does not decide the words here: with one pilot
    /// team no interval or p for it means anything (docs/decisions.md, "The adjusted
    /// comparison is named in the ladder, not used"), and which of its covariates the
    /// extract lacks.
    func adjustedRungText(_ result: Result, context: ReportContext) -> String {
        let s = context.strings
        let all = ["age", "gender", "referral_reason"]
        // A record written before reports said which covariates the extract carries.
        let carried = result.covariates ?? all
        let name = { (c: String) in s("method.cohort.covariate.\(c)") }
        guard !carried.isEmpty else {
            return s("method.cohort.basis.adjusted.none", ["pilot": pilotName(result, context: context)])
        }
        var text = s("method.cohort.basis.adjusted", ["covariates": Self.joined(carried.map(name), and: s("word.and")),
                                                      "pilot": pilotName(result, context: context)])
        let missing = all.filter { !carried.contains($0) }
        if !missing.isEmpty {
            text += " " + s("method.cohort.basis.adjusted.missing", ["missing": Self.joined(missing.map(name), and: s("word.and"))])
        }
        return text
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
