import Foundation
import Testing

/// The programs in Examples/ use the library through `import PilotEvalKit`; they are
/// built with the package and run here, as swift-argument-parser runs its examples.
@Suite struct ExampleProgramTests {
    /// Expected figures from scipy 1.17 on the example's data:
    /// `ttest_ind(pilot, line, equal_var=False)` gives t = −4.953817216136788,
    /// p = 7.8007e−05; the mean difference is 10.9 − 15.1667 = −4.2667.
    @Test func compareGroupsPrintsTheWelchComparisonInSwedish() throws {
        let executable = CLIRunner.executable.deletingLastPathComponent().appendingPathComponent("compare-groups")
        let process = Process()
        process.executableURL = executable
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // Words as printed, whatever the wrapping and column padding.
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let nb = "\u{00A0}", minus = "\u{2212}"
        #expect(text.contains("Vällingbyteamet 10 10,9 1,9"), "\(text)")
        #expect(text.contains("Welch t = \(minus)4,954"), "\(text)")
        #expect(text.contains("p = <\(nb)0,001"), "\(text)")
        #expect(text.contains("Skillnad (pilot − linje): \(minus)4,3 dagar"), "\(text)")
    }
}
