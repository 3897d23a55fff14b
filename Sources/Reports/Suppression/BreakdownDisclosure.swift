/// Disclosure control for a total broken down by categories — one cohort's cases by
/// gender, in every outcome of a report at once (docs/privacy.md, "Breakdowns").
///
/// What a table publishes of a category is its size n and its value (a share, a mean);
/// the total's n is always published (every test of the comparison rests on it), and
/// its share too unless that names a small count. The rule (DESIGN §9): no count of 1
/// to threshold − 1 — a category's n, its events, its non-events — may be worked out
/// from what the document publishes. Rather than a rule of thumb, each candidate way
/// of publishing a breakdown (a `Plan`) is tried against an attacker who knows every
/// published figure and that counts are whole numbers (`isSafe`): a small count is
/// protected when at least two values of it fit everything published.
///
/// The plans are tried cheapest first: hiding a category's n costs little, hiding its
/// value costs more the larger the category ("prefer hiding counts to hiding a large
/// group's value; never hide a large group when a smaller one would do"). A value built
/// on a small count — a category of 1–4, or 1–4 events — is never shown (DESIGN §6).
/// The categories whose n is hidden are the same in every outcome of a cohort (the same
/// count must not be hidden in one table and shown in another); tables over the same
/// cases are attacked together, so they cannot be differenced against each other.
public enum BreakdownDisclosure {
    /// One category's counts in one outcome.
    public struct Counts: Sendable, Equatable {
        public var n: Int
        /// Cases with the event (a 0/1 outcome; a duration's share within its limit when no
        /// case is censored); nil when the value does not pin a count (a mean, or a
        /// Kaplan–Meier share with censored cases).
        public var events: Int?

        public init(n: Int, events: Int? = nil) {
            self.n = n
            self.events = events
        }
    }

    /// One outcome's breakdown: the total and its categories, which add up to it.
    public struct Table: Sendable, Equatable {
        public var total: Counts
        public var parts: [Counts]

        public init(total: Counts, parts: [Counts]) {
            self.total = total
            self.parts = parts
        }
    }

    /// What is published of each category.
    public struct Plan: Sendable, Equatable {
        public var showsN: [Bool]
        public var showsValue: [Bool]
    }

    /// Whether the total's share may be published: not when it names a small count of
    /// events or of non-events (the total's n is always published).
    public static func totalShowsValue(_ total: Counts, rule: SuppressionRule) -> Bool {
        guard let e = total.events else { return true }
        return !rule.isSmall(e) && !rule.isSmall(total.n - e)
    }

