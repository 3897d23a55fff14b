import Foundation

/// One stored value of a measure over time (table `measure_values`, schema step
/// "measures"): a plain value, or a numerator and denominator.
public struct MeasureValue: Sendable, Hashable {
    public var measure: String
    /// ISO date of the point (the first day of a month or week period).
    public var date: String
    /// The date or period as written in the file.
    public var label: String
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var note: String?
    /// The CSV line the value came from.
    public var line: Int?

    public init(measure: String, date: String, label: String, value: Double? = nil, numerator: Double? = nil,
                denominator: Double? = nil, note: String? = nil, line: Int? = nil) {
        self.measure = measure
        self.date = date
        self.label = label
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.note = note
        self.line = line
    }
}

/// A measure and what is stored of it, for `piloteval measures list`.
public struct MeasureSummary: Sendable, Hashable {
    public var measure: String
    public var points: Int
    public var first: String
    public var last: String
    public var hasDenominator: Bool
    public var imports: [Int]
    /// True when the measure counts events, not persons (table `measure_counts`):
    /// reports never suppress its values.
    public var countsEvents: Bool = false
    /// The measure's name for people ("Konsultation till förskolor"; table
    /// `measure_titles`, the newest import's), nil when no import gave one.
    public var title: String? = nil
    /// The ISO date of the last point of the measure's baseline (table
    /// `measure_baselines`, the newest import's; `MeasureTable.setBaseline`), nil when
    /// the team set none: the centre line and limits then come from every point.
    public var baselineThrough: String? = nil
}

/// Reads and writes `measure_values`. Writing happens inside an `ImportLog.record`
/// transaction, so each row carries its import and `imports undo` takes it back.
public struct MeasureTable {
    public let database: Database

    public init(_ database: Database) { self.database = database }

