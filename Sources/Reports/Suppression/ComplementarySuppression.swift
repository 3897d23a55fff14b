/// Complementary suppression for a table of counts with row and/or column totals.
///
/// Primary suppression hides each count from 1 to threshold − 1. That alone is not
/// enough: in a row `girls 3, boys 12, total 15` hiding the 3 discloses it again as
/// 15 − 12. The rule used here is the one statistical offices apply to one- and
/// two-way tables with margins: **every row and every column equation (cells and their
/// total) holds either no hidden entry or at least two**, so no single hidden entry
/// can be recovered by subtraction along a row or a column. Totals take part like any
/// other entry (a total of 3 is itself small), and the margins' own equations (the row
/// of column totals and the column of row totals, with the grand total) are checked
/// too.
///
/// Choosing the complementary entries: among the visible entries of a row or column
/// holding exactly one hidden entry, hide the one that costs least — a non-zero body
/// cell before a total (a hidden zero protects nothing when zeros are known to be
/// structural), the smallest count first, and one whose other equation already holds a
/// hidden entry (so the choice does not open a new equation). Repeat until every
/// equation holds 0 or ≥ 2 hidden entries; each pass hides one more entry, so it ends.
///
/// What it does not do: it does not solve the linear-programming ("interval") attack
/// that bounds a hidden cell from several equations at once in large tables; for the
/// small tables a pilot report holds (gender × outcome, unit × answer) the
/// row/column rule is the accepted practice (e.g. the "two hidden per line" rule of
/// tau-ARGUS' hypercube method for 2-dimensional tables).
public enum ComplementarySuppression {
    public struct Table: Sendable, Equatable {
        public var cells: [[Int]]
        public var rowTotals: [Int]?
        public var columnTotals: [Int]?
        public var grandTotal: Int?

        public init(cells: [[Int]], rowTotals: [Int]? = nil, columnTotals: [Int]? = nil, grandTotal: Int? = nil) {
            self.cells = cells
            self.rowTotals = rowTotals
            self.columnTotals = columnTotals
            self.grandTotal = grandTotal
        }
    }

    public struct Mask: Sendable, Equatable {
        public var cells: [[CellVisibility]]
        public var rowTotals: [CellVisibility]?
        public var columnTotals: [CellVisibility]?
        public var grandTotal: CellVisibility?
    }

    /// Positions in the extended grid: body (r, c), row totals (r, C), column totals
    /// (R, c), grand total (R, C), where R and C are the body's row and column counts.
    private struct Position: Hashable { var row: Int; var column: Int }

    public static func apply(_ table: Table, rule: SuppressionRule = .standard) -> Mask {
        let rows = table.cells.count
        let columns = table.cells.map(\.count).max() ?? 0
        var value: [Position: Int] = [:]
        for (r, row) in table.cells.enumerated() {
            for (c, v) in row.enumerated() { value[Position(row: r, column: c)] = v }
        }
        if let totals = table.rowTotals {
            for (r, v) in totals.enumerated() where r < rows { value[Position(row: r, column: columns)] = v }
        }
        if let totals = table.columnTotals {
            for (c, v) in totals.enumerated() where c < columns { value[Position(row: rows, column: c)] = v }
        }
        if let g = table.grandTotal, table.rowTotals != nil || table.columnTotals != nil {
            value[Position(row: rows, column: columns)] = g
        }

        // The equations: each is the set of entries that sum to zero with signs (cells − total).
        var equations: [[Position]] = []
        if table.rowTotals != nil {
            for r in 0..<rows { equations.append((0...columns).map { Position(row: r, column: $0) }) }
            if table.columnTotals != nil, table.grandTotal != nil {
                equations.append((0...columns).map { Position(row: rows, column: $0) })
            }
        }
        if table.columnTotals != nil {
            for c in 0..<columns { equations.append((0...rows).map { Position(row: $0, column: c) }) }
            if table.rowTotals != nil, table.grandTotal != nil {
                equations.append((0...rows).map { Position(row: $0, column: columns) })
            }
        }
        equations = equations.map { $0.filter { value[$0] != nil } }.filter { $0.count >= 2 }

        var state: [Position: CellVisibility] = value.mapValues { rule.isSmall($0) ? .small : .shown }
        let isTotal = { (p: Position) in p.row == rows || p.column == columns }

        while let open = equations.first(where: { eq in eq.filter { state[$0]!.isSuppressed }.count == 1 }) {
            let candidates = open.filter { !state[$0]!.isSuppressed }
            // Cost ordering, lowest first: zero cells last, totals after body cells,
            // then entries whose other equation stays closed, then smaller counts.
            func opensAnother(_ p: Position) -> Bool {
                equations.contains { eq in eq != open && eq.contains(p) && !eq.contains { state[$0]!.isSuppressed } }
            }
            let choice = candidates.min { a, b in
                let ka = (value[a]! == 0 ? 1 : 0, isTotal(a) ? 1 : 0, opensAnother(a) ? 1 : 0, value[a]!, a.row, a.column)
                let kb = (value[b]! == 0 ? 1 : 0, isTotal(b) ? 1 : 0, opensAnother(b) ? 1 : 0, value[b]!, b.row, b.column)
                return ka < kb
            }
            guard let choice else { break }  // cannot happen: an equation has ≥ 2 entries
            state[choice] = .hidden
        }

        func at(_ r: Int, _ c: Int) -> CellVisibility { state[Position(row: r, column: c)] ?? .shown }
        return Mask(
            cells: table.cells.enumerated().map { r, row in row.indices.map { at(r, $0) } },
            rowTotals: table.rowTotals.map { t in t.indices.map { at($0, columns) } },
            columnTotals: table.columnTotals.map { t in t.indices.map { at(rows, $0) } },
            grandTotal: table.grandTotal.map { _ in at(rows, columns) })
    }

    /// Whether any hidden entry could be recovered by subtraction along one equation
    /// (a row or a column holding exactly one hidden entry): the property `apply`
    /// guarantees is false, exposed so tests and callers can check any mask.
    public static func isRecoverable(_ table: Table, _ mask: Mask) -> Bool {
        let hasRowTotals = table.rowTotals != nil, hasColumnTotals = table.columnTotals != nil
        if hasRowTotals, let rowMask = mask.rowTotals {
            for (r, row) in mask.cells.enumerated() {
                let hidden = row.filter(\.isSuppressed).count + (rowMask[r].isSuppressed ? 1 : 0)
                if hidden == 1 { return true }
            }
            if hasColumnTotals, let colMask = mask.columnTotals, let g = mask.grandTotal {
                if colMask.filter(\.isSuppressed).count + (g.isSuppressed ? 1 : 0) == 1 { return true }
            }
        }
        if hasColumnTotals, let colMask = mask.columnTotals {
            let columns = colMask.count
            for c in 0..<columns {
                let hidden = mask.cells.filter { c < $0.count && $0[c].isSuppressed }.count + (colMask[c].isSuppressed ? 1 : 0)
                if hidden == 1 { return true }
            }
            if hasRowTotals, let rowMask = mask.rowTotals, let g = mask.grandTotal {
                if rowMask.filter(\.isSuppressed).count + (g.isSuppressed ? 1 : 0) == 1 { return true }
            }
        }
        return false
    }
}
