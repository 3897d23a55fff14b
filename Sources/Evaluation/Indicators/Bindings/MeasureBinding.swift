import LogicModel
import Periods
import Store

/// Values of an indicator bound to a PDSA measure (`data: {measure: ID}`, stored by
/// `measures import`): one per period of the indicator's frequency (and per year for a
/// shorter frequency), from the measure's points whose date falls in it.
///
/// - points with numerator and denominator: both summed (the period's share, as a P
///   chart pools its subgroups);
/// - plain values of a `count` indicator: summed (consultations per month add up to the
///   tertial's);
/// - other plain values: their mean (a mean of means, weighted equally; said in the rule).
public enum MeasureBinding {
    public static func observations(indicator: Indicator, measure: String, values: [MeasureValue],
                                    imports: [Int]) -> [Observation] {
        guard let kind = CaseBinding.periodKind(indicator.frequency) else { return [] }
        let dated = values.compactMap { v in CalendarDate(parsing: v.date).map { ($0, v) } }
        let periods = Set(dated.flatMap { d, _ in
            [Period(containing: d, kind: kind)] + (kind == .year ? [] : [Period(containing: d, kind: .year)])
        })
        var out: [Observation] = []
        for period in periods.sorted() {
            let points = dated.filter { period.contains($0.0) }.map(\.1)
            let counted = points.filter { $0.numerator != nil && $0.denominator != nil }
            let plain = points.compactMap(\.value)
            let source: (String) -> ValueSource = { rule in
                ValueSource(binding: DataBinding.measure(id: measure).text, imports: imports,
                            rule: rule + " of the \(points.count) point(s) dated in \(period)")
            }
            if !counted.isEmpty {
                out.append(Observation(indicator: indicator.id, period: period,
                                       numerator: counted.compactMap(\.numerator).reduce(0, +),
                                       denominator: counted.compactMap(\.denominator).reduce(0, +),
                                       computed: source("numerators and denominators summed")))
            } else if !plain.isEmpty {
                let sum = plain.reduce(0, +)
                out.append(indicator.unit == .count
                    ? Observation(indicator: indicator.id, period: period, value: sum, computed: source("values summed"))
                    : Observation(indicator: indicator.id, period: period, value: sum / Double(plain.count),
                                  computed: source("mean of the values")))
            }
        }
        return out
    }
}
