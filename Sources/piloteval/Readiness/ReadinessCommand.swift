import ArgumentParser
import Evaluation
import LogicModel
import Statistics
import Store

struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Change-readiness surveys over time: import waves, summarise, follow trends, find gaps, draw charts.",
        discussion: """
        Each spring's survey is one wave. Import respondent-level answers (one row per
        respondent) or, for old waves that survive only as a table of unit means, an
        aggregated wave (--aggregated). The instrument file says the items and the
        scale (docs/readiness.md).

          piloteval readiness import Datasets/vallingbyteamet/readiness-2021-03.csv \\
              --instrument Models/instruments/vallingbyteamet-readiness.yaml \\
              --wave 2021-03 --aggregated
          piloteval readiness import \\
              Datasets/vallingbyteamet/readiness-2022-03-synthetic.csv \\
              --instrument vallingbyteamet-readiness --wave 2022-03
          piloteval readiness summary --instrument vallingbyteamet-readiness \\
              --wave 2022-03
          piloteval readiness trend --instrument vallingbyteamet-readiness
          piloteval readiness gaps --instrument vallingbyteamet-readiness \\
              --wave 2022-03 \\
              --items understand_why,know_what_it_means_for_me
          piloteval readiness chart heatmap --instrument vallingbyteamet-readiness \\
              -o heatmap.svg
        """,
        subcommands: [ReadinessImport.self, ReadinessSummaryCommand.self, ReadinessTrendCommand.self,
                      ReadinessGapsCommand.self, ReadinessChartCommand.self]
    )
}

/// `--format` of the readiness commands.
enum ReadinessFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, xlsx
}

extension ReadinessCorrection: ExpressibleByArgument {}

/// Options the analysis commands share.
struct ReadinessAnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The instrument: the id of a stored one, or a YAML file (stored first).", valueName: "id-or-path"))
    var instrument: String

    @Option(help: "Units with fewer respondents than this are suppressed (figures withheld).")
    var minGroup: Int = 5

    @Option(help: "table, json, csv or xlsx (a workbook: needs -o FILE.xlsx).")
    var format: ReadinessFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard minGroup >= 1 else { throw ValidationError("--min-group must be 1 or more") }
    }
}

/// Opens the database and resolves the instrument, turning library errors into messages.
/// `readOnly`: as for `resolveModel` (an instrument file is still stored first).
func readinessContext(_ database: DatabaseOptions, instrument reference: String, readOnly: Bool = false) throws -> (Database, Instrument) {
    let db = try openDatabase(database, readOnly: readOnly && !ModelCatalog.isPath(reference))
    do {
        let instrument = try InstrumentCatalog(db).resolve(reference)
        return (db, instrument)
    } catch let failure as ValidationFailure {
        for d in failure.diagnostics { Console.error(d.description) }
        throw Failure("\(reference) has \(failure.errors.count) error(s); fix them and run again")
    } catch let e as CatalogError {
        throw Failure(e.message)
    }
}

/// The waves to analyse: the one named, or the latest.
func readinessWave(_ db: Database, instrument: Instrument, wave: String?) throws -> ReadinessWaveData {
    let repository = ReadinessRepository(db)
    let waves = try repository.waves(instrumentID: instrument.id)
    guard let chosen = wave ?? waves.last?.wave else {
        throw Failure("no waves of \(instrument.id) in the database; import one first with `piloteval readiness import FILE --instrument \(instrument.id) --wave 2022-03`")
    }
    guard waves.contains(where: { $0.wave == chosen }) else {
        throw Failure("no wave \"\(chosen)\" of \(instrument.id); stored waves: \(waves.map(\.wave).joined(separator: ", "))")
    }
    return try repository.load(instrument: instrument, wave: chosen)
}
