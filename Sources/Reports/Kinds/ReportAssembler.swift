import LogicModel
import Presentation

/// Puts a report together: a kind's plan, the prose from `--text`, and the blocks the
/// section builders produced. Whatever is missing gets a neutral line ("not written
/// yet"), or with `draft` a marked box saying what to add.
enum ReportAssembler {
    static func plan(_ kind: ReportKind) -> [SectionPlan] {
        switch kind {
        case .final: FinalReportPlan.sections()
        case .steering: SteeringBriefPlan.sections()
        case .tertial: TertialReportPlan.sections()
        }
    }

    /// Which heading in the text file names which section: the plan's sections by
    /// number and by title in either language (and the template's own wording), and
    /// for the tertial report each goal and indicator by id or title.
    static func matcher(_ kind: ReportKind, strings: ReportStrings, model: LogicModel) -> SectionMatcher {
        let sv = ReportStrings(.sv), en = ReportStrings(.en)
        var entries: [(key: String, number: String?, titles: [String])] = []
        for p in plan(kind).flatMap(\.flattened) where p.takesText {
            entries.append((p.key, p.number, [strings(p.titleKey), sv(p.titleKey), en(p.titleKey)] + p.aliases))
        }
        if kind == .tertial {
            for g in model.goals { entries.append(("tertial.goal.\(g.id)", nil, [g.id, "\(g.id) \(g.title)", g.title])) }
            for i in model.indicators { entries.append(("tertial.indicator.\(i.id)", nil, [i.id, "\(i.id) \(i.title)", i.title])) }
        }
        return SectionMatcher(entries: entries)
    }

    struct Assembled {
        var sections: [ReportSection]
        var summaries: [ReportRecord.SectionSummary]
        /// Headings of required sections the text file lacks.
        var missingText: [String]
        /// Subheadings of the text with nothing under them, left out of the document.
        var emptyHeadings: [String] = []
        /// Headings of required sections the text lacks, compiled from the results instead.
        var generated: [String] = []
    }

    /// The prose without subheadings that have nothing under them (the seed's "För
    /// staden som helhet" before the next section): a heading with no text reads as a
    /// gap in print. Returns the blocks kept and the headings dropped.
    static func withoutEmptyHeadings(_ blocks: [Block]) -> (blocks: [Block], dropped: [String]) {
        func level(_ b: Block) -> Int? { if case .heading(let l, _) = b { return l }; return nil }
        var kept: [Block] = [], dropped: [String] = []
        for (i, block) in blocks.enumerated() {
            if case .heading(let l, let text) = block {
                // Its scope runs to the next heading of its level or above; empty when the
                // scope holds nothing but headings.
                let scope = blocks[(i + 1)...].prefix { (level($0) ?? Int.max) > l }
                if scope.allSatisfy({ level($0) != nil }) { dropped.append(text); continue }
            }
            kept.append(block)
        }
        return (kept, dropped)
    }

