import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Presentation
@testable import Reports
import Store
import Testing

/// TEMPORARY (issue 18): the readiness and improvement blocks built by Presentation
/// (`ReadinessReport.blocks`…, `ImprovementReport.blocks`…) against the blocks the
/// sections built before (`legacyBlocks`), over fixtures × language × audience × kind
/// × slot, on the computed record and on the record read back from its JSON.
@Suite struct TemporaryBlocksEqualityTests {
    struct Case {
        let name: String
        let database: Database
        let model: LogicModel
        let provenance: ReportRecord.ModelProvenance
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixtures() throws -> [(Case, ReportFixture?)] {
        var out: [(Case, ReportFixture?)] = []
        func add(_ name: String, _ f: ReportFixture) { out.append((Case(name: name, database: f.database, model: f.model, provenance: f.provenance), f)) }
        // Nothing stored.
        add("empty", try ReportFixture())
        // One wave, Enhet B withheld; one P chart with a withheld month and a ramp of two cycles.
        do {
            let f = try ReportFixture()
            try DomainSectionTests.instrumentYAML.write(toFile: f.path("instrument.yaml"), atomically: true, encoding: .utf8)
            try DomainSectionTests.wave.write(toFile: f.path("wave.csv"), atomically: true, encoding: .utf8)
            let instrument = try InstrumentCatalog(f.database).resolve(f.path("instrument.yaml"))
            try ReadinessImporter(f.database).importFile(path: f.path("wave.csv"), instrument: instrument, wave: "2022-03", aggregated: false)
            try DomainSectionTests.measure.write(toFile: f.path("m.csv"), atomically: true, encoding: .utf8)
            _ = try MeasureImporter(f.database).importFile(path: f.path("m.csv"), measure: "testmatt", value: "planned",
                                                           denominator: "opened", date: "month")
            try DomainSectionTests.cycle("plan-1", previous: nil, start: "2021-03-01", end: "2021-03-31").write(toFile: f.path("p1.yaml"), atomically: true, encoding: .utf8)
            try DomainSectionTests.cycle("plan-2", previous: "plan-1", start: "2021-05-01", end: "2021-05-31").write(toFile: f.path("p2.yaml"), atomically: true, encoding: .utf8)
            _ = try PDSACatalog(f.database).add(paths: [f.path("p1.yaml"), f.path("p2.yaml")])
            add("one wave, P chart", f)
        }
        // Two waves, the second synthetic; a count measure with small counts, no cycles.
        do {
            let f = try ReportFixture()
            try DomainSectionTests.instrumentYAML.write(toFile: f.path("instrument.yaml"), atomically: true, encoding: .utf8)
            try DomainSectionTests.wave.write(toFile: f.path("wave-2022.csv"), atomically: true, encoding: .utf8)
            try (DomainSectionTests.wave + "\nr14,Enhet B,2,1\n").write(toFile: f.path("wave-2023-synthetic.csv"), atomically: true, encoding: .utf8)
            let instrument = try InstrumentCatalog(f.database).resolve(f.path("instrument.yaml"))
            try ReadinessImporter(f.database).importFile(path: f.path("wave-2022.csv"), instrument: instrument, wave: "2022-03", aggregated: false)
            try ReadinessImporter(f.database).importFile(path: f.path("wave-2023-synthetic.csv"), instrument: instrument, wave: "2023-03", aggregated: false)
            try "month,n\n2021-01,3\n2021-02,8\n2021-03,12\n2021-04,2\n2021-05,9\n2021-06,11\n2021-07,14\n2021-08,10\n"
                .write(toFile: f.path("c.csv"), atomically: true, encoding: .utf8)
            _ = try MeasureImporter(f.database).importFile(path: f.path("c.csv"), measure: "antal", value: "n", date: "month")
            add("two waves, count measure", f)
        }
        // An aggregated wave, then a respondent-level one; one point only.
        do {
            let f = try ReportFixture()
            try DomainSectionTests.instrumentYAML.write(toFile: f.path("instrument.yaml"), atomically: true, encoding: .utf8)
            let instrument = try InstrumentCatalog(f.database).resolve(f.path("instrument.yaml"))
            try "unit,n,a,b\nEnhet A,20,3.4,3.1\nEnhet B,15,2.9,3.3\nEnhet C,3,1.2,1.7\n"
                .write(toFile: f.path("aggregated.csv"), atomically: true, encoding: .utf8)
            try ReadinessImporter(f.database).importFile(path: f.path("aggregated.csv"), instrument: instrument, wave: "2021-03", aggregated: true)
            try DomainSectionTests.wave.write(toFile: f.path("wave.csv"), atomically: true, encoding: .utf8)
            try ReadinessImporter(f.database).importFile(path: f.path("wave.csv"), instrument: instrument, wave: "2022-03", aggregated: false)
            try "month,n\n2021-01,30\n".write(toFile: f.path("one.csv"), atomically: true, encoding: .utf8)
            _ = try MeasureImporter(f.database).importFile(path: f.path("one.csv"), measure: "en-punkt", value: "n", date: "month")
            add("aggregated + respondents", f)
        }
        // The shipped example: Vallingbyteamet's model, three waves, four measures, eleven cycles.
        do {
            let f = try ReportFixture()
            let models = root.appendingPathComponent("Models").path, data = root.appendingPathComponent("Datasets/vallingbyteamet").path
            let (model, stored) = try ModelCatalog(f.database).resolveStored(models + "/vallingbyteamet.yaml")
            let catalog = InstrumentCatalog(f.database)
            _ = try catalog.add(path: models + "/instruments/vallingbyteamet-readiness.yaml")
            let instrument = try catalog.resolve("vallingbyteamet-readiness")
            for (file, wave, aggregated) in [("readiness-2021-03.csv", "2021-03", true), ("readiness-2022-03-synthetic.csv", "2022-03", false),
                                             ("readiness-2023-03-synthetic.csv", "2023-03", false)] {
                try ReadinessImporter(f.database).importFile(path: data + "/" + file, instrument: instrument, wave: wave, aggregated: aggregated)
            }
            let pdsa = try FileManager.default.contentsOfDirectory(atPath: models + "/pdsa").filter { $0.hasSuffix(".yaml") }.sorted()
            _ = try PDSACatalog(f.database).add(paths: pdsa.map { models + "/pdsa/" + $0 })
            let measures: [(String, String, String, String?, Counts)] = [
                ("genombrott-tidsplanerade-utredningar.csv", "tidsplanerade-utredningar", "planerade", "inledda", .persons),
                ("genombrott-konsultation-forskolor.csv", "forskolekonsultationer", "konsultationer", nil, .events),
                ("genombrott-familjerad-avslutad-placering.csv", "familjerad-vid-avslutad-placering", "erbjudna", "avslutade", .persons),
                ("genombrott-informationsbrev-barn.csv", "informationsbrev-till-barn", "brev_inom_7_dagar", "barn", .persons),
            ]
            for (file, id, value, denominator, counts) in measures {
                _ = try MeasureImporter(f.database).importFile(path: data + "/" + file, measure: id, value: value, denominator: denominator,
                                                               counts: counts)
            }
            out.append((Case(name: "vallingbyteamet", database: f.database, model: model,
                             provenance: .init(id: stored.id, name: model.name, version: stored.version, sha256: stored.sha256)), f))
        }
        return out
    }

