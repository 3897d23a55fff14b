import ArgumentParser
import Evaluation
import LogicModel
import Presentation
import Store

extension Counts: ExpressibleByArgument {}

struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Measures over time for run charts: import from CSV, name, list.",
        discussion: """
        A measure is one value per date (week, month, …), or a numerator and
        a denominator. The file needs a date column (date, period, week or
        month; or --date COL) and a value column (value or numerator; or
        --value COL). Import is one transaction; the same file is never
        imported twice, nor a date the measure already has. A measure that
        counts events, not persons (consultations, meetings) says --counts
        events: reports never suppress its small values. --title names the
        measure for people (reports, pages, listings), with the letters an id
        leaves out; without one a measure keeps the title an earlier import
        gave, and one that never had a title is named by its id spelt out.
        `measures title` names a stored measure without importing.
        `measures baseline` sets the points the centre line and limits come
        from (the months before the improvement work, say); reports, pages
        and `runchart --measure` then judge later points against them.

          piloteval measures import tidsplan.csv \\
              --measure tidsplanerade-utredningar \\
              --title "Tidsplanerade utredningar" \\
              --value planerade --denominator inledda
          piloteval measures import konsultationer.csv \\
              --measure forskolekonsultationer --counts events \\
              --title "Konsultation till förskolor" --model vallingbyteamet
          piloteval measures title forskolekonsultationer "Konsultation till förskolor"
          piloteval measures baseline tidsplanerade-utredningar --through 2021-03
          piloteval measures list
          piloteval runchart --measure tidsplanerade-utredningar --chart p
        """,
        subcommands: [MeasuresImport.self, MeasuresTitle.self, MeasuresBaseline.self, MeasuresList.self]
    )
}

struct MeasuresImport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import one measure from a CSV file.")

    @Argument(help: "A CSV or .xlsx file.") var file: String
    @Option(help: ArgumentHelp("The sheet of an .xlsx file (default: the first).", valueName: "name")) var sheet: String?
    @Option(help: "The measure's id (lowercase letters, digits, -).") var measure: String
    @Option(help: "The value (or numerator) column; default value or numerator.") var value: String?
    @Option(help: "The denominator column; default denominator if present.") var denominator: String?
    @Option(help: "The date column; default date, period, week or month.") var date: String?
    @Option(help: ArgumentHelp("What the values count: persons, or events (consultations, meetings: never suppressed in reports). Default: what the stored measure counts, else persons.",
                               valueName: "persons|events")) var counts: Counts?
    @Option(help: ArgumentHelp("The measure's name for people, as reports and pages show it (one line, at most \(MeasureTable.longestTitle) characters). Default: the title an earlier import gave, else the id spelt out.",
                               valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("The pilot (model id) the measure is imported under: on a shared server it is that pilot's, and a measure nothing claims is shown to no pilot.",
                               valueName: "id")) var model: String?
    @Option(help: "table, or json: the import's record as `imports list --format json` shows it.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            do {
                // The pilot by id (a stored model), so that what the measure belongs to is one name.
                let db: Database, pilot: String?
                if let model {
                    let (opened, versioned) = try resolveModel(model, in: database)
                    (db, pilot) = (opened, versioned.model.id)
                } else {
                    (db, pilot) = (try openDatabase(database), nil)
                }
                let outcome = try db.transaction {
                    let outcome = try MeasureImporter(db)
                        .importFile(path: file, measure: measure, value: value, denominator: denominator, date: date, sheet: sheet,
                                    counts: counts, title: title)
                    if let pilot { try ImportLog(db).setPilot(pilot, of: outcome.record.id) }
                    return outcome
                }
                CLIChanges.record(db, action: "import", pilot: pilot, subject: "import \(outcome.record.id)",
                                  detail: "measures: \(outcome.record.fileName), \(outcome.measure)")
                outcome.notes.forEach { Console.error("warning: " + $0) }
                let line = "imported \(outcome.record.rowCount) values of \(outcome.measure) (\(outcome.first) … \(outcome.last)) as import \(outcome.record.id)"
                    + (outcome.counts == .events ? "; it counts events (never suppressed)" : "")
                    + (outcome.title.map { "; titled \"\($0)\"" } ?? "")
                if format == .json {
                    Console.error(line)   // stdout is the machine's
                    print(try ResultOutput.json(ImportListing(outcome.record)), terminator: "")
                } else {
                    print(line)
                }
            } catch let e as AnalysisInputError {
                throw Failure(e.message)
            }
        }
    }
}

