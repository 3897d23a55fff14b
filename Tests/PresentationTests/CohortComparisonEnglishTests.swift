@testable import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Presentation
import Statistics
import Testing

/// `CohortComparisonResult.blocks(style:pilotName:)` in English, for the web's "Pilot and
/// line" page: the reader's blocks (`ReaderCohortBlocks`) with an English twin for every
/// sentence, heading and cell — the outcome by its English name, better / worse /
/// unclear, percentage points, English number style — and no internal key, model id or
/// Swedish word. The terminal's analyst view stays what `NumberStyle.terminal` gets.
///
/// The cases are `CohortComparisonSwedishTests.cases`. Figures asserted below are
/// justified in comments: counted by hand from the rule that builds the cases, computed
/// independently (Wilson, Newcombe, Kaplan–Meier with Greenwood, log-rank, Yates,
/// Fisher, arcsine MDD in a few lines of Python), or — for the propensity-weighted and
/// difference-in-differences figures — taken from the golden files
/// `cohort-adjusted.txt` / `cohort-did.txt`, whose cases carry the same values under the
/// key `within_4m` (same referrals, units, areas, ages, genders, reasons in the same
/// order).
@Suite struct CohortComparisonEnglishTests {
    static let cases = CohortComparisonSwedishTests.cases
    static let outcomes = CohortComparisonSwedishTests.outcomes
    static let nb = NumberStyle.noBreakSpace
    static let en = NumberStyle(.en)

    static func result(_ outcome: String, _ design: CohortComparison.Design) throws -> CohortComparisonResult {
        try CohortComparison.run(cases, outcome: outcome,
                                 options: .init(design: design, byGender: true, bootstrap: .init(replicates: 999)))
    }

    static func blocks(_ outcome: String, _ design: CohortComparison.Design, pilotName: String? = nil,
                       style: NumberStyle = en) throws -> [Block] {
        try result(outcome, design).blocks(style: style, pilotName: pilotName)
    }

