/// The final report's Sammanfattning line on readiness: the latest wave against the one
/// before, unit by unit in words — a clear rise or fall once every tested change is
/// allowed for (Holm's adjusted p below 0,05, as the brief's table says it), else no
/// clear change — or, with a single wave, the range of the units' means.
extension ReadinessReport {
    public func summaryBlocks(strings s: ReportStrings, style n: NumberStyle) -> [Block] {
        surveys.compactMap { $0.summaryLine(s, n) }.map { .paragraph(RichText(lead: s("readiness.summary.lead"), $0)) }
    }
}

extension ReadinessReport.Survey {
    func summaryLine(_ s: ReportStrings, _ n: NumberStyle) -> String? {
        guard let latest = waves.last else { return nil }
        let means = latest.units.compactMap(\.mean)
        let tested = changes.filter { $0.to == latest.wave && $0.method != "descriptive" && $0.difference != nil && $0.pAdjusted != nil }
        guard let from = tested.first?.from else {
            guard let low = means.min(), let high = means.max() else { return nil }
            return s("readiness.summary.range", ["wave": latest.label(s), "low": n.decimal(low, decimals: 1),
                                                 "high": n.decimal(high, decimals: 1), "min": String(scaleMin), "max": String(scaleMax)])
        }
        var parts: [String] = []
        for (key, matches) in [("readiness.change.clear_rise", { (c: ReadinessReport.Change) in c.pAdjusted! < 0.05 && c.difference! > 0 }),
                               ("readiness.change.clear_fall", { c in c.pAdjusted! < 0.05 && c.difference! < 0 }),
                               ("readiness.change.unclear", { c in c.pAdjusted! >= 0.05 })] {
            let count = tested.filter(matches).count
            guard count > 0 else { continue }
            parts.append(s(count == 1 ? "readiness.summary.units.one" : "readiness.summary.units",
                           ["change": s(key), "units": CountWords.word(count, s.language)]))
        }
        let previous = waves.first { $0.wave == from }.map { $0.label(s) } ?? from
        return s("readiness.summary.changes", ["wave": latest.label(s), "previous": previous,
                                               "changes": ListWords.joined(parts, and: s("word.and"))])
    }
}
