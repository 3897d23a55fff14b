import Evaluation
import Foundation
import LogicModel
import Reports
import Statistics
import Store

/// Step 4: the shipped survey instruments stored, Vällingbyteamet's three waves of the
/// change-readiness survey imported, and the summary, trend and charts written.
enum DemoReadinessStep {
    static let instrumentID = "vallingbyteamet-readiness"
    /// Waves are Datasets/vallingbyteamet/readiness-<wave>[-synthetic].csv (the import
    /// log keeps the name, and reports mark a synthetic wave as such); a file without a
    /// `respondent` column holds unit means only (an aggregated wave).
    static let folder = "vallingbyteamet", prefix = "readiness-", syntheticSuffix = "-synthetic"
    static let minGroup = 5

    static func run(_ demo: DemoRun) throws -> [String] {
        let catalog = InstrumentCatalog(demo.database)
        for path in try DemoSources.files(in: demo.sources.models, "instruments", suffix: ".yaml") {
            do {
                _ = try catalog.add(path: path)
            } catch let failure as ValidationFailure {
                failure.diagnostics.forEach { Console.error($0.description) }
                throw Failure("shipped instrument \(path) does not validate")
            }
        }
        let instrument = try catalog.resolve(instrumentID)
        let files = try DemoSources.files(in: demo.sources.datasets, folder, suffix: ".csv", prefix: prefix)
        demo.progress("importing \(files.count) readiness waves of \(instrumentID)")
        for path in files { try importWave(demo, path: path, instrument: instrument) }

        let repository = ReadinessRepository(demo.database)
        let waves = try repository.loadAll(instrument: instrument)
        guard let latest = waves.last else { return ["Readiness: no waves of \(instrumentID) in \(demo.sources.datasets)/\(folder)"] }
        let summary = ReadinessSummary.compute(latest, instrument: instrument, minGroup: minGroup)
        let trend = ReadinessTrend.compute(waves, instrument: instrument, minGroup: minGroup, correction: .holm)
        let wave = latest.wave
        try demo.write(ReadinessTables.summary(summary, instrument: instrument), to: "readiness/summary-\(wave).txt")
        try demo.write(try ResultOutput.json(summary), to: "readiness/summary-\(wave).json")
        try demo.write(ReadinessTables.summaryCSV(summary, dialect: .rfc4180), to: "readiness/summary-\(wave).csv")
        try demo.write(ReadinessTables.trend(trend, scalesOnly: false), to: "readiness/trend.txt")
        try demo.write(try ResultOutput.json(trend), to: "readiness/trend.json")
        try demo.write(ReadinessTables.trendCSV(trend, dialect: .rfc4180), to: "readiness/trend.csv")
        try demo.write(ReadinessHeatmap.svg(summary, instrument: instrument, language: .sv), to: "readiness/heatmap-\(wave).svg")
        try demo.write(LikertBars.svg(summary, instrument: instrument, unit: nil, language: .sv), to: "readiness/likert-\(wave).svg")
        let scales = ReadinessScoring.scales(of: instrument).map(\.key)
        for key in scales {
            try demo.write(ReadinessTrendChart.svg(trend, instrument: instrument, kind: "scale", key: key, language: .sv),
                           to: "readiness/trend-\(key).svg")
        }
        demo.place("readiness/summary-\(wave).{txt,json,csv}, trend.{txt,json,csv}",
                   "\(instrumentID): the latest wave per unit and item; every wave and change")
        demo.place("readiness/{heatmap,likert}-\(wave).svg, trend-<scale>.svg",
                   "charts: unit × item, answer distribution, each scale (" + scales.joined(separator: ", ") + ") over the waves")
        return [summaryFinding(summary, waves: waves), trendFinding(trend)]
    }

    static func importWave(_ demo: DemoRun, path: String, instrument: Instrument) throws {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var wave = name.dropFirst(prefix.count)
        if wave.hasSuffix(syntheticSuffix) { wave = wave.dropLast(syntheticSuffix.count) }
        let aggregated: Bool
        do { aggregated = try CSVReader(path: path).columnIndex("respondent") == nil } catch let e as CSVError { throw Failure(e.description) }
        do {
            _ = try ReadinessImporter(demo.database).importFile(path: path, instrument: instrument, wave: String(wave), aggregated: aggregated)
        } catch ImportLogError.alreadyImported(let earlier) {
            demo.progress("\(path) is already import \(earlier.id) of this database; using it")
        } catch let e as ReadinessImportError {
            e.problems.forEach { Console.error($0.description) }
            throw Failure("shipped readiness wave \(path) does not import")
        }
    }

    /// The latest wave in one line: respondents, the all-items score by unit, alpha and
    /// whether unit means describe the units.
    static func summaryFinding(_ s: ReadinessSummary, waves: [ReadinessWaveData]) -> String {
        let scores = s.units.compactMap { u -> String? in
            guard let mean = u.scales.first(where: { $0.scale == ReadinessScoring.allItemsKey })?.mean.value else { return nil }
            return "\(shortUnit(u.unit)) \(format(mean))"
        }
        let respondents = s.units.compactMap(\.n).reduce(0, +)
        var line = "Readiness \(s.wave) (\(respondents) respondents, \(waves.count) waves; 2022–23 synthetic): "
            + "all-items score by unit " + scores.joined(separator: ", ")
        if let alpha = s.reliability.alpha.value { line += "; alpha \(format(alpha))" }
        if let icc2 = s.aggregation.icc2.value { line += ", ICC(2) \(format(icc2))" }
        return line
    }

    /// The largest tested change of a scale since the previous wave, and how many
    /// changes survive the multiple-testing correction.
    static func trendFinding(_ t: ReadinessTrend) -> String {
        let tested = t.series.filter { $0.kind == "scale" }.compactMap { s -> (ReadinessTrendSeries, ReadinessTrendChange)? in
            guard let c = s.changes.last, c.method == "welch", c.difference.isDefined else { return nil }
            return (s, c)
        }
        guard let (series, change) = tested.max(by: { abs($0.1.difference.value!) < abs($1.1.difference.value!) }) else {
            return "Readiness trend: no tested change between respondent-level waves"
        }
        let all = t.series.flatMap(\.changes).filter { $0.method == "welch" }
        let surviving = all.filter { ($0.pAdjusted.value ?? 1) < 0.05 }.count
        var line = "Readiness \(change.from)→\(change.to): largest scale change \(shortUnit(series.unit)) \(series.key) "
            + signed(change.difference.value!)
        if let lo = change.ciLow.value, let hi = change.ciHigh.value { line += " (95 % CI \(format(lo))–\(format(hi))" }
        if let p = change.p.value, let q = change.pAdjusted.value { line += ", p \(format(p, 3)), Holm \(format(q, 3)))" }
        line += "; \(surviving) of \(all.count) tested item and scale changes significant after correction"
        return line
    }

    /// "Enheten för förebyggande och behandling" → "förebyggande och behandling".
    static func shortUnit(_ unit: String) -> String {
        for prefix in ["Enheten för ", "Enhet för "] where unit.hasPrefix(prefix) { return String(unit.dropFirst(prefix.count)) }
        return unit
    }

    static func format(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
    static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "−") + format(abs(x)) }
}
