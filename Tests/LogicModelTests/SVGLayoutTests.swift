import Foundation
import Testing
@testable import LogicModel

/// The SVG diagram's edges never run through a box they do not start or end at (an
/// edge through a box reads as an edge from that box: the tutorial's A1 → O2 read as
/// P1 → O2). Checked geometrically: every cubic segment of every edge is sampled and no
/// sample may lie inside another box.
@Suite struct SVGLayoutTests {
    struct Box { var x, y, w, h: Double }

    static func numbers(_ s: Substring) -> [Double] {
        s.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
    }

    /// The boxes (rounded rects) and the edges (paths with an arrow) of a rendered SVG.
    static func parse(_ svg: String) -> (boxes: [Box], edges: [[Double]]) {
        var boxes: [Box] = [], edges: [[Double]] = []
        for line in svg.split(separator: "\n") {
            if line.contains("<rect x=") && line.contains("rx=\"6\"") {
                func attribute(_ name: String) -> Double {
                    let r = line.range(of: " \(name)=\"")!
                    return Double(line[r.upperBound...].prefix { $0 != "\"" })!
                }
                boxes.append(Box(x: attribute("x"), y: attribute("y"), w: attribute("width"), h: attribute("height")))
            }
            if line.hasPrefix("<path d=\"M "), line.contains("marker-end") {
                let d = line.dropFirst("<path d=\"".count).prefix { $0 != "\"" }
                edges.append(numbers(Substring(d.replacingOccurrences(of: "M", with: " ").replacingOccurrences(of: "C", with: " "))))
            }
        }
        return (boxes, edges)
    }

    /// Samples along "M x y C c1 c2 p …" given as numbers: the start, then six per segment.
    static func samples(_ n: [Double]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        var p0 = (n[0], n[1])
        var k = 2
        while k + 5 < n.count {
            let c1 = (n[k], n[k + 1]), c2 = (n[k + 2], n[k + 3]), p3 = (n[k + 4], n[k + 5])
            for step in 0...20 {
                let t = Double(step) / 20, u = 1 - t
                let x = u * u * u * p0.0 + 3 * u * u * t * c1.0 + 3 * u * t * t * c2.0 + t * t * t * p3.0
                let y = u * u * u * p0.1 + 3 * u * u * t * c1.1 + 3 * u * t * t * c2.1 + t * t * t * p3.1
                out.append((x, y))
            }
            p0 = p3
            k += 6
        }
        return out
    }

    func expectNoEdgeThroughABox(_ model: LogicModel, _ name: String) {
        let (boxes, edges) = Self.parse(SVGRenderer.render(model))
        #expect(!boxes.isEmpty && !edges.isEmpty, "\(name)")
        for edge in edges {
            let points = Self.samples(edge)
            guard let start = points.first, let end = points.last else { continue }
            for b in boxes {
                // The boxes the edge starts and ends at are the ones it touches at its ends.
                let touches = { (p: (Double, Double)) in p.0 >= b.x - 1 && p.0 <= b.x + b.w + 1 && p.1 >= b.y - 1 && p.1 <= b.y + b.h + 1 }
                if touches(start) || touches(end) { continue }
                let inside = points.first { p in p.0 > b.x + 1 && p.0 < b.x + b.w - 1 && p.1 > b.y + 1 && p.1 < b.y + b.h - 1 }
                #expect(inside == nil, "\(name): an edge runs through the box at (\(b.x), \(b.y))")
            }
        }
    }

    @Test func theTutorialsActivityToOutcomeEdgeGoesAroundTheOutput() throws {
        let yaml = """
            schema: piloteval/logic-model/v1
            id: norrteamet
            name: Norrteamet
            language: sv
            goals:
              - {id: G1, title: Barn och familjer får rätt stöd i tid}
              - {id: G2, title: Linjen arbetar på samma sätt}
            outcomes:
              - {id: O1, title: Kortare utredningstider, term: short, contributes_to: [G1]}
              - {id: O2, title: Färre barn aktualiseras på nytt, term: intermediate, contributes_to: [G1]}
              - {id: O3, title: Linjens medarbetare är redo för arbetssättet, term: short, contributes_to: [G2]}
            outputs:
              - {id: P1, title: Utredningar med en tidsplan som familjen känner till, leads_to: [O1]}
            activities:
              - {id: A1, title: Hela kedjan i ett team, leads_to: [O1, O2]}
              - {id: A2, title: Tidsplan tillsammans med familjen, leads_to: [P1]}
              - {id: A3, title: Dialog med linjens medarbetare, leads_to: [O3]}
            inputs:
              - {id: R1, title: Teamchef och sex socialsekreterare, supports: [A1, A2, A3]}
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svg-layout-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try #require(LogicModelDecoder.read(path: path, displayName: "norrteamet.yaml").model)
        expectNoEdgeThroughABox(model, "tutorial")
    }

    @Test func noShippedModelHasAnEdgeThroughABox() throws {
        for file in ShippedModelsTests.files {
            let model = try #require(LogicModelDecoder.read(path: ShippedModelsTests.modelsDir.appendingPathComponent(file).path,
                                                             displayName: file).model, "\(file)")
            expectNoEdgeThroughABox(model, file)
        }
        expectNoEdgeThroughABox(try #require(Fixtures.read("valid/complete.yaml").model), "complete.yaml")
    }
}