    @Test func presentationBlocksEqualTheSectionsOldBlocks() throws {
        var compared = 0, nonEmpty = 0
        let readiness = ReadinessSection(), improvement = RunChartSection()
        for (c, f) in try Self.fixtures() {
            let fixture = try #require(f)
            for language in [Language.sv, .en] {
                for audience in [Audience.public, .internal] {
                    for threshold in [5, 3] {
                        for kind in [ReportKind.final, .steering] {
                            var request = try fixture.request(kind, withText: false)
                            request.language = language
                            request.suppression = SuppressionRule(threshold: threshold, audience: audience)
                            let context = ReportContext(model: c.model, modelProvenance: c.provenance, request: request,
                                                        strings: ReportStrings(language), database: c.database)
                            let r = try readiness.compute(context)
                            let rJSON = try JSONDecoder().decode(ReadinessSection.Result.self, from: JSONEncoder().encode(r))
                            for slot in readiness.slots(in: kind) {
                                for record in [r, rJSON] {
                                    let new = readiness.blocks(record, for: slot, context: context)
                                    #expect(new == readiness.legacyBlocks(record, for: slot, context: context),
                                            "readiness \(c.name) \(language) \(audience) \(threshold) \(kind) \(slot)")
                                    compared += 1
                                    if !new.isEmpty { nonEmpty += 1 }
                                }
                            }
                            let m = try improvement.compute(context)
                            let mJSON = try JSONDecoder().decode(RunChartSection.Result.self, from: JSONEncoder().encode(m))
                            for slot in improvement.slots(in: kind) {
                                for record in [m, mJSON] {
                                    let new = improvement.blocks(record, for: slot, context: context)
                                    #expect(new == improvement.legacyBlocks(record, for: slot, context: context),
                                            "improvement \(c.name) \(language) \(audience) \(threshold) \(kind) \(slot)")
                                    compared += 1
                                    if !new.isEmpty { nonEmpty += 1 }
                                }
                            }
                        }
                    }
                }
            }
        }
        print("TEMPORARY equality: \(compared) cases compared, \(nonEmpty) with blocks")
    }
}
