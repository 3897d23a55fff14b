import ArgumentParser
import Evaluation
import Presentation
import Statistics

extension CSVAnalyses.Kind: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the pilot group with everyone else on one outcome of any CSV.",
        discussion: """
        Continuous outcomes: Welch and Student t, Mann–Whitney U, Hodges–Lehmann shift,
        Hedges' g. 0/1 outcomes: proportions with Wilson CIs, difference (Newcombe),
        risk and odds ratios, chi-square (Yates) and Fisher's exact test. Differences
        are pilot − comparison. See docs/statistics.md.

          piloteval compare cases.csv --group cohort --pilot vallingbyteamet \\
              --outcome investigation_days
          piloteval compare cases.csv --group cohort --pilot vallingbyteamet \\
              --outcome re_referral --format json
          piloteval compare cases.csv --group cohort --pilot vallingbyteamet \\
              --outcome investigation_days --by gender

        With --by, the JSON holds "overall" and, under "groups", the same comparison
        within each value of the column; the strata's p-values are not adjusted for
        multiplicity.

        One pilot team is one cluster: cases are treated as independent here, which one
        treated team does not guarantee. Read the p-values as descriptive.
        """
    )

    @Argument(help: "A CSV file.") var file: String
    @Option(help: "The column naming each row's group.") var group: String
    @Option(help: "The value of --group that marks the pilot.") var pilot: String
    @Option(help: "The outcome column.") var outcome: String
    @Option(help: "continuous or binary (default: binary when every value is 0/1).") var kind: CSVAnalyses.Kind?
    @Option(help: "Also compare within each value of this column (e.g. gender).") var by: String?
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            do {
                let table = try CSVColumns(path: file, columns: [group, outcome] + (by.map { [$0] } ?? []))
                if let by {
                    let (result, notes) = try CSVAnalyses.compare(table, group: group, pilot: pilot, outcome: outcome,
                                                                  kind: kind, by: by)
                    notes.forEach { Console.error("note: " + $0) }
                    print(format == .json ? try ResultOutput.json(result) : PlainTextWriter().render(result.blocks(style: .terminal)),
                          terminator: "")
                } else {
                    let (result, notes) = try CSVAnalyses.compare(table, group: group, pilot: pilot, outcome: outcome, kind: kind)
                    notes.forEach { Console.error("note: " + $0) }
                    print(format == .json ? try ResultOutput.json(result) : PlainTextWriter().render(result.blocks(style: .terminal)),
                          terminator: "")
                }
            } catch let e as AnalysisInputError {
                throw Failure(e.message)
            } catch let e as StatisticsError {
                throw Failure(e.message)
            }
        }
    }
}
