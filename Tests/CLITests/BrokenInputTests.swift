import Foundation
import Testing

/// The broken-input corpus (issue 11, docs/reliability.md): every file in
/// Fixtures/broken/ is fed to the command that would read it, against a database that
/// already holds a model, an instrument, indicator values, a survey wave and a measure.
/// Each must exit 1 with a message that names the file and says what is wrong, and
/// leave the database file byte-for-byte as it was.
@Suite struct BrokenInputTests {
    enum Reader: Sendable {
        case indicators, readiness, measures, model, instrument

        func arguments(_ path: String) -> [String] {
            switch self {
            case .indicators: return ["indicators", "import", path, "--model", "exempelenheten"]
            case .readiness: return ["readiness", "import", path, "--instrument", "test-readiness", "--wave", "w2"]
            case .measures: return ["measures", "import", path, "--measure", "broken-measure"]
            case .model: return ["model", "add", path]
            case .instrument:
                return ["readiness", "import", CLIRunner.fixture("readiness/wave-b.csv"), "--instrument", path, "--wave", "wave-b"]
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var reader: Reader
        /// A fragment the message must contain (case-insensitive): what is wrong.
        var says: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "ind-ragged-long.csv", reader: .indicators, says: "8 fields, the header has 7"),
        Case(file: "ind-ragged-short.csv", reader: .indicators, says: "4 fields, the header has 7"),
        Case(file: "ind-unterminated-quote.csv", reader: .indicators, says: "never ends"),
        Case(file: "ind-text-after-quote.csv", reader: .indicators, says: "text after a closing quote"),
        Case(file: "ind-nul-byte.csv", reader: .indicators, says: "NUL byte"),
        Case(file: "ind-mixed-utf8-cp1252.csv", reader: .indicators, says: "mixes two encodings"),
        Case(file: "ind-header-only.csv", reader: .indicators, says: "a header but no rows"),
        Case(file: "ind-empty.csv", reader: .indicators, says: "empty"),
        Case(file: "ind-blank-lines.csv", reader: .indicators, says: "the header lacks"),
        Case(file: "ind-duplicate-header.csv", reader: .indicators, says: "value occurs twice"),
        Case(file: "ind-number-point-and-comma.csv", reader: .indicators, says: "ambiguous"),
        Case(file: "ind-number-two-commas.csv", reader: .indicators, says: "three digits"),
        Case(file: "ind-number-with-unit.csv", reader: .indicators, says: "not a number"),
        Case(file: "ind-period-month-13.csv", reader: .indicators, says: "2022-13"),
        Case(file: "ind-period-tertial-4.csv", reader: .indicators, says: "2022-T4"),
        Case(file: "ind-unknown-indicator.csv", reader: .indicators, says: "I9"),
        Case(file: "ind-unknown-group.csv", reader: .indicators, says: "kvinnor-och-män"),
        Case(file: "ind-no-value.csv", reader: .indicators, says: "value"),
        Case(file: "ind-missing-indicator-column.csv", reader: .indicators, says: "indicator"),
        Case(file: "ind-zero-denominator.csv", reader: .indicators, says: "denominator"),
        Case(file: "ind-duplicate-row.csv", reader: .indicators, says: "line 2"),
        Case(file: "rd-identity-respondent.csv", reader: .readiness, says: "personnummer"),
        Case(file: "rd-unmapped-identity-column.csv", reader: .readiness, says: "personnummer"),
        Case(file: "rd-off-scale.csv", reader: .readiness, says: "outside the scale"),
        Case(file: "rd-duplicate-respondent.csv", reader: .readiness, says: "r1"),
        Case(file: "rd-wave-disagrees.csv", reader: .readiness, says: "disagrees with --wave"),
        Case(file: "rd-decimal-answer.csv", reader: .readiness, says: "whole number"),
        // Crashed piloteval (an overflow trap in the number reader) until the fuzzer found it.
        Case(file: "rd-35-digit-answer.csv", reader: .readiness, says: "outside the scale"),
        Case(file: "ms-date-feb-30.csv", reader: .measures, says: "2021-02-30"),
        Case(file: "ms-date-feb-29-2021.csv", reader: .measures, says: "2021-02-29"),
        Case(file: "ms-date-ambiguous-slashes.csv", reader: .measures, says: "4/3/2021"),
        Case(file: "ms-date-twice.csv", reader: .measures, says: "2021-01-31"),
        Case(file: "ms-number-point-and-comma.csv", reader: .measures, says: "ambiguous"),
        Case(file: "yaml-anchor-bomb.yaml", reader: .model, says: "anchors and aliases"),
        Case(file: "yaml-deep-flow-nesting.yaml", reader: .model, says: "nesting is deeper"),
        Case(file: "yaml-deep-block-nesting.yaml", reader: .model, says: "nesting is deeper"),
        Case(file: "yaml-unknown-schema.yaml", reader: .model, says: "schema"),
        Case(file: "yaml-duplicate-id.yaml", reader: .model, says: "G1"),
        Case(file: "yaml-cycle.yaml", reader: .model, says: "cycle"),
        Case(file: "yaml-not-utf8.yaml", reader: .model, says: "UTF-8"),
        Case(file: "yaml-unclosed-flow.yaml", reader: .model, says: "yaml-unclosed-flow.yaml:"),
        Case(file: "yaml-duplicate-key.yaml", reader: .model, says: "name"),
        Case(file: "yaml-bad-target-rule.yaml", reader: .model, says: "minst 80"),
        Case(file: "yaml-instrument-anchor.yaml", reader: .instrument, says: "anchors and aliases"),
    ]

