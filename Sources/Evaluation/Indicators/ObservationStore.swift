import Periods
import Store

/// The tables `indicator_observations` and `indicator_observation_warnings` (migration
/// "indicator observations" in Schema.swift; docs/indicators.md).
public struct ObservationStore {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    /// Writes the rows and warnings of one import. Call inside the import's transaction.
    func insert(_ rows: [Observation], warnings: [ObservationWarning], importID: Int,
                modelID: String, modelVersion: Int) throws {
        let insert = try database.prepare("""
            INSERT INTO indicator_observations
              (import_id, model_id, model_version, indicator, period, group_name, value, numerator,
               denominator, note, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Notes and group names are the file's own text: an identity number in them is
        // masked before it is stored (docs/privacy.md).
        let mask = IdentityNumberScanner.masking
        for r in rows {
            try insert.run(importID, modelID, modelVersion, r.indicator, r.period.text, mask(r.group),
                           r.value, r.numerator, r.denominator, r.note.map(mask), r.line)
        }
        let warn = try database.prepare("""
            INSERT INTO indicator_observation_warnings
              (import_id, model_id, indicator, period, kind, message, source_lines)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for w in warnings {
            try warn.run(importID, modelID, w.indicator, w.period.text, w.kind.rawValue, mask(w.message),
                         w.lines.map(String.init).joined(separator: ","))
        }
    }

    /// Every stored row of a model, oldest import first (so a later import's row for the
    /// same indicator, period and group comes after the one it supersedes).
    public func observations(modelID: String) throws -> [Observation] {
        try database.query("""
            SELECT import_id, model_version, indicator, period, group_name, value, numerator,
                   denominator, note, source_line
            FROM indicator_observations WHERE model_id = ? ORDER BY import_id, source_line
            """, modelID).compactMap { row in
            guard let period = Period(parsing: row.string("period") ?? "") else { return nil }
            return Observation(indicator: row.string("indicator") ?? "", period: period,
                               group: row.string("group_name") ?? Observation.total,
                               value: row.double("value"), numerator: row.double("numerator"),
                               denominator: row.double("denominator"), note: row.string("note"),
                               line: row.int("source_line") ?? 0, importID: row.int("import_id"),
                               modelVersion: row.int("model_version"))
        }
    }

    /// Every stored warning of a model, oldest import first, with the import it belongs to.
    public func warnings(modelID: String) throws -> [(importID: Int, warning: ObservationWarning)] {
        try database.query("""
            SELECT import_id, indicator, period, kind, message, source_lines
            FROM indicator_observation_warnings WHERE model_id = ? ORDER BY import_id, id
            """, modelID).compactMap { row in
            guard let period = Period(parsing: row.string("period") ?? ""),
                  let kind = ObservationWarning.Kind(rawValue: row.string("kind") ?? "") else { return nil }
            let lines = (row.string("source_lines") ?? "").split(separator: ",").compactMap { Int($0) }
            return (row.int("import_id") ?? 0,
                    ObservationWarning(kind: kind, indicator: row.string("indicator") ?? "", period: period,
                                       message: row.string("message") ?? "", lines: lines))
        }
    }
}
