import Presentation
import Statistics

/// What disclosure control withheld from one report, for its author (stderr) and its
/// reader (the appendix "Röjandekontroll"): how many figures, in which part, by which
/// rule (docs/privacy.md).
///
/// Read from the record, not collected on the side: a withheld figure is `null` in the
/// record beside a note beginning "suppressed" (DESIGN §5), so counting those notes
/// counts exactly what the document withholds, and the summary cannot drift from it.
public struct DisclosureSummary: Codable, Sendable, Equatable {
    /// Why figures were withheld, from the notes' wording.
    public enum Rule: String, Codable, Sendable, CaseIterable {
        /// A count of 1 to threshold − 1 ("<5").
        case small
        /// A group smaller than the threshold (a survey unit): none of its figures.
        case smallGroup = "small_group"
        /// Hidden so that a small count cannot be worked out from the others (complement).
        case complement
        /// Built on a withheld figure (a share, a difference, a change, its test).
        case derived
    }

    public struct Entry: Codable, Sendable, Equatable {
        /// The result key of the part ("pilot_vs_line", "readiness", …).
        public var section: String
        public var rule: Rule
        public var figures: Int
    }

    public var audience: Audience
    public var threshold: Int
    public var entries: [Entry]

    public var total: Int { entries.map(\.figures).reduce(0, +) }

    /// Counts the withheld figures of every result, by part and rule.
    public init(results: [String: JSONValue], rule: SuppressionRule) {
        audience = rule.audience
        threshold = rule.threshold
        var entries: [Entry] = []
        for key in results.keys.sorted() {
            var counts: [Rule: Int] = [:]
            Self.walk(results[key]!) { note in
                if let r = Self.rule(of: note) { counts[r, default: 0] += 1 }
            }
            for r in Rule.allCases { if let n = counts[r] { entries.append(Entry(section: key, rule: r, figures: n)) } }
        }
        self.entries = entries
    }

    /// Every note (a string under a key named `note` or ending in `_note`).
    static func walk(_ value: JSONValue, _ visit: (String) -> Void) {
        switch value {
        case .object(let o):
            for (k, v) in o {
                if case .string(let s) = v, k == "note" || k.hasSuffix("_note") { visit(s) } else { walk(v, visit) }
            }
        case .array(let a): a.forEach { walk($0, visit) }
        default: break
        }
    }

    static func rule(of note: String) -> Rule? {
        guard note.hasPrefix("suppressed") else { return nil }
        if note.contains("count of 1–4") { return .small }
        if note.contains("respondents") || note == "suppressed" { return .smallGroup }
        if note.contains("worked out") { return .complement }
        return .derived
    }
}

extension DisclosureSummary {
    /// The appendix: the rule in words and a table of what it withheld, in the reader's
    /// language; for the internal audience, that nothing was withheld and why.
    /// `brief`: one sentence, for the two pages of the steering brief, given the text the
    /// brief shows: it explains only the marks the brief has (the record behind it
    /// withholds figures the brief never shows).
    func appendix(strings s: ReportStrings, numbers: NumberStyle, partNames: [String: String], brief shown: String? = nil) -> ReportSection {
        let t = ["threshold": numbers.integer(threshold), "below": numbers.integer(threshold - 1)]
        var blocks: [Block] = []
        if audience == .internal {
            blocks.append(.paragraph(RichText(s("disclosure.internal", t))))
        } else if let shown {
            // The brief shows a part of what the record holds; its figures by part are the
            // final report's appendix (and stderr), so here the symbols and where to look.
            let small = shown.contains("<" + t["threshold"]!), hidden = shown.contains("..")
            let key = total == 0 ? "disclosure.none"
                : small && hidden ? "disclosure.brief" : small ? "disclosure.brief.small"
                : hidden ? "disclosure.brief.hidden" : "disclosure.brief.elsewhere"
            blocks.append(.paragraph(RichText(s(key, t))))
        } else {
            blocks.append(.paragraph(RichText(s("disclosure.rule", t))))
            if entries.isEmpty {
                blocks.append(.paragraph(RichText(s("disclosure.none"))))
            } else {
                let rows: [[TableBlock.Cell]] = entries.map { e in
                    [TableBlock.Cell(partNames[e.section] ?? e.section, isRowHeader: true),
                     TableBlock.Cell(s("disclosure.rule.\(e.rule.rawValue)", t)),
                     TableBlock.Cell(FigureCell(Figure(Double(e.figures)), .eventCount), style: numbers)]
                }
                blocks.append(.table(TableBlock(
                    caption: s("disclosure.caption"),
                    header: [[TableBlock.Cell(s("disclosure.col.part")), TableBlock.Cell(s("disclosure.col.rule")),
                              TableBlock.Cell(s("disclosure.col.figures"))]],
                    rows: rows, alignments: [.left, .left, .right],
                    // The counts are of the whole record: a reader looking for them in the
                    // tables alone finds few (a FoU reviewer counted none of the indicators').
                    notes: [RichText(s("disclosure.table.note"))])))
            }
        }
        return ReportSection(key: "disclosure", title: s("disclosure.title"), blocks: blocks)
    }

    /// One line per part for stderr, in English (the author's terminal).
    var lines: [String] {
        guard audience == .public else {
            return ["internal audience: small counts are shown; the document is marked not to be spread"]
        }
        var out: [String] = []
        for section in Array(Set(entries.map(\.section))).sorted() {
            let parts = entries.filter { $0.section == section }.map { e -> String in
                let what: String
                switch e.rule {
                case .small: what = "count(s) of 1–\(threshold - 1)"
                case .smallGroup: what = "figure(s) of groups under \(threshold)"
                case .complement: what = "hidden so a small count cannot be worked out"
                case .derived: what = "built on a withheld figure"
                }
                return "\(e.figures) \(what)"
            }
            out.append("\(section): " + parts.joined(separator: ", "))
        }
        return out
    }
}
