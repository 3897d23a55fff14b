import ArgumentParser
import Evaluation
import Foundation
import Periods
import Store

struct IndicatorsTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an .xlsx entry sheet for a period that imports back once filled in.",
        discussion: """
        One row per hand-entered indicator and group (indicators computed from loaded
        data, `data:` in the model, are left out): the indicator and group, then the cells to fill
        in (value, numerator, denominator, note; the only cells that can be changed, numbers
        checked), then the period, title, unit, previous value and target to read.
        Instructions in Swedish on the second sheet. Rows left empty are skipped on import.

          piloteval indicators template --model vallingbyteamet --period 2022-T1 \\
              -o tertial1.xlsx
          piloteval indicators import tertial1.xlsx --model vallingbyteamet
        """
    )

    @Option(help: "The model: a stored id, or a YAML path (validated and stored first).") var model: String
    @Option(help: "The period to enter: 2022, 2022-T1, 2022-Q2 or 2022-03.") var period: String
    @Option(name: .shortAndLong, help: "The .xlsx file to write.") var output: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            guard let period = Period(parsing: period) else {
                throw Failure("--period \(period): write 2022, 2022-T1, 2022-Q2 or 2022-03")
            }
            guard output.lowercased().hasSuffix(".xlsx") else { throw Failure("-o \(output): the template is an .xlsx file; name it NAME.xlsx") }
            let (db, versioned) = try resolveModel(model, in: database, readOnly: true)
            let stored = try ObservationStore(db).observations(modelID: versioned.model.id)
            let rows = IndicatorTemplate.rows(model: versioned.model, period: period, stored: stored)
            let computed = versioned.model.indicators.filter { $0.data != nil }.map(\.id)
            guard !rows.isEmpty else {
                if !computed.isEmpty {
                    throw Failure("model \(versioned.model.id) has no indicators to enter: every indicator is computed from loaded data (data:)")
                }
                throw Failure("model \(versioned.model.id) has no indicators to enter")
            }
            let data = try IndicatorTemplate.workbook(model: versioned.model, period: period, rows: rows).data()
            do { try data.write(to: URL(fileURLWithPath: output)) } catch {
                throw Failure("cannot write \(output): \((error as NSError).localizedDescription)")
            }
            var left = ""
            if !computed.isEmpty {
                left = "; left out, computed from loaded data: \(computed.joined(separator: ", "))"
            }
            Console.error("wrote \(output): \(rows.count) rows (indicator × group) for \(versioned.model.id) \(period.text)\(left)")
        }
    }
}
