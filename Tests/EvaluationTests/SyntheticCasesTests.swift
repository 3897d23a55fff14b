import Foundation
import Periods
import Store
import Testing
@testable import Evaluation

@Suite("Synthetic case extracts")
struct SyntheticCasesTests {
    func bytes(_ settings: SyntheticCaseSettings, _ configure: (inout SyntheticCaseWriter) -> Void = { _ in }) throws -> Data {
        var writer = SyntheticCaseWriter()
        configure(&writer)
        var out = Data()
        try writer.write(SyntheticCaseGenerator(settings).generate()) { out.append($0) }
        return out
    }

    /// The generator against Vigna's reference C (Fixtures/cases/xoshiro256starstar_reference.c):
    /// SplitMix64 from seed 7 fills the state, then the first five outputs.
    @Test func xoshiroMatchesTheReferenceImplementation() {
        var r = Xoshiro256(seed: 7)
        #expect((0..<5).map { _ in r.next() } == [0xb358faf74ef9765a, 0x475c3d964f482cd2, 0xd6f1d349952c7996,
                                                 0xfb2938731e807240, 0xfda904ec7e540318])
    }

    @Test func sameSeedSameBytes_otherSeedOtherBytes() throws {
        var settings = SyntheticCaseSettings(seed: 42)
        settings.cases = 500
        let a = try bytes(settings), b = try bytes(settings)
        #expect(a == b)
        settings.seed = 43
        #expect(try bytes(settings) != a)
        var r1 = Xoshiro256(seed: 7), r2 = Xoshiro256(seed: 7)
        #expect((0..<10).map { _ in r1.next() } == (0..<10).map { _ in r2.next() })
    }

    @Test func exactCaseCountAndConsistentChains() throws {
        var settings = SyntheticCaseSettings(seed: 3)
        settings.cases = 1_500
        let e = SyntheticCaseGenerator(settings).generate()
        #expect(e.cases.count == 1_500)
        #expect(Set(e.cases.map(\.caseID)).count == 1_500)
        #expect(e.cases.map(\.referral) == e.cases.map(\.referral).sorted())
        let referrals = Set(e.cases.map { "\($0.child)/\($0.referral)" })
        for c in e.cases {
            if let n = c.nextReferral { #expect(referrals.contains("\(c.child)/\(n)")) }
            let pilotArea = e.children[Int(c.child)].area == 0
            #expect(c.isPilot == (pilotArea && Int(c.referral) >= settings.pilotStart.dayNumber))
        }
    }

    /// Every output form imports without errors: default names, Swedish names with the
    /// generated mapping, identity numbers with a key (birth year then derived).
    @Test func everyFormImportsCleanly() throws {
        var settings = SyntheticCaseSettings(seed: 11)
        settings.cases = 400
        let key = PseudonymKey.generate()
        for (headers, identity, dialect, dates) in [(SyntheticCaseWriter.Headers.default, false, SyntheticCaseWriter.Dialect.plain, SyntheticCaseWriter.DateForm.iso),
                                                    (.swedish, true, .windows1252, .compact),
                                                    (.swedish, false, .excelSv, .iso)] {
            let bench = try CaseTestBench()
            var writer = SyntheticCaseWriter()
            writer.headers = headers
            writer.identity = identity
            writer.dialect = dialect
            writer.dateForm = dates
            let file = bench.path("synth.csv")
            let extract = SyntheticCaseGenerator(settings).generate()
            try writer.write(extract, to: file)
            let mapPath = try bench.write("map.yaml", writer.mappingYAML())
            let mapping = headers == .swedish ? try CaseMapping.read(path: mapPath) : nil
            // The model's pilot is "testteamet"; the extract's is "vallingbyteamet".
            var model = bench.model
            model.cohorts?.pilot = "vallingbyteamet"
            let request = CaseImportRequest(path: file, model: model, mapping: mapping, key: identity ? key : nil,
                                            extractDate: settings.extractDate, today: CaseTestBench.today)
            let summary = try CaseImporter(bench.database).run(request)
            #expect(summary.rows == 400)
            #expect(summary.pilotRows == extract.cases.filter(\.isPilot).count)
            #expect(summary.outcomes.count == 1)
            #expect(summary.identityColumns == (identity ? ["Personnummer"] : []))
            let stored = try bench.database.query("SELECT birth_year, gender FROM cases WHERE birth_year IS NULL OR gender IS NULL")
            #expect(stored.isEmpty)
        }
    }

    /// A large planted effect shows in the right direction (the statistics half tests
    /// recovery rates; this only checks the flag reaches the data).
    @Test func plantedInvestigationEffectShows() throws {
        var settings = SyntheticCaseSettings(seed: 5)
        settings.cases = 3_000
        settings.effectInvestigationDays = -40
        settings.areaSDInvestigationDays = 0
        let e = SyntheticCaseGenerator(settings).generate()
        func mean(_ pilot: Bool) -> Double {
            let xs = e.cases.filter { $0.isPilot == pilot && Int($0.referral) >= settings.pilotStart.dayNumber }
                .compactMap { c in c.investigationEnd.map { Double($0 - c.investigationStart!) } }
            return xs.reduce(0, +) / Double(xs.count)
        }
        let difference = mean(true) - mean(false)
        #expect(difference < -25 && difference > -55, "\(difference)")
    }
}