    /// A database with something of every kind in it, built once and copied per case.
    static let template: Result<URL, Error> = Result {
        let cli = try CLIRunner()
        let steps: [[String]] = [
            ["model", "add", CLIRunner.fixture("indicators/model.yaml")],
            ["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten"],
            ["readiness", "import", CLIRunner.fixture("readiness/wave-a.csv"),
             "--instrument", CLIRunner.fixture("readiness/instrument.yaml"), "--wave", "wave-a"],
            ["measures", "import", CLIRunner.fixture("broken/good-measure.csv"), "--measure", "broken-measure"],
        ]
        for step in steps {
            let out = try cli.run(step + ["--db", cli.path("template.db")])
            guard out.status == 0 else { throw CLIError("template step \(step[0]) \(step[1]) failed: \(out.stderr)") }
        }
        return URL(fileURLWithPath: cli.path("template.db"))
    }

    struct CLIError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// Runs `arguments` on a copy of the template and checks the three promises.
    func expectRefused(_ arguments: (String) -> [String], file: String, says: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let cli = try CLIRunner()
        let db = cli.path("piloteval.db")
        try FileManager.default.copyItem(at: try Self.template.get(), to: URL(fileURLWithPath: db))
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let out = try cli.run(arguments(file) + ["--db", db])
        #expect(out.status == 1, "\(file): exit \(out.status)\n\(out.stderr)", sourceLocation: sourceLocation)
        let name = URL(fileURLWithPath: file).lastPathComponent
        #expect(out.stderr.contains(name), "\(file): the message does not name the file:\n\(out.stderr)", sourceLocation: sourceLocation)
        #expect(out.stderr.lowercased().contains(says.lowercased()),
                "\(file): expected \"\(says)\" in:\n\(out.stderr)", sourceLocation: sourceLocation)
        #expect(!out.stderr.contains("Fatal error") && !out.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
        let after = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(before == after, "\(file): the database file changed", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal")
                || ((try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0) == 0,
                "\(file): a WAL file was left behind", sourceLocation: sourceLocation)
    }

    @Test(arguments: cases)
    func refusedAndNothingChanged(_ c: Case) throws {
        try expectRefused(c.reader.arguments, file: CLIRunner.fixture("broken/" + c.file), says: c.says)
    }

    /// Too large to commit: a 50 MB quoted field, written at test time.
    @Test func fiftyMegabyteField() throws {
        let dir = try CLIRunner()
        let path = dir.path("ind-50mb-field.csv")
        var data = Data("indicator,period,group,value,numerator,denominator,note\nI1,2022-T2,total,80,,,\"".utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: 50_000_000))
        data.append(Data("\"\n".utf8))
        try data.write(to: URL(fileURLWithPath: path))
        try expectRefused(BrokenInputTests.Reader.indicators.arguments, file: path, says: "longer than 1 MiB")
    }

    /// Too large to commit: a model file over the 2 MiB limit.
    @Test func oversizedModel() throws {
        let dir = try CLIRunner()
        let path = dir.path("yaml-3mb.yaml")
        var text = "schema: piloteval/logic-model/v1\nid: huge\nname: Stor\ndescription: >-\n"
        text += String(repeating: "  Lång text om ingenting särskilt, upprepad.\n", count: 70_000)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try expectRefused(BrokenInputTests.Reader.model.arguments, file: path, says: "at most 2 MiB")
    }

    /// The Swedish way of grouping thousands must keep working beside the refusals:
    /// "1 234,5" with a space and with a no-break space imports as 1234.5.
    @Test func spaceGroupedThousandsImport() throws {
        let cli = try CLIRunner()
        let db = cli.path("piloteval.db")
        try FileManager.default.copyItem(at: try Self.template.get(), to: URL(fileURLWithPath: db))
        let path = cli.path("thousands.csv")
        let text = "indicator;period;group;value;numerator;denominator;note\r\n"
            + "I2;2022-T2;total;1 234,5;;;\r\nI2;2022-T2;girls;1\u{00A0}000,5;;;\r\nI2;2022-T2;boys;234;;;\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let out = try cli.run(["indicators", "import", path, "--model", "exempelenheten", "--db", db])
        #expect(out.status == 0, "\(out.stderr)")
        let status = try cli.run(["indicators", "status", "--model", "exempelenheten", "--period", "2022-T2",
                                  "--format", "json", "--db", db])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("1234.5"), "\(status.stdout)")
        #expect(status.stdout.contains("1000.5"), "\(status.stdout)")
    }
}