    /// The cheapest safe plan for each table of one cohort (one per outcome), all hiding
    /// the same categories' n — a category's n is the same count in every outcome over
    /// the same cases, so it must be hidden everywhere or nowhere — while each table
    /// hides only the values it must. Tables over the same cases (equal n in every
    /// category) are attacked together: their values constrain the one set of sizes.
    /// `text(events, n)` is a value exactly as the document writes it.
    public static func plans(for tables: [Table], rule: SuppressionRule,
                             text: (Int, Int) -> String) -> [Plan] {
        guard let k = tables.first?.parts.count, k > 0 else { return tables.map { _ in Plan(showsN: [], showsValue: []) } }
        let all = Array(repeating: true, count: k), none = Array(repeating: false, count: k)
        guard rule.audience == .public else { return tables.map { _ in Plan(showsN: all, showsValue: all) } }
        // A category small in any table shows neither its n nor its value anywhere.
        let tiny = (0..<k).map { j in tables.contains { rule.isSmall($0.parts[j].n) } }
        let masks = (0..<(1 << k)).map { code in (0..<k).map { code >> $0 & 1 == 0 } }
            .filter { m in !(0..<k).contains { tiny[$0] && m[$0] } }
        // Tables over the same cases, in order of first appearance.
        var groups: [[Int]] = []
        for (i, t) in tables.enumerated() {
            let sizes = [t.total.n] + t.parts.map(\.n)
            if let g = groups.firstIndex(where: { groups in
                let u = tables[groups[0]]; return [u.total.n] + u.parts.map(\.n) == sizes }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        var best: (cost: Int, plans: [Plan])? = nil
        // Fewest hidden n first: once a plan costs no more than a mask's hidden n, no
        // later mask can be cheaper.
        for showsN in masks.sorted(by: { $0.filter { !$0 }.count < $1.filter { !$0 }.count }) {
            var cost = showsN.filter { !$0 }.count
            if let best, best.cost <= cost { break }
            var chosen = Array(repeating: Plan(showsN: showsN, showsValue: none), count: tables.count)
            for group in groups {
                guard let picked = cheapestValues(group.map { tables[$0] }, showsN: showsN, masks: masks, rule: rule, text: text)
                else { cost = Int.max; break }
                cost += picked.cost
                for (i, plan) in zip(group, picked.plans) { chosen[i] = plan }
            }
            if cost != Int.max, best == nil || cost < best!.cost { best = (cost, chosen) }
        }
        // Nothing but the totals is always safe when two or more categories hide their n;
        // it is the only choice left otherwise.
        return best?.plans ?? tables.map { _ in Plan(showsN: none, showsValue: none) }
    }

    /// The cheapest values for tables over the same cases given the rows whose n is
    /// hidden, and their cost: every combination of the tables' value masks in order of
    /// cost, the first that is safe for all of them together. Tables whose values pin no
    /// count (means) show every value they may. Beyond `limit` combinations tried, the
    /// search goes table by table instead (cheapest safe so far), which may hide more.
    static func cheapestValues(_ tables: [Table], showsN: [Bool], masks: [[Bool]], rule: SuppressionRule,
                               text: (Int, Int) -> String, limit: Int = 256) -> (cost: Int, plans: [Plan])? {
        let k = showsN.count
        // Hiding a value costs more the larger its row; an empty row has no value to lose
        // (hiding its "–" costs what hiding a count does).
        func cost(_ table: Table, _ v: [Bool]) -> Int {
            (0..<k).filter { !v[$0] }.map { table.parts[$0].n == 0 ? 1 : 1_000 + table.parts[$0].n }.reduce(0, +)
        }
        let pins = tables.map { t in t.total.events != nil && t.parts.allSatisfy { $0.events != nil } }
        // Each table's options, cheapest first; a table that pins nothing takes its cheapest.
        // A value built on a small count — a row's n or its events — is never shown
        // (DESIGN §6); one whose misses are small may be, where its counts are hidden.
        let options: [[[Bool]]] = tables.enumerated().map { i, t in
            let builtOnSmall = t.parts.map { rule.isSmall($0.n) || ($0.events.map(rule.isSmall) ?? false) }
            let sorted = masks.filter { v in !(0..<k).contains { v[$0] && builtOnSmall[$0] } }
                .sorted { cost(t, $0) < cost(t, $1) }
            return pins[i] ? sorted : [sorted[0]]
        }
        var combinations: [[Int]] = [[]]
        for o in options {
            combinations = combinations.flatMap { c in o.indices.map { c + [$0] } }
            if combinations.count > 4_096 { break }
        }
        if combinations.count <= 4_096, combinations.allSatisfy({ $0.count == tables.count }) {
            let priced = combinations.map { c in (cost: c.enumerated().map { cost(tables[$0], options[$0][$1]) }.reduce(0, +), c) }
                .sorted { $0.cost < $1.cost }
            for (tried, (total, c)) in priced.enumerated() where tried < limit {
                let plans = c.enumerated().map { Plan(showsN: showsN, showsValue: options[$0][$1]) }
                if isSafe(tables, plans: plans, rule: rule, text: text) { return (total, plans) }
            }
        }
        // Table by table: the cheapest values that keep the tables so far safe together.
        var plans: [Plan] = []
        var total = 0
        for (i, table) in tables.enumerated() {
            guard let v = options[i].first(where: { v in
                isSafe(Array(tables[...i]), plans: plans + [Plan(showsN: showsN, showsValue: v)], rule: rule, text: text)
            }) else { return nil }
            plans.append(Plan(showsN: showsN, showsValue: v))
            total += cost(table, v)
        }
        return (total, plans)
    }

    /// The sums of a value from each of two unions of ranges, merged.
    static func sum(_ a: [ClosedRange<Int>], _ b: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        merge(a.flatMap { x in b.map { y in (x.lowerBound + y.lowerBound)...(x.upperBound + y.upperBound) } })
    }

    static func intersect(_ a: [ClosedRange<Int>], _ b: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        merge(a.flatMap { x in b.compactMap { y in x.overlaps(y) ? max(x.lowerBound, y.lowerBound)...min(x.upperBound, y.upperBound) : nil } })
    }

    static func merge(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// Whether every small count of `tables` — tables over the same cases, so with the
    /// same n in every category — fits at least two values given what `plans` publish
    /// (the same rows' n in each): the total's n, (when `totalShowsValue`) its share, the
    /// categories' n and values the plans show, and the symbol of each hidden n ("<5" or
    /// ".."). The counts: a category's n, and in each table its events and non-events,
    /// from 1 to threshold − 1. Exhaustive over the unknowns, with a budget: a search
    /// that runs out counts as unsafe.
    public static func isSafe(_ tables: [Table], plans: [Plan], rule: SuppressionRule,
                              text: (Int, Int) -> String, budget: Int = 2_000_000) -> Bool {
        guard let first = tables.first, let showsN = plans.first?.showsN else { return true }
        let k = first.parts.count
        let truthN = first.parts.map(\.n)
        // The counts that must not be named: (table or −1 for an n, category, 0 = n,
        // 1 = events, 2 = non-events, the true value).
        var sensitive: [(table: Int, j: Int, which: Int, value: Int)] = []
        for j in 0..<k where rule.isSmall(truthN[j]) { sensitive.append((-1, j, 0, truthN[j])) }
        for (t, table) in tables.enumerated() {
            for j in 0..<k {
                guard let e = table.parts[j].events else { continue }
                if rule.isSmall(e) { sensitive.append((t, j, 1, e)) }
                if rule.isSmall(truthN[j] - e) { sensitive.append((t, j, 2, truthN[j] - e)) }
            }
        }
        if sensitive.isEmpty { return true }
        // A published small n is named outright.
        if sensitive.contains(where: { $0.which == 0 && showsN[$0.j] }) { return false }

        // A value as the attacker reads it: "–" for an empty category.
        func shown(_ e: Int, _ size: Int) -> String { size == 0 ? "–" : text(e, size) }
        // What a hidden n still says: "<5" that it is 1 to threshold − 1, ".." that it is
        // not (none, or at least the threshold) — the attacker reads the symbols too.
        func fits(_ j: Int, _ size: Int) -> Bool { rule.isSmall(truthN[j]) ? rule.isSmall(size) : !rule.isSmall(size) }

        var found = Array(repeating: false, count: sensitive.count)
        var remaining = sensitive.count
        var steps = 0
        var n = Array(repeating: 0, count: k)

        /// The events each row of table `t` can have, for the sizes `n`, in some assignment
        /// that fits what the table publishes (its rows' values, and its total's events
        /// when its share is published); nil when no assignment fits. Sets of events are
        /// unions of ranges — a hidden value allows 0…n, a published one a few values —
        /// so the sums of the other rows are ranges too, and nothing is enumerated.
        func events(_ t: Int) -> [[ClosedRange<Int>]]? {
            let table = tables[t], plan = plans[t]
            guard table.total.events != nil, table.parts.allSatisfy({ $0.events != nil }) else {
                return (0..<k).map { [0...n[$0]] }
            }
            var allowed: [[ClosedRange<Int>]] = []
            for j in 0..<k {
                let size = n[j], truth = table.parts[j]
                if !plan.showsValue[j] {
                    allowed.append([0...size])
                } else if plan.showsN[j] {
                    // n and value both published (the record unrounded): the events are known.
                    allowed.append([truth.events!...truth.events!])
                } else if size == 0 {
                    allowed.append(truth.n == 0 ? [0...0] : [])
                } else {
                    // The written value is monotone in the events: those that fit sit around
                    // size × the true share; the margin covers a rounding step at any size.
                    let published = shown(truth.events!, truth.n)
                    let centre = Double(size) * Double(truth.events!) / Double(max(1, truth.n))
                    let margin = size / 500 + 3
                    let low = max(0, Int(centre) - margin), high = min(size, Int(centre) + margin + 1)
                    allowed.append(low <= high ? (low...high).filter { shown($0, size) == published }.map { $0...$0 } : [])
                }
            }
            if allowed.contains(where: \.isEmpty) { return nil }
            // The total's events when its share is published: its n is published too and the
            // record holds the share unrounded, so they are known exactly.
            guard totalShowsValue(table.total, rule: rule), let total = table.total.events else { return allowed }
            var feasible: [[ClosedRange<Int>]] = []
            for j in 0..<k {
                // What the other rows can add up to, and so what is left for row j.
                var others: [ClosedRange<Int>] = [0...0]
                for i in 0..<k where i != j { others = Self.sum(others, allowed[i]) }
                let left = others.map { (total - $0.upperBound)...(total - $0.lowerBound) }
                let fits = Self.intersect(allowed[j], left)
                if fits.isEmpty { return nil }
                feasible.append(fits)
            }
            return feasible
        }

        /// Checks one assignment of sizes against every table; marks the counts that
        /// differ from the truth in a solution.
        func tryTables() -> Bool {
            steps += 1
            if steps > budget { return false }
            var each: [[[ClosedRange<Int>]]] = []
            for t in tables.indices {
                guard let e = events(t) else { return true }   // these sizes fit no assignment of table t
                each.append(e)
            }
            for (s, c) in sensitive.enumerated() where !found[s] {
                let differs: Bool
                switch c.which {
                case 0: differs = n[c.j] != c.value
                case 1: differs = each[c.table][c.j].contains { $0.count > 1 || $0.lowerBound != c.value }
                default:
                    // Non-events n − a differ from the value unless a = n − value is the only event count.
                    let only = n[c.j] - c.value
                    differs = each[c.table][c.j].contains { $0.count > 1 || $0.lowerBound != only }
                }
                if differs { found[s] = true; remaining -= 1 }
            }
            return true
        }

        // The sizes: a hidden category takes any part of what the hidden ones share (the
        // last all that is left), within what its symbol says.
        let hidden = (0..<k).filter { !showsN[$0] }
        let hiddenSum = first.total.n - (0..<k).filter { showsN[$0] }.map { truthN[$0] }.reduce(0, +)
        for j in 0..<k where showsN[j] { n[j] = truthN[j] }
        func sizes(_ h: Int, _ left: Int) -> Bool {
            if remaining == 0 { return true }
            if h == hidden.count { return left == 0 ? tryTables() : true }
            let j = hidden[h]
            let range = h == hidden.count - 1 ? (fits(j, left) ? [left] : []) : (0...max(0, left)).filter { fits(j, $0) && $0 <= left }
            for size in range {
                n[j] = size
                if !sizes(h + 1, left - size) { return false }
                if remaining == 0 { return true }
            }
            return true
        }
        guard hiddenSum >= 0, sizes(0, hiddenSum) else { return false }
        return remaining == 0
    }
}
