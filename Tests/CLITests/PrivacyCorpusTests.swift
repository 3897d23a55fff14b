import Foundation
import Testing

/// DESIGN §9 inbound, as an attacker would try it: identity numbers planted in every
/// spelling in every column kind of every import kind, in headers, file names and free
/// text; then every byte piloteval leaves behind — the database with its WAL and shm,
/// stdout and stderr of every command, every report format — is searched for every
/// planted number. The search is independent of piloteval's scanner: a number is
/// found if its six date digits and four last digits appear with at most nine
/// non-digit bytes between them (any separator in any encoding), or its ten or twelve
/// digits together.
@Suite struct PrivacyCorpusTests {
    /// A valid number from its nine digits YYMMDDNNN (check digit by the Luhn rule:
    /// weights 2,1,2,… over the nine, digit sums, check = (10 − sum mod 10) mod 10).
    static func number(_ century: String, _ nine: String) -> (twelve: String, date: String, last: String) {
        let digits = nine.map { Int(String($0))! }
        var sum = 0
        for (i, d) in digits.enumerated() {
            let v = d * (i % 2 == 0 ? 2 : 1)
            sum += v > 9 ? v - 9 : v
        }
        let ten = nine + String((10 - sum % 10) % 10)
        return (century + ten, String(ten.prefix(6)), String(ten.suffix(4)))
    }

    /// Ten children, one samordningsnummer among them, and one mistyped number.
    static let planted: [(twelve: String, date: String, last: String)] = [
        number("20", "120514482"), number("20", "131212914"), number("20", "100315982"),
        number("20", "110420981"), number("20", "090101123"), number("20", "140707456"),
        number("20", "150808789"), number("20", "080909321"), number("20", "071063654"),
        number("20", "161111987"),
    ]
    /// 120514-4826: the first number with a wrong check digit (a typo of it).
    static let typo = (twelve: "201205144826", date: "120514", last: "4826")

    /// The spellings exports and Excel produce; `k` picks one.
    static func spelling(_ n: (twelve: String, date: String, last: String), _ k: Int) -> String {
        let ten = n.date + n.last
        switch k % 13 {
        case 0: return n.date + "-" + n.last
        case 1: return n.twelve
        case 2: return ten
        case 3: return String(n.twelve.prefix(8)) + "-" + n.last
        case 4: return n.date + " " + n.last
        case 5: return n.date + "\u{2013}" + n.last
        case 6: return n.date + "\u{00A0}" + n.last
        case 7: return n.date + "\u{2009}" + n.last
        case 8: return "=\"" + String(n.twelve.prefix(8)) + "-" + n.last + "\""
        case 9: return "'" + n.twelve
        case 10: return "\u{00A0}" + n.date + "-" + n.last + "  "
        case 11: return n.date + " \u{2212} " + n.last
        default: return n.date + "\u{2011}" + n.last
        }
    }

