import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Reports
import Presentation
import Store
import Testing

/// The domain sections (issues 5–8) from a small database built here, every figure
/// checked by hand below.
@Suite struct DomainSectionTests {
    // MARK: - Data

    /// I1 (percent, better lower, targets 2021 ≤ 22 unit / ≤ 20 city, girls and boys):
    /// 2019: 3 of 4 — a small denominator, withheld.
    /// 2020: 10/40 = 25 %; girls 5/20, boys 5/20 (no small count: all shown).
    /// 2021: 12/40 = 30 %; girls 3/15, boys 9/25. The girls' 20 % is built on 3 events:
    ///   withheld. The boys' 36 % cannot stay either: with their n it gives 9 events and
    ///   the girls' 3 as 12 − 9; without it, 36 % of a multiple of 25 within 40 is 9 of 25
    ///   again. So both values go and both n stay (15 and 25 name nobody's outcome); the
    ///   total (30 % of 40) is shown.
    static let observations = """
    indicator,period,group,value,numerator,denominator,note
    I1,2019,total,,3,4,
    I1,2020,total,,10,40,
    I1,2020,girls,,5,20,
    I1,2020,boys,,5,20,
    I1,2021,total,,12,40,
    I1,2021,girls,,3,15,
    I1,2021,boys,,9,25,
    """

    static func withIndicators() throws -> ReportFixture {
        let f = try ReportFixture()
        let path = f.path("obs.csv")
        try observations.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try IndicatorImporter(f.database).importFile(try CSVReader(path: path), model: ModelCatalog(f.database).resolveVersioned("testteamet"))
        return f
    }

    static func context(_ f: ReportFixture, _ kind: ReportKind, language: Language = .sv) throws -> ReportContext {
        var request = try f.request(kind, withText: false)
        request.language = language
        return ReportContext(model: f.model, modelProvenance: f.provenance, request: request,
                             strings: ReportStrings(language), database: f.database)
    }

    static func text(_ blocks: [Block]) -> String {
        blocks.map { b -> String in
            switch b {
            case .heading(_, let t): return t
            case .paragraph(let r): return r.plainText
            case .list(let l): return l.items.map(\.plainText).joined(separator: "\n")
            case .table(let t): return ([t.caption ?? ""] + (t.headerRows + t.rows).map { $0.map(\.text.plainText).joined(separator: " | ") }
                                        + t.notes.map(\.plainText)).joined(separator: "\n")
            case .figure(let f): return f.caption + " n=\(f.n.map(String.init) ?? "-")"
            case .callout(let c): return (c.title ?? "") + ": " + c.text.plainText
            case .pageBreak: return ""
            }
        }.joined(separator: "\n")
    }

