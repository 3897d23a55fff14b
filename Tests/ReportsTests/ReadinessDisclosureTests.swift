import Evaluation
import Foundation
import LogicModel
import Presentation
@testable import Reports
import Store
import Testing

/// Issue 19: "A withheld readiness unit contributes to no published n, mean, caption or
/// distribution from which its size or mean can be derived." Each test stores a survey,
/// builds the whole final report and steering brief, collects every number the
/// readiness section and the JSON record (`results.readiness`, the readiness headlines)
/// publish, and tries the differencing an attacker would: a total minus the shown units'
/// n, a pooled figure against the shown units' own. Expected figures are computed here
/// by hand from the raw answers.
@Suite struct ReadinessDisclosureTests {
    /// A respondent's answers to items a and b (1–5, no reverse item).
    typealias Answers = (a: Double, b: Double)

    static func clamp(_ x: Int) -> Double { Double(min(5, max(1, x))) }

    /// Wave 2022-03: Enhet A 33, Enhet B 25, Enhet C 3 (withheld). Shown 58, all 61.
    static let wave2022: [(unit: String, answers: [Answers])] = [
        ("Enhet A", (0..<33).map { i in let a = 2 + i % 4; return (Double(a), clamp(a + i % 3 - 1)) }),
        ("Enhet B", (0..<25).map { i in let a = 1 + i % 3; return (Double(a), clamp(a + i % 2)) }),
        ("Enhet C", [(1, 2), (1, 2), (2, 1)]),
    ]
    /// Wave 2023-03: Enhet A 20, Enhet B 4 (withheld now), Enhet C 6 (shown now). Shown 26, all 30.
    static let wave2023: [(unit: String, answers: [Answers])] = [
        ("Enhet A", (0..<20).map { i in let a = 3 + i % 3; return (Double(a), clamp(a - i % 2)) }),
        ("Enhet B", [(5, 5), (5, 5), (5, 4), (4, 5)]),
        ("Enhet C", (0..<6).map { i in (Double(2 + i % 2), 2) }),
    ]
    /// One wave with two small units: Enhet A 12, Enhet B 2, Enhet C 4. Shown 12, all 18.
    static let twoSmall: [(unit: String, answers: [Answers])] = [
        ("Enhet A", (0..<12).map { i in let a = 1 + i % 5; return (Double(a), clamp(a + (i % 3 == 0 ? 1 : 0))) }),
        ("Enhet B", [(5, 5), (5, 5)]),
        ("Enhet C", [(1, 1), (1, 2), (2, 1), (1, 1)]),
    ]

    static let threshold = 5

    // MARK: - Building

