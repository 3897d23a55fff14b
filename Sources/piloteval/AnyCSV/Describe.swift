import ArgumentParser
import Evaluation
import Presentation

struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a numeric column of any CSV (n, mean, SD, quartiles, CI of the mean).",
        discussion: """
        Reads `;` or `,` separated files, decimal comma or point, UTF-8 or
        Windows-1252.

          piloteval describe cases.csv --column investigation_days
          piloteval describe cases.csv --column investigation_days --by cohort \\
              --format json
        """
    )

    @Argument(help: "A CSV file.") var file: String
    @Option(help: "The numeric column to describe.") var column: String
    @Option(help: "Describe per value of this column.") var by: String?
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            do {
                let table = try CSVColumns(path: file, columns: [column] + (by.map { [$0] } ?? []))
                let result = CSVAnalyses.describe(table, column: column, by: by)
                result.notes.forEach { Console.error("note: " + $0) }
                print(format == .json ? try ResultOutput.json(result) : PlainTextWriter().render(result.blocks(style: .terminal)),
                      terminator: "")
            } catch let e as AnalysisInputError {
                throw Failure(e.message)
            }
        }
    }
}
