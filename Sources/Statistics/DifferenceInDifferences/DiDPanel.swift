/// Cases collapsed to unit × period cells (count and mean outcome): everything a
/// two-way fixed-effects difference-in-differences needs, since its regressors are
/// constant within a cell (see `CellRegression`).
struct DiDPanel {
    struct Cell {
        let unit: Int
        let period: Int
        var count: Double
        var sum: Double
        var mean: Double { sum / count }
    }

    /// Cells sorted by unit, then period.
    let cells: [Cell]
    /// Distinct unit labels, ascending: a unit's cluster index is its position here.
    let units: [Int]
    /// Distinct periods, ascending.
    let periods: [Int]
    let droppedMissing: Int

    init(y: [Double], unit: [Int], period: [Int]) {
        precondition(y.count == unit.count && y.count == period.count, "y, unit and period differ in length")
        var index: [Int: [Int: Int]] = [:]
        var cells: [Cell] = []
        var dropped = 0
        for i in y.indices {
            guard y[i].isFinite else { dropped += 1; continue }
            if let at = index[unit[i]]?[period[i]] {
                cells[at].count += 1; cells[at].sum += y[i]
            } else {
                index[unit[i], default: [:]][period[i]] = cells.count
                cells.append(Cell(unit: unit[i], period: period[i], count: 1, sum: y[i]))
            }
        }
        self.cells = cells.sorted { ($0.unit, $0.period) < ($1.unit, $1.period) }
        units = Set(cells.map(\.unit)).sorted()
        periods = Set(cells.map(\.period)).sorted()
        droppedMissing = dropped
    }

    private init(cells: [Cell]) {
        self.cells = cells
        units = Set(cells.map(\.unit)).sorted()
        periods = Set(cells.map(\.period)).sorted()
        droppedMissing = 0
    }

    /// The same panel without one unit (for placebo fits among the comparison units).
    func excluding(unit: Int) -> DiDPanel {
        DiDPanel(cells: cells.filter { $0.unit != unit })
    }

    func hasCell(unit: Int, where condition: (Int) -> Bool) -> Bool {
        cells.contains { $0.unit == unit && condition($0.period) }
    }

    /// Case-weighted mean outcome over the cells that satisfy `include`.
    func mean(_ include: (Cell) -> Bool) -> Figure {
        var n = 0.0, s = 0.0
        for c in cells where include(c) { n += c.count; s += c.sum }
        return n > 0 ? Figure(s / n) : Figure(undefined: "no cases in this group and period")
    }

    /// A regression with unit fixed effects (a dummy for every unit, no intercept),
    /// period fixed effects (a dummy for every period but the first) and the given
    /// effect columns; nil when the design is singular.
    func regression(effects: [(Cell) -> Double]) -> (model: CellRegression, effectStart: Int)? {
        let unitIndex = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, $0) })
        let periodIndex = Dictionary(uniqueKeysWithValues: periods.dropFirst().enumerated().map { ($1, $0) })
        let j = units.count, t = periods.count - 1
        var rows: [[Double]] = []
        for c in cells {
            var row = [Double](repeating: 0, count: j + t + effects.count)
            row[unitIndex[c.unit]!] = 1
            if let p = periodIndex[c.period] { row[j + p] = 1 }
            for (e, effect) in effects.enumerated() { row[j + t + e] = effect(c) }
            rows.append(row)
        }
        guard let model = CellRegression(rows: rows, counts: cells.map(\.count),
                                         clusters: cells.map { unitIndex[$0.unit]! }, clusterCount: j)
        else { return nil }
        return (model, j + t)
    }
}
