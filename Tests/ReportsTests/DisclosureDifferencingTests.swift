import Evaluation
import Foundation
import Periods
@testable import Presentation
@testable import Reports
import Testing

/// Tries to recover every hidden count of the pilot-vs-line gender tables the way an
/// attacker would (issue 19): from everything the report record publishes — each
/// cohort's n and share, every gender row's n or its symbol ("<5": 1–4; "..": none or
/// at least 5), every row's share (rounded where its n is hidden) — and the fact that
/// counts are whole numbers. The attacker here is written independently of
/// `BreakdownDisclosure`: it enumerates every table consistent with the record and
/// collects the values each small count can take. A small count is protected when it
/// can take at least two.
///
/// A larger search (more extracts) is `Benchmarks/disclosure/run.sh`.
@Suite struct DisclosureDifferencingTests {
    /// A small deterministic generator (SplitMix64), so every run tries the same extracts.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
    }

    /// The truth of one cohort's gender category: its cases and events.
    struct Cell { var n: Int; var events: Int }

    /// An extract: per cohort (pilot, line), girls, boys, other and not recorded.
    static func extract(_ r: inout Random) -> (CaseDataset, [Bool: [String: Cell]]) {
        var truth: [Bool: [String: Cell]] = [:]
        var cases: [CaseRecord] = []
        for pilot in [true, false] {
            let scale = pilot ? 1 : 2
            let sizes: [(String, CaseRecord.Gender?, Int)] = [
                ("girl", .girl, r.int(5...30) * scale), ("boy", .boy, r.int(5...30) * scale),
                ("other", .other, [0, r.int(1...4), r.int(1...8)][r.int(0...2)]),
                ("unknown", nil, [0, 0, r.int(1...3)][r.int(0...2)]),
            ]
            var cells: [String: Cell] = [:]
            for (key, gender, n) in sizes {
                // Event shares from rare to near-certain, so small non-events occur too.
                func draw() -> Int {
                    let share = [0.1, 0.5, 0.8, 0.95][r.int(0...3)]
                    let events = min(n, Int((Double(n) * share).rounded()) + r.int(0...1) - (n > 0 ? r.int(0...1) : 0))
                    return max(0, events)
                }
                let e = draw(), e2 = draw()
                cells[key] = Cell(n: n, events: e)
                cells[key + "/2"] = Cell(n: n, events: e2)
                for i in 0..<n {
                    cases.append(CaseRecord(caseID: "c\(cases.count)", cohort: pilot ? "testteamet" : "linjen", isPilot: pilot,
                                            unit: pilot ? "Testteamet" : "Linje \(i % 3)", gender: gender,
                                            values: ["assessment_within_14d": .number(i < e ? 1 : 0),
                                                     "investigation_within_4m": .number(i < e2 ? 1 : 0),
                                                     "distinct_caseworkers": .number(Double(1 + (i * 7 + n) % 4))]))
                }
            }
            truth[pilot] = cells
        }
        let dataset = CaseDataset(modelID: "testteamet", pilotCohort: "testteamet", pilotStart: nil,
                                  extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
        return (dataset, truth)
    }

    /// What the record publishes of one row.
    struct Published {
        var n: Int?
        /// "<5" (small) or ".." (hidden); nil when n is published.
        var small: Bool
        var estimate: Double?
    }

    static func published(_ g: [String: Any]) -> Published {
        let n = g["n"] as? Int
        let note = g["n_note"] as? String ?? ""
        return Published(n: n, small: note == IndicatorFigureSuppression.smallNote, estimate: g["estimate"] as? Double)
    }

    /// What the attacker learns: every value each row's n can take, and in each table each
    /// row's events and non-events.
    struct Found {
        var n: [Set<Int>]
        var events: [[Set<Int>]]
        var nonEvents: [[Set<Int>]]
    }

    /// Attacks tables over the same cases together (their rows share one n each): every
    /// assignment of sizes that fits every table's published n and symbols, and for each
    /// table every assignment of events that fits its shares (0/1 outcomes; a mean
    /// constrains no count here). A table's share with its n published pins its events;
    /// with its n hidden it is rounded to 0.1 percentage point.
    static func attack(_ tables: [(rows: [Published], total: Published, binary: Bool)], threshold: Int,
                       enough: (Found) -> Bool = { _ in false }) -> Found {
        let k = tables[0].rows.count
        let t = tables[0].total.n!
        var found = Found(n: Array(repeating: [], count: k),
                          events: tables.map { _ in Array(repeating: [], count: k) },
                          nonEvents: tables.map { _ in Array(repeating: [], count: k) })
        func sizes(_ j: Int) -> [Int] {
            if let n = tables.lazy.compactMap({ $0.rows[j].n }).first { return [n] }
            return tables[0].rows[j].small ? Array(1..<threshold) : [0] + Array(threshold...max(threshold, t))
        }
        func events(_ row: Published, _ n: Int, binary: Bool) -> [Int] {
            guard binary else { return [0] }
            guard let e = row.estimate else { return Array(0...n) }
            if row.n != nil { return [Int((e * Double(n)).rounded())] }
            guard n > 0 else { return [] }
            let shown = Int((e * 1000).rounded())
            return (0...n).filter { Int((Double($0) / Double(n) * 1000).rounded(.toNearestOrAwayFromZero)) == shown }
        }
        // Each events assignment of one table for sizes `n`, until `visit` says stop.
        func assignments(_ table: (rows: [Published], total: Published, binary: Bool), _ n: [Int], _ visit: ([Int]) -> Bool) {
            let totalEvents = table.binary ? table.total.estimate.map { Int(($0 * Double(t)).rounded()) } : nil
            var a = Array(repeating: 0, count: k)
            var stop = false
            func walk(_ j: Int, _ sum: Int) {
                if stop { return }
                if j == k {
                    if totalEvents == nil || sum == totalEvents! { stop = !visit(a) }
                    return
                }
                for e in events(table.rows[j], n[j], binary: table.binary)
                where j < k - 1 || totalEvents == nil || sum + e == totalEvents! {
                    a[j] = e
                    walk(j + 1, sum + e)
                }
            }
            walk(0, 0)
        }
        var n = Array(repeating: 0, count: k)
        var finished = false
        func walk(_ j: Int, _ sum: Int) {
            if finished { return }
            if j == k {
                guard sum == t else { return }
                // Feasible when every table has an assignment; then collect them all
                // (until the attacker has seen enough).
                for table in tables {
                    var any = false
                    assignments(table, n) { _ in any = true; return false }
                    if !any { return }
                }
                for i in 0..<k { found.n[i].insert(n[i]) }
                for (x, table) in tables.enumerated() {
                    assignments(table, n) { a in
                        for i in 0..<k { found.events[x][i].insert(a[i]); found.nonEvents[x][i].insert(n[i] - a[i]) }
                        return !enough(found)
                    }
                }
                finished = enough(found)
                return
            }
            for size in sizes(j) where sum + size <= t && (j < k - 1 || sum + size == t) {
                n[j] = size
                walk(j + 1, sum + size)
            }
        }
        walk(0, 0)
        return found
    }

    @Test(arguments: [1, 2, 3, 4])
    func noSmallCountOfAGenderTableCanBeWorkedOut(seed: UInt64) throws {
        var random = Random(state: seed)
        let f = try ReportFixture()
        let context = try DomainSectionTests.context(f, .final)
        var recovered: [String] = []
        var valuesHidden: [String] = []
        // Four extracts per seed here; Benchmarks/disclosure runs many more.
        let rounds = Int(ProcessInfo.processInfo.environment["PILOTEVAL_DISCLOSURE_ROUNDS"] ?? "") ?? 4
        for round in 0..<rounds {
            let (dataset, truth) = Self.extract(&random)
            let section = CohortComparisonSection(load: { _, _ in dataset })
            let result = try section.compute(context)
            // Only what the record holds: the result as JSON, read back untyped.
            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as! [String: Any]
            let genders = json["genders"] as! [String]
            let outcomes = json["outcomes"] as! [[String: Any]]
            for (cohort, pilot) in [("pilot", true), ("line", false)] {
                // Every outcome here is over all the cohort's cases: one attack over all tables.
                var tables: [(rows: [Published], total: Published, binary: Bool)] = []
                var truths: [[Cell]] = []
                for outcome in outcomes {
                    let name = outcome["outcome"] as! String
                    let published = (outcome["by_gender"] as! [[String: Any]]).map { Self.published($0[cohort] as! [String: Any]) }
                    tables.append((Array(published.dropLast()), published.last!, outcome["kind"] as! String == "binary"))
                    let suffix = name == "investigation_within_4m" ? "/2" : ""
                    truths.append(genders.map { key -> Cell in
                        let keys = key == "other_unknown" ? ["other", "unknown"] : [key]
                        let cs = keys.map { truth[pilot]![$0 + suffix]! }
                        return Cell(n: cs.map(\.n).reduce(0, +), events: cs.map(\.events).reduce(0, +))
                    })
                }
                let here = "seed \(seed) round \(round) \(cohort)"
                let enough = { (f: Found) in Self.named(f, truths, tables: tables).isEmpty }
                let found = Self.attack(tables, threshold: 5, enough: enough)
                recovered += Self.named(found, truths, tables: tables).map { "\(here): \($0)" }

                // No girls' or boys' value of 5 or more is hidden when hiding counts would
                // have done: show it, hide every row's n in every table instead, attack.
                for (x, table) in tables.enumerated() {
                    // (A value built on events of 1–4 is withheld by rule, DESIGN §6.)
                    for (j, key) in genders.enumerated() where (key == "girl" || key == "boy") && truths[x][j].n >= 5
                        && (!table.binary || truths[x][j].events >= 5) && table.rows[j].estimate == nil {
                        var instead = tables
                        for y in instead.indices {
                            for i in instead[y].rows.indices {
                                instead[y].rows[i].small = (1...4).contains(truths[y][i].n)
                                instead[y].rows[i].n = nil
                                if let e = instead[y].rows[i].estimate { instead[y].rows[i].estimate = (e * 1000).rounded() / 1000 }
                            }
                        }
                        let c = truths[x][j]
                        instead[x].rows[j].estimate = table.binary
                            ? (Double(c.events) / Double(c.n) * 1000).rounded(.toNearestOrAwayFromZero) / 1000 : 1
                        let otherwise = Self.attack(instead, threshold: 5) { Self.named($0, truths, tables: instead).isEmpty }
                        if Self.named(otherwise, truths, tables: instead).isEmpty {
                            valuesHidden.append("\(here) \(outcomes[x]["outcome"]!) \(key)")
                        }
                    }
                }
            }
        }
        #expect(recovered.isEmpty, "recoverable: \(recovered.joined(separator: "; "))")
        #expect(valuesHidden.isEmpty, "a large group's value hidden where hiding counts would do: \(valuesHidden.joined(separator: "; "))")
    }

    /// The small counts (1–4) the attacker can name: those with one possible value.
    static func named(_ found: Found, _ truths: [[Cell]], tables: [(rows: [Published], total: Published, binary: Bool)]) -> [String] {
        var out: [String] = []
        for (j, cell) in truths[0].enumerated() where (1...4).contains(cell.n) && found.n[j].count < 2 {
            out.append("row \(j + 1): n = \(cell.n)")
        }
        for (x, table) in tables.enumerated() where table.binary {
            for (j, cell) in truths[x].enumerated() {
                if (1...4).contains(cell.events), found.events[x][j].count < 2 { out.append("table \(x + 1) row \(j + 1): events = \(cell.events)") }
                if (1...4).contains(cell.n - cell.events), found.nonEvents[x][j].count < 2 {
                    out.append("table \(x + 1) row \(j + 1): non-events = \(cell.n - cell.events)")
                }
            }
        }
        return out
    }
}