    static func csv(_ units: [(unit: String, answers: [Answers])]) -> String {
        var lines = ["respondent,unit,a,b"], k = 0
        for (unit, answers) in units {
            for x in answers { k += 1; lines.append("r\(k),\(unit),\(Int(x.a)),\(Int(x.b))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A fixture with the test instrument and the given respondent-level waves stored.
    static func fixture(_ waves: [(name: String, units: [(unit: String, answers: [Answers])])]) throws -> ReportFixture {
        let f = try ReportFixture()
        try DomainSectionTests.instrumentYAML.write(toFile: f.path("instrument.yaml"), atomically: true, encoding: .utf8)
        let instrument = try InstrumentCatalog(f.database).resolve(f.path("instrument.yaml"))
        for w in waves {
            try csv(w.units).write(toFile: f.path("wave-\(w.name).csv"), atomically: true, encoding: .utf8)
            try ReadinessImporter(f.database).importFile(path: f.path("wave-\(w.name).csv"), instrument: instrument,
                                                         wave: w.name, aggregated: false)
        }
        return f
    }

    /// What a report publishes about readiness: the text of its readiness section (every
    /// table cell, note, caption, alt text, figure n and chart text, titles and
    /// descriptions included), and the JSON: `results.readiness` and the readiness
    /// headlines.
    struct Published {
        var text: [String]
        var readiness: JSONValue
        var headlines: [HeadlineFigure]
        var figures: [FigureBlock]
        var tables: [TableBlock]

        /// Every number written: integers (not percentages, not parts of a decimal) and
        /// decimals, from the text and from every JSON leaf (strings included).
        var integers: Set<Int> {
            var out = Set<Int>()
            for s in text + jsonStrings { out.formUnion(ReadinessDisclosureTests.integers(in: s)) }
            for x in jsonNumbers where x == x.rounded() && abs(x) < 1e9 { out.insert(Int(x)) }
            return out
        }

        var jsonNumbers: [Double] {
            readiness.leaves().compactMap { if case .number(let x) = $0.value { x } else { nil } }
                + headlines.compactMap(\.value)
        }

        var jsonStrings: [String] {
            readiness.leaves().compactMap { if case .string(let s) = $0.value { s } else { nil } } + headlines.map(\.label)
        }

        /// Every count the document labels as one: figure n, "n = X" in any text, and the
        /// JSON's `n`, `respondents` and `count` leaves.
        var counts: [Int] {
            var out = figures.compactMap(\.n)
            let pattern = try! NSRegularExpression(pattern: "n[\\s\\u00A0]*=[\\s\\u00A0]*(\\d+)")
            for s in text {
                let ns = s as NSString
                for m in pattern.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
                    out.append(Int(ns.substring(with: m.range(at: 1)))!)
                }
            }
            for (path, value) in readiness.leaves() {
                let key = path.split(separator: ".").last.map(String.init) ?? path
                if ["n", "respondents", "count"].contains(key), case .number(let x) = value { out.append(Int(x)) }
            }
            return out
        }
    }

    static func published(_ report: BuiltReport) throws -> Published {
        let sections = report.document.outline.map(\.section).filter { $0.key.contains("readiness") }
        #expect(!sections.isEmpty, "no readiness section in the \(report.document.kind) report")
        let blocks = sections.flatMap(\.blocks)
        var text: [String] = []
        var figures: [FigureBlock] = []
        var tables: [TableBlock] = []
        for b in blocks {
            switch b {
            case .heading(_, let t): text.append(t)
            case .paragraph(let r): text.append(r.plainText)
            case .list(let l): text += l.items.map(\.plainText)
            case .table(let t):
                tables.append(t)
                text += [t.caption ?? ""] + (t.headerRows + t.rows).flatMap { $0.map(\.text.plainText) } + t.notes.map(\.plainText)
            case .figure(let f):
                figures.append(f)
                text += [f.caption, f.altText, chartText(f.svg)]
                if let n = f.n { text.append("n = \(n)") }
            case .callout(let c): text += [c.title ?? "", c.text.plainText]
            case .pageBreak: break
            }
        }
        let readiness = try #require(report.record.results["readiness"])
        let headlines = (report.record.headlines ?? []).filter { $0.kind == .readiness }
        return Published(text: text, readiness: readiness, headlines: headlines, figures: figures, tables: tables)
    }

    /// The words and numbers a chart shows (text, title, description), without its markup.
    static func chartText(_ svg: String) -> String {
        svg.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whole numbers written in `s`, leaving out decimals (comma or point) and percentages.
    static func integers(in s: String) -> Set<Int> {
        let regex = try! NSRegularExpression(pattern: "\\d+([.,]\\d+)?")
        let ns = s as NSString
        var out = Set<Int>()
        for m in regex.matches(in: s, range: NSRange(location: 0, length: ns.length)) where m.range(at: 1).location == NSNotFound {
            let rest = ns.substring(from: m.range.location + m.range.length)
            if rest.drop(while: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }).first == "%" { continue }
            if let x = Int(ns.substring(with: m.range)) { out.insert(x) }
        }
        return out
    }

    // MARK: - Hand computations

    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
    static func variance(_ x: [Double]) -> Double {
        let m = mean(x)
        return x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)
    }

    /// Cronbach's alpha of two items: 2 · (1 − (var a + var b) / var(a + b)).
    static func alpha(_ answers: [Answers]) -> Double {
        2 * (1 - (variance(answers.map(\.a)) + variance(answers.map(\.b))) / variance(answers.map { $0.a + $0.b }))
    }

    /// ICC(1) and ICC(2) of the respondents' scores (mean of a and b) by unit, one-way
    /// ANOVA with k = (N − Σn²/N)/(J − 1).
    static func icc(_ units: [[Answers]]) -> (icc1: Double, icc2: Double) {
        let groups = units.map { $0.map { ($0.a + $0.b) / 2 } }
        let all = groups.flatMap { $0 }
        let n = Double(all.count), j = Double(groups.count)
        let grand = mean(all)
        let ssb = groups.map { g in Double(g.count) * (mean(g) - grand) * (mean(g) - grand) }.reduce(0, +)
        let ssw = groups.map { g in g.map { ($0 - mean(g)) * ($0 - mean(g)) }.reduce(0, +) }.reduce(0, +)
        let msb = ssb / (j - 1), msw = ssw / (n - j)
        let k = (n - groups.map { Double($0.count * $0.count) }.reduce(0, +) / n) / (j - 1)
        return ((msb - msw) / (msb + (k - 1) * msw), (msb - msw) / msb)
    }

    /// Totals that include at least one withheld unit: the shown total plus every
    /// non-empty combination of withheld sizes. None of them may be published.
    static func forbiddenTotals(shown: Int, withheld: [Int]) -> Set<Int> {
        var sums: Set<Int> = [0]
        for w in withheld { sums.formUnion(sums.map { $0 + w }) }
        return Set(sums.filter { $0 > 0 }.map { shown + $0 })
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    static func wave(_ p: Published, _ index: Int) -> JSONValue? {
        guard case .array(let surveys)? = p.readiness["surveys"], case .array(let waves)? = surveys.first?["waves"],
              index < waves.count else { return nil }
        return waves[index]
    }

    static func unit(_ wave: JSONValue?, _ name: String) -> JSONValue? {
        guard case .array(let units)? = wave?["units"] else { return nil }
        return units.first { $0["unit"] == .string(name) }
    }

    /// Undefined: null, or (for figures other than a withheld unit's n and mean) left out.
    static func isNull(_ v: JSONValue?) -> Bool { v == nil || v == .null }

    static func number(_ v: JSONValue?) -> Double? { if case .number(let x)? = v { x } else { nil } }
    static func string(_ v: JSONValue?) -> String? { if case .string(let s)? = v { s } else { nil } }

    /// The withheld unit is listed, its n and mean null with notes beginning "suppressed".
    static func expectWithheld(_ wave: JSONValue?, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let u = unit(wave, name)
        #expect(u?["suppressed"] == .bool(true), "\(name) listed as withheld", sourceLocation: sourceLocation)
        #expect(u?["n"] == .null && u?["mean"] == .null, "\(name): n and mean written as null", sourceLocation: sourceLocation)
        #expect(string(u?["n_note"])?.hasPrefix("suppressed") == true, sourceLocation: sourceLocation)
        #expect(string(u?["mean_note"])?.hasPrefix("suppressed") == true, sourceLocation: sourceLocation)
    }

    /// The Likert bars of the latest respondent-level wave: each bar's n is the shown
    /// units' respondents, and each class holds exactly the shown units' answers in its range.
    static func expectLikert(_ p: Published, shown: [Answers], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard case .array(let surveys)? = p.readiness["surveys"], case .array(let bars)? = surveys.first?["likert"] else {
            Issue.record("no Likert bars", sourceLocation: sourceLocation); return
        }
        #expect(bars.count == 2, sourceLocation: sourceLocation)
        for bar in bars {
            let item = string(bar["item"])
            let values = shown.map { item == "a" ? $0.a : $0.b }
            #expect(number(bar["n"]) == Double(shown.count), "bar \(item ?? "?") n", sourceLocation: sourceLocation)
            guard case .array(let classes)? = bar["classes"] else { continue }     // withheld bar: no counts at all
            var sum = 0.0
            for c in classes {
                let low = number(c["low"])!, high = number(c["high"])!, count = number(c["count"])!
                #expect(count == Double(values.filter { $0 >= low && $0 <= high }.count),
                        "bar \(item ?? "?") class \(low)–\(high)", sourceLocation: sourceLocation)
                sum += count
            }
            #expect(sum == Double(shown.count), "bar \(item ?? "?") classes sum to the shown respondents", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Tests

    /// Units of 33, 25 and 3 respondents (2022-03), then 20, 4 and 6 (2023-03): the unit
    /// withheld in one wave is shown in the other.
    /// A wave's import row count is left out of the public record only where it counts a
    /// withheld unit's respondents: two units of five or more are not "withheld for their
    /// size" (a reviewer saw every wave marked so).
    @Test func aWaveOfLargeUnitsKeepsItsRowCount() throws {
        let large: [(unit: String, answers: [Answers])] = [
            ("Enhet A", (0..<7).map { i in (Double(1 + i % 5), 3) }),
            ("Enhet B", (0..<5).map { i in (Double(2 + i % 3), 4) }),
        ]
        let f = try Self.fixture([("2022-03", large), ("2023-03", Self.wave2023)])
        let record = try f.build(.final).record
        let waves = record.dataFiles.filter { $0.kind == ReadinessImporter.kind }
        #expect(waves.count == 2)
        let first = try #require(waves.first { $0.target?.hasSuffix("2022-03") == true })
        #expect(first.rows == 12 && first.rowsNote == nil, "\(first)")
        let second = try #require(waves.first { $0.target?.hasSuffix("2023-03") == true })
        #expect(second.rows == nil && second.rowsNote?.contains("withheld for their size") == true)
        // Nothing in the readiness part says a unit was withheld in the wave of large units.
        guard case .object(let readiness)? = record.results["readiness"], case .array(let surveys)? = readiness["surveys"],
              case .object(let survey)? = surveys.first, case .array(let ws)? = survey["waves"], case .object(let w22)? = ws.first else {
            Issue.record("no readiness waves"); return
        }
        #expect(w22["respondents_note"] == nil || w22["respondents_note"] == .null)
        // The internal record gives every count.
        var request = try f.request(.final)
        request.suppression = SuppressionRule(audience: .internal)
        let inside = try ReportEngine.build(model: f.model, provenance: f.provenance, request: request,
                                              strings: ReportStrings(.sv), database: f.database).record
        #expect(inside.dataFiles.filter { $0.kind == ReadinessImporter.kind }.allSatisfy { $0.rows != nil })
    }

    @Test(arguments: [ReportKind.final, .steering])
    func aWithheldUnitCannotBeRecoveredByDifferencing(kind: ReportKind) throws {
        let f = try Self.fixture([("2022-03", Self.wave2022), ("2023-03", Self.wave2023)])
        let report = try f.build(kind)
        let p = try Self.published(report)
        let shown22 = Self.wave2022.filter { $0.unit != "Enhet C" }, shown23 = Self.wave2023.filter { $0.unit != "Enhet B" }
        let total22 = shown22.map(\.answers.count).reduce(0, +), total23 = shown23.map(\.answers.count).reduce(0, +)
        #expect(total22 == 58 && total23 == 26)

        // Every count published is a shown unit's n, a wave's shown total, their sum
        // over the waves, or a count inside a Likert bar of shown answers (at most 26).
        let allowed = Set([33, 25, 20, 6, total22, total23, total22 + total23]).union(0...total23)
        for c in p.counts { #expect(allowed.contains(c), "published count \(c)") }
        // No number anywhere is a total that includes a withheld unit.
        let forbidden = Self.forbiddenTotals(shown: total22, withheld: [3])
            .union(Self.forbiddenTotals(shown: total23, withheld: [4]))
            .union(Self.forbiddenTotals(shown: total22 + total23, withheld: [3, 4]))
        #expect(p.integers.isDisjoint(with: forbidden), "published: \(p.integers.intersection(forbidden).sorted())")

        // The record: respondents are the shown units'; the withheld units are listed.
        let w22 = Self.wave(p, 0), w23 = Self.wave(p, 1)
        #expect(Self.number(w22?["respondents"]) == Double(total22) && Self.number(w23?["respondents"]) == Double(total23))
        #expect(Self.string(w22?["respondents_note"])?.contains("left out") == true)
        Self.expectWithheld(w22, "Enhet C")
        Self.expectWithheld(w23, "Enhet B")
        #expect(Self.number(Self.unit(w22, "Enhet A")?["n"]) == 33 && Self.number(Self.unit(w23, "Enhet C")?["n"]) == 6)

        // Pooled figures are the shown units' alone (and differ from all units').
        for (w, shown, all) in [(w22, shown22, Self.wave2022), (w23, shown23, Self.wave2023)] {
            let answers = shown.flatMap(\.answers)
            let expected = Self.alpha(answers), withWithheld = Self.alpha(all.flatMap(\.answers))
            #expect(Self.close(Self.number(w?["alpha"]), expected), "alpha \(String(describing: w?["alpha"])) vs \(expected)")
            #expect(abs(expected - withWithheld) > 1e-3)
            let icc = Self.icc(shown.map(\.answers)), iccAll = Self.icc(all.map(\.answers))
            #expect(Self.close(Self.number(w?["icc1"]), icc.icc1) && Self.close(Self.number(w?["icc2"]), icc.icc2))
            #expect(abs(icc.icc1 - iccAll.icc1) > 1e-3)
        }
        // The shown units' means as published (rounded in the text, exact in the JSON).
        let a22 = Self.wave2022[0].answers
        #expect(Self.close(Self.number(Self.unit(w22, "Enhet A")?["mean"]), Self.mean(a22.map { ($0.a + $0.b) / 2 })))

        // A unit withheld in one wave and shown in the other: no change across them
        // (its mean in the withheld wave would be its shown mean minus the change).
        guard case .array(let surveys)? = p.readiness["surveys"], case .array(let changes)? = surveys.first?["changes"] else {
            Issue.record("no changes"); return
        }
        for name in ["Enhet B", "Enhet C"] {
            let c = changes.first { $0["unit"] == .string(name) }
            #expect(Self.isNull(c?["difference"]) && Self.isNull(c?["ci_low"]), "\(name)'s change")
            #expect(Self.string(c?["difference_note"])?.contains("suppressed") == true)
        }
        let changeA = changes.first { $0["unit"] == .string("Enhet A") }
        #expect(Self.number(changeA?["difference"]) != nil)
        // Headlines: a withheld unit's mean is not among them.
        for h in p.headlines where h.id.hasSuffix(":2022-03:Enhet C") || h.id.hasSuffix(":2023-03:Enhet B") { #expect(h.value == nil) }
        #expect(!p.jsonNumbers.contains { abs($0 - 1.5) < 1e-12 })          // Enhet C's mean in 2022-03: (1.5 + 1.5 + 1.5) / 3

        // Likert bars of 2023-03 (the latest wave): Enhet A and Enhet C only.
        if kind == .final {
            Self.expectLikert(p, shown: shown23.flatMap(\.answers))
            #expect(p.figures.count == 3)
            #expect(p.figures.map(\.n) == [total23, total22 + total23, total23])   // heat map, trend, Likert bars
        }
        // The section says that the withheld units are left out of every figure, totals included.
        let notes = p.tables.flatMap(\.notes).map(\.plainText)
        #expect(notes.contains { $0.contains("färre än 5 svarande är utelämnade ur alla siffror, också totalerna") })
    }

    /// Two small units (2 and 4) beside one of 12: their sizes together (6), or either
    /// one, follow from no published figure; with one unit shown there is no ICC.
    @Test func twoSmallUnitsLeaveNoTrace() throws {
        let f = try Self.fixture([("2022-03", Self.twoSmall)])
        let p = try Self.published(try f.build(.final))
        let shown = Self.twoSmall[0].answers
        for c in p.counts { #expect(Set([12]).union(0...12).contains(c), "published count \(c)") }
        let forbidden = Self.forbiddenTotals(shown: 12, withheld: [2, 4])
        #expect(forbidden == [14, 16, 18])
        #expect(p.integers.isDisjoint(with: forbidden), "published: \(p.integers.intersection(forbidden).sorted())")
        let w = Self.wave(p, 0)
        #expect(Self.number(w?["respondents"]) == 12)
        Self.expectWithheld(w, "Enhet B")
        Self.expectWithheld(w, "Enhet C")
        #expect(Self.close(Self.number(w?["alpha"]), Self.alpha(shown)))
        #expect(Self.isNull(w?["icc1"]) && Self.isNull(w?["icc2"]))
        #expect(Self.string(w?["icc_note"])?.contains("at least 2 units") == true)
        #expect(w?["verdict"] == .string("cannot_assess"))
        Self.expectLikert(p, shown: shown)
        #expect(p.figures.map(\.n) == [12, 12, 12])

        // English: the same sentence.
        var request = try f.request(.final, withText: false)
        request.language = .en
        let english = try ReportEngine.build(model: f.model, provenance: f.provenance, request: request,
                                             strings: ReportStrings(.en), database: f.database)
        let notes = try Self.published(english).tables.flatMap(\.notes).map(\.plainText)
        #expect(notes.contains { $0.contains("fewer than 5 respondents are left out of every figure, the totals included") })
    }

    /// An aggregated wave (unit means with n): a unit with n below the threshold is
    /// withheld and no total or pooled mean is published at all.
    @Test func anAggregatedWaveGivesNoTotalAndWithholdsTheSmallUnit() throws {
        let f = try ReportFixture()
        try DomainSectionTests.instrumentYAML.write(toFile: f.path("instrument.yaml"), atomically: true, encoding: .utf8)
        let instrument = try InstrumentCatalog(f.database).resolve(f.path("instrument.yaml"))
        try "unit,n,a,b\nEnhet A,20,3.4,3.1\nEnhet B,15,2.9,3.3\nEnhet C,3,1.2,1.7\n"
            .write(toFile: f.path("aggregated.csv"), atomically: true, encoding: .utf8)
        try ReadinessImporter(f.database).importFile(path: f.path("aggregated.csv"), instrument: instrument, wave: "2021-03", aggregated: true)
        for kind in [ReportKind.final, .steering] {
            let p = try Self.published(try f.build(kind))
            let w = Self.wave(p, 0)
            #expect(w?["aggregated"] == .bool(true) && Self.isNull(w?["respondents"]))
            Self.expectWithheld(w, "Enhet C")
            #expect(Self.number(Self.unit(w, "Enhet A")?["n"]) == 20 && Self.close(Self.number(Self.unit(w, "Enhet A")?["mean"]), 3.25))
            for c in p.counts { #expect([20, 15].contains(c), "published count \(c)") }
            #expect(p.integers.isDisjoint(with: Self.forbiddenTotals(shown: 35, withheld: [3]).union([35])))
            #expect(!p.jsonNumbers.contains { abs($0 - 1.45) < 1e-12 || abs($0 - 1.2) < 1e-12 || abs($0 - 1.7) < 1e-12 })
            #expect(p.figures.allSatisfy { $0.n == nil })
        }
    }

    /// The rendered documents agree: no "n = X" with X a total that includes a withheld
    /// unit, in HTML or Markdown, of either kind.
    @Test func renderedDocumentsPublishNoWithheldTotal() throws {
        let f = try Self.fixture([("2022-03", Self.wave2022), ("2023-03", Self.wave2023)])
        let forbidden = Self.forbiddenTotals(shown: 58, withheld: [3]).union(Self.forbiddenTotals(shown: 26, withheld: [4]))
            .union(Self.forbiddenTotals(shown: 84, withheld: [3, 4]))
        let renderer = ReportRenderer(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test")
        for kind in [ReportKind.final, .steering] {
            for format in [ReportFormat.html, .markdown] {
                let built = try f.build(kind, format: format)
                let out = try renderer.render(built, format: format, outputPath: nil, rasterizer: nil)
                let text = Self.chartText(String(decoding: out.output.data, as: UTF8.self))
                    .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&#160;", with: " ")
                let regex = try NSRegularExpression(pattern: "n[\\s\\u00A0]*=[\\s\\u00A0]*(\\d+)")
                let whole = text as NSString
                let written = Set(regex.matches(in: text, range: NSRange(location: 0, length: whole.length))
                    .map { Int(whole.substring(with: $0.range(at: 1)))! })
                // The final report's trend chart rests on 58 + 26 = 84 respondents; both kinds show Enhet A's 20.
                #expect(written.contains(kind == .final ? 84 : 20), "\(kind) \(format): \(written.sorted())")
                #expect(written.isDisjoint(with: forbidden), "\(kind) \(format): \(written.intersection(forbidden).sorted())")
            }
        }
    }
}
