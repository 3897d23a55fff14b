/// `model show --format logframe`: the logical framework matrix steering groups
/// know — one row per node, grouped by level from goals down to activities, with
/// its indicators, means of verification and assumptions (Markdown table).
///
/// `table(_:)` gives the same matrix as values, so report writers (HTML, DOCX) draw a
/// real table from the very rows the Markdown shows.
public enum LogframeRenderer {
    public static func render(_ model: LogicModel) -> String {
        let table = table(model)
        var out = "# \(table.title): \(model.name)\n\n"
        out += "| " + table.headers.joined(separator: " | ") + " |\n"
        out += "|---|---|---|---|---|\n"
        for row in table.rows {
            let indicatorText = row.indicators.map(\.text).joined(separator: "<br>")
            let cells = [row.level, "**\(row.id)** \(row.title)", indicatorText,
                         row.verification.joined(separator: "<br>"), row.assumptions.joined(separator: "<br>")]
                .map(Escape.markdownCell)
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// The matrix in the model's language: goals, outcomes (long → short term), outputs,
    /// activities, inputs.
    public static func table(_ model: LogicModel) -> LogframeTable {
        let s = RenderStrings.for(model.language)
        let indicatorsByNode = Dictionary(grouping: model.indicators, by: \.measures)
        let assumptionsByNode = Dictionary(grouping: model.assumptions.flatMap { a in a.on.map { ($0, a) } }, by: \.0)
        var rows: [LogframeRow] = []
        func row(_ level: String, _ id: String, _ title: String) {
            let inds = (indicatorsByNode[id] ?? []).map { i in
                var t = "\(i.id): \(i.title)"
                let targets = i.targets.map { "\($0.period) \($0.rule.text)" + ($0.setBy == .city ? " (KF)" : "") }
                if !targets.isEmpty { t += " [" + targets.joined(separator: "; ") + "]" }
                return LogframeIndicator(id: i.id, text: t, illustrative: i.illustrative, source: i.source)
            }
            let verification = Self.verification(indicatorsByNode[id] ?? [])
            let assumptions = (assumptionsByNode[id] ?? []).map { "\($0.1.id): \($0.1.text)" + ($0.1.critical ? " (\(s.critical))" : "") }
            rows.append(LogframeRow(level: level, id: id, title: title, indicators: inds,
                                    verification: verification, assumptions: assumptions))
        }
        for g in model.goals { row(s.goals, g.id, (g.code.map { "\($0) " } ?? "") + g.title) }
        for term in OutcomeTerm.allCases.reversed() {
            for o in model.outcomes where o.term == term { row("\(s.outcomes) (\(s.term(term)))", o.id, o.title) }
        }
        for p in model.outputs { row(s.outputs, p.id, p.title) }
        for a in model.activities { row(s.activities, a.id, a.title) }
        for r in model.inputs { row(s.inputs, r.id, r.title) }
        return LogframeTable(title: s.logframeTitle,
                             headers: [s.level, s.narrative, s.indicators, s.meansOfVerification, s.assumptions],
                             illustrativeLabel: s.illustrative, rows: rows)
    }
}

extension LogframeRenderer {
    /// Each indicator's measurement method beside its id, in the indicators' order, so
    /// a method is never read against another indicator; one line when every indicator
    /// of the node is measured the same way.
    static func verification(_ indicators: [Indicator]) -> [String] {
        let sources = indicators.compactMap(\.source)
        if sources.count == indicators.count, Set(sources).count == 1 { return [sources[0]] }
        return indicators.compactMap { i in i.source.map { "\(i.id): \($0)" } }
    }
}

public struct LogframeTable: Sendable, Equatable {
    public var title: String
    /// Level, narrative, indicators, means of verification, assumptions.
    public var headers: [String]
    /// "förslag, illustrativt" / "proposal, illustrative", for marking proposals.
    public var illustrativeLabel: String
    public var rows: [LogframeRow]
}

public struct LogframeRow: Sendable, Equatable {
    public var level: String
    public var id: String
    public var title: String
    public var indicators: [LogframeIndicator]
    public var verification: [String]
    public var assumptions: [String]
}

public struct LogframeIndicator: Sendable, Equatable {
    public var id: String
    /// "I1: title [2021 <= 22; 2022 improve (KF)]"
    public var text: String
    public var illustrative: Bool
    /// The indicator's measurement method (means of verification), if the model gives one.
    public var source: String? = nil
}
