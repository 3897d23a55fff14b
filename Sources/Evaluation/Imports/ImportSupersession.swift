import Store

/// Which stored imports a later import has replaced, wholly or in part, so `imports
/// list` can say that an import's figures are no longer the ones read (docs/storage.md,
/// "Superseded imports"). The rule is the one the readers apply:
///
/// - **Indicator observations**: a row is superseded when a later import (higher id)
///   of the same model gives the same indicator, period and group (`ObservationSet`:
///   the later import wins).
/// - **Case extracts**: a case row is superseded when another extract of the same model
///   holds the same `case_id` with a later extract date, or the same date and a later
///   import (`CaseDataset.loadSnapshots`).
///
/// Readiness answers and measures cannot be superseded: a wave's respondents and a
/// measure's dates are unique, so a second import of them is refused, not layered.
/// Nothing is stored: the answer is computed from the data tables when asked, so an
/// undo brings the earlier import back to "current" at once.
public struct Supersession: Sendable, Equatable {
    public var importID: Int
    /// Rows of this import that are no longer read.
    public var rows: Int
    /// The imports whose rows are read in their place, ascending.
    public var by: [Int]

    public init(importID: Int, rows: Int, by: [Int]) {
        self.importID = importID
        self.rows = rows
        self.by = by
    }

    /// Every import with at least one superseded row, by import id.
    public static func all(in database: Database) throws -> [Int: Supersession] {
        var result: [Int: Supersession] = [:]
        // Each row against the latest import of its cell: one pass over the model's
        // index (model_id, indicator, period), no self-join.
        let observations = try database.query("""
            SELECT import_id, count(*) AS n, group_concat(DISTINCT current) AS by_ids FROM (
                SELECT import_id,
                       max(import_id) OVER (PARTITION BY model_id, indicator, period, group_name) AS current
                FROM indicator_observations)
            WHERE import_id <> current GROUP BY import_id
            """)
        // Cases only for models with more than one extract: a single extract supersedes
        // nothing, and the window would sort every case for no answer.
        let cases = try database.query("""
            SELECT import_id, count(*) AS n, group_concat(DISTINCT current) AS by_ids FROM (
                SELECT c.import_id,
                       first_value(c.import_id) OVER (PARTITION BY ci.model_id, c.case_id
                                                      ORDER BY ci.extract_date DESC, c.import_id DESC) AS current
                FROM cases c JOIN case_imports ci ON ci.import_id = c.import_id
                WHERE ci.model_id IN (SELECT model_id FROM case_imports GROUP BY model_id HAVING count(*) > 1))
            WHERE import_id <> current GROUP BY import_id
            """)
        for row in observations + cases {
            guard let id = row.int("import_id") else { continue }
            let by = (row.string("by_ids") ?? "").split(separator: ",").compactMap { Int($0) }
            var s = result[id] ?? Supersession(importID: id, rows: 0, by: [])
            s.rows += row.int("n") ?? 0
            s.by = Array(Set(s.by + by)).sorted()
            result[id] = s
        }
        return result
    }
}
