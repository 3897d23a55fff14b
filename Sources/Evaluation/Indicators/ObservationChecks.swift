import LogicModel
import Periods
import Store

/// What the model says about an observations file: errors (nothing is imported) and
/// consistency warnings (imported, kept with the data).
public struct ObservationCheckResult: Sendable {
    /// Rows with their group normalised (`flickor` → `girls` where the indicator has
    /// `girls`), in file order.
    public var observations: [Observation]
    public var errors: [CSVError]
    public var warnings: [ObservationWarning]
}

/// The checks of DESIGN §3.2 and issue 5, against one model.
///
/// Errors: an indicator id the model does not have; a group that is neither `total`
/// nor a value of one of the indicator's breakdowns; the same indicator, period and
/// group twice in one file. Warnings: parts that do not sum to the total (additive
/// indicators, and the counts behind any indicator); a total outside the range of its
/// parts (non-additive indicators); a percentage outside 0–100; a period outside the
/// model's period; a value that disagrees with its own counts.
public enum ObservationChecks {
    /// Swedish group names as people type them, to the standard values.
    /// (The gender names are LogicModel's, which a model's `breakdowns` accept too.)
    static let groupAliases: [String: String] = swedishGenderValues.merging([
        "totalt": Observation.total, "total": Observation.total, "alla": Observation.total,
    ]) { gender, _ in gender }

