import Foundation
import Testing

/// Golden files of the terminal writer, one per result type (Golden/*.txt), each made
/// from a small value built in the test, never from a database. Reviewed by eye when
/// made; regenerate after a deliberate change with
/// `PILOTEVAL_UPDATE_GOLDEN=1 swift test --filter PresentationTests` and review the diff.
enum GoldenFile {
    static var updating: Bool { ProcessInfo.processInfo.environment["PILOTEVAL_UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if updating {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent(name)
            try Data(actual.utf8).write(to: source)
            return
        }
        let url = Bundle.module.resourceURL!.appendingPathComponent("Golden").appendingPathComponent(name)
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file Golden/\(name); make it with PILOTEVAL_UPDATE_GOLDEN=1 and review it",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "the terminal text differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}
