import Foundation
import Presentation

/// The steering brief's "what changed since the last report": the headline figures of
/// the previous report's JSON (`--since`) whose value differs now, named in words, and a
/// changed model version. Every other changed figure (CIs, trend points, gender cells…)
/// is counted in one sentence: with the domain sections a report holds over a thousand
/// figures, and the brief must stay at two pages.
enum ChangesSince {
    /// The figures a steering group follows from one report to the next, by path in
    /// `results`, with the sibling key that names the row.
    struct Headline: Sendable {
        var pattern: String
        /// Labels the figure from the object holding it (`{id}`, `{outcome}` …) and the
        /// strings table.
        var label: @Sendable (JSONValue, JSONValue, ReportStrings) -> String
    }

    static let headlines: [Headline] = [
        Headline(pattern: #"^indicators\.status\.indicators\[\d+\]\.value$"#) { row, _, s in
            s("steering.changes.indicator", ["id": row["id"]?.text ?? ""])
        },
        Headline(pattern: #"^tertial_table\.goals\[\d+\]\.indicators\[\d+\]\.outcome$"#) { row, _, s in
            s("steering.changes.indicator", ["id": row["indicator"]?.text ?? ""])
        },
        Headline(pattern: #"^pilot_vs_line\.outcomes\[\d+\]\.difference$"#) { row, _, s in
            let name = row["outcome"]?.text ?? ""
            let key = "cohort.outcome.\(name)"
            return s("steering.changes.pilot_vs_line", ["outcome": s(key) == key ? name : s(key)])
        },
        Headline(pattern: #"^readiness\.surveys\[\d+\]\.waves\[\d+\]\.units\[\d+\]\.mean$"#) { row, parent, s in
            s("steering.changes.readiness", ["unit": row["unit"]?.text ?? "", "wave": parent["wave"]?.text ?? ""])
        },
        Headline(pattern: #"^improvement\.measures\[\d+\]\.centre$"#) { row, _, s in
            s("steering.changes.measure", ["measure": row["measure"]?.text ?? ""])
        },
    ]

    /// At most this many rows; the rest are counted. The rows are shared out among the
    /// kinds of headline in turn (an indicator, a pilot-vs-line outcome, a readiness
    /// unit, a measure, then the next of each), so that eight changed indicators do not
    /// push the pilot's results out of the table.
    static let maximumRows = 6

    static func blocks(previous: ReportRecord?, sinceFile: ReportRecord.FileReference?,
                       current: [String: JSONValue], model: ReportRecord.ModelProvenance,
                       context: ReportContext) -> [Block] {
        let s = context.strings
        guard let previous else {
            return [.paragraph(RichText(s("steering.since_none")))]
        }
        var blocks: [Block] = [.paragraph(RichText(s("steering.since", [
            "file": sinceFile.map { lastPathComponent($0.path) } ?? "", "date": String(previous.generatedAt.prefix(10)),
        ])))]
        var rows: [[TableBlock.Cell]] = []
        // Headline rows by the index of their headline kind.
        var byKind: [[[TableBlock.Cell]]] = Array(repeating: [], count: headlines.count)
        if previous.model.sha256 != model.sha256 {
            rows.append([TableBlock.Cell(s("cover.model"), isRowHeader: true),
                         TableBlock.Cell("version \(previous.model.version)"), TableBlock.Cell("version \(model.version)")])
        }
        let before = Dictionary(JSONValue.object(previous.results).leaves().map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
        let root = JSONValue.object(current)
        var others = 0
        for (path, now) in root.leaves() {
            guard case .number(let n) = now else { continue }
            let old = before[path]
            if case .number(let o)? = old, o == n { continue }
            guard let kind = headlines.firstIndex(where: { path.range(of: $0.pattern, options: .regularExpression) != nil }),
                  !omittedFromBrief(path: path, root: root) else {
                others += 1
                continue
            }
            let label = headlines[kind].label(root.value(at: parent(of: path)) ?? .null,
                                       root.value(at: parent(of: parent(of: parent(of: path)))) ?? .null, s)
            let name = label.isEmpty || label.contains("{") ? path : label
            let oldText: String
            if case .number(let o)? = old { oldText = context.numbers.decimal(o, decimals: o == o.rounded() ? 0 : 2) } else { oldText = "–" }
            byKind[kind].append([TableBlock.Cell(name, isRowHeader: true), TableBlock.Cell(oldText),
                                 TableBlock.Cell(context.numbers.decimal(n, decimals: n == n.rounded() ? 0 : 2))])
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
                blocks.append(.paragraph(RichText(s("steering.changes.others", ["count": context.numbers.integer(others)]))))
            }
        }
        return blocks
    }

    /// A pilot-vs-line duration the brief does not show (its within-limit twin stands
    /// for it): its change is counted with the others, not given a row.
    static func omittedFromBrief(path: String, root: JSONValue) -> Bool {
        guard path.hasPrefix("pilot_vs_line.outcomes["),
              let name = root.value(at: parent(of: path))?["outcome"]?.text,
              let twin = CohortComparisonSection.briefTwins[name],
              case .array(let outcomes)? = root.value(at: "pilot_vs_line.outcomes") else { return false }
        return outcomes.contains { $0["outcome"]?.text == twin }
    }

    /// `a.b[2].c` → `a.b[2]`; `a.b[2]` → `a.b`.
    static func parent(of path: String) -> String {
        if path.hasSuffix("]"), let open = path.lastIndex(of: "[") { return String(path[..<open]) }
        if let dot = path.lastIndex(of: ".") { return String(path[..<dot]) }
        return ""
    }
}

extension JSONValue {
    /// The value at a path as `leaves()` writes it (`a.b[2].c`); nil when absent.
    func value(at path: String) -> JSONValue? {
        guard !path.isEmpty else { return self }
        var current: JSONValue? = self
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                indices.insert(Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) ?? -1, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { current = current?[String(name)] }
            for i in indices {
                guard case .array(let a)? = current, a.indices.contains(i) else { return nil }
                current = a[i]
            }
        }
        return current
    }

    /// A string or number as text, for labels.
    var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let d): return d == d.rounded() ? String(Int64(d)) : String(d)
        default: return nil
        }
    }
}