    /// Inserts `values` for import `importID`, what the import says its measure
    /// counts (`countsEvents`: events, else persons; table `measure_counts`), and the
    /// measure's title when the import gives one (table `measure_titles`; checked by
    /// `checkedTitle`). A (measure, date) already stored by an earlier import throws
    /// `MeasureTableError.duplicate` naming that import; the caller's transaction then
    /// rolls everything back.
    public func insert(_ values: [MeasureValue], importID: Int, fileName: String, countsEvents: Bool = false,
                       title: String? = nil) throws {
        let title = try title.map(Self.checkedTitle)
        let existing = try database.prepare("""
            SELECT v.import_id, v.line, i.file_name FROM measure_values v JOIN imports i ON i.id = v.import_id
            WHERE v.measure = ? AND v.date = ?
            """)
        let insert = try database.prepare("""
            INSERT INTO measure_values (import_id, measure, date, label, value, numerator, denominator, note, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for v in values {
            existing.reset()
            try existing.bind([v.measure, v.date])
            if try existing.step() {
                throw MeasureTableError.duplicate(
                    file: fileName, line: v.line ?? 0, measure: v.measure, label: v.label,
                    earlierImport: existing.int(at: 0) ?? 0, earlierFile: existing.string(at: 2) ?? "")
            }
            // Labels and comments are the file's own text: an identity number in them is
            // masked before it is stored (docs/privacy.md).
            try insert.run(importID, v.measure, v.date, IdentityNumberScanner.masking(v.label), v.value, v.numerator,
                           v.denominator, v.note.map(IdentityNumberScanner.masking), v.line)
        }
        for measure in Set(values.map(\.measure)).sorted() {
            try database.execute("INSERT INTO measure_counts (import_id, measure, counts) VALUES (?, ?, ?)",
                                 importID, measure, countsEvents ? "events" : "persons")
            if let title {
                try database.execute("INSERT INTO measure_titles (import_id, measure, title) VALUES (?, ?, ?)",
                                     importID, measure, title)
            }
        }
    }

    /// Names a stored measure for people without importing anything: the title is kept
    /// with the newest import of the measure (replacing what that import said), so that
    /// undoing that import takes it back as it takes the values. Returns that import's
    /// id; throws `MeasureTableError.unknownMeasure` when nothing of the measure is stored.
    @discardableResult
    public func setTitle(_ title: String, of measure: String) throws -> Int {
        let title = try Self.checkedTitle(title)
        guard let newest = try database.scalar("SELECT max(import_id) FROM measure_values WHERE measure = ?", measure).int else {
            throw MeasureTableError.unknownMeasure(measure: measure, stored: try list().map(\.measure))
        }
        try database.execute("INSERT OR REPLACE INTO measure_titles (import_id, measure, title) VALUES (?, ?, ?)",
                             newest, measure, title)
        return newest
    }

    /// The measure's title: the newest import's that gave one; nil when none did.
    public func title(of measure: String) throws -> String? {
        try database.queryFirst("""
            SELECT title FROM measure_titles WHERE measure = ? ORDER BY import_id DESC LIMIT 1
            """, measure)?.string("title")
    }

    /// Sets the baseline a measure is read against: its centre line and limits come from
    /// the points up to and including `through` (a stored point's label as the file wrote
    /// it, "2021-03", or its ISO date), or from every point again when `through` is nil.
    /// Kept with the measure's newest import, as a title is, so undoing that import takes
    /// it back. Returns that import's id and the baseline's last point, label and date.
    /// Throws `MeasureTableError.badBaseline` when no stored point is `through`, or when
    /// the baseline would hold fewer than 2 points or leave none after it to judge.
    @discardableResult
    public func setBaseline(through: String?, of measure: String) throws -> (importID: Int, last: MeasureValue?) {
        let values = try values(of: measure)
        guard let newest = try database.scalar("SELECT max(import_id) FROM measure_values WHERE measure = ?", measure).int else {
            throw MeasureTableError.unknownMeasure(measure: measure, stored: try list().map(\.measure))
        }
        var last: MeasureValue?
        if let through {
            let wanted = through.trimmingCharacters(in: .whitespaces)
            guard let i = values.firstIndex(where: { $0.label == wanted || $0.date == wanted }) else {
                throw MeasureTableError.badBaseline(measure: measure, through: through,
                    reason: "no stored point is \(IdentityNumberScanner.masking(wanted)); its points run \(values.first!.label) … \(values.last!.label)")
            }
            if i < 1 {
                throw MeasureTableError.badBaseline(measure: measure, through: through,
                    reason: "a baseline needs at least 2 points to give a centre line and limits")
            }
            if i == values.count - 1 {
                throw MeasureTableError.badBaseline(measure: measure, through: through,
                    reason: "it is the last point, so no later point would be judged against it")
            }
            last = values[i]
        }
        try database.execute("INSERT OR REPLACE INTO measure_baselines (import_id, measure, through) VALUES (?, ?, ?)",
                             newest, measure, last?.date)
        return (newest, last)
    }

    /// The ISO date of the last point of the measure's baseline; nil when none is set.
    public func baseline(of measure: String) throws -> String? {
        try database.queryFirst("""
            SELECT through FROM measure_baselines WHERE measure = ? ORDER BY import_id DESC LIMIT 1
            """, measure)?.string("through")
    }

    /// The longest title a measure may have: a heading, a chart's title and a table's
    /// row header, not a description.
    public static let longestTitle = 120

    /// A title as stored: trimmed, on one line, at most `longestTitle` characters, and
    /// with an identity number in it masked, like every free text the files bring
    /// (docs/privacy.md). Throws `MeasureTableError.badTitle` saying what is wrong.
    public static func checkedTitle(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw MeasureTableError.badTitle(title: text, reason: "it is empty") }
        if trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            throw MeasureTableError.badTitle(title: text, reason: "it holds a line break or another control character; a title is one line")
        }
        if trimmed.count > longestTitle {
            throw MeasureTableError.badTitle(title: text, reason: "it has \(trimmed.count) characters, more than \(longestTitle); a title names the measure, a description belongs in the logic model")
        }
        return IdentityNumberScanner.masking(trimmed)
    }

    /// What the stored values of `measure` count, and the earliest import that stored
    /// them; nil when nothing of it is stored. Values imported before `measure_counts`
    /// existed count persons.
    public func storedCounts(of measure: String) throws -> (countsEvents: Bool, importID: Int)? {
        try database.queryFirst("""
            SELECT c.counts AS counts, v.import_id AS import_id
            FROM measure_values v LEFT JOIN measure_counts c ON c.import_id = v.import_id AND c.measure = v.measure
            WHERE v.measure = ? ORDER BY v.import_id LIMIT 1
            """, measure).map { row in (row.string("counts") == "events", row.int("import_id") ?? 0) }
    }

    /// A measure's values in date order.
    public func values(of measure: String) throws -> [MeasureValue] {
        try database.query("""
            SELECT measure, date, label, value, numerator, denominator, note, line
            FROM measure_values WHERE measure = ? ORDER BY date
            """, measure).map { row in
            MeasureValue(measure: row.string("measure") ?? "", date: row.string("date") ?? "",
                         label: row.string("label") ?? "", value: row.double("value"),
                         numerator: row.double("numerator"), denominator: row.double("denominator"),
                         note: row.string("note"), line: row.int("line"))
        }
    }

    public func list() throws -> [MeasureSummary] {
        try database.query("""
            SELECT v.measure AS measure, count(*) AS n, min(v.date) AS first, max(v.date) AS last,
                   max(v.denominator IS NOT NULL) AS has_den, group_concat(DISTINCT v.import_id) AS imports,
                   max(c.counts = 'events') AS events,
                   (SELECT t.title FROM measure_titles t WHERE t.measure = v.measure
                    ORDER BY t.import_id DESC LIMIT 1) AS title,
                   (SELECT b.through FROM measure_baselines b WHERE b.measure = v.measure
                    ORDER BY b.import_id DESC LIMIT 1) AS baseline
            FROM measure_values v LEFT JOIN measure_counts c ON c.import_id = v.import_id AND c.measure = v.measure
            GROUP BY v.measure ORDER BY v.measure
            """).map { row in
            MeasureSummary(measure: row.string("measure") ?? "", points: row.int("n") ?? 0,
                           first: row.string("first") ?? "", last: row.string("last") ?? "",
                           hasDenominator: (row.int("has_den") ?? 0) != 0,
                           imports: (row.string("imports") ?? "").split(separator: ",").compactMap { Int($0) }.sorted(),
                           countsEvents: (row.int("events") ?? 0) != 0, title: row.string("title"),
                           baselineThrough: row.string("baseline"))
        }
    }
}

public enum MeasureTableError: Error, CustomStringConvertible, Sendable, Equatable {
    case duplicate(file: String, line: Int, measure: String, label: String, earlierImport: Int, earlierFile: String)
    case badTitle(title: String, reason: String)
    case unknownMeasure(measure: String, stored: [String])
    case badBaseline(measure: String, through: String, reason: String)

    public var description: String {
        switch self {
        case let .duplicate(file, line, measure, label, earlier, earlierFile):
            return "\(file):\(line): measure \(measure) already has a value for \(label), from import \(earlier) (\(earlierFile)); nothing was imported. Remove the row, or undo the earlier import first: piloteval imports undo \(earlier)"
        case let .badTitle(title, reason):
            return "measure title \"\(title)\" cannot be used: \(reason)"
        case let .badBaseline(measure, through, reason):
            // What the person typed is echoed masked, as every message masks an identity number.
            return "baseline of \(measure) through \"\(IdentityNumberScanner.masking(through))\" cannot be used: \(reason); nothing was changed"
        case let .unknownMeasure(measure, stored):
            return "no stored measure \"\(measure)\"" + (stored.isEmpty
                ? "; import one with `piloteval measures import FILE --measure \(measure)`"
                : "; stored measures: \(stored.joined(separator: ", "))")
        }
    }
}
