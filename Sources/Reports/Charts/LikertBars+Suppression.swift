import Evaluation
import LogicModel
import Presentation

/// The Likert bars' answer counts and their recoding for disclosure (DESIGN §6): the
/// decision which classes a public document may draw is made here, in Reports; the
/// drawing (`LikertBars.svg(bars:…)`) is Presentation's.
extension LikertBars {
    /// - Parameter unit: one unit of the summary, or nil for every shown (unsuppressed)
    ///   unit pooled.
    public static func svg(_ summary: ReadinessSummary, instrument: Instrument, unit: String? = nil,
                           language: Language = .sv, suppression: SuppressionRule? = nil) -> String {
        let shown = summary.units.filter { !$0.suppressed && (unit == nil || $0.unit == unit) }
        return svg(bars: bars(summary, instrument: instrument, unit: unit, suppression: suppression),
                   instrument: instrument, wave: summary.wave, unit: unit,
                   empty: summary.aggregated ? .aggregated : (shown.isEmpty ? .noAnswers : nil),
                   language: language, recoded: suppression != nil)
    }

    /// Answer counts per item (pooled over the shown units, or one unit), each a class
    /// per scale point — or, with `suppression`, recoded so that no class is small.
    public static func bars(_ summary: ReadinessSummary, instrument: Instrument, unit: String? = nil,
                            suppression: SuppressionRule? = nil) -> [Bar] {
        let points = instrument.scale.points
        let shown = summary.units.filter { !$0.suppressed && (unit == nil || $0.unit == unit) }
        return instrument.items.map { item in
            var counts = Array(repeating: 0, count: points.count)
            for u in shown {
                if let d = u.items.first(where: { $0.item == item.key })?.distribution {
                    for i in counts.indices where i < d.count { counts[i] += d[i] }
                }
            }
            let n = counts.reduce(0, +)
            let singles = counts.enumerated().map { AnswerClass(low: points[$0.offset], high: points[$0.offset], count: $0.element) }
            guard let rule = suppression else { return Bar(item: item.key, n: n, classes: singles) }
            return Bar(item: item.key, n: n, classes: recode(singles, rule: rule))
        }
    }

    /// Global recoding toward the middle: walk in from each end, merging a class of 1–4
    /// answers into the next one; the innermost class of a side joins the middle when
    /// still small. Nil when the middle (or, on an even scale, a side) stays small.
    static func recode(_ classes: [AnswerClass], rule: SuppressionRule) -> [AnswerClass]? {
        let k = classes.count
        guard k > 0 else { return [] }
        let middle: Int? = k % 2 == 1 ? k / 2 : nil
        func merge(_ a: AnswerClass, _ b: AnswerClass) -> AnswerClass {
            AnswerClass(low: min(a.low, b.low), high: max(a.high, b.high), count: a.count + b.count)
        }
        // One side, listed from the outside in: merged classes, and what is left to join the middle.
        func side(_ members: [AnswerClass]) -> (classes: [AnswerClass], carry: AnswerClass?) {
            var out: [AnswerClass] = [], carry: AnswerClass?
            for c in members {
                let current = carry.map { merge($0, c) } ?? c
                if rule.isSmall(current.count) { carry = current } else { out.append(current); carry = nil }
            }
            return (out, carry)
        }
        let lowerEnd = middle ?? k / 2
        let lower = side(Array(classes[0..<lowerEnd]))
        let upper = side(Array(classes[(middle.map { $0 + 1 } ?? k / 2)...].reversed()))
        if let m = middle {
            var centre = classes[m]
            if let c = lower.carry { centre = merge(c, centre) }
            if let c = upper.carry { centre = merge(centre, c) }
            if rule.isSmall(centre.count) { return nil }
            return lower.classes + [centre] + upper.classes.reversed()
        }
        // Even scale: a small innermost class on either side cannot join a middle.
        if lower.carry != nil || upper.carry != nil { return nil }
        return lower.classes + upper.classes.reversed()
    }

}