    public static func check(_ rows: [Observation], model: LogicModel, file: String) -> ObservationCheckResult {
        let indicators = Dictionary(model.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var errors: [CSVError] = []
        var kept: [Observation] = []
        var seen: [String: Int] = [:]
        for var row in rows {
            guard let indicator = indicators[row.indicator] else {
                errors.append(CSVError(kind: .invalidValue, file: file, line: row.line, message:
                    "indicator \"\(row.indicator)\" is not in model \(model.id); its indicators are "
                    + model.indicators.map(\.id).joined(separator: ", ")
                    + ". Fix the id, or add the indicator to the model first (piloteval model add)"))
                continue
            }
            guard let group = normalisedGroup(row.group, for: indicator) else {
                let allowed = [Observation.total] + indicator.groupDimensions.values.flatMap { $0 }
                errors.append(CSVError(kind: .invalidValue, file: file, line: row.line, message:
                    "group \"\(row.group)\" is not a breakdown of \(indicator.id); write one of "
                    + allowed.joined(separator: ", ")))
                continue
            }
            row.group = group
            if row.value == nil && row.numerator == nil && row.denominator == nil,
               !indicator.targets.contains(where: { $0.rule == .qualitative }) {
                errors.append(CSVError(kind: .invalidValue, file: file, line: row.line, message:
                    "\(row.indicator) \(row.period): a note without a value; only an indicator judged in words (a target with `rule: qualitative`) may be recorded by a note alone. Give the value, or leave the row out"))
                continue
            }
            let key = "\(row.indicator)\u{1F}\(row.period.text)\u{1F}\(group)"
            if let first = seen[key] {
                errors.append(CSVError(kind: .invalidValue, file: file, line: row.line, message:
                    "\(row.indicator) \(row.period) \(group) is already given on line \(first); keep one of the two rows"))
                continue
            }
            seen[key] = row.line
            kept.append(row)
        }

        var warnings: [ObservationWarning] = []
        for row in kept {
            guard let indicator = indicators[row.indicator] else { continue }
            warnings += rowWarnings(row, indicator: indicator, model: model)
        }
        // Group rows by indicator and period, in the order they first appear.
        var order: [String] = []
        var cells: [String: [Observation]] = [:]
        for row in kept {
            let key = "\(row.indicator)\u{1F}\(row.period.text)"
            if cells[key] == nil { order.append(key) }
            cells[key, default: []].append(row)
        }
        for key in order {
            let rows = cells[key]!
            guard let indicator = indicators[rows[0].indicator] else { continue }
            warnings += partWarnings(rows, indicator: indicator)
        }
        return ObservationCheckResult(observations: kept, errors: errors, warnings: warnings)
    }

    static func normalisedGroup(_ group: String, for indicator: Indicator) -> String? {
        let g = group.lowercased()
        let allowed = Set([Observation.total] + indicator.groupDimensions.values.flatMap { $0 }.map { $0.lowercased() })
        if allowed.contains(g) {
            // Keep the model's spelling of an own breakdown value.
            return indicator.groupDimensions.values.flatMap { $0 }.first { $0.lowercased() == g } ?? g
        }
        if let alias = groupAliases[g], allowed.contains(alias) { return alias }
        return nil
    }

    // MARK: One row

    static func rowWarnings(_ row: Observation, indicator: Indicator, model: LogicModel) -> [ObservationWarning] {
        var out: [ObservationWarning] = []
        func warn(_ kind: ObservationWarning.Kind, _ message: String) {
            out.append(ObservationWarning(kind: kind, indicator: row.indicator, period: row.period,
                                          message: message, lines: [row.line]))
        }
        let label = "\(row.indicator) \(row.period) \(row.group)"
        if indicator.unit == .percent, let v = row.figure(unit: .percent), v < 0 || v > 100 {
            warn(.percentOutOfRange, "\(label): \(shown(row, unit: .percent) ?? "") % lies outside 0–100"
                 + (row.value == nil ? " (\(StatedPrecision.text(row.numerator!))/\(StatedPrecision.text(row.denominator!)))" : ""))
        }
        if let range = model.period, !(range.start <= row.period.start && row.period.end <= range.end),
           !indicator.targets.contains(where: { $0.period == row.period || $0.period == row.period.yearPeriod }),
           indicator.baseline?.period != row.period {
            warn(.periodOutsideModel, "\(label): the period lies outside the model's period \(range.start)–\(range.end) "
                 + "and the indicator has no target or baseline for it; kept (check the year if it is a typo)")
        }
        if let v = row.value, let derived = Observation.quotient(row.numerator, row.denominator, unit: indicator.unit) {
            let d = StatedPrecision.decimals(v)
            if StatedPrecision.round(derived, to: d) != v {
                // The quotient one place finer than the value, so the two read apart.
                warn(.valueDisagreesWithCounts, "\(label): value \(StatedPrecision.text(v)) disagrees with "
                     + "\(StatedPrecision.text(row.numerator!))/\(StatedPrecision.text(row.denominator!)) = \(StatedPrecision.text(derived, decimals: d + 1))"
                     + (indicator.unit == .percent ? " %" : ""))
            }
        }
        return out
    }

    // MARK: Parts against the total

    /// For each breakdown dimension with at least two parts present beside a total.
    static func partWarnings(_ rows: [Observation], indicator: Indicator) -> [ObservationWarning] {
        guard let total = rows.first(where: { $0.group == Observation.total }) else { return [] }
        var out: [ObservationWarning] = []
        for (dimension, values) in indicator.groupDimensions.sorted(by: { $0.key < $1.key }) {
            let parts = values.compactMap { v in rows.first { $0.group == v } }
            guard parts.count >= 2 else { continue }
            let lines = [total.line] + parts.map(\.line)
            let label = "\(indicator.id) \(total.period)"
            let missing = values.filter { v in !parts.contains { $0.group == v } }
            func warn(_ kind: ObservationWarning.Kind, _ message: String) {
                out.append(ObservationWarning(kind: kind, indicator: indicator.id, period: total.period,
                                              message: message, lines: lines))
            }
            // Parts, their sum and the total at the precision they were written with; the
            // sum and the gap at the finest of those (0.1 + 0.2 is 0.3, not 0.30000000000000004).
            func sumMessage(_ what: String, _ parts: [(String, Double)], _ total: Double) -> String {
                let sum = parts.reduce(0) { $0 + $1.1 }
                let d = (parts.map(\.1) + [total]).map(StatedPrecision.decimals).max() ?? 0
                func t(_ x: Double) -> String { StatedPrecision.text(x, decimals: d) }
                var m = "\(label): \(what) " + parts.map { "\(StatedPrecision.text($0.1)) (\($0.0))" }.joined(separator: " + ")
                    + " = \(t(sum)), but the total is \(StatedPrecision.text(total))"
                if sum < total && !missing.isEmpty {
                    m += "; \(t(total - sum)) not in any part (no row for \(missing.joined(separator: ", ")))"
                } else if sum > total {
                    m += "; the parts exceed the total by \(t(sum - total))"
                }
                return m
            }
            // Counts behind any indicator add up: numerators and denominators.
            if parts.allSatisfy({ $0.numerator != nil }), let tk = total.numerator, let tn = total.denominator {
                let ks = parts.map { ($0.group, $0.numerator!) }, ns = parts.map { ($0.group, $0.denominator!) }
                if !sameCount(ks.reduce(0) { $0 + $1.1 }, tk) {
                    warn(.partsDoNotSumToTotal, sumMessage("numerators", ks, tk))
                }
                if !sameCount(ns.reduce(0) { $0 + $1.1 }, tn) {
                    warn(.partsDoNotSumToTotal, sumMessage("denominators", ns, tn))
                }
            }
            if indicator.isAdditive {
                let vs = parts.compactMap { p in p.figure(unit: indicator.unit).map { (p.group, $0) } }
                if vs.count == parts.count, let tv = total.figure(unit: indicator.unit),
                   !sameCount(vs.reduce(0) { $0 + $1.1 }, tv) {
                    warn(.partsDoNotSumToTotal, sumMessage(dimension + " parts", vs, tv))
                }
            } else {
                // A total of a rate or mean is a weighted average of its parts, so it lies
                // between the smallest and largest part, up to the rounding of the figures.
                let vs = parts.compactMap { $0.figure(unit: indicator.unit) }
                if vs.count == parts.count, let tv = total.figure(unit: indicator.unit),
                   let lo = vs.min(), let hi = vs.max() {
                    let slack = StatedPrecision.slack(vs + [tv])
                    if tv < lo - slack || tv > hi + slack {
                        let where_ = tv < lo ? "below" : "above"
                        warn(.totalOutsideParts, "\(label): the total \(shown(total, unit: indicator.unit)!) lies \(where_) every part ("
                             + parts.map { "\($0.group) \(shown($0, unit: indicator.unit)!)" }.joined(separator: ", ")
                             + "); a total of a \(indicator.unit.rawValue) lies between its parts, so one figure is probably wrong")
                    }
                }
            }
        }
        return out
    }

    /// A row's figure for a person to read: a value at the precision it was written with,
    /// one computed from counts to one decimal (as reports show a percentage). Nil when
    /// the row has neither.
    static func shown(_ row: Observation, unit: IndicatorUnit) -> String? {
        if let v = row.value { return StatedPrecision.text(v) }
        return row.figure(unit: unit).map { StatedPrecision.text($0, decimals: 1) }
    }

    /// Equal up to floating-point noise (counts are whole, amounts may have öre).
    static func sameCount(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}