struct MeasuresTitle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "title", abstract: "Name a stored measure for people, without importing.",
        discussion: """
        The title is kept with the measure's newest import, so undoing that import
        takes it back (the title of an earlier import, if any, is the measure's again).
        """)

    @Argument(help: "The measure's id.") var measure: String
    @Argument(help: ArgumentHelp("The title, one line (\"Konsultation till förskolor\").", valueName: "title")) var title: String
    @Option(help: "table, or json: the measure as `measures list --format json` shows it.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let db = try openDatabase(database)
            do {
                let table = MeasureTable(db)
                let importID = try db.transaction { try table.setTitle(title, of: measure) }
                let stored = try table.title(of: measure) ?? title
                CLIChanges.record(db, action: "title", pilot: nil, subject: "measure \(measure)", detail: "title: \(stored)")
                let line = "measure \(measure) is titled \"\(stored)\" (kept with import \(importID))"
                if format == .json, let listed = try table.list().first(where: { $0.measure == measure }) {
                    Console.error(line)   // stdout is the machine's
                    print(try ResultOutput.json(MeasureListing(listed)), terminator: "")
                } else {
                    print(line)
                }
            } catch let e as MeasureTableError {
                throw Failure(e.description)
            }
        }
    }
}

struct MeasuresBaseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline", abstract: "Set the points a measure's centre line and limits come from.",
        discussion: """
        An improvement team reads a measure against its baseline: the points before the
        change was tried. The centre line and limits then come from the points up to and
        including --through (a point as the file wrote it, 2021-03 or 2021-v12, or its
        date), and later points are judged against them — in reports, on the pilot's
        pages and in `runchart --measure`. --none reads the measure from every point
        again. Without an option, says what is set. The baseline is kept with the
        measure's newest import, so undoing that import takes it back.
        """)

    @Argument(help: "The measure's id.") var measure: String
    @Option(help: ArgumentHelp("The baseline's last point, as the file wrote it (2021-03) or its date.", valueName: "point"))
    var through: String?
    @Flag(help: "No baseline: the centre line and limits come from every point.") var none = false
    @Option(help: "table, or json: the measure as `measures list --format json` shows it.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    /// The line on stdout, or (json) on stderr with the measure's listing on stdout.
    func emit(_ line: String, _ table: MeasureTable) throws {
        if format == .json, let listed = try table.list().first(where: { $0.measure == measure }) {
            Console.error(line)   // stdout is the machine's
            print(try ResultOutput.json(MeasureListing(listed)), terminator: "")
        } else {
            print(line)
        }
    }

    func validate() throws {
        if through != nil && none { throw ValidationError("give --through POINT or --none, not both") }
    }

    func run() throws {
        try reportingFailures {
            do {
                let db = try openDatabase(database, readOnly: through == nil && !none)
                let table = MeasureTable(db)
                guard through != nil || none else {
                    // The series says, for a measure nothing is stored of, which ones are.
                    let series = try MeasureImporter(db).series(measure)
                    if let b = StoredMeasureReading.baseline(through: try table.baseline(of: measure), in: series) {
                        try emit("measure \(measure): baseline \(b.first) … \(b.last) (\(b.points) of \(series.points.count) points)", table)
                    } else {
                        try emit("measure \(measure): no baseline; the centre line and limits come from all \(series.points.count) points", table)
                    }
                    return
                }
                let (importID, last) = try db.transaction { try table.setBaseline(through: none ? nil : through, of: measure) }
                let detail = last.map { "baseline through \($0.label)" } ?? "no baseline"
                CLIChanges.record(db, action: "baseline", pilot: nil, subject: "measure \(measure)", detail: detail)
                try emit("measure \(measure): \(detail) (kept with import \(importID))", table)
            } catch let e as MeasureTableError {
                throw Failure(e.description)
            } catch let e as AnalysisInputError {
                throw Failure(e.message)
            }
        }
    }
}

struct MeasuresList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Stored measures.")
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingFailures {
            let measures = try MeasureTable(try openDatabase(database, readOnly: true)).list()
            if format == .json {
                print(try ResultOutput.json(measures.map(MeasureListing.init)), terminator: "")
                return
            }
            if measures.isEmpty {
                Console.error("no measures in \(database.path); import one with `piloteval measures import FILE --measure ID`")
                return
            }
            print(PlainTextWriter().render(MeasureList(measures: measures).blocks(style: .terminal)), terminator: "")
        }
    }
}

/// The JSON of one stored measure (`measures list --format json`).
private struct MeasureListing: Encodable {
    let measure: String, title: String?, points: Int, first: String, last: String, kind: String, counts: String, imports: [Int]
    /// The ISO date of the baseline's last point; null when none is set.
    let baselineThrough: String?

    init(_ m: MeasureSummary) {
        measure = m.measure; title = m.title; points = m.points; first = m.first; last = m.last
        kind = m.hasDenominator ? "numerator_denominator" : "value"
        counts = m.countsEvents ? "events" : "persons"
        imports = m.imports
        baselineThrough = m.baselineThrough
    }

    enum CodingKeys: String, CodingKey {
        case measure, title, points, first, last, kind, counts, imports
        case baselineThrough = "baseline_through"
    }

    /// `title` and `baseline_through` are always there: null when not set.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(measure, forKey: .measure)
        try c.encode(title, forKey: .title)
        try c.encode(points, forKey: .points)
        try c.encode(first, forKey: .first)
        try c.encode(last, forKey: .last)
        try c.encode(kind, forKey: .kind)
        try c.encode(counts, forKey: .counts)
        try c.encode(imports, forKey: .imports)
        try c.encode(baselineThrough, forKey: .baselineThrough)
    }
}
