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
/// that cannot reach p < 0.05 at all — 20 units or areas or fewer, p ≥ 1/J ≥ 0,05 — so makes
/// every outcome unclear; the words then say why, and what the cases alone point to.
///
/// Reports' `PublishedComparisons` writes each outcome's `decided_by` and `direction`
/// into the record from here; the blocks say the same words.
extension PilotVsLineReport {
    public enum Verdict: String, Equatable, Sendable {
        case better, worse, unclear
        /// Higher or lower in the pilot, for an outcome with no better direction.
        case higher, lower
        case unknown
    }

    /// The designs behind the words, strongest first.
    public enum Design: String, CaseIterable, Sendable {
        case permutation, did, unadjusted
    }

    /// The strongest design that gives this outcome a p (or, for cases, an interval).
    public static func basis(_ o: Outcome) -> Design? {
        if o.permutationP != nil, (o.permutationSign != nil || o.difference != nil) { return .permutation }
        if o.did?.estimate != nil, o.did?.p != nil { return .did }
        if o.difference != nil, o.ciLow != nil, o.ciHigh != nil { return .unadjusted }
        return nil
    }

    /// Better or worse from the sign of a clear pilot − line contrast and the outcome's
    /// better direction — the logic model's, through an indicator bound to it (`better`),
    /// else the tool's; higher or lower when it has none.
    public static func direction(_ o: Outcome, sign: Double) -> Verdict {
        guard sign != 0 else { return .unclear }
        let model = o.better.map { $0 == "higher" ? CaseOutcomeNames.Direction.higherIsBetter : .lowerIsBetter }
        guard let direction = model ?? CaseOutcomeNames.direction(o.outcome) else { return sign > 0 ? .higher : .lower }
        return (direction == .higherIsBetter) == (sign > 0) ? .better : .worse
    }

    /// The words of one design: clear at p < 0.05 (cases: the interval on one side of
    /// zero) in the direction of its estimate, else unclear.
    public static func verdict(_ o: Outcome, by design: Design) -> Verdict {
        switch design {
        case .permutation:
            guard let p = o.permutationP, let sign = o.permutationSign.map(Double.init) ?? o.difference else { return .unknown }
            return p < 0.05 ? direction(o, sign: sign) : .unclear
        case .did:
            guard let b = o.did?.estimate, let p = o.did?.p else { return .unknown }
            return p < 0.05 ? direction(o, sign: b) : .unclear
        case .unadjusted:
            guard let d = o.difference, let lo = o.ciLow, let hi = o.ciHigh else { return .unknown }
            return lo <= 0 && hi >= 0 ? .unclear : direction(o, sign: d)
        }
    }

    /// The outcome's words: those of the strongest available design.
    public static func verdict(_ o: Outcome) -> Verdict {
        basis(o).map { verdict(o, by: $0) } ?? .unknown
    }

    /// What the cases alone point to, when the words rest on a stronger design that
    /// leaves the outcome unclear while the cases do not.
    public static func leaning(_ o: Outcome) -> Verdict? {
        guard let design = basis(o), design != .unadjusted, verdict(o, by: design) == .unclear else { return nil }
        let cases = verdict(o, by: .unadjusted)
        return [.better, .worse, .higher, .lower].contains(cases) ? cases : nil
    }

    /// The smallest p the outcome's deciding design can reach, when it cannot reach 0.05.
    public static func floorUnits(_ o: Outcome) -> Int? {
        let j: Int? = switch basis(o) {
        case .permutation: o.units
        case .did: o.did?.areas
        default: nil
        }
        return j.flatMap { $0 >= 2 && $0 <= 20 ? $0 : nil }
    }

    /// The number of units compared over, when there are so few (2–20) that the comparison
    /// over units cannot show a clear difference: said beside the verdict and among the
    /// limitations alike.
    static func fewUnits(_ result: PilotVsLineReport) -> Int? {
        result.outcomes.compactMap(\.units).max().flatMap { (2...20).contains($0) ? $0 : nil }
    }

    /// The number of areas, when an outcome's words rest on the before/after comparison
    /// over so few areas (2–20) that it cannot show a clear difference.
    static func fewAreas(_ result: PilotVsLineReport) -> Int? {
        result.outcomes.filter { basis($0) == .did }.compactMap(\.did?.areas).max().flatMap { (2...20).contains($0) ? $0 : nil }
    }

    // MARK: - The words

    /// "Bättre", "Sämre", "Oklart", …: a verdict in the report's words.
    static func verdictWord(_ v: Verdict, _ s: ReportStrings) -> String {
        switch v {
        case .better: s("cohort.direction.better")
        case .worse: s("cohort.direction.worse")
        case .unclear: s("cohort.direction.unclear")
        case .higher: s("cohort.direction.higher")
        case .lower: s("cohort.direction.lower")
        case .unknown: s("cohort.plain.short.unknown")
        }
    }

    /// The table's "better or worse" cell: the words, and beside an unclear that a
    /// stronger design decided, what the cases alone point to ("ärendena för sig: bättre";
    /// `short`, the brief's table, whose note says it: "ärendena: bättre", and "lägre"
    /// where the final report says "lägre, ingen given riktning", the note saying "ingen
    /// given riktning" once).
    /// In the brief (`short`) a verdict that rests on a ranking says the pilot's place,
    /// "Oklart (plats 1 av 6 team)": beside an interval on one side of zero, an unclear
    /// without its basis reads as a mistake.
    static func directionWords(_ o: Outcome, _ s: ReportStrings, short: Bool = false) -> String {
        var word = verdictWord(verdict(o), s)
        if short, let place = place(o) {
            word = s("cohort.direction.place.\(place.design.rawValue)",
                     ["word": word, "rank": String(place.rank), "count": String(place.count)])
        }
        guard let lean = leaning(o) else { return word }
        let leaningWord = short && (lean == .higher || lean == .lower)
            ? s("cohort.direction.\(lean.rawValue).short") : verdictWord(lean, s)
        return s(short ? "cohort.direction.leaning.short" : "cohort.direction.leaning",
                 ["word": word, "leaning": inSentence(leaningWord)])
    }

    /// The pilot's place among the teams or areas when the outcome's words rest on a
    /// ranking: its p is the place over their number, so the place is p · J.
    static func place(_ o: Outcome) -> (design: Design, rank: Int, count: Int)? {
        let ranked: (p: Double?, count: Int?) = switch basis(o) {
        case .permutation: (o.permutationP, o.units)
        case .did: (o.did?.p, o.did?.areas)
        default: (nil, nil)
        }
        guard let design = basis(o), let p = ranked.p, let j = ranked.count, j > 0 else { return nil }
        return (design, Int((p * Double(j)).rounded()), j)
    }

    /// A name inside a sentence: its first letter lower case, unless the name starts
    /// with an abbreviation ("KF", "BBIC").
    public static func inSentence(_ name: String) -> String {
        guard let first = name.first, name.count > 1,
              name[name.index(after: name.startIndex)].isLowercase else { return name }
        return first.lowercased() + name.dropFirst()
    }
}
