import Foundation
import Presentation

/// The steering brief's "what changed since the last report": the headline figures
/// the sections declare (`HeadlineFigure`, by stable id) whose value differs from the
/// previous report's, named in words, and a changed model version. Every other changed
/// figure (CIs, trend points, gender cells…) is counted in one sentence: with the domain
/// sections a report holds over a thousand figures, and the brief must stay at two pages.
enum ChangesSince {
    /// At most this many rows; the rest are counted. The rows are shared out among the
    /// kinds of headline in turn (an indicator, a pilot-vs-line outcome, a readiness
    /// unit, a measure, then the next of each), so that eight changed indicators do not
    /// push the pilot's results out of the table.
    static let maximumRows = 6

    static func blocks(previous: ReportRecord?, sinceFile: ReportRecord.FileReference?,
                       current: [String: JSONValue], headlines: [HeadlineFigure],
                       model: ReportRecord.ModelProvenance, context: ReportContext,
                       builders: [AnySectionBuilder] = SectionRegistry.builders) -> [Block] {
        let s = context.strings
        guard let previous else {
            return [.paragraph(RichText(s("steering.since_none")))]
        }
        var blocks: [Block] = [.paragraph(RichText(s("steering.since", [
            "file": sinceFile.map { lastPathComponent($0.path) } ?? "", "date": String(previous.generatedAt.prefix(10)),
        ])))]
        var rows: [[TableBlock.Cell]] = []
        if previous.model.sha256 != model.sha256 {
            rows.append([TableBlock.Cell(s("cover.model"), isRowHeader: true),
                         TableBlock.Cell("version \(previous.model.version)"), TableBlock.Cell("version \(model.version)")])
        }
        let before = Dictionary((previous.headlines ?? recordedHeadlines(previous, context: context, builders: builders))
            .map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        func written(_ v: Double) -> String { context.numbers.decimal(v, decimals: v == v.rounded() ? 0 : 2) }
        // Headline rows by kind, in the order the sections declared them.
        let kinds = HeadlineFigure.Kind.allCases
        var byKind: [[[TableBlock.Cell]]] = Array(repeating: [], count: kinds.count)
        var named = Set<String>()
        for h in headlines {
            // An indicator under two goals is one headline, named once (its other
            // places are not counted among the others either).
            guard let now = h.value, named.insert(h.id).inserted else { continue }
            let old = before[h.id] ?? nil
            if old == now { continue }
            byKind[kinds.firstIndex(of: h.kind)!].append([TableBlock.Cell(h.label, isRowHeader: true),
                                                          TableBlock.Cell(old.map(written) ?? "–"),
                                                          TableBlock.Cell(written(now))])
        }
        // Every other number that changed, counted: the leaves of the results that are
        // not a headline's.
        let headlinePaths = Set(headlines.map(\.path))
        let previousLeaves = Dictionary(JSONValue.object(previous.results).leaves().map { ($0.path, $0.value) },
                                        uniquingKeysWith: { a, _ in a })
        var others = 0
        for (path, now) in JSONValue.object(current).leaves() where !headlinePaths.contains(path) {
            guard case .number(let n) = now else { continue }
            if case .number(let o)? = previousLeaves[path], o == n { continue }
            others += 1
        }
        // Take one of each kind in turn up to the limit, then show them kind by kind.
        var taken = Array(repeating: 0, count: byKind.count)
        var room = max(0, maximumRows - rows.count)
        var progressed = true
        while room > 0 && progressed {
            progressed = false
            for k in byKind.indices where room > 0 && taken[k] < byKind[k].count {
                taken[k] += 1
                room -= 1
                progressed = true
            }
        }
        for k in byKind.indices {
            rows += byKind[k].prefix(taken[k])
            others += byKind[k].count - taken[k]
        }
        if rows.isEmpty && others == 0 {
            blocks.append(.paragraph(RichText(s("steering.no_changes"))))
        } else {
            if !rows.isEmpty {
                blocks.append(.table(TableBlock(
                    header: [[TableBlock.Cell(s("steering.changes.figure")), TableBlock.Cell(s("steering.changes.before")),
                              TableBlock.Cell(s("steering.changes.now"))]],
                    rows: rows, alignments: [.left, .right, .right])))
            }
            if others > 0 {
                blocks.append(.paragraph(RichText(others == 1 ? s("steering.changes.others.one") : s("steering.changes.others", ["count": context.numbers.integer(others)]))))
            }
        }
        return blocks
    }

    /// The headlines of a record written before records kept them: its results read back
    /// into each section's typed result, which declares its headlines as it does now. A
    /// result whose shape has changed since declares none; its changes are counted.
    static func recordedHeadlines(_ record: ReportRecord, context: ReportContext,
                                  builders: [AnySectionBuilder]) -> [HeadlineFigure] {
        builders.flatMap { builder in
            record.results[builder.key].map { builder.headlines(ofRecorded: $0, context: context) } ?? []
        }
    }
}
