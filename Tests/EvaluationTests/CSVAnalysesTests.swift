import Foundation
import Testing
@testable import Evaluation

@Suite struct CSVAnalysesTests {
    @Test func describeByGroupSplitsRows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("x.csv").path
        try "g;y\na;1,5\na;2,5\nb;10\n".write(toFile: path, atomically: true, encoding: .utf8)
        let table = try CSVColumns(path: path, columns: ["g", "y"])
        let result = CSVAnalyses.describe(table, column: "y", by: "g")
        #expect(result.groups.map(\.0) == ["a", "b"])
        #expect(result.groups[0].1.mean.value == 2.0)   // (1.5 + 2.5) / 2
        #expect(result.groups[1].1.sd.value == nil)     // n = 1: SD undefined, with a note
        #expect(result.groups[1].1.sd.note != nil)
    }
}