    static func tables(_ blocks: [Block]) -> [TableBlock] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    static func figures(_ blocks: [Block]) -> [FigureBlock] {
        blocks.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }
    }

    static let nb = NumberStyle.noBreakSpace

    // MARK: - Indicators

    @Test func indicatorStatusIsSuppressedAndAssessed() throws {
        let f = try Self.withIndicators()
        let context = try Self.context(f, .final)
        let section = IndicatorStatusSection()
        let result = try section.compute(context)
        let status = try #require(result.status)
        #expect(status.period.text == "2021")
        let i1 = try #require(status.indicators.first)
        #expect(i1.value.value == 30)                       // 12/40
        #expect(i1.previousValue.value == 25)               // 10/40
        #expect(i1.change.value == 5)
        #expect(i1.status == .notMet && i1.cityTarget?.status == .notMet)
        #expect(i1.groups["girls"]?.value.note == IndicatorFigureSuppression.smallNote)
        #expect(i1.groups["boys"]?.value.note == IndicatorFigureSuppression.hiddenNote)
        #expect(i1.groups["girls"]?.numerator == nil && i1.groups["boys"]?.numerator == nil)
        #expect(i1.groups["girls"]?.denominator == 15 && i1.groups["boys"]?.denominator == 25)
        #expect(status.goals.first?.assessment == .notMet)

        let trend = try #require(result.trend?.indicators.first)
        #expect(trend.points.map(\.period.text) == ["2019", "2020", "2021"])
        #expect(trend.points[0].total.value.note == IndicatorFigureSuppression.smallNote)   // 3 of 4
        #expect(trend.points[1].groups["girls"]?.value.value == 25)                          // 5/20 shown
        #expect(!trend.points[1].change.isDefined)                                           // next to 2019's withheld value

        let blocks = section.blocks(result, for: .indicators, context: context)
        let table = try #require(Self.tables(blocks).first)
        let row = table.rows[0].map(\.text.plainText)
        #expect(row[0].hasPrefix("I1 Andel barn") && row[0].contains("förslag, illustrativt"))
        #expect(row[1] == "30\(Self.nb)%")
        #expect(row[2] == "25\(Self.nb)% (2020)")
        #expect(row[3] == "+5\(Self.nb)p.e.")
        #expect(row[4].contains("22") && row[5].contains("20"))
        #expect(row[6] == "○ Ej uppfyllt")
        // Computed and recorded assessments side by side.
        let goals = Self.tables(blocks)[1]
        #expect(goals.rows[0].map(\.text.plainText).prefix(3) == ["G1 Barn och unga har en trygg uppväxt", "○ Uppfylls inte",
                                                                  "0 av 1 bedömd indikator uppfylld"])
        // The trend chart: two periods with a value; 2019 withheld and marked, not drawn.
        let chart = try #require(Self.figures(blocks).first)
        #expect(chart.n == 2 && chart.caption.contains("I1"))
        #expect(chart.svg.contains(">..<") && chart.svg.contains(">30\(Self.nb)%<") && chart.svg.contains(">25\(Self.nb)%<"))
        #expect(!chart.svg.contains(">75"))
        #expect(chart.svg.contains("<title") && chart.svg.contains("<desc") && chart.svg.contains("aria-labelledby"))
        #expect(chart.svg.contains("stroke-dasharray=\"7 4\"") && chart.svg.contains("#E69F00"))   // the unit's target line
    }

    @Test func genderTableShowsSuppressedCells() throws {
        let f = try Self.withIndicators()
        let context = try Self.context(f, .final)
        let section = IndicatorStatusSection()
        let blocks = section.blocks(try section.compute(context), for: .gender, context: context)
        let table = try #require(Self.tables(blocks).first)
        #expect(table.headerRows[0].map(\.text.plainText) == ["Indikator", "Flickor", "Pojkar", "Totalt"])
        #expect(Array(table.rows[0].map(\.text.plainText).dropFirst())
                == [".. (n\(Self.nb)=\(Self.nb)15)", ".. (n\(Self.nb)=\(Self.nb)25)", "30\(Self.nb)% (n\(Self.nb)=\(Self.nb)40)"])
        #expect(Self.text(blocks).contains("<5 = färre än 5"))
    }

    @Test func tertialColumnsAndSteeringOffTarget() throws {
        let f = try Self.withIndicators()
        let tertial = try TertialTableSection().compute(try Self.context(f, .tertial))
        let row = try #require(tertial.goals.first?.indicators.first)
        #expect(tertial.period == "2021")
        #expect(row.outcome == 30 && row.previous == 25 && row.previousPeriod == "2020" && row.assessment == "not_met")
        #expect(row.girls == nil && row.girlsNote == IndicatorFigureSuppression.smallNote)
        #expect(row.boys == nil && row.boysNote == IndicatorFigureSuppression.hiddenNote)
        #expect(tertial.goals.first?.assessment == "not_met")
        let blocks = TertialTableSection().blocks(tertial, for: .tertialTable, context: try Self.context(f, .tertial))
        let cells = try #require(Self.tables(blocks).first).rows[0].map(\.text.plainText)
        #expect(Array(cells[1...4]) == ["30\(Self.nb)%", "..", "..", "25\(Self.nb)%"])
        #expect(cells[7] == "○ Ej uppfyllt")
        #expect(Self.text(blocks).contains("Målets beräknade bedömning: ○ Uppfylls inte – 0 av 1 bedömd indikator uppfylld."))
        #expect(!Self.text(blocks).contains("Beräknas senare"))

        let steering = try Self.context(f, .steering)
        let off = IndicatorStatusSection().blocks(try IndicatorStatusSection().compute(steering), for: .steeringOffTarget, context: steering)
        let offRow = try #require(Self.tables(off).first).rows[0].map(\.text.plainText)
        // A short name: the change beside the outcome, the mark beside the target.
        #expect(offRow[1] == "30\(Self.nb)% (+5\(Self.nb)p.e.)" && offRow[2] == "≤\(Self.nb)22\(Self.nb)% ○\(Self.nb)nås\(Self.nb)inte")
    }

    @Test func englishWordsAndSymbols() throws {
        let f = try Self.withIndicators()
        let context = try Self.context(f, .final, language: .en)
        let section = IndicatorStatusSection()
        let blocks = section.blocks(try section.compute(context), for: .indicators, context: context)
        let row = try #require(Self.tables(blocks).first).rows[0].map(\.text.plainText)
        #expect(row[1] == "30%" && row[3] == "+5\(Self.nb)pp" && row[6] == "○ Not met")
    }

    // MARK: - Pilot vs line

    /// Pilot: girls 10 (7 within 14 days), boys 10 (6) → 13/20 = 65 %.
    /// Line: girls 12 (6), boys 12 (6) → 12/24 = 50 %. Difference +15 percentage points.
    /// Non-events: pilot girls 3 and boys 4, both small. Worked by hand: with both n
    /// shown, either value names its non-events (70 % of 10, 60 % of 10), so showing the
    /// n costs both values. Hiding both n (each ".." = 0 or ≥ 5, together 20) and the
    /// girls' value leaves the boys' 60,0 % fitting 3/5, 6/10 and 9/15, and so the girls'
    /// non-events 1, 3 or 5: the cheaper plan, one value hidden instead of two. The
    /// line's rows hold no small count.
    static func cases() -> CaseDataset {
        var cases: [CaseRecord] = []
        func add(_ n: Int, events: Int, pilot: Bool, gender: CaseRecord.Gender, unit: String) {
            for i in 0..<n {
                cases.append(CaseRecord(caseID: "c\(cases.count)", cohort: pilot ? "testteamet" : "linjen", isPilot: pilot,
                                        unit: unit, gender: gender,
                                        values: ["assessment_within_14d": .number(i < events ? 1 : 0)]))
            }
        }
        add(10, events: 7, pilot: true, gender: .girl, unit: "Testteamet")
        add(10, events: 6, pilot: true, gender: .boy, unit: "Testteamet")
        add(12, events: 6, pilot: false, gender: .girl, unit: "Linje A")
        add(12, events: 6, pilot: false, gender: .boy, unit: "Linje B")
        return CaseDataset(modelID: "testteamet", pilotCohort: "testteamet", pilotStart: nil,
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }

    @Test func pilotVersusLineWithDesignCaveatsAndGender() throws {
        let f = try ReportFixture()
        let dataset = Self.cases()
        let section = CohortComparisonSection(load: { _, _ in dataset })
        let context = try Self.context(f, .final)
        let result = try section.compute(context)
        #expect(result.present && result.outcomes.map(\.outcome) == ["assessment_within_14d"])
        let o = try #require(result.outcomes.first)
        #expect(o.pilot.n == 20 && o.pilot.estimate == 0.65 && o.line.n == 24 && o.line.estimate == 0.5)
        #expect(abs(o.difference! - 0.15) < 1e-12)
        #expect(o.units == 3)                                        // the pilot and two line units
        let girls = try #require(o.byGender.first { $0.gender == "girl" })
        #expect(girls.pilot.n == nil && girls.pilot.estimate == nil && girls.pilot.estimateNote == IndicatorFigureSuppression.hiddenNote)
        #expect(girls.line.estimate == 0.5)
        let boys = try #require(o.byGender.first { $0.gender == "boy" })
        #expect(boys.pilot.n == nil && boys.pilot.estimate == 0.6 && boys.pilot.ciLow == nil)

        let blocks = section.blocks(result, for: .pilotVsLine, context: context)
        let row = try #require(Self.tables(blocks).first).rows[0].map(\.text.plainText)
        #expect(row[1] == "65,0\(Self.nb)% (n\(Self.nb)=\(Self.nb)20)" && row[2] == "50,0\(Self.nb)% (n\(Self.nb)=\(Self.nb)24)")
        #expect(row[3].hasPrefix("+15,0\(Self.nb)p.e. ("))
        let words = Self.text(blocks)
        #expect(words.contains("Piloten är ett enda team"))
        #expect(words.contains("80\u{00A0}% styrka"))                                  // the minimum detectable difference
        #expect(words.contains("1/3 = 0,333"))                                   // the permutation's floor
        #expect(!words.contains("syntetiska"))

        let gender = section.blocks(result, for: .gender, context: context)
        let table = try #require(Self.tables(gender).first)
        #expect(table.rows.map { $0[0].text.plainText } == ["Flickor", "Pojkar", "Totalt"])
        // Intervals (Wilson) only where the n is shown: its width would give a hidden n back.
        let p = "\(Self.nb)%"
        #expect(table.rows[0].map(\.text.plainText).dropFirst() == ["..", "..", "12", "50,0\(p) (25,4\(p) till 74,6\(p))"])
        #expect(table.rows[1].map(\.text.plainText).dropFirst() == ["..", "60,0\(p)", "12", "50,0\(p) (25,4\(p) till 74,6\(p))"])
        #expect(table.rows[2].map(\.text.plainText).dropFirst() == ["20", "65,0\(p) (43,3\(p) till 81,9\(p))", "24",
                                                                    "50,0\(p) (31,4\(p) till 68,6\(p))"])

        let steering = try Self.context(f, .steering)
        let brief = section.blocks(try section.compute(steering), for: .steeringPilotVsLine, context: steering)
        #expect(try #require(Self.tables(brief).first).headerRows[0].last?.text.plainText == "Bättre eller sämre?")
    }

    @Test func noCasesSaysWhatIsMissingInWords() throws {
        let f = try ReportFixture()
        let context = try Self.context(f, .final)
        let result = try CohortComparisonSection().compute(context)
        #expect(!result.present)
        let words = Self.text(CohortComparisonSection().blocks(result, for: .pilotVsLine, context: context))
        #expect(words == "Inga ärendeuppgifter har lämnats för Testteamet ännu, så piloten kan inte jämföras med linjen i denna rapport.")
    }

    // MARK: - Readiness

    static let instrumentYAML = """
    schema: piloteval/instrument/v1
    id: testteamet-readiness
    name: Förändringsbenägenhet i testet
    language: sv
    scale: {min: 1, max: 5, anchors: [{value: 1, sv: instämmer inte alls}, {value: 5, sv: instämmer helt}]}
    items:
      - {key: a, sv: Påstående A, short: {sv: A, en: A}}
      - {key: b, sv: Påstående B, short: {sv: B, en: B}}
    """

    /// Enhet A (10): a = 3,3,3,3,3,4,4,4,5,5; b = 2,3,3,3,3,4,4,4,5,5. Scores (mean of
    /// a and b) 2.5, 3, 3, 3, 3, 4, 4, 4, 5, 5: mean 36.5/10 = 3.65. Enhet B has 3
    /// respondents: withheld. Likert (A only): a [0,0,5,3,2] → the 2 fives join the 4s
    /// ("4–5": 5); b [0,1,4,3,2] → the single 2 joins the middle ("2–3": 5), "4–5": 5.
    static let wave = """
    respondent,unit,a,b
    r1,Enhet A,3,2
    r2,Enhet A,3,3
    r3,Enhet A,3,3
    r4,Enhet A,3,3
    r5,Enhet A,3,3
    r6,Enhet A,4,4
    r7,Enhet A,4,4
    r8,Enhet A,4,4
    r9,Enhet A,5,5
    r10,Enhet A,5,5
    r11,Enhet B,1,1
    r12,Enhet B,2,2
    r13,Enhet B,1,2
    """

    @Test func readinessPerUnitSuppressedAndRecoded() throws {
        let f = try ReportFixture()
        try Self.instrumentYAML.write(toFile: f.path("instrument.yaml"), atomically: true, encoding: .utf8)
        try Self.wave.write(toFile: f.path("wave.csv"), atomically: true, encoding: .utf8)
        let instrument = try InstrumentCatalog(f.database).resolve(f.path("instrument.yaml"))
        try ReadinessImporter(f.database).importFile(path: f.path("wave.csv"), instrument: instrument, wave: "2022-03", aggregated: false)

        let context = try Self.context(f, .final)
        let section = ReadinessSection()
        let result = try section.compute(context)
        let survey = try #require(result.surveys.first)
        #expect(survey.instrument == "testteamet-readiness")
        let units = try #require(survey.waves.first).units
        #expect(units.map(\.unit) == ["Enhet A", "Enhet B"])
        #expect(units[0].n == 10 && abs(units[0].mean! - 3.65) < 1e-12)
        #expect(units[1].suppressed && units[1].n == nil && units[1].mean == nil)
        typealias C = LikertBars.AnswerClass
        #expect(survey.likert.map(\.item) == ["a", "b"])
        #expect(survey.likert[0].classes == [C(low: 1, high: 1, count: 0), C(low: 2, high: 2, count: 0), C(low: 3, high: 3, count: 5),
                                             C(low: 4, high: 5, count: 5)])
        #expect(survey.likert[1].classes == [C(low: 1, high: 1, count: 0), C(low: 2, high: 3, count: 5), C(low: 4, high: 5, count: 5)])

        let blocks = section.blocks(result, for: .readiness, context: context)
        let table = try #require(Self.tables(blocks).first)
        #expect(table.rows.map { $0[1].text.plainText } == ["3,65 (n\(Self.nb)=\(Self.nb)10)", "<5"])
        let figures = Self.figures(blocks)
        #expect(figures.count == 3)                                          // heat map, trend, Likert bars
        #expect(figures.allSatisfy { $0.n != nil && !$0.caption.isEmpty })
        let likert = figures[2].svg
        #expect(likert.contains("4–5") && likert.contains("sammanslagna"))
        #expect(!likert.contains("(2)") && !likert.contains(": 2,"))           // no small count written

        let steering = try Self.context(f, .steering)
        let brief = section.blocks(try section.compute(steering), for: .steeringReadiness, context: steering)
        #expect(try #require(Self.tables(brief).first).rows.count == 2)
    }

    @Test func syntheticWavesAreMarkedWhereverTheyAreShown() throws {
        let f = try ReportFixture()
        try Self.instrumentYAML.write(toFile: f.path("instrument.yaml"), atomically: true, encoding: .utf8)
        try Self.wave.write(toFile: f.path("wave-2022.csv"), atomically: true, encoding: .utf8)
        // The same answers once more (another file, so not refused as a duplicate).
        try (Self.wave + "\nr14,Enhet B,2,1\n").write(toFile: f.path("wave-2023-synthetic.csv"), atomically: true, encoding: .utf8)
        let instrument = try InstrumentCatalog(f.database).resolve(f.path("instrument.yaml"))
        try ReadinessImporter(f.database).importFile(path: f.path("wave-2022.csv"), instrument: instrument, wave: "2022-03", aggregated: false)
        try ReadinessImporter(f.database).importFile(path: f.path("wave-2023-synthetic.csv"), instrument: instrument, wave: "2023-03",
                                                     aggregated: false)
        let context = try Self.context(f, .final)
        let section = ReadinessSection()
        let result = try section.compute(context)
        #expect(try #require(result.surveys.first).waves.map(\.synthetic) == [false, true])
        let blocks = section.blocks(result, for: .readiness, context: context)
        let header = try #require(Self.tables(blocks).first).headerRows[0].map(\.text.plainText)
        // A wave in words, as a steering group writes a month.
        #expect(header[1] == "mars 2022" && header[2] == "mars 2023 (syntetisk)")
        // Holm's adjusted p in a column of its own beside the change and its interval.
        #expect(header.last == "Justerat p", "\(header)")
        #expect(Self.text(blocks).contains("Mätningarna mars 2023 är syntetiska"))
        let steering = try Self.context(f, .steering, language: .en)
        let brief = section.blocks(try section.compute(steering), for: .steeringReadiness, context: steering)
        #expect(try #require(Self.tables(brief).first).headerRows[0].map(\.text.plainText)[1] == "March 2023 (synthetic)")
    }

    @Test func likertRecodingWithholdsASmallMiddle() {
        typealias C = LikertBars.AnswerClass
        let rule = SuppressionRule()
        let classes = [0, 0, 1, 3, 2].enumerated().map { C(low: $0.offset + 1, high: $0.offset + 1, count: $0.element) }
        #expect(LikertBars.recode(classes, rule: rule) == nil)               // the middle (1) stays small
        let fine = [6, 0, 7, 9, 5].enumerated().map { C(low: $0.offset + 1, high: $0.offset + 1, count: $0.element) }
        #expect(LikertBars.recode(fine, rule: rule) == fine)
    }

    // MARK: - Improvement work

    /// P chart of 8 months, 20 cases each: 2, 6, 7, 6, 8, 9, 10, 9. p̄ = 57/160 = 35,625 %.
    /// Month 1 rests on 2 (small): withheld. Runs around p̄: 4 below, then 4 above —
    /// longest run 4 (limit round(log2 8) + 3 = 6), 1 crossing (at least qbinom(0.05, 7,
    /// 0.5) = 1): no signal. Limits p̄ ± 3·√(p̄(1 − p̄)/20) = 3,5 %–67,7 %: none outside.
    static let measure = """
    month,planned,opened
    2021-01,2,20
    2021-02,6,20
    2021-03,7,20
    2021-04,6,20
    2021-05,8,20
    2021-06,9,20
    2021-07,10,20
    2021-08,9,20
    """

    static func cycle(_ id: String, previous: String?, start: String, end: String) -> String {
        """
        schema: piloteval/pdsa/v1
        id: \(id)
        title: Test \(id)
        model: testteamet
        activity: A1
        ramp: planering
        \(previous.map { "previous: \($0)" } ?? "")
        measure: testmatt
        change_idea: Planera med familjen.
        plan: {prediction: Fler planerade.}
        do: {start: \(start), end: \(end)}
        act: {decision: adopt}
        illustrative: true
        """
    }

    @Test func runChartWithCyclesAndSuppressedPoint() throws {
        let f = try ReportFixture()
        try Self.measure.write(toFile: f.path("m.csv"), atomically: true, encoding: .utf8)
        _ = try MeasureImporter(f.database).importFile(path: f.path("m.csv"), measure: "testmatt", value: "planned",
                                                       denominator: "opened", date: "month")
        try Self.cycle("plan-1", previous: nil, start: "2021-03-01", end: "2021-03-31").write(toFile: f.path("p1.yaml"), atomically: true, encoding: .utf8)
        try Self.cycle("plan-2", previous: "plan-1", start: "2021-05-01", end: "2021-05-31").write(toFile: f.path("p2.yaml"), atomically: true, encoding: .utf8)
        _ = try PDSACatalog(f.database).add(paths: [f.path("p1.yaml"), f.path("p2.yaml")])

        let context = try Self.context(f, .final)
        let section = RunChartSection()
        let result = try section.compute(context)
        let m = try #require(result.measures.first)
        #expect(m.chart == "p" && m.points == 8 && m.hiddenPoints == 1)
        #expect(abs(m.centre! - 57.0 / 160) < 1e-12)
        #expect(m.longestRun == 4 && m.longestRunMax == 6 && m.crossings == 1 && m.crossingsMin == 1 && !m.runsSignal)
        #expect(m.pointsOutsideLimits == 0)
        #expect(m.values[0].y == nil && m.values[1].y == 0.3)
        #expect(m.cycles == ["plan-1", "plan-2"] && m.illustrativeCycles)
        #expect(result.ramps.map(\.name) == ["planering"] && result.ramps[0].cycles.map(\.id) == ["plan-1", "plan-2"])

        let blocks = section.blocks(result, for: .improvement, context: context)
        let words = Self.text(blocks)
        #expect(words.contains("ingen signal: längsta serie 4 (gräns 6), 1 korsning (minst 1) bland 8 användbara punkter"))
        // 57/160 = 35,6 %, written as the chart labels its centre line (whole percent
        // on this axis), so the text and the chart say the same figure.
        #expect(words.contains("Centrumlinjen är 36\(Self.nb)%."))
        #expect(words.contains("Inga punkter ligger utanför styrgränserna."))
        #expect(words.contains("1 punkt bygger på färre än 5"))
        let chart = try #require(Self.figures(blocks).first)
        #expect(chart.n == 8 && chart.caption.contains("2 PDSA-cykler"))
        #expect(chart.svg.contains(">..<"))                                   // the withheld month
        #expect(chart.svg.contains("36\(Self.nb)%<") || chart.svg.contains("36 %<"))
        #expect(!chart.svg.contains("2021-01: 10"))                           // its 10 % is not drawn
        let ramps = try #require(Self.tables(blocks).first)
        #expect(ramps.rows.map { $0[0].text.plainText } == ["Planering", ""])       // the ramp's id spelt out
        #expect(ramps.rows.map { $0[1].text.plainText.prefix(2) } == ["1 ", "2 "])   // cycles numbered, not by id
        #expect(ramps.rows[0][4].text.plainText == "behåll")
        // The cycles' activity by its title from the logic model, once for the ramp; never its code.
        #expect(ramps.rows.map { $0[1].text.plainText.hasSuffix("\nAktivitet: Hela kedjan") } == [true, false])
        #expect(!ramps.rows.contains { $0[1].text.plainText.contains("A1") })
        #expect(m.title == nil)                                                  // no title was given

        // Titled, the measure is named by its title: its heading, its chart, and its ramp.
        try MeasureTable(f.database).setTitle("Planerade utredningar för förskolebarn och äldre", of: "testmatt")
        let titled = try section.compute(context)
        #expect(titled.measures.first?.title == "Planerade utredningar för förskolebarn och äldre")
        let titledBlocks = section.blocks(titled, for: .improvement, context: context)
        #expect(Self.text(titledBlocks).contains("Mått: Planerade utredningar för förskolebarn och äldre"))
        #expect(try #require(Self.figures(titledBlocks).first).caption.contains("p-diagram för Planerade utredningar för förskolebarn och äldre"))
        #expect(try #require(Self.tables(titledBlocks).first).rows.map { $0[0].text.plainText }
                == ["Planerade utredningar för förskolebarn och äldre", ""])
        #expect(section.headlines(titled, context: context).map(\.label)
                == ["Planerade utredningar för förskolebarn och äldre: centrumlinje"])
    }

    // MARK: - What changed (steering)

    @Test func steeringChangesNameHeadlineFiguresAndCountTheRest() throws {
        let f = try ReportFixture()
        let model = try ModelCatalog(f.database).resolveVersioned("testteamet")
        let lines = Self.observations.split(separator: "\n").map(String.init)
        try (lines.filter { !$0.contains("2021") }.joined(separator: "\n")).write(toFile: f.path("a.csv"), atomically: true, encoding: .utf8)
        try ([lines[0]] + lines.filter { $0.contains("2021") }).joined(separator: "\n").write(toFile: f.path("b.csv"), atomically: true, encoding: .utf8)
        _ = try IndicatorImporter(f.database).importFile(try CSVReader(path: f.path("a.csv")), model: model)
        let before = try ReportEngine.build(model: f.model, provenance: f.provenance, request: f.request(.steering, withText: false),
                                            strings: ReportStrings(.sv), database: f.database).record
        _ = try IndicatorImporter(f.database).importFile(try CSVReader(path: f.path("b.csv")), model: model)
        var request = try f.request(.steering, withText: false)
        request.since = before
        let built = try ReportEngine.build(model: f.model, provenance: f.provenance, request: request,
                                           strings: ReportStrings(.sv), database: f.database)
        let changes = try #require(built.document.sections.first { $0.key == "steering.changes" })
        let table = try #require(Self.tables(changes.blocks).first)
        // 2020 (25 %) was the latest period then; 2021 (30 %) is now.
        #expect(table.rows.map { $0.map(\.text.plainText) } == [["I1: utfall", "25", "30"]])
        #expect(Self.text(changes.blocks).contains("andra uppgifter ändrats"))
        // The record keeps the headlines by stable id, and a record from before it kept
        // them (read back through the JSON, without the key) gives the same changes: its
        // results are read into the sections' typed results, which declare them again.
        #expect(before.headlines?.contains { $0.id == "indicator:I1" && $0.value == 25 } == true)
        var older = try JSONSerialization.jsonObject(with: try JSONWriter.write(before)) as! [String: Any]
        older["headlines"] = nil
        request.since = try JSONWriter.read(JSONSerialization.data(withJSONObject: older), name: "old.json")
        #expect(request.since?.headlines == nil)
        let fromOlder = try ReportEngine.build(model: f.model, provenance: f.provenance, request: request,
                                               strings: ReportStrings(.sv), database: f.database)
        let olderChanges = try #require(fromOlder.document.sections.first { $0.key == "steering.changes" })
        #expect(Self.tables(olderChanges.blocks).first?.rows.map { $0.map(\.text.plainText) } == [["I1: utfall", "25", "30"]])
        #expect(Self.text(olderChanges.blocks) == Self.text(changes.blocks))
    }

    // MARK: - verify

    func roundTrip(_ record: ReportRecord) throws -> ReportRecord {
        try JSONWriter.read(try JSONWriter.write(record), name: "r.json")
    }

    @Test func verifyPassesWithDomainSectionsAndCatchesAnEditedFigure() throws {
        let f = try Self.withIndicators()
        for kind in ReportKind.allCases {
            let record = try roundTrip(f.build(kind).record)
            let outcome = try ReportVerifier.verify(record, database: f.database)
            #expect(outcome.differences.isEmpty, "\(kind): \(outcome.differences)")
        }
        let data = try JSONWriter.write(f.build().record)
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var results = object["results"] as! [String: Any]
        var indicators = results["indicators"] as! [String: Any]
        var status = indicators["status"] as! [String: Any]
        var rows = status["indicators"] as! [[String: Any]]
        #expect(rows[0]["value"] as? Double == 30)
        rows[0]["value"] = 28
        status["indicators"] = rows
        indicators["status"] = status
        results["indicators"] = indicators
        object["results"] = results
        let edited = try JSONWriter.read(JSONSerialization.data(withJSONObject: object), name: "r.json")
        let outcome = try ReportVerifier.verify(edited, database: f.database)
        #expect(outcome.differences.map(\.path) == ["results.indicators.status.indicators[0].value"])
        #expect(outcome.differences.first?.description.contains("report says 28, recomputed 30") == true)
        // A hand-edited headline (what the next brief would compare with) is caught too.
        var fresh = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var headlines = fresh["headlines"] as! [[String: Any]]
        #expect(headlines[0]["id"] as? String == "indicator:I1")
        headlines[0]["value"] = 28
        fresh["headlines"] = headlines
        let editedHeadline = try JSONWriter.read(JSONSerialization.data(withJSONObject: fresh), name: "r.json")
        let headlineOutcome = try ReportVerifier.verify(editedHeadline, database: f.database)
        #expect(headlineOutcome.differences.map(\.path) == ["headlines[indicator:I1]"])
    }
}

