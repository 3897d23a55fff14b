import Periods

/// The steering brief's pilot-vs-line part: the one short table with the words in place
/// of the tests (`steeringBlocks`), and the verdict at the top of the brief — each
/// outcome better, worse or unclear, how sure that is and what data it rests on
/// (`verdictBlocks`, which the final report's summary shows too). No method names: they
/// are the final report's (`PilotVsLineReport+Blocks.swift`). Which design decides and
/// the words themselves: `PilotVsLineReport+Verdict.swift`.
extension PilotVsLineReport {
    /// The table alone: its certainty — one team, what the comparison over units can
    /// show, synthetic data — is the verdict's, at the top of the brief, in words.
    public func steeringBlocks(_ w: Input) -> [Block] {
        guard shows else { return noneBlocks(w) }
        return [headlineTable(w, plain: true)]
    }

    /// The one-line verdict, how sure it is, and what data it rests on; nothing when
    /// there is no comparison.
    public func verdictBlocks(_ w: Input) -> [Block] {
        guard shows else { return [] }
        let s = w.strings, n = w.style
        let outcomes = Self.briefOutcomes(outcomes)
        var parts: [String] = []
        for (verdict, key) in [(Verdict.better, "steering.verdict.better"), (.worse, "steering.verdict.worse"),
                               (.unclear, "steering.verdict.unclear")] {
            let names = outcomes.filter { Self.verdict($0) == verdict }.map { Self.inSentence(Self.outcomeName($0, s)) }
            if names.count == outcomes.count, names.count >= 3 {
                // The same word for every outcome: the table below names them.
                parts.append(s(key + ".all", ["count": String(names.count)]))
            } else if !names.isEmpty {
                parts.append(s(key, ["outcomes": ListWords.joined(names, and: s("word.and"))]))
            }
        }
        guard !parts.isEmpty else { return [] }
        var verdict = s("steering.verdict.lead", ["pilot": pilotName(w)]) + " " + parts.joined(separator: "; ") + "."
        var reasons = [s("steering.verdict.one_team")]
        if let units = Self.fewUnits(self) { reasons.append(s("steering.verdict.units", ["units": String(units)])) }
        if let areas = Self.fewAreas(self) { reasons.append(s("steering.verdict.areas", ["areas": String(areas)])) }
        if synthetic { reasons.append(s("steering.verdict.synthetic")) }
        verdict += " " + s("steering.verdict.certainty", ["reasons": reasons.joined(separator: "; ")])
        // Unclear by a stronger design while the cases alone point one way: say where.
        var leanings: [String] = []
        for (lean, key) in [(Verdict.better, "steering.verdict.better"), (.worse, "steering.verdict.worse"),
                            (.higher, "steering.verdict.higher"), (.lower, "steering.verdict.lower")] {
            let names = outcomes.filter { Self.leaning($0) == lean }.map { Self.inSentence(Self.outcomeName($0, s)) }
            if !names.isEmpty { leanings.append(s(key, ["outcomes": ListWords.joined(names, and: s("word.and"))])) }
        }
        if !leanings.isEmpty {
            verdict += " " + s("steering.verdict.leaning", ["leanings": leanings.joined(separator: "; ")])
        }
        var blocks: [Block] = [.paragraph(RichText([.strong(verdict)]))]
        if let date = extractDate.flatMap(CalendarDate.init(parsing:)) {
            let start = pilotStart.flatMap(CalendarDate.init(parsing:)).map { n.date($0) }
            blocks.append(.paragraph(RichText(s(start == nil ? "steering.verdict.data" : "steering.verdict.data.start",
                                                ["date": n.date(date), "start": start ?? ""]))))
        }
        return blocks
    }
}
