import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LogicModel

/// Every render format has a golden file, reviewed by eye when it was made (the SVG
/// and DOT rendered to PNG). Regenerate after a deliberate change with
/// `PILOTEVAL_UPDATE_GOLDEN=1 swift test --filter GoldenRenderTests` and review the diff.
@Suite struct GoldenRenderTests {
    static let formats: [(String, @Sendable (LogicModel) throws -> String)] = [
        ("md", { MarkdownRenderer.render($0) }),
        ("json", { try JSONRenderer.render($0) }),
        ("mmd", { MermaidRenderer.render($0) }),
        ("dot", { DotRenderer.render($0) }),
        ("svg", { SVGRenderer.render($0) }),
        ("logframe.md", { LogframeRenderer.render($0) }),
    ]

    @Test(arguments: formats.map(\.0))
    func matchesGolden(_ ext: String) throws {
        let model = try #require(Fixtures.read("valid/complete.yaml").model)
        let render = Self.formats.first { $0.0 == ext }!.1
        let actual = try render(model)
        let name = "golden/complete.\(ext)"
        if ProcessInfo.processInfo.environment["PILOTEVAL_UPDATE_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures").appendingPathComponent(name)
            try Data(actual.utf8).write(to: source)
            return
        }
        let expected = try String(contentsOf: Fixtures.url(name), encoding: .utf8)
        #expect(actual == expected, "render of \(ext) differs from \(name)")
    }

    @Test func svgIsWellFormedXML() throws {
        let model = try #require(Fixtures.read("valid/complete.yaml").model)
        let svg = SVGRenderer.render(model)
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: svg) }
    }
}