    /// True when `haystack` holds `n` in any spelling (see the suite's comment).
    static func holds(_ haystack: [UInt8], _ n: (twelve: String, date: String, last: String)) -> Bool {
        let text = String(decoding: haystack.map { $0 < 0x80 ? $0 : 0x2E }, as: UTF8.self)
        if text.contains(n.twelve) || text.contains(n.date + n.last) { return true }
        let pattern = n.date + "[^0-9]{0,9}" + n.last
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    static let everyNumber = planted + [typo]

    /// A CSV field as Excel writes it: quoted when it holds the delimiter or a quote.
    static func csv(_ field: String, _ delimiter: Character) -> String {
        field.contains(delimiter) || field.contains("\"")
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    func expectClean(_ bytes: [UInt8], _ what: String) {
        for n in Self.everyNumber where Self.holds(bytes, n) {
            let text = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x2E }, as: UTF8.self)
            let at = text.range(of: n.date + "[^0-9]{0,9}" + n.last, options: .regularExpression)
                ?? text.range(of: n.date + n.last)
            var context = ""
            if let at {
                let from = text.index(at.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
                context = String(text[from..<at.upperBound])
            }
            Issue.record("\(what) holds planted number \(n.date)-\(n.last): …\(context)")
        }
    }

    func expectClean(_ output: CLIRunner.Output, _ what: String) {
        expectClean(Array(output.stdout.utf8), "\(what) stdout")
        expectClean(Array(output.stderr.utf8), "\(what) stderr")
    }

    func databaseBytes(_ cli: CLIRunner) -> [UInt8] {
        ["piloteval.db", "piloteval.db-wal", "piloteval.db-shm"].flatMap { name in
            (try? Data(contentsOf: URL(fileURLWithPath: cli.path(name)))).map(Array.init) ?? []
        }
    }

    /// A case extract with numbers everywhere a number can hide.
    func caseExtract() -> String {
        var lines = ["case_id;personnummer;cohort;unit;area;gender;referral_date;assessment_decision_date;referral_reason;anteckning;poäng;lopnr;andel;syskon \(Self.spelling(Self.planted[9], 0))"]
        for i in 0..<120 {
            let person = Self.planted[i % Self.planted.count]
            let other = Self.planted[(i + 3) % Self.planted.count]
            let pilot = i % 2 == 0
            let caseID = i % 4 == 0 ? "BU-\(i)-" + Self.spelling(other, i) : "BU-\(1000 + i)"
            let unit = i % 5 == 0 ? "Enhet \(Self.spelling(other, i + 1))" : (pilot ? "Teamet" : "Linjen \(i % 3)")
            let area = i % 7 == 0 ? "Område " + Self.spelling(Self.typo, i) : "Vällingby"
            let reason = i % 3 == 0 ? "Orosanmälan syskon " + Self.spelling(other, i + 2) : "Orosanmälan"
            let note = i % 2 == 0 ? "Samtal med mamma (\(Self.spelling(other, i + 4))), 2021-03-05-\(other.date)-\(other.last)" : "Uppföljning"
            let day = String(format: "%02d", 1 + i % 27)
            lines.append([
                caseID, Self.spelling(person, i), pilot ? "exempelteamet" : "linjen", unit, area,
                i % 2 == 0 ? "flicka" : "pojke", "2021-03-\(day)", "2021-03-\(String(format: "%02d", min(28, 2 + i % 27)))",
                reason, note, "\(i % 2)", "40000000012\(String(format: "%02d", i % 100))", "0,12051448\(27 + i % 2)",
                i % 11 == 0 ? Self.spelling(Self.typo, 0) : "",
            ].map { Self.csv($0, ";") }.joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func noPlantedNumberSurvivesAnywhere() throws {
        let cli = try CLIRunner()
        var outputs: [(String, CLIRunner.Output)] = []
        func run(_ what: String, _ arguments: [String], expect status: Int32 = 0) throws {
            let out = try cli.run(arguments)
            #expect(out.status == status, "\(what): \(out.stderr)")
            outputs.append((what, out))
        }
        try run("model add", ["model", "add", CLIRunner.fixture("model.yaml")])
        let keyFolder = cli.path("secret")
        try FileManager.default.createDirectory(atPath: keyFolder, withIntermediateDirectories: true)
        try run("key create", ["key", "create", keyFolder + "/k.key"])

        // Cases: a file named after a child, a mapping that keeps the free text.
        let casesName = "utdrag \(Self.spelling(Self.planted[0], 0)).csv"
        try caseExtract().write(toFile: cli.path(casesName), atomically: true, encoding: .utf8)
        try """
            schema: piloteval/case-mapping/v1
            text: [anteckning]
            """.write(toFile: cli.path("map.yaml"), atomically: true, encoding: .utf8)
        // Without a key: refused, and the message names no number.
        try run("cases import without key", ["cases", "import", casesName, "--model", "exempelteamet", "--map", "map.yaml"], expect: 1)
        try run("cases import", ["cases", "import", casesName, "--model", "exempelteamet", "--map", "map.yaml",
                                 "--key-file", keyFolder + "/k.key", "--format", "json"])
        // A bad date beside a number: a located error that quotes nothing identifying.
        let bad = "case_id;cohort;referral_date\nBU-1;linjen;\(Self.spelling(Self.planted[1], 0))\n"
        try bad.write(toFile: cli.path("bad.csv"), atomically: true, encoding: .utf8)
        try run("cases import bad", ["cases", "import", "bad.csv", "--model", "exempelteamet"], expect: 1)

        // Indicator observations: notes and a group name.
        let observations = """
            indicator,period,group,value,numerator,denominator,note
            I1,2021-T1,total,,41,50,\(Self.csv("syskon \(Self.spelling(Self.planted[2], 5)), \(Self.spelling(Self.planted[3], 8))", ","))
            I1,2021-T1,girls,,20,24,\(Self.csv(Self.spelling(Self.planted[4], 9), ","))
            I1,2021-T1,boys,,21,26,barnet \(Self.spelling(Self.typo, 2))

            """
        try observations.write(toFile: cli.path("obs \(Self.planted[5].date)-\(Self.planted[5].last).csv"), atomically: true, encoding: .utf8)
        try run("indicators import", ["indicators", "import", "obs \(Self.planted[5].date)-\(Self.planted[5].last).csv", "--model", "exempelteamet"])

        // Measures: a comment column and the title.
        let measure = """
            date;value;kommentar
            2021-01-04;3;\(Self.spelling(Self.planted[6], 3))
            2021-01-11;4;Genomgång med \(Self.spelling(Self.planted[7], 6))
            2021-01-18;5;

            """
        try measure.write(toFile: cli.path("measure.csv"), atomically: true, encoding: .utf8)
        try run("measures import", ["measures", "import", "measure.csv", "--measure", "tidsplan",
                                    "--title", "Tidsplan för \(Self.spelling(Self.planted[6], 11))"])
        // A measure's title given later: the other way a title reaches the database.
        try run("measures title", ["measures", "title", "tidsplan", "Tidsplan med \(Self.spelling(Self.planted[7], 12))"])

        // Readiness: a unit name; a respondent id that is a number is refused.
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("readiness/instrument.yaml"), toPath: cli.path("instrument.yaml"))
        let wave = """
            respondent,unit,a,b,c,d,e
            r1,Enhet \(Self.spelling(Self.planted[8], 4)),5,6,5,5,2
            r2,Enhet \(Self.spelling(Self.planted[8], 4)),6,6,6,6,3
            r3,U2,4,4,4,4,4

            """
        try wave.write(toFile: cli.path("wave.csv"), atomically: true, encoding: .utf8)
        try run("readiness import", ["readiness", "import", "wave.csv", "--instrument", "./instrument.yaml", "--wave", "2022-03"])
        let refused = "respondent,unit,a,b,c,d,e\n\(Self.spelling(Self.planted[9], 5)),U1,5,6,5,5,2\n"
        try refused.write(toFile: cli.path("refused.csv"), atomically: true, encoding: .utf8)
        try run("readiness import refused", ["readiness", "import", "refused.csv", "--instrument", "test-readiness", "--wave", "2023-03"], expect: 1)

        // Everything a user might ask afterwards.
        try run("imports list", ["imports", "list", "--format", "json"])
        try run("imports list table", ["imports", "list"])
        try run("indicators status", ["indicators", "status", "--model", "exempelteamet", "--format", "json"])
        try run("measures list", ["measures", "list"])
        try run("readiness summary", ["readiness", "summary", "--instrument", "test-readiness", "--format", "json"])
        try run("cases compare", ["cases", "compare", "--model", "exempelteamet", "--outcome", "poäng", "--format", "json"])
        for (format, file) in [("html", "r.html"), ("markdown", "r.md"), ("json", "r.json")] {
            try run("report \(format)", ["report", "--model", "exempelteamet", "--kind", "final", "--format", format,
                                         "-o", file])
            expectClean(Array(try Data(contentsOf: URL(fileURLWithPath: cli.path(file)))), "report \(format)")
        }

        for (what, out) in outputs { expectClean(out, what) }
        let database = databaseBytes(cli)
        #expect(database.count > 100_000)
        expectClean(database, "database")

        // What must survive: the numbers that are not identity numbers.
        let text = String(decoding: database.map { $0 < 0x80 ? $0 : 0x2E }, as: UTF8.self)
        #expect(text.contains("4000000001207"))          // a 13-digit id (an outcome)
        #expect(text.contains("0.1205144827"))            // a decimal whose fraction is date-shaped
        #expect(text.contains("[personnummer]"))
    }
}
