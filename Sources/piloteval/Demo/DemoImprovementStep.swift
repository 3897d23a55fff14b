import Evaluation
import Foundation
import LogicModel
import Reports
import Statistics
import Store

/// Step 5: the Genombrott PDSA cycles stored, the four measures imported, and each
/// drawn as a run or control chart with the cycles that watch it.
enum DemoImprovementStep {
    /// One measure of Datasets/vallingbyteamet/ (its README has the same table) and the
    /// baseline it is read against: the points before the first PDSA cycle of its ramp,
    /// as an improvement team would set it (`measures baseline`). The demo's charts read
    /// the stored measure as the reports do (`StoredMeasureReading`), so the two agree.
    struct Measure {
        var file: String
        var id: String
        /// The measure's title: the seed's own words for the Genombrott area it follows
        /// (line 207: "Tidsplanerade utredningar, konsultation till förskolor,
        /// familjerådslag vid avslutad placering samt vid informationsbrev till barn för
        /// ökad delaktighet"), which the ids spell without å, ä and ö.
        var title: String
        var value: String
        var denominator: String?
        /// The baseline's last point, as the file writes it.
        var baseline: String
        /// Events (consultations), not persons: never suppressed in the reports.
        var counts: Counts = .persons
    }

    static let measures = [
        Measure(file: "genombrott-tidsplanerade-utredningar.csv", id: "tidsplanerade-utredningar",
                title: "Tidsplanerade utredningar", value: "planerade", denominator: "inledda", baseline: "2021-01"),
        Measure(file: "genombrott-konsultation-forskolor.csv", id: "forskolekonsultationer",
                title: "Konsultation till förskolor", value: "konsultationer", baseline: "2021-v08", counts: .events),
        Measure(file: "genombrott-familjerad-avslutad-placering.csv", id: "familjerad-vid-avslutad-placering",
                title: "Familjerådslag vid avslutad placering", value: "erbjudna", denominator: "avslutade", baseline: "2021-03"),
        Measure(file: "genombrott-informationsbrev-barn.csv", id: "informationsbrev-till-barn",
                title: "Informationsbrev till barn för ökad delaktighet", value: "brev_inom_7_dagar", denominator: "barn", baseline: "2021-01"),
    ]
    static let folder = "vallingbyteamet"

    static func run(_ demo: DemoRun) throws -> [String] {
        let catalog = PDSACatalog(demo.database)
        let files = try DemoSources.files(in: demo.sources.models, "pdsa", suffix: ".yaml")
        demo.progress("storing \(files.count) PDSA cycles, importing and charting \(measures.count) measures")
        do {
            for added in try catalog.add(paths: files) {
                added.warnings.forEach { Console.error("warning: \(added.cycle.id): \($0)") }
            }
        } catch let failure as ValidationFailure {
            failure.diagnostics.forEach { Console.error($0.description) }
            throw Failure("shipped PDSA cycles in \(demo.sources.models)/pdsa do not validate")
        }
        let cycles = try catalog.all()
        try demo.write(try ResultOutput.json(cycles), to: "runcharts/pdsa-cycles.json")

        var results: [RunChartResult] = []
        for m in measures {
            let path = ((demo.sources.datasets as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent(m.file)
            try importOnce(demo, m, path: path)
            let series = try MeasureImporter(demo.database).series(m.id)
            guard let stored = try MeasureTable(demo.database).list().first(where: { $0.measure == m.id }) else {
                throw Failure("measure \(m.id) was not stored")
            }
            let options = StoredMeasureReading.options(stored, series: series)
            let result = try RunChartAnalysis.analyse(series, options: options, pdsa: cycles.filter { $0.measure == m.id })
            var drawn = result
            drawn.measure = m.title   // the chart named as the reports name the measure; the JSON keeps the id
            try demo.write(RunChartSVG.render(drawn, options: .init(lang: .sv, title: nil, yLabel: nil)), to: "runcharts/\(m.id).svg")
            try demo.write(try ResultOutput.json(result), to: "runcharts/\(m.id).json")
            try demo.write(RunChartTable.render(result), to: "runcharts/\(m.id).txt")
            results.append(result)
        }
        demo.place("runcharts/<measure>.{svg,json,txt}, pdsa-cycles.json",
                   "run and control charts of the Genombrott measures with their PDSA cycles (illustrative data)")
        return [chartsFinding(results), cyclesFinding(cycles)]
    }

    /// Imports the measure with its title unless this database already has the file for
    /// it; then gives the stored measure its title and baseline if it lacks them (a
    /// database an earlier piloteval's demo made).
    static func importOnce(_ demo: DemoRun, _ m: Measure, path: String) throws {
        do {
            let sha = try ContentHash.sha256(fileAt: path)
            let table = MeasureTable(demo.database)
            if let earlier = try ImportLog(demo.database).find(kind: "measures", sha256: sha, target: m.id) {
                demo.progress("\(path) is already import \(earlier.id) of this database; using it")
                if try table.title(of: m.id) != m.title { try table.setTitle(m.title, of: m.id) }
            } else {
                _ = try MeasureImporter(demo.database).importFile(path: path, measure: m.id, value: m.value, denominator: m.denominator,
                                                                  counts: m.counts, title: m.title)
            }
            if try table.baseline(of: m.id) == nil { try table.setBaseline(through: m.baseline, of: m.id) }
        } catch let e as AnalysisInputError {
            throw Failure(e.message)
        } catch let e as MeasureTableError {
            throw Failure(e.description)
        }
    }

    /// Which charts show non-random variation in the current phase, and how.
    static func chartsFinding(_ results: [RunChartResult]) -> String {
        let described = results.map { r -> String in
            var signals: [String] = []
            if r.current.runs.signal { signals.append("runs") }
            let outside = r.points.filter { $0.signal && $0.phase == r.current.phase }.count
            if outside > 0 { signals.append("\(outside) outside limits") }
            let kind = r.chart == .run ? "run chart" : "\(r.chart.rawValue.uppercased()) chart"
            return "\(r.measure) (\(kind)): " + (signals.isEmpty ? "no signal" : signals.joined(separator: ", "))
        }
        return "Run charts (illustrative data): " + described.joined(separator: "; ")
    }

    static func cyclesFinding(_ cycles: [PDSACycle]) -> String {
        let decided = PDSACycle.Decision.allCases.map { d in "\(cycles.filter { $0.decision == d }.count) \(d.rawValue)" }
        let running = cycles.filter { $0.decision == nil }.count
        let ramps = Set(cycles.compactMap(\.measure)).count
        return "PDSA (illustrative): \(cycles.count) cycles on \(ramps) measures — " + decided.joined(separator: ", ")
            + (running > 0 ? ", \(running) still running" : "") + "; a signal after a cycle is a reason to ask, not proof it worked"
    }
}
