import Yams

/// Reads an indicator's `data:` mapping (DESIGN §3.1) and checks its shape without a
/// database: one source (`readiness`, `cases` or `measure`), the keys that source takes,
/// a known derived measure's unit, and a frequency the values can be computed per.
/// Whether the data is loaded is not checked here: values not there yet are `no_data`
/// with the reason when asked for (docs/indicators.md, "Computed values").
enum DataBindingDecoder {
    static let keys = DataBinding.Key.allCases.map(\.rawValue)
    static let sources = ["readiness", "cases", "measure"]
    /// The keys each source takes besides its own.
    static let companions: [String: Set<String>] = [
        "readiness": ["item", "subscale"], "cases": ["cohort", "comparison"], "measure": [],
    ]

    static func decode(_ node: Node, id: String, reader r: NodeReader, indicator: Indicator) -> DataBinding? {
        let example = "e.g. {cases: investigation_within_4m, cohort: pilot}, {readiness: INSTRUMENT, item: KEY} or {measure: MEASURE_ID}"
        guard let e = r.entries(node, what: "`data`", id: id, allowed: keys) else { return nil }
        let named = sources.filter { e[$0] != nil }
        guard named.count == 1, let source = named.first else {
            r.error(node, id: id, named.isEmpty
                    ? "`data` names no source; write one of readiness, cases or measure (\(example))"
                    : "`data` names \(named.joined(separator: " and ")); an indicator's values come from one source")
            return nil
        }
        // A key of another source (`{cases: …, item: …}`) is located at the key.
        for (key, entry) in e where key != source && !companions[source]!.contains(key) {
            r.error(entry.key, id: id, "`\(key)` does not go with `\(source)` in `data`; "
                    + (companions[source]!.isEmpty ? "`\(source)` takes nothing else"
                       : "`\(source)` takes " + companions[source]!.sorted().map { "`\($0)`" }.joined(separator: " or ")))
        }
        guard let name = name(e[source]!.value, key: source, id: id, reader: r) else { return nil }
        let frequencyNode = node

        switch source {
        case "readiness":
            let item = e["item"].flatMap { self.name($0.value, key: "item", id: id, reader: r) }
            let subscale = e["subscale"].flatMap { self.name($0.value, key: "subscale", id: id, reader: r) }
            if e["item"] != nil && e["subscale"] != nil {
                r.error(e["subscale"]!.key, id: id, "`data` names both an item and a subscale; bind one of them")
                return nil
            }
            if e["item"] == nil && e["subscale"] == nil {
                r.error(node, id: id, "`data: {readiness: \(name)}` needs `item: KEY` or `subscale: NAME` of the instrument")
                return nil
            }
            if let f = indicator.frequency, f != .year, f != .wave {
                r.error(frequencyNode, id: id, "a survey gives one value per wave (read as its year); the indicator's frequency is \(f.rawValue): write frequency: year")
            }
            if let node = (e["item"] ?? e["subscale"])?.value { r.bindingLocations[id] = r.location(node) }
            if let item { return .readinessItem(instrument: name, item: item) }
            if let subscale { return .readinessSubscale(instrument: name, subscale: subscale) }
            return nil

        case "cases":
            if !KnownCaseMeasures.all.contains(name), let near = closest(name, in: KnownCaseMeasures.all) {
                // An extract's own outcome column may have any name; one this close to a
                // derived measure is a typo far more often than a column.
                r.error(e["cases"]!.value, id: id, "`cases: \(name)` is not a derived measure; did you mean `\(near)`? "
                        + "(derived: \(KnownCaseMeasures.all.joined(separator: ", ")); any other name is read as an outcome column of the extract)")
                return nil
            }
            if let units = KnownCaseMeasures.units(of: name), !units.contains(indicator.unit) {
                r.error(e["cases"]!.value, id: id, "`\(name)` gives \(describe(name)); the indicator's unit is \(indicator.unit.rawValue): "
                        + "write unit: " + units.map(\.rawValue).joined(separator: " or "))
            }
            var cohort = DataBinding.CaseCohort.pilot
            if let c = e["cohort"] {
                guard let read = r.choice(c.value, key: "cohort", id: id, as: DataBinding.CaseCohort.self) else { return nil }
                cohort = read
            }
            var comparison: DataBinding.CaseCohort?
            if let c = e["comparison"] {
                guard let read = r.choice(c.value, key: "comparison", id: id, as: DataBinding.CaseCohort.self) else { return nil }
                if read == cohort {
                    r.error(c.value, id: id, "`comparison` is the cohort itself (\(read.rawValue)); the comparison is the other cohort")
                    return nil
                }
                comparison = read
            }
            switch indicator.frequency {
            case nil:
                r.error(node, id: id, "a case measure is computed per period of the indicator's `frequency`; add frequency: tertial (or month, quarter, year)")
            case .wave?:
                r.error(node, id: id, "a case measure is computed per calendar period; frequency wave is for surveys: write tertial, month, quarter or year")
            default: break
            }
            return .cases(outcome: name, cohort: cohort, comparison: comparison)

        default:
            if indicator.frequency == .wave {
                r.error(node, id: id, "a measure is aggregated per calendar period; frequency wave is for surveys: write tertial, month, quarter or year")
            }
            return .measure(id: name)
        }
    }

    static func describe(_ name: String) -> String {
        if KnownCaseMeasures.shares.contains(name) { return "a 0/1 per case, read as a share" }
        if KnownCaseMeasures.durations.contains(name) { return "a duration in days" }
        return "a number per case, read as a mean"
    }

    /// A name (instrument, item, measure id): text, no curly quotes, not empty.
    static func name(_ node: Node, key: String, id: String, reader r: NodeReader) -> String? {
        guard let text = r.string(node, key: key, id: id, required: true) else { return nil }
        if r.rejectCurlyQuotes(text, node: node, key: key, id: id) { return nil }
        return text
    }
}