/// The record's `line_first_referral`: set when the line's earliest referral precedes the
/// pilot's start (the demo's line from 2018 against a pilot from 2020), absent when the
/// line starts with the pilot or the start is unknown.
@Suite struct LineFirstReferralTests {
    static func dataset(lineFrom: String, start: String?) -> CaseDataset {
        var cases: [CaseRecord] = []
        for (i, pilot) in ([true, false, true, false, false] as [Bool]).enumerated() {
            let date = pilot ? "2020-03-0\(i + 1)" : (i == 1 ? lineFrom : "2021-06-0\(i + 1)")
            cases.append(CaseRecord(caseID: "c\(i)", cohort: pilot ? "testteamet" : "linjen", isPilot: pilot,
                                    unit: pilot ? "Testteamet" : "Linje A", gender: .girl,
                                    referralDate: CalendarDate(parsing: date),
                                    values: ["assessment_within_14d": .number(Double(i % 2))]))
        }
        return CaseDataset(modelID: "testteamet", pilotCohort: "testteamet", pilotStart: start.flatMap(CalendarDate.init(parsing:)),
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }

    @Test func setOnlyWhenTheLineReachesBackBeforeTheStart() throws {
        let f = try ReportFixture()
        let context = try DomainSectionTests.context(f, .final)
        func first(_ d: CaseDataset) throws -> String? { try CohortComparisonSection(load: { _, _ in d }).compute(context).lineFirstReferral }
        #expect(try first(Self.dataset(lineFrom: "2018-01-15", start: "2020-01-01")) == "2018-01-15")
        #expect(try first(Self.dataset(lineFrom: "2020-02-01", start: "2020-01-01")) == nil)
        #expect(try first(Self.dataset(lineFrom: "2018-01-15", start: nil)) == nil)
    }
}
