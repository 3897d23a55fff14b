/// The case mix, pilot against line (`PilotVsLineReport.BalanceRow`), as the final
/// report shows it beside the direct comparison: a table of mean age and the shares of
/// referral reasons with their standardised differences, and one sentence naming what
/// differs by more than 0,1 — the imbalance the direct comparison does not adjust for.
extension PilotVsLineReport {
    /// |d| above this is the usual mark of imbalance (Stuart 2010).
    static let imbalance = 0.1

    func balanceBlocks(_ w: Input) -> [Block] {
        guard let rows = balance, !rows.isEmpty else { return [] }
        let s = w.strings, n = w.style
        let cells: [[TableBlock.Cell]] = rows.map { r in
            let kind: FigureCell.Kind = r.kind == "binary" ? .share(1) : .decimal(1)
            func value(_ v: Double?, _ note: String?) -> TableBlock.Cell {
                TableBlock.Cell(FigureCell(v, kind, undefined: note ?? "no value", disclosure: note == nil ? .shown : .withheld), style: n)
            }
            let smd = FigureCell(r.smd, .signed(2), undefined: r.smdNote ?? "no value", disclosure: r.smdNote == nil ? .shown : .withheld)
            let marked = r.smd.map { abs($0) > Self.imbalance } ?? false
            return [TableBlock.Cell(Self.covariateName(r.covariate, s), isRowHeader: true),
                    value(r.pilot, r.pilotNote), value(r.line, r.lineNote),
                    marked ? TableBlock.Cell(pattern: s("cohort.balance.marked"), figures: [smd], style: n) : TableBlock.Cell(smd, style: n)]
        }
        var notes = [RichText(s("cohort.balance.note"))]
        if rows.contains(where: { $0.pilotNote != nil || $0.lineNote != nil }) { notes.append(RichText(s("cohort.balance.note.withheld"))) }
        let table = TableBlock(caption: s("cohort.balance.caption"),
                               header: [["cohort.balance.col.covariate", "cohort.balance.col.pilot", "cohort.balance.col.line",
                                         "cohort.balance.col.smd"].map { TableBlock.Cell(s($0)) }],
                               rows: cells, alignments: [.left, .right, .right, .right], notes: notes)
        // What differs, in words: the direct comparison mixes the pilot's effect with it.
        let differing = rows.filter { ($0.smd.map { abs($0) > Self.imbalance }) ?? false }
            .map { Self.covariateName($0.covariate, s, inSentence: true) }
        let sentence = differing.isEmpty ? s("cohort.balance.alike")
            : s("cohort.balance.differ", ["covariates": ListWords.joined(differing, and: s("word.and"))])
        return [.table(table), .paragraph(RichText(sentence))]
    }

    /// "Ålder, medelvärde (år)", "Aktualiseringsorsak: Orosanmälan"; in a sentence
    /// "ålder", "andelen med orsaken ”Orosanmälan”".
    static func covariateName(_ key: String, _ s: ReportStrings, inSentence: Bool = false) -> String {
        let suffix = inSentence ? ".sentence" : ""
        return key.hasPrefix("reason: ") ? s("cohort.balance.reason" + suffix, ["reason": String(key.dropFirst("reason: ".count))])
            : s("cohort.balance.\(key)" + suffix)
    }
}
