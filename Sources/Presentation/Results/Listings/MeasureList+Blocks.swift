import Store

/// `measures list`: each stored measure, its title (blank when no import gave one), its
/// points and span, what it counts, and the imports that brought it.
public struct MeasureList: Sendable, Equatable {
    public var measures: [MeasureSummary]

    public init(measures: [MeasureSummary]) { self.measures = measures }

    public func blocks(style: NumberStyle) -> [Block] {
        let rows: [[TableBlock.Cell]] = measures.map { m in
            [TableBlock.Cell(m.measure), TableBlock.Cell(m.title ?? ""), Listing.count(m.points, style: style), TableBlock.Cell(m.first), TableBlock.Cell(m.last),
             TableBlock.Cell(m.hasDenominator ? "numerator/denominator" : "value"), TableBlock.Cell(m.countsEvents ? "events" : "persons"),
             TableBlock.Cell(m.imports.map(String.init).joined(separator: ", "))]
        }
        return [.table(Listing.table(["measure", "title", "points", "first", "last", "kind", "counts", "imports"], rows))]
    }
}