    /// Every piece of text in the blocks: headings, paragraphs, list items, captions,
    /// header and body cells, table notes.
    static func texts(_ blocks: [Block]) -> [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .heading(_, let text): out.append(text)
            case .paragraph(let t): out.append(t.plainText)
            case .list(let l): out += l.items.map(\.plainText)
            case .table(let t):
                if let c = t.caption { out.append(c) }
                out += (t.headerRows + t.rows).flatMap { $0.map(\.text.plainText) }
                out += t.notes.map(\.plainText)
            case .callout(let c): out += [c.title ?? "", c.text.plainText]
            default: break
            }
        }
        return out
    }

    static func paragraphs(_ blocks: [Block]) -> [String] {
        blocks.compactMap { if case .paragraph(let t) = $0 { return t.plainText } else { return nil } }
    }

    static func listItems(_ blocks: [Block]) -> [String] {
        blocks.flatMap { b -> [String] in if case .list(let l) = b { return l.items.map(\.plainText) } else { return [] } }
    }

    static func table(_ blocks: [Block], _ caption: String) -> TableBlock? {
        for b in blocks { if case .table(let t) = b, t.caption == caption { return t } }
        return nil
    }

    static func rows(_ t: TableBlock?) -> [[String]] { t?.rows.map { $0.map(\.text.plainText) } ?? [] }
    static func header(_ t: TableBlock?) -> [String] { t?.headerRows.first?.map(\.text.plainText) ?? [] }

    /// "+13.0 percentage points" with the no-break space `NumberStyle` writes.
    static func pp(_ s: String) -> String { s + nb + "percentage points" }

    // MARK: An unadjusted share

    /// Investigation completed within 4 months. By the cases' rule the pilot is the even
    /// k ≥ 26 (referred from 2021-01-01): 11 cases, 1 where k % 4 == 0 → 5 (28, 32, 36,
    /// 40, 44). The line: 25 cases before the start with 1 at k % 4 == 1 (6) and 12 odd
    /// k ≥ 25 with 1 at k % 4 == 3 (6): 37 cases, 12. 5/11 = 45.5 %, 12/37 = 32.4 %,
    /// difference +13.0 pp. Wilson (z = 1.96): 21.3–72.0 % and 19.6–48.5 %; Newcombe
    /// −16.0 to +42.5 pp; Yates χ² = 0.188 → 0.19, p = 0.664; Fisher 0.486; risk ratio
    /// 1.40 (log CI 0.63–3.11), odds ratio 25·5/(6·12) = 1.74 (0.44–6.85).
    @Test func unadjustedShare() throws {
        let blocks = try Self.blocks("investigation_within_4m", .unadjusted, pilotName: "Vällingbyteamet")
        #expect(blocks.first == .heading(level: 1, text: "Investigation completed within 4 months – Unadjusted comparison"))
        let paragraphs = Self.paragraphs(blocks)
        #expect(paragraphs.contains(
            "The outcome is a share: the share of cases in which it occurred. A higher value is better. "
            + "The pilot's cases (Vällingbyteamet) are compared with the line's, that is every other case, "
            + "in the extract of 31 December 2022. The pilot started on 1 January 2021."), "\(paragraphs)")

        let groups = Self.table(blocks, "Pilot and line")
        #expect(Self.header(groups) == ["Group", "Cases", "Cases in which it occurred", "Share", "95% CI (Wilson)"])
        #expect(Self.rows(groups) == [["Pilot", "11", "5", "45.5%", "21.3 to 72.0%"],
                                      ["Line", "37", "12", "32.4%", "19.6 to 48.5%"]])

        #expect(paragraphs.contains(
            "Difference (95% CI): " + Self.pp("+13.0") + " (−16.0 to " + Self.pp("+42.5") + "). "
            + "The interval includes zero: the data do not show a difference with confidence. "
            + "Better or worse: unclear – the estimate points to the pilot being better, but the uncertainty is too large to say so."),
            "\(paragraphs)")
        let difference = Self.table(blocks, "Difference between pilot and line, the cases treated as independent")
        #expect(Self.header(difference) == ["Measure", "Difference pilot − line", "95% CI", "Test", "p"])
        #expect(Self.rows(difference) == [
            ["Difference in share (Newcombe)", Self.pp("+13.0"), "−16.0 to " + Self.pp("+42.5"), "Chi-square test (Yates) = 0.19", "0.664"],
            ["", "", "", "Fisher's exact test", "0.486"],
            ["Risk ratio (pilot / line)", "1.40", "0.63 to 3.11", "", ""],
            ["Odds ratio (pilot / line)", "1.74", "0.44 to 6.85", "", ""],
        ])
        #expect(difference?.notes.map(\.plainText) == [
            "Difference = pilot − line with 95% confidence interval (CI), for shares in percentage points. "
            + "p treats the cases as independent and overstates certainty."])

        // By gender (girl when k % 3 == 0): pilot girls 30, 36, 42 → 1 of 3; line girls
        // 13 with 4 (9, 21 before; 27, 39 after). Newcombe +2.6 (−35.7 to +51.9), Yates
        // p = 1.000; boys 4/8 vs 8/24: +16.7 (−18.1 to +49.0), p = 0.673.
        let genders = Self.table(blocks, "Pilot and line by gender (pilot − line within each gender)")
        #expect(Self.header(genders) == ["Gender", "Cases, pilot", "Value, pilot", "Cases, line", "Value, line", "Difference (95% CI)", "p"])
        #expect(Self.rows(genders) == [
            ["Girls", "3", "33.3%", "13", "30.8%", Self.pp("+2.6") + " (−35.7 to " + Self.pp("+51.9") + ")", "1.000"],
            ["Boys", "8", "50.0%", "24", "33.3%", Self.pp("+16.7") + " (−18.1 to " + Self.pp("+49.0") + ")", "0.673"],
        ])

        // Arcsine: h = (1.96 + 0.84)·√(1/11 + 1/37) = 0.962 around 2·asin(√0.324):
        // sin²(…) = 78.4 % and 1.55 % → 1.6 %.
        #expect(paragraphs.contains(
            "With 11 pilot and 37 line cases, the comparison can detect with 80% power (5% significance level, two-sided) "
            + "a change from 32.4% in the line to 78.4% or 1.6% – before allowing for cases within a team being alike, "
            + "which makes it larger. Smaller true differences can easily go unseen: that no clear difference shows "
            + "does not mean that there is none."), "\(paragraphs)")

        let caveats = Self.listItems(blocks)
        #expect(caveats.contains { $0.hasPrefix("The pilot is a single team.") && $0.contains("treat the 48 cases as independent") },
                "\(caveats)")
        #expect(caveats.contains(
            "With 4 teams the smallest possible p-value of the permutation over teams is 1/4 = 0.250; "
            + "no result can then be significant at the 5% level, however large the difference."), "\(caveats)")
        #expect(blocks.contains(.heading(level: 2, text: "Caveats")))
    }

    // MARK: A time to an event

    /// Days to the initial assessment decision, 14-day limit. Pilot days 6 + 7k mod 15,
    /// open when k % 5 == 0 (30, 40): 11 cases, 9 closed, 2 open; sorted 6+, 7, 8, 13, 14,
    /// 15, 16+, …: S(14) = 9/10·8/9·7/8·6/7 = 0.6 → 40.0 % within 14 days, S(15) = 0.5 →
    /// median 15. Line (9 + 11k mod 20; open at 0, 5, 10, 15, 20, 25, 35, 45): 37, 29, 8,
    /// Kaplan–Meier 22.9 % within 14 days, median 20. Difference +17.1 pp, Greenwood
    /// −16.3 to +50.5; log-rank χ² = 7.18, p = 0.007. 2 + 8 = 10 open cases.
    @Test func timeToEvent() throws {
        let blocks = try Self.blocks("days_to_assessment", .unadjusted)
        #expect(blocks.first == .heading(level: 1, text: "Days to the initial assessment decision – Unadjusted comparison"))
        let paragraphs = Self.paragraphs(blocks)
        #expect(paragraphs.contains(
            "The outcome is a time in days. Cases still open at the extract count as ongoing (censored), not as missing; "
            + "the comparison is of the share completed within 14 days. A higher value is better. The pilot's cases are "
            + "compared with the line's, that is every other case, in the extract of 31 December 2022. "
            + "The pilot started on 1 January 2021."), "\(paragraphs)")
        let groups = Self.table(blocks, "Pilot and line (Kaplan–Meier; the median time is the first day by which half of the cases are completed)")
        #expect(Self.header(groups) == ["Group", "Cases", "Closed", "Ongoing (censored)", "Median days (95% CI)", "Within 14 days (95% CI)"])
        let rows = Self.rows(groups)
        #expect(rows.count == 2)
        if rows.count == 2 {
            #expect(Array(rows[0].prefix(4)) == ["Pilot", "11", "9", "2"])
            #expect(rows[0][4].hasPrefix("15 (") && rows[0][5].hasPrefix("40.0% ("), "\(rows)")
            #expect(Array(rows[1].prefix(4)) == ["Line", "37", "29", "8"])
            #expect(rows[1][4].hasPrefix("20 (") && rows[1][5].hasPrefix("22.9% ("), "\(rows)")
        }
        let difference = Self.table(blocks, "Difference between pilot and line, the cases treated as independent")
        #expect(Self.rows(difference) == [["Difference in share completed within 14 days", Self.pp("+17.1"),
                                           "−16.3 to " + Self.pp("+50.5"), "Log-rank test: chi-square = 7.18", "0.007"]])
        #expect(paragraphs.contains(
            "Difference (95% CI): " + Self.pp("+17.1") + " (−16.3 to " + Self.pp("+50.5") + "). "
            + "The interval includes zero: the data do not show a difference with confidence. "
            + "Better or worse: unclear – the estimate points to the pilot being better, but the uncertainty is too large to say so."),
            "\(paragraphs)")
        #expect(Self.listItems(blocks).contains(
            "10 cases were still open at the extract of 31 December 2022; they count as ongoing (censored), not as missing. "
            + "Median times and shares within the limit are Kaplan–Meier estimates, and the log-rank test compares the whole curves."))
    }

    // MARK: The designs' own parts

    /// The weighted figures from `cohort-adjusted.txt`: pilot 45.5 %, weighted line
    /// 33.7 %, +11.8 pp; regression +12.0 pp (−23.3 to +47.2), p = 0.497; balance as
    /// there (pilot age: the 11 pilot cases are 6 + k mod 11 = 121 years in all → 11.0).
    @Test func adjusted() throws {
        let blocks = try Self.blocks("investigation_within_4m", .adjusted)
        #expect(blocks.first == .heading(level: 1, text: "Investigation completed within 4 months – Adjusted comparison (weighting)"))
        let table = Self.table(blocks, "Adjusted for age, gender and referral reason (share)")
        #expect(Self.header(table) == ["Method", "Pilot", "Line", "Difference pilot − line", "95% CI", "p"])
        #expect(Self.rows(table) == [
            ["Weighting (the line weighted to the pilot's composition)", "45.5%", "33.7%", Self.pp("+11.8"), "–", "–"],
            ["Regression adjustment (check)", "", "", Self.pp("+12.0"), "−23.3 to " + Self.pp("+47.2"), "0.497"],
        ])
        let paragraphs = Self.paragraphs(blocks)
        #expect(paragraphs.contains(
            "The weighted difference is " + Self.pp("+11.8") + ", without an interval. The regression adjustment gives "
            + Self.pp("+12.0") + " (95% CI −23.3 to " + Self.pp("+47.2") + "). The interval includes zero: the data do not "
            + "show a difference with confidence. Better or worse: unclear – the estimate points to the pilot being better, "
            + "but the uncertainty is too large to say so."), "\(paragraphs)")
        let balance = Self.table(blocks, "Standardised mean difference before/after weighting")
        #expect(Self.header(balance) == ["Background factor", "Pilot", "Line", "Line, weighted", "Before weighting", "After weighting"])
        #expect(Self.rows(balance) == [
            ["Age (years)", "11.0", "10.6", "11.0", "+0.115 (imbalance)", "−0.001 (good balance)"],
            ["Gender: girl", "27.3%", "35.1%", "34.5%", "−0.170 (imbalance)", "−0.157 (imbalance)"],
            ["Gender: boy", "72.7%", "64.9%", "65.5%", "+0.170 (imbalance)", "+0.157 (imbalance)"],
        ])
        #expect(paragraphs.contains(
            "The line's effective number of cases after weighting: 36.5 (fewer than the actual number when the weights are uneven)."))
        let notes = Self.listItems(blocks)
        #expect(notes.contains(
            "Gender: girl: 3 pilot and 13 line cases, fewer than 5 in one of the groups. The propensity model pools them with "
            + "the reference level (boy), since a level found in only one group predicts the group perfectly and the model "
            + "then cannot be estimated; the balance table still shows them."), "\(notes)")
        #expect(notes.contains { $0.hasPrefix("The weighted estimate has no confidence interval:") }, "\(notes)")
        #expect(notes.contains { $0.hasPrefix("The adjustment covers only age, gender and referral reason;") }, "\(notes)")
    }

    /// The figures from `cohort-did.txt`. The means are also counted by hand: the pilot's
    /// area (Vällingby) before the start is the line's k % 4 == 0 cases, all 0 → 0.0 %;
    /// after, the pilot's 5/11 = 45.5 %. Simple difference (45.5 − 0.0) − (50.0 − 33.3)
    /// = +28.8 pp.
    @Test func differenceInDifferences() throws {
        let blocks = try Self.blocks("investigation_within_4m", .did)
        #expect(blocks.contains(.heading(level: 2, text: "Difference-in-differences")))
        let paragraphs = Self.paragraphs(blocks)
        #expect(paragraphs.contains(
            "The pilot's area (Vällingby) before and after the start is compared with 3 line areas, "
            + "in twelve-month periods from the pilot's start."), "\(paragraphs)")
        let means = Self.table(blocks, "Means before and after the start")
        #expect(Self.header(means) == ["Area", "Before the start", "After the start"])
        #expect(Self.rows(means) == [["The pilot's area", "0.0%", "45.5%"], ["The line's areas", "33.3%", "50.0%"]])
        #expect(paragraphs.contains(
            "Estimated effect (difference-in-differences with fixed effects for area and period): " + Self.pp("+45.3")
            + "; simple difference of the four means: " + Self.pp("+28.8") + ". Randomisation over areas: the pilot's area "
            + "ranks 3 of 3, p = 1.000 (smallest possible p = 1/3 = 0.333). Wild cluster bootstrap (Webb weights, 4 clusters): "
            + "cluster-robust standard error 0.882, p = 0.607 – a second opinion, which with a single treated area rejects "
            + "too rarely. Better or worse: unclear – the estimate points to the pilot being better, but the uncertainty is "
            + "too large to say so."), "\(paragraphs)")
        #expect(blocks.contains(.heading(level: 3, text: "Pre-trend and event study")))
        #expect(paragraphs.contains(
            "Pre-trend: before the start the estimates should lie near zero if the pilot's area followed the same trend as "
            + "the line's areas (parallel trends). Before the start: period −2: " + Self.pp("0.0") + "."), "\(paragraphs)")
        let events = Self.table(blocks, "Each period compared with period −1 (the year before the start)")
        #expect(Self.header(events) == ["Period", "When", "Estimate", "p (randomisation)"])
        #expect(Self.rows(events) == [["−2", "before the start", Self.pp("0.0"), "1.000"],
                                      ["0", "after the start", Self.pp("+57.2"), "1.000"],
                                      ["1", "after the start", Self.pp("+29.9"), "1.000"]])
        let notes = Self.listItems(blocks)
        #expect(notes.contains("1 line area could not be used for comparison in the randomisation (no cases before or after the start)."),
                "\(notes)")
        #expect(notes.contains { $0.hasPrefix("With a single treated area the wild cluster bootstrap rejects too rarely") })
    }

    /// Caseworkers per case, from the pilot's start. Pilot: the 11 even k ≥ 26, 1 + k % 2
    /// = 1 each → mean 1. Line: odd k 25…47, unit by k % 3, 1 + k % 4 = 2 or 4 — each of
    /// Linje A, B, C has four cases, two 2s and two 4s → mean 3. Pilot: 1 − 3 = −2.000;
    /// Linje A: 3 − (11·1 + 8·3)/19 = +1.158. The pilot is the most extreme of J = 4:
    /// p = 1/4. Fewer caseworkers is better, so the estimate points to better; p ≥ 0.05.
    @Test func permutation() throws {
        let blocks = try Self.blocks("distinct_caseworkers", .permutation, pilotName: "Vällingbyteamet")
        #expect(blocks.first == .heading(level: 1, text: "Caseworkers per case – The pilot among all teams"))
        let paragraphs = Self.paragraphs(blocks)
        #expect(paragraphs.contains { $0.contains("The outcome is a number per case; the comparison is of means. A lower value is better.") })
        #expect(paragraphs.contains(
            "Each team is compared with all the others, with cases from the pilot's start: the team's mean minus the mean "
            + "of all other teams' cases. The pilot is then ranked among the teams by the size of its difference."), "\(paragraphs)")
        let units = Self.table(blocks, "The teams")
        #expect(Self.header(units) == ["Team", "Cases", "Difference from the other teams"])
        #expect(Self.rows(units) == [["The pilot (Vällingbyteamet)", "11", "−2.000"], ["Linje A", "4", "+1.158"],
                                     ["Linje B", "4", "+1.158"], ["Linje C", "4", "+1.158"]])
        #expect(paragraphs.contains(
            "The pilot's rank: 1 of 4, p = 0.250 (smallest possible p = 1/4 = 0.250). Better or worse: unclear – "
            + "the estimate points to the pilot being better, but the uncertainty is too large to say so."), "\(paragraphs)")
        #expect(Self.listItems(blocks).contains("With 20 teams or fewer no result can be significant at the 5% level."))
    }

    // MARK: No keys, no Swedish

    /// Swedish words and the analyst's marks an English reader must not meet.
    static let swedish = [
        "Piloten", "piloten", "Pilotens", "pilotens", "linjen", "Linjen", "linjens", "Linjens", "bättre", "Bättre", "sämre",
        "Sämre", "oklart", "ärenden", "ärende", "Skillnad", "skillnad", "procentenheter", "KI", "dagar", "och", "Obs",
        "Att tänka på", "Grupperna", "Balans", "Flickor", "Pojkar", "Kön", "Ålder", "viktning", "Förtrend", "enheter",
        "Intervallet", "uttaget", "p.e.",
    ]

    @Test(arguments: CohortComparison.Design.allCases)
    func noKeysAndNoSwedish(_ design: CohortComparison.Design) throws {
        for outcome in Self.outcomes {
            for name in [nil, "Vällingbyteamet"] as [String?] {
                let texts = Self.texts(try Self.blocks(outcome, design, pilotName: name))
                let all = texts.joined(separator: "\n")
                let context = "\(outcome), \(design.rawValue):\n\(all)"
                #expect(all.contains(CaseOutcomeNames.name(outcome, .en)!), "\(context)")
                for text in texts {
                    for key in Self.outcomes {
                        #expect(!text.contains(key) && !text.contains(key.replacingOccurrences(of: "_", with: " ")),
                                "the key \(key) in '\(text)'")
                    }
                    #expect(!text.lowercased().contains("vallingbyteamet"), "the model's id in '\(text)'")
                    #expect(!text.lowercased().contains("note:"), "a 'note:' in '\(text)'")
                    #expect(!text.contains("--design") && !text.contains("_"), "an option or key in '\(text)'")
                    for word in Self.swedish {
                        #expect(!CohortComparisonSwedishTests.hasWord(text, word), "Swedish '\(word)' in '\(text)'")
                    }
                }
                #expect(["Better or worse", "Better in the pilot", "Worse in the pilot", "Higher in the pilot", "Lower in the pilot"]
                    .contains { all.contains($0) }, "no direction in words in \(context)")
                for heading in ["The groups", "Difference", "By gender", "Minimum detectable difference", "Balance", "Caveats"] {
                    #expect(texts.contains(heading), "missing '\(heading)' in \(context)")
                }
                #expect(all.range(of: #"\d\.\d"#, options: .regularExpression) != nil, "no decimal point in \(context)")
                #expect(all.range(of: #"\d,\d"#, options: .regularExpression) == nil, "a decimal comma in \(context)")
                #expect(all.range(of: #"(^|[\s(])-\d"#, options: .regularExpression) == nil, "a hyphen for a minus in \(context)")
                #expect(!all.contains(" %"), "a space before a percent sign in \(context)")
            }
        }
    }

    /// The English blocks are the Swedish ones said in English: the same kinds of block in
    /// the same order, tables of the same shape.
    @Test(arguments: CohortComparison.Design.allCases)
    func sameShapeAsSwedish(_ design: CohortComparison.Design) throws {
        func shape(_ blocks: [Block]) -> [String] {
            blocks.map { b in
                switch b {
                case .heading(let level, _): return "h\(level)"
                case .paragraph: return "p"
                case .list(let l): return "list \(l.items.count)"
                case .table(let t): return "table \(t.headerRows.map(\.count)) \(t.rows.map(\.count)) \(t.notes.count) \(t.alignments)"
                default: return "\(b)"
                }
            }
        }
        for outcome in Self.outcomes {
            let result = try Self.result(outcome, design)
            #expect(shape(result.blocks(style: NumberStyle(.sv))) == shape(result.blocks(style: Self.en)), "\(outcome), \(design)")
        }
    }

    // MARK: Which view

    /// Readers get the reader's blocks in either language; the terminal's style keeps the
    /// analyst's view that `cases compare` prints (and the golden files hold).
    @Test func readerForReadersTerminalForTheTerminal() throws {
        let result = try Self.result("investigation_within_4m", .adjusted)
        let english = result.blocks(style: Self.en)
        #expect(english == result.blocks(style: Self.en, pilotName: nil))
        #expect(english != result.blocks(style: .terminal))
        #expect(english.first == .heading(level: 1, text: "Investigation completed within 4 months – Adjusted comparison (weighting)"))
        #expect(result.blocks(style: .terminal, pilotName: "Vällingbyteamet") == result.blocks(style: .terminal))
        let terminal = PlainTextWriter().render(result.blocks(style: .terminal))
        #expect(terminal.hasPrefix("outcome") && terminal.contains("SMD before") && terminal.contains("note: "))
        let named = Self.texts(result.blocks(style: Self.en, pilotName: "Vällingbyteamet"))
        #expect(named.contains { $0.contains("The pilot's cases (Vällingbyteamet) are compared with the line's") })
    }

    /// Notes of the result (the analyst's English) said for readers: known ones by
    /// pattern, with singular and plural; unknown ones as a general sentence.
    @Test func notesForReaders() {
        let note = { (n: String) in ReaderCohortBlocks.readerNote(n, style: Self.en) }
        #expect(note("1 case(s) without a value were left out") == "1 case without a value was left out.")
        #expect(note("1234 case(s) without a value were left out") == "1,234 cases without a value were left out.")
        #expect(note("1 case(s) without an age: they get the mean age")
                == "1 case has no age: the propensity model gives it the mean age and a marker for unknown age.")
        #expect(note("2 line case(s) without a unit were left out") == "2 of the line's cases have no team and were left out.")
        #expect(note("with 7 units the smallest attainable p is 1/7 = 0.143") == "With 7 teams the smallest possible p-value is 1/7 = 0.143.")
        #expect(note("only one comparison unit: no placebo comparison is possible")
                == "There is only one line area: randomisation over areas is not possible and gives no p-value "
                + "(it needs at least two line areas, and p below 0.05 needs 19 of them).")
        #expect(note("some future note nobody translated") == "A value cannot be computed with these data.")
        // The Swedish stays as it was.
        #expect(ReaderCohortBlocks.readerNote("1 case(s) without a value were left out", style: NumberStyle(.sv))
                == "1 ärenden utan värde togs inte med.")
    }
}
