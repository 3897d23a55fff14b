import Foundation
import Testing

@Suite struct CompareCommandTests {
    /// Swedish Excel's semicolon CSV with decimal commas (Windows-1252 header byte
    /// for "å") gives exactly the JSON of a plain comma CSV.
    @Test func semicolonDecimalCommaMatchesPlainCSV() throws {
        let cli = try CLIRunner()
        try "grupp,dagar\nvallingbyteamet,12.5\nvallingbyteamet,14\nvallingbyteamet,9.5\nlinjen,20\nlinjen,18.5\nlinjen,25\n"
            .write(toFile: cli.path("plain.csv"), atomically: true, encoding: .utf8)
        var bytes: [UInt8] = Array("grupp;dagar;v".utf8) + [0xE5] + Array("rd\r\n".utf8)
        bytes += Array("vallingbyteamet;12,5;x\r\nvallingbyteamet;14;x\r\nvallingbyteamet;9,5;x\r\nlinjen;20;x\r\nlinjen;18,5;x\r\nlinjen;25;x\r\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: cli.path("excel.csv")))
        let args = ["--group", "grupp", "--pilot", "vallingbyteamet", "--outcome", "dagar", "--format", "json"]
        let plain = try cli.run(["compare", "plain.csv"] + args)
        let excel = try cli.run(["compare", "excel.csv"] + args)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(excel.status == 0, "\(excel.stderr)")
        #expect(plain.stdout == excel.stdout)
        // Welch difference pilot − line by hand: 12 − 21.1666… = −9.1666…
        let json = try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as! [String: Any]
        let diff = (json["difference"] as! [String: Any])["estimate"] as! Double
        #expect(abs(diff - (12.0 - 63.5 / 3)) < 1e-12)
        #expect(json["kind"] as? String == "continuous")
    }

    @Test func missingColumnIsAClearError() throws {
        let cli = try CLIRunner()
        try "a,b\n1,2\n".write(toFile: cli.path("x.csv"), atomically: true, encoding: .utf8)
        let out = try cli.run(["describe", "x.csv", "--column", "c"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("no column named \"c\""))
    }

    @Test func degenerateGroupSaysWhy() throws {
        let cli = try CLIRunner()
        try "g,y\np,1\nl,2\nl,3\n".write(toFile: cli.path("x.csv"), atomically: true, encoding: .utf8)
        let out = try cli.run(["compare", "x.csv", "--group", "g", "--pilot", "p", "--outcome", "y", "--kind", "continuous", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.contains("NaN"))
        #expect(out.stdout.contains("_note"))
    }
}
