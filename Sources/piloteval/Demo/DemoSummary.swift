import Foundation
import Presentation

/// What each step found, one line per finding, in the order of an evaluation.
struct DemoFindings {
    var models: [String] = []
    var indicators: [String] = []
    var pilotVsLine: [String] = []
    var readiness: [String] = []
    var improvement: [String] = []
    var reports: [String] = []

    var lines: [String] { models + indicators + pilotVsLine + readiness + improvement + reports }
}

/// The demo's stdout: where everything is, then the findings (ten lines for the
/// shipped data: one per model set, indicator file, comparison, readiness view, chart
/// set and report set).
enum DemoSummary {
    static func render(_ demo: DemoRun, findings: DemoFindings) -> String {
        var out = "piloteval demo — the worked example: Vällingbyteamet and the seed units' plans\n\n"
        out += "Where everything is (\(demo.shown(demo.out.path))/):\n"
        let rows = [("piloteval.db", "the database: models, instruments, PDSA cycles, every import (`piloteval imports list`)")]
            + demo.places.map { ($0.path, $0.what) }
        // A two-column table without a header, indented under its line.
        let places = TableBlock(header: [], rows: rows.map { [TableBlock.Cell($0.0, isRowHeader: true), TableBlock.Cell($0.1)] })
        for line in PlainTextWriter().render(places).split(separator: "\n") { out += "  " + line + "\n" }
        if demo.databasePath != demo.out.appendingPathComponent("piloteval.db").path {
            out += "  (the database is \(demo.shown(demo.databasePath)), as --db or PILOTEVAL_DB named it)\n"
        }
        out += "\nFindings (synthetic and illustrative data are marked; see each Datasets/ README before citing):\n"
        for (i, line) in findings.lines.enumerated() {
            out += String(format: "%2d ", i + 1) + line + "\n"
        }
        out += "\nNext: open \(demo.shown(demo.out.appendingPathComponent("reports/final.html").path)); "
            + "the notebooks read this database: PILOTEVAL_DB=\(demo.shown(demo.databasePath)) .venv/bin/jupyter lab Notebooks/\n"
        return out
    }
}