    static func assemble(_ plans: [SectionPlan], text: SectionText?, filled: [ReportSlot: [Block]],
                         strings s: ReportStrings, draft: Bool = false) -> Assembled {
        var summaries: [ReportRecord.SectionSummary] = []
        var missing: [String] = []
        var emptyHeadings: [String] = []
        var generated: [String] = []
        let notWritten = Block.paragraph(RichText([.emphasis(s("placeholder.not_written"))]))
        func build(_ p: SectionPlan) -> ReportSection {
            let title = s(p.titleKey)
            let heading = p.number.map { "\($0) \(title)" } ?? title
            var content: [String] = []
            var prose: [Block] = []
            // A draft compiled from the results stands in for missing prose only.
            let fallback = p.slots.filter(\.fallback).flatMap { filled[$0.slot] ?? [] }
            // A compiled part shows either way; it makes a section without prose generated.
            let compiled = p.slots.filter(\.compiled).flatMap { filled[$0.slot] ?? [] }
            if p.takesText {
                let cleaned = withoutEmptyHeadings(text?.sections[p.key] ?? [])
                emptyHeadings += cleaned.dropped.map { "\(heading) › \($0)" }
                if !cleaned.blocks.isEmpty {
                    prose = cleaned.blocks
                    content.append("written")
                } else if p.textRequired, !fallback.isEmpty, !draft {
                    prose = fallback
                    content.append("generated")
                    generated.append(heading)
                } else if p.textRequired, !compiled.isEmpty, !draft {
                    content.append("generated")
                    generated.append(heading)
                } else if p.textRequired {
                    if draft {
                        var message = s("placeholder.text", ["heading": heading])
                        if let hint = p.hintKey { message = s(hint) + " " + message }
                        prose = [.callout(Callout(.placeholder, title: s("placeholder.text.title"), RichText(message)))]
                    } else if !p.leftOutUnwritten {
                        // A finished document tells no one what to write: one neutral line.
                        prose = [notWritten]
                    }
                    content.append("placeholder")
                    missing.append(heading)
                }
            }
            var computed: [Block] = []
            if draft && !fallback.isEmpty && content.contains("placeholder") {
                // The author's proof copy: the box saying what to write, then the draft.
                prose += fallback
            }
            for slot in p.slots where !slot.fallback {
                if let blocks = filled[slot.slot], !blocks.isEmpty {
                    computed += blocks
                    if !content.contains("computed") { content.append("computed") }
                } else if let what = slot.pendingWhat {
                    computed.append(draft
                        ? .callout(Callout(.placeholder, title: s("placeholder.domain.title"),
                                           RichText(s("placeholder.domain", ["what": s(what)]))))
                        : .paragraph(RichText(s("placeholder.domain.missing", ["what": s(what)]))))
                    if !content.contains("placeholder") { content.append("placeholder") }
                }
            }
            summaries.append(ReportRecord.SectionSummary(key: p.key, number: p.number, title: title, content: content))
            let children = p.children.map(build)
            // The neutral line says a section is empty: above results or subsections with
            // content it would contradict them ("Avsnittet är inte skrivet ännu" over two
            // pages of method). The missing text is still named on stderr.
            if prose == [notWritten], !computed.isEmpty || children.contains(where: { hasContent($0) }) { prose = [] }
            return ReportSection(key: p.key, number: p.number, title: title,
                                 blocks: p.textFirst ? prose + computed : computed + prose,
                                 children: children, pageBreakBefore: p.pageBreakBefore)
        }
        func hasContent(_ section: ReportSection) -> Bool {
            section.blocks.contains { $0 != notWritten } || section.children.contains(where: hasContent)
        }
        // A section that takes no prose and that nothing filled would be a heading alone.
        var sections = plans.map(build).filter { !($0.blocks.isEmpty && $0.children.isEmpty) }
        sections = sharingShortPages(sections)
        summaries.removeAll { s in !sections.contains { $0.key == s.key } && plans.contains { $0.key == s.key } }
        return Assembled(sections: sections, summaries: summaries, missingText: missing, emptyHeadings: emptyHeadings,
                         generated: generated)
    }

    /// A short section shares its page: it does not start one, and the section after it
    /// does not either — alone on a page it left most of the page empty (Avgränsning's
    /// five lines did, between two forced breaks). The first section keeps its page (it
    /// follows the contents).
    static func sharingShortPages(_ sections: [ReportSection]) -> [ReportSection] {
        var sections = sections
        let short = sections.map { $0.estimatedLength < shortSection }
        for i in sections.indices.dropFirst() where short[i] || short[i - 1] {
            sections[i].pageBreakBefore = false
        }
        return sections
    }

    /// Under this many characters (about half a printed page of body text) a section is
    /// short enough to share a page with the section before it.
    static let shortSection = 1_500
}

extension ReportSection {
    /// A rough size in characters of body text: a table row and a list item count as a
    /// line, a figure as half a page. Only compared with `ReportAssembler.shortSection`.
    var estimatedLength: Int {
        let line = 90
        let own = blocks.reduce(0) { sum, block in
            switch block {
            case .heading: sum + line
            case .paragraph(let text): sum + max(line, text.plainText.count)
            case .list(let list): sum + list.items.reduce(0) { $0 + max(line, $1.plainText.count) }
            case .table(let table): sum + line * (table.headerRows.count + table.rows.count + 2)
            case .callout(let callout): sum + 2 * line + callout.text.plainText.count
            case .figure: sum + 2_000
            default: sum
            }
        }
        return own + children.reduce(0) { $0 + line + $1.estimatedLength }
    }
}
