/// The design matrix shared by OLS and logistic regression: rows with a missing or
/// non-finite value anywhere are dropped (listwise, as statsmodels' `missing='drop'`),
/// an intercept column is prepended when asked, and column scales are kept for the
/// equilibrated QR.
struct RegressionDesign {
    let names: [String]
    /// Column-major design: `columns[j][i]`.
    let columns: [[Double]]
    let y: [Double]
    /// Kept rows' positions in the caller's input.
    let keptRows: [Int]
    let droppedRows: Int
    /// Whether a column is constant and non-zero (statsmodels' `k_constant` check).
    let hasConstant: Bool
    /// Power-of-two column scales near the Euclidean norms (1 for an all-zero column).
    let scales: [Double]

    static let interceptName = "(intercept)"

    init(y rawY: [Double], predictors: [[Double]], names rawNames: [String], intercept: Bool) throws {
        guard predictors.count == rawNames.count else {
            throw StatisticsError("\(predictors.count) predictor columns but \(rawNames.count) names")
        }
        for (j, column) in predictors.enumerated() where column.count != rawY.count {
            throw StatisticsError("predictor '\(rawNames[j])' has \(column.count) values but the outcome has \(rawY.count)")
        }
        var kept: [Int] = []
        for i in 0..<rawY.count where rawY[i].isFinite && predictors.allSatisfy({ $0[i].isFinite }) {
            kept.append(i)
        }
        var cols = predictors.map { column in kept.map { column[$0] } }
        var allNames = rawNames
        if intercept {
            cols.insert([Double](repeating: 1, count: kept.count), at: 0)
            allNames.insert(Self.interceptName, at: 0)
        }
        names = allNames
        columns = cols
        y = kept.map { rawY[$0] }
        keptRows = kept
        droppedRows = rawY.count - kept.count
        hasConstant = cols.contains { c in
            guard let first = c.first, first != 0 else { return false }
            return c.allSatisfy { $0 == first }
        }
        // Column scales are powers of two near each column's Euclidean norm, so that
        // scaling is exact: any rounding here would perturb the problem itself, and the
        // smallest coefficients of a polynomial fit (NIST Wampler) are sensitive to that.
        scales = cols.map { c in
            // Two-pass scaled norm, safe from overflow for huge columns (Filip's x¹⁰).
            let m = c.map(abs).max() ?? 0
            guard m > 0 else { return 1 }
            var s = 0.0
            for v in c { let t = v / m; s += t * t }
            let norm = m * s.squareRoot()
            return Double(sign: .plus, exponent: norm.exponent, significand: 1)
        }
    }

    var n: Int { y.count }
    var k: Int { columns.count }

    var scaledColumns: [[Double]] {
        zip(columns, scales).map { c, s in c.map { $0 / s } }
    }

    /// Notes on dropped rows, for the result.
    var dropNotes: [String] {
        droppedRows == 0 ? [] : ["\(droppedRows) row(s) with a missing or non-finite value were left out (listwise)"]
    }
}
