import ArgumentParser
import Foundation

/// `piloteval demo`: the whole worked example from nothing, in one folder.
///
/// Each step is a small type in this folder that calls the library as the matching
/// command does (no subprocesses), writes its files under DIR and hands back what a
/// reader should notice. The order follows an evaluation: the plan (logic models),
/// what was measured (indicators, pilot vs line, readiness, improvement cycles), and
/// what goes to people (reports).
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the worked example (Vällingbyteamet and the seed units' plans) into a folder.",
        discussion: """
        From nothing to every artefact, in a database of its own (DIR/piloteval.db,
        fresh each run, unless --db or PILOTEVAL_DB names one): the logic models, the
        readiness instrument and the PDSA cycles from Models/, the data from Datasets/,
        indicator status and trend, pilot vs line, readiness summary, trend and charts,
        run charts, and the final report, steering brief and tertial report in HTML,
        DOCX and Markdown. Prints where everything is and ten lines of findings.

          piloteval demo
          piloteval demo --out /tmp/demo
          PILOTEVAL_DB=/tmp/demo/piloteval.db jupyter lab Notebooks/

        Run it from the piloteval checkout (or pass --models and --datasets).
        """
    )

    @Option(help: "Folder for the demo's database and files.")
    var out: String = "piloteval-demo"

    @Option(help: "Folder holding the shipped models (default: ./Models, else the source tree's).")
    var models: String?

    @Option(help: "Folder holding the shipped data (default: ./Datasets, else the source tree's).")
    var datasets: String?

    @Option(name: .long, help: ArgumentHelp("Database file (default: DIR/piloteval.db; PILOTEVAL_DB also works).", valueName: "path"))
    var db: String?

    func run() throws {
        try reportingFailures {
            let sources = try DemoSources.locate(models: models, datasets: datasets)
            let demo = try DemoRun(out: out, db: db, sources: sources)
            var findings = DemoFindings()
            findings.models = try DemoModelsStep.run(demo)
            findings.indicators = try DemoIndicatorsStep.run(demo)
            findings.pilotVsLine = try DemoPilotVsLineStep.run(demo)
            findings.readiness = try DemoReadinessStep.run(demo)
            findings.improvement = try DemoImprovementStep.run(demo)
            findings.reports = try DemoReportsStep.run(demo)
            print(DemoSummary.render(demo, findings: findings), terminator: "")
        }
    }
}
