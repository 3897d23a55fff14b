import ArgumentParser
import Evaluation
import Periods
import LogicModel
import Store

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Import indicator values and follow them up against the model's targets and goals.",
        discussion: """
        Observations are CSV rows
        `indicator,period,group,value,numerator,denominator,note` (docs/indicators.md).
        Status reads each indicator against the unit's target (årsmål) and the city's
        (KF:s årsmål), and rolls the statuses up to the goals, beside the assessment
        the unit recorded.

          piloteval indicators import \\
              Datasets/seeds-observations/familjeenheten-2022.csv \\
              --model familjeenheten-2022
          piloteval indicators status --model familjeenheten-2022
          piloteval indicators status --model familjeenheten-2022 --period 2022 \\
              --format json
          piloteval indicators trend --model forebyggande-och-behandling-2022 \\
              --indicator I10
        """,
        subcommands: [IndicatorsImport.self, IndicatorsStatus.self, IndicatorsTrend.self, IndicatorsTemplate.self]
    )
}

/// Output formats of `indicators status` and `indicators trend` (xlsx: the CSV's rows
/// as a workbook, `-o` required).
enum IndicatorFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, xlsx
}

/// Looks up `--model` (an id, or a path that is validated and stored first). `readOnly`:
/// the command only reads, so an id opens the database read-only (a path still writes).
func resolveModel(_ reference: String, in database: DatabaseOptions, readOnly: Bool = false) throws -> (Database, VersionedModel) {
    let db = try openDatabase(database, readOnly: readOnly && !ModelCatalog.isPath(reference))
    do {
        return (db, try ModelCatalog(db).resolveVersioned(reference))
    } catch let e as CatalogError {
        throw Failure(e.message)
    } catch let failure as ValidationFailure {
        for d in failure.diagnostics { Console.error(d.description) }
        throw Failure("\(reference) has \(failure.errors.count) error(s); fix the model first")
    }
}

/// `--period` as text, checked by argument-parser's validation (exit 64 when unreadable).
func parsePeriodOption(_ text: String?) throws -> Period? {
    guard let text else { return nil }
    switch Period.parse(text) {
    case .value(let p): return p
    case .empty: throw ValidationError("--period is empty; write 2022, 2022-T1, 2022-Q1 or 2022-03")
    case .invalid(let reason): throw ValidationError("--period: \(reason)")
    }
}
