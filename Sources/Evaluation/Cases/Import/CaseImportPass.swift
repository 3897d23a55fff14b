import Foundation
import Periods
import Store

/// One pass over the rows of an extract inside the import's transaction: checks and
/// converts each row into a batch of insert parameters, and keeps the counts the
/// identity rule and the summary need. `CaseImportPipeline` runs `store` on a thread of
/// its own while the import's thread inserts the previous batch; `finish` then runs on
/// the import's thread. Holds one row, and the pipeline a few bounded batches.
struct CaseImportPass {
    let reader: CSVReader
    var plan: CaseColumnPlan
    let request: CaseImportRequest
    let pilot: String
    let reference: CalendarDate

    /// Whole-file counts per column for the identity rule.
    private var tallies: [IdentityTally]
    /// The columns the identity rule looks at, and per-column flags: looked up for
    /// every cell, so arrays rather than sets.
    private let checked: [Int]
    /// Column of each role by `CaseColumnRole.position`, -1 when absent.
    private let roleColumn: [Int]
    private let pilotLowercased: String
    private let personIdentity: Int?
    private let isIdentity: [Bool]
    private let isNotIdentity: [Bool]
    /// Per-row scratch, reused so a row allocates no arrays of its own.
    private var cells: [IdentityCell]

    private var latest: CalendarDate?
    private var rows = 0, pilotRows = 0
    /// The first 50 cohort names in order of appearance, and their counts.
    private var cohortNames: [String] = []
    private var cohortBytes: [[UInt8]] = []   // the same names as UTF-8, compared per row
    private var cohortTallies: [(count: Int, isPilot: Bool)] = []
    private var pseudonymised = 0
    private var outcomeStored: [Bool]
    private var outcomePrefixes: [Int: String] = [:]
    private var textPrefixes: [Int: String] = [:]

    init(reader: CSVReader, plan: CaseColumnPlan, request: CaseImportRequest, pilot: String,
         reference: CalendarDate) {
        self.reader = reader
        self.plan = plan
        self.request = request
        self.pilot = pilot.trimmingCharacters(in: .whitespaces)
        self.reference = reference
        let n = plan.header.count
        tallies = Array(repeating: IdentityTally(), count: n)
        cells = Array(repeating: IdentityCell(), count: n)
        outcomeStored = Array(repeating: false, count: n)
        checked = plan.checked
        roleColumn = CaseColumnRole.allCases.map { plan.roles[$0] ?? -1 }
        personIdentity = plan.personIdentity
        pilotLowercased = pilot.trimmingCharacters(in: .whitespaces).lowercased()
        isIdentity = (0..<n).map { plan.identity.contains($0) }
        isNotIdentity = (0..<n).map { plan.notIdentity.contains($0) }
        for i in plan.outcomes { outcomePrefixes[i] = JSONText.quoted(plan.header[i]) + ":" }
        for i in plan.text { textPrefixes[i] = JSONText.quoted(plan.header[i]) + ":" }
    }

    /// The `cases` columns in the order `store` appends a row's values.
    static let insertColumns = [
        "import_id", "case_id", "person_key", "cohort", "unit", "area", "gender", "birth_year", "age",
        "referral_date", "referral_reason", "assessment_decision_date", "investigation_start", "investigation_end",
        "intervention_start", "intervention_end", "caseworker_count", "re_referral_date", "outcomes", "texts",
    ]

    /// Converts and stores every row (on two threads, `CaseImportPipeline`), checks the
    /// identity rule on the whole file, and writes the import's summary row.
    mutating func run(importID: Int, database: Database, progress: ((Int, Int) -> Void)?) throws -> CaseImportSummary {
        try CaseImportPipeline.run(&self, importID: importID, database: database, progress: progress)
        try verifyIdentityColumns()
        return try finish(importID: importID, database: database)
    }

    // MARK: One row

    /// Checks and converts one row and appends its values (in `insertColumns`' order) to
    /// `out`; a bad value throws with file, line and column. Reads the fields as bytes in
    /// place and copies them into `out` with no `String` in between: this runs for every
    /// row of extracts of millions (docs/benchmarks.md).
    mutating func store(_ f: CSVFields, importID: Int, into out: BulkRows) throws {
        let line = f.line
        // Identity numbers first: nothing below may see a raw number that is not
        // going to be replaced by its pseudonym. Through buffer pointers: element writes
        // to the arrays would each ask the runtime whether the storage is unique.
        tallies.withUnsafeMutableBufferPointer { tallies in
            cells.withUnsafeMutableBufferPointer { cells in
                for i in checked {
                    cells[i] = IdentityCell()
                    let field = f[i]
                    if isBlank(field) { continue }
                    tallies[i].nonBlank += 1
                    // Ten digits or more, or no number can hide in the cell: decided once per
                    // cell here and read again below instead of scanning the bytes twice.
                    let mayHold = IdentityNumber.mightBe(utf8: field)
                    cells[i].mayHoldNumber = mayHold
                    let number = mayHold ? IdentityNumber(utf8: field, reference: reference) : nil
                    if let number {
                        tallies[i].valid += 1
                        if tallies[i].firstValidLine == nil { tallies[i].firstValidLine = line }
                        if isIdentity[i] {
                            cells[i].birthDate = number.birthDate
                            cells[i].legalSex = number.legalSex
                            let start = out.beginText()
                            out.appendBytes(count: PseudonymKey.pseudonymLength) { request.key!.writePseudonym(of: number, to: $0) }
                            cells[i].pseudonym = out.closeText(from: start)
                            pseudonymised += 1
                        } else if !isNotIdentity[i] {
                            cells[i].suppressed = true   // the end of the pass refuses or redoes the import
                        }
                    } else if isIdentity[i] {
                        if tallies[i].firstInvalidLine == nil { tallies[i].firstInvalidLine = line }
                        cells[i].suppressed = true       // possibly a mistyped number: never stored
                    }
                }
            }
        }
        func fail(_ index: Int, _ message: String) -> CSVError {
            CSVError(kind: .invalidValue, file: reader.name, line: line, column: headerColumn(f.strings, index),
                     message: "\(plan.header[index]): \(message)")
        }
        /// The cell as a message quotes it: numbers masked, control characters escaped.
        func shown(_ i: Int) -> String { IdentityNumberScanner.quoted(f.string(i)) }
        func column(_ role: CaseColumnRole) -> Int? {
            let i = roleColumn[role.position]
            return i < 0 ? nil : i
        }
        /// A text cell with a number inside (docs/privacy.md): in an identifier (case or
        /// person id) each number becomes its pseudonym, so ids stay distinct and link
        /// across extracts, which needs the key; in any other text it is masked.
        func embedded(_ i: Int, role: CaseColumnRole?) throws -> String {
            let value = f.string(i).trimmingCharacters(in: .whitespaces)
            tallies[i].embedded += 1
            if tallies[i].firstEmbeddedLine == nil { tallies[i].firstEmbeddedLine = line }
            guard role == .caseID || role == .personID else { return IdentityNumberScanner.masking(value) }
            guard let key = request.key else {
                throw fail(i, "this \(role!.rawValue) holds a personnummer or samordningsnummer inside other text (not shown), which piloteval never stores. Import with a key file (--key-file, docs/cases.md) to replace such numbers by pseudonyms, or export the extract without them. Nothing was imported")
            }
            return key.pseudonymising(value, reference: reference)
        }
        func text(_ role: CaseColumnRole) throws -> CellText? {
            guard let i = column(role) else { return nil }
            if isIdentity[i] { return cells[i].pseudonym.map(CellText.stored) }
            if cells[i].suppressed || isBlank(f[i]) { return nil }
            if !isNotIdentity[i], cells[i].mayHoldNumber, IdentityNumberScanner.containsNumber(f[i]) {
                // A number inside other text (`BU-120514-4825`): never stored as written,
                // unless the mapping says the column's values only look like numbers.
                return .string(try embedded(i, role: role))
            }
            return CellText(trimming: f[i])
        }
        func date(_ role: CaseColumnRole) throws -> CalendarDate? {
            guard let i = column(role), !cells[i].suppressed else { return nil }
            switch fastDate(f[i]) ?? CalendarDate.parse(f.string(i)) {
            case .empty: return nil
            case .invalid(let reason):
                throw fail(i, IdentityNumberScanner.containsNumber(f[i]) ? "\(shown(i)) is not a date (write YYYY-MM-DD or YYYYMMDD)" : reason)
            case .value(let d):
                // An implausible date fails its row rather than becoming the extract date
                // that censors every open case.
                if d.year < 1900 {
                    throw fail(i, "\(d.iso) is before 1900; check the date")
                }
                if let limit = request.extractDate, d > limit {
                    throw fail(i, "\(d.iso) is after the extract date \(limit.iso); an extract cannot know the future. Check the date or give a later --extract-date")
                }
                if request.extractDate == nil, d > request.today {
                    throw fail(i, "\(d.iso) is after today (\(request.today.iso)); an extract cannot know the future. Check the date, or give --extract-date if this computer's clock is wrong")
                }
                if latest.map({ d > $0 }) ?? true { latest = d }
                return d
            }
        }
        func number(_ role: CaseColumnRole, _ range: ClosedRange<Double>, whole: Bool, what: String) throws -> Double? {
            guard let i = column(role), !cells[i].suppressed else { return nil }
            switch SwedishNumber.parse(utf8: f[i]) {
            case .empty: return nil
            case .invalid: throw fail(i, "\(shown(i)) is not \(what)")
            case .value(let v):
                guard range.contains(v), !whole || v == v.rounded() else { throw fail(i, "\(shown(i)) is not \(what)") }
                return v
            }
        }
        /// The date as ISO text for storage: the field itself when it is already
        /// `YYYY-MM-DD` (most exports), saving a string build per date.
        func iso(_ role: CaseColumnRole, _ d: CalendarDate?) -> CellText? {
            guard let d else { return nil }
            if let i = column(role), isCanonicalISODate(f[i]) { return .bytes(f[i]) }
            return .string(d.iso)
        }
        func order(_ earlier: CalendarDate?, _ later: CalendarDate?, _ role: CaseColumnRole, _ what: String) throws {
            if let earlier, let later, later < earlier, let i = column(role) {
                throw fail(i, "\(later.iso) is before \(what) (\(earlier.iso))")
            }
        }

        guard let caseID = try text(.caseID) else {
            throw fail(plan.roles[.caseID]!, "every case needs a case_id; this one is blank")
        }
        guard let cohort = try text(.cohort) else {
            throw fail(plan.roles[.cohort]!, "every case needs a cohort (the pilot's name, \"\(pilot)\", or any other for the line); this one is blank")
        }
        var gender: CaseRecord.Gender?
        if let i = column(.gender), !cells[i].suppressed {
            switch GenderForm.parse(utf8: f[i], extra: request.mapping?.genderValues ?? [:]) {
            case .empty: break
            case .value(let g): gender = g
            case .invalid(let reason): throw fail(i, reason)
            }
        }
        var birthYear = try number(.birthYear, 1800...9999, whole: true, what: "a year of birth (four digits)").map { Int($0) }
        var age = try number(.age, 0...130, whole: true, what: "an age in whole years (0–130)").map { Int($0) }
        let referral = try date(.referralDate)
        let decision = try date(.assessmentDecisionDate)
        let investigationStart = try date(.investigationStart)
        let investigationEnd = try date(.investigationEnd)
        let interventionStart = try date(.interventionStart)
        let interventionEnd = try date(.interventionEnd)
        let reReferral = try date(.reReferralDate)
        let caseworkers = try number(.caseworkerCount, 0...10_000, whole: false, what: "a number of caseworkers")
        try order(referral, decision, .assessmentDecisionDate, "the referral")
        try order(investigationStart, investigationEnd, .investigationEnd, "the investigation's start")
        try order(interventionStart, interventionEnd, .interventionEnd, "the intervention's start")
        try order(referral, reReferral, .reReferralDate, "the referral")

        // The person: a pseudonym from an identity column, else the extract's own id.
        var personKey: CellText?
        if column(.personID) != nil {
            personKey = try text(.personID)
        } else if let p = personIdentity {
            personKey = cells[p].pseudonym.map(CellText.stored)
        }
        if let p = personIdentity, let b = cells[p].birthDate, let sex = cells[p].legalSex {
            // DESIGN §3.3: birth year and legal sex may be derived before the number goes.
            if gender == nil { gender = sex == .female ? .girl : .boy }
            if birthYear == nil { birthYear = b.year }
            if age == nil, let referral {
                age = referral.year - b.year - ((referral.month, referral.day) < (b.month, b.day) ? 1 : 0)
            }
        }

        // The outcomes object is written straight into the batch's text buffer.
        let outcomesStart = out.beginText()
        var outcomeCount = 0
        var dropped: [Int] = []
        for i in plan.outcomes where !cells[i].suppressed && !isIdentity[i] && !isBlank(f[i]) {
            if !isNotIdentity[i], cells[i].mayHoldNumber, IdentityNumberScanner.containsNumber(f[i]) {
                // Shaped like an identity number but not a valid one (a valid one makes
                // the column refused at the end): a mistyped number, never stored.
                tallies[i].embedded += 1
                if tallies[i].firstEmbeddedLine == nil { tallies[i].firstEmbeddedLine = line }
                continue
            }
            switch SwedishNumber.parse(utf8: f[i]) {
            case .value(let v):
                out.appendByte(outcomeCount == 0 ? 0x7B /* { */ : 0x2C /* , */)
                out.appendText(outcomePrefixes[i]!)
                out.appendText(JSONText.number(v))
                outcomeCount += 1
                if !outcomeStored[i] { outcomeStored[i] = true }   // a write only the first time
            case .empty: break
            case .invalid:
                if plan.automaticOutcomes.contains(i) && !outcomeStored[i] {
                    dropped.append(i)   // text after all (a mostly blank notes column)
                } else {
                    throw fail(i, "\(shown(i)) is not a number; this column is read as an outcome (numbers or 0/1)\(plan.automaticOutcomes.contains(i) ? " because earlier rows hold numbers" : ""). Fix the value, or list the column under `ignore:` in a mapping")
                }
            }
        }
        if !dropped.isEmpty {
            // Later rows of such a column may hold anything; it was never stored.
            plan.outcomes.removeAll { dropped.contains($0) }
            for i in dropped {
                plan.notImported[i] = "text (names and free text are imported only when listed under `text:` in a mapping)"
            }
        }
        if outcomeCount > 0 { out.appendByte(0x7D /* } */) }
        let outcomes = outcomeCount > 0 ? out.closeText(from: outcomesStart) : nil

        var texts: String?
        for i in plan.text where !isBlank(f[i]) {
            let value = isIdentity[i] ? cells[i].pseudonym.map(out.string)
                : (cells[i].suppressed ? nil
                   : !isNotIdentity[i] && cells[i].mayHoldNumber && IdentityNumberScanner.containsNumber(f[i])
                   ? try embedded(i, role: nil)
                   : f.string(i).trimmingCharacters(in: .whitespaces))
            guard let value else { continue }
            texts = (texts.map { $0 + "," } ?? "{") + textPrefixes[i]! + JSONText.quoted(value)
        }
        if texts != nil { texts! += "}" }

        out.append(int: importID)
        out.append(caseID)
        out.append(personKey)
        out.append(cohort)
        out.append(try text(.unit))
        out.append(try text(.area))
        out.append(text: gender?.rawValue)
        out.append(int: birthYear)
        out.append(int: age)
        out.append(iso(.referralDate, referral))
        out.append(try text(.referralReason))
        out.append(iso(.assessmentDecisionDate, decision))
        out.append(iso(.investigationStart, investigationStart))
        out.append(iso(.investigationEnd, investigationEnd))
        out.append(iso(.interventionStart, interventionStart))
        out.append(iso(.interventionEnd, interventionEnd))
        out.append(double: caseworkers)
        out.append(iso(.reReferralDate, reReferral))
        out.append(textAt: outcomes)
        out.append(text: texts)
        out.endRow()
        rows += 1
        count(cohort: cohort, in: out)
    }

    /// Counts the row's cohort: pilot or line, and per name (the first 50 names).
    private mutating func count(cohort: CellText, in out: BulkRows) {
        let name: String
        switch cohort {
        case .bytes(let b):
            if let k = cohortBytes.lastIndex(where: { known in
                known.count == b.count && known.withUnsafeBufferPointer { memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
            }) {
                // The common case: a name seen before, found without a new string.
                cohortTallies[k].count += 1
                if cohortTallies[k].isPilot { pilotRows += 1 }
                return
            }
            name = String(decoding: b, as: UTF8.self)
        case .string(let s): name = s
        case .stored(let range): name = out.string(range)
        }
        let isPilot = name == pilot || (name.utf8.count == pilot.utf8.count && name.lowercased() == pilotLowercased)
        if isPilot { pilotRows += 1 }
        if let k = cohortNames.firstIndex(of: name) {
            cohortTallies[k].count += 1
        } else if cohortNames.count < 50 {
            cohortNames.append(name)
            cohortBytes.append(Array(name.utf8))
            cohortTallies.append((1, isPilot))
        }
    }

    /// Rows per cohort name, for the summary.
    private var cohorts: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(cohortNames, cohortTallies.map(\.count)))
    }

    /// The message for a case id the table's primary key refused: it occurs earlier in
    /// the file. The row is read again to place the column (only on this error path).
    func duplicateCaseID(line: Int, caseID: String?) -> CSVError {
        let i = plan.roles[.caseID]!
        var fields: [String]?
        do {
            try reader.forEachRow { row in
                if row.line == line { fields = row.fields; throw RowFound() }
            }
        } catch {}
        let shownID = plan.identity.contains(i) || caseID == nil ? "this case id" : "case_id \"\(caseID!)\""
        return CSVError(kind: .invalidValue, file: reader.name, line: line,
                        column: fields.map { headerColumn($0, i) },
                        message: "\(plan.header[i]): \(shownID) occurs earlier in the file; an extract has one row per case")
    }

    // MARK: End of file

    /// DESIGN §3.3's rule on the whole column: ≥ 90 % valid identity numbers makes an
    /// identity column. A column with some but fewer is refused (its numbers could be
    /// neither pseudonymised nor stored); one the sample misjudged is redone.
    func verifyIdentityColumns() throws {
        for i in plan.checked {
            let share = tallies[i].nonBlank > 0 ? Double(tallies[i].valid) / Double(tallies[i].nonBlank) : 0
            let enough = tallies[i].nonBlank > 0 && Double(tallies[i].valid) >= CaseImporter.identityShare * Double(tallies[i].nonBlank)
            if plan.identity.contains(i) {
                if !plan.forcedIdentity.contains(i) && !enough {
                    throw mixed(i, share: share, line: tallies[i].firstInvalidLine ?? reader.headerLine)
                }
            } else if !plan.notIdentity.contains(i) && tallies[i].valid > 0 {
                if enough { throw Reclassify(identity: plan.identity.union([i])) }
                throw mixed(i, share: share, line: tallies[i].firstValidLine ?? reader.headerLine)
            }
        }
    }

    private func mixed(_ i: Int, share: Double, line: Int) -> CSVError {
        let name = plan.header[i]
        let percent = String(format: "%.1f", share * 100)
        return CSVError(kind: .invalidValue, file: reader.name, line: line, column: nil,
                        message: "column \"\(name)\": \(tallies[i].valid) of \(tallies[i].nonBlank) non-blank values (\(percent) %) are valid personnummer or samordningsnummer — fewer than the 90 % that makes an identity column, so they can be neither pseudonymised nor stored. Clean the column, or say what it is in a mapping file (--map): `identity: [\(name)]` to pseudonymise it (values that are not valid numbers are dropped), or `not_identity: [\(name)]` if the values only look like identity numbers. Nothing was imported")
    }

    mutating func finish(importID: Int, database: Database) throws -> CaseImportSummary {
        let extract: CalendarDate
        let from: String
        if let given = request.extractDate {
            extract = given
            from = "option"
        } else if let latest {
            extract = latest
            from = "latest_in_file"
        } else {
            throw CaseImportError("\(reader.name): no dates in the file, so there is no extract date to censor open cases at; give --extract-date YYYY-MM-DD")
        }
        var warnings: [String] = []
        for i in plan.identity.sorted() {
            let invalid = tallies[i].nonBlank - tallies[i].valid
            if invalid > 0 {
                warnings.append("column \"\(plan.header[i])\": \(invalid) non-blank value\(invalid == 1 ? " is" : "s are") not a valid identity number (first at \(reader.name):\(tallies[i].firstInvalidLine ?? 0)); not stored, so \(invalid == 1 ? "that row has" : "those rows have") no value there")
            }
        }
        for i in plan.checked where tallies[i].embedded > 0 {
            let n = tallies[i].embedded
            let what = plan.outcomes.contains(i) ? "not stored (a value shaped like an identity number)"
                : [plan.roles[.caseID], plan.roles[.personID]].contains(i) ? "replaced by its pseudonym"
                : "masked as \(IdentityNumberScanner.mask)"
            warnings.append("column \"\(plan.header[i])\": \(n) value\(n == 1 ? "" : "s") held a personnummer or samordningsnummer inside other text or mistyped (first at \(reader.name):\(tallies[i].firstEmbeddedLine ?? 0)); the number was \(what)")
        }
        // A column the sample took for numbers but that held nothing at all is no outcome.
        for i in plan.outcomes where plan.automaticOutcomes.contains(i) && !outcomeStored[i] {
            plan.notImported[i] = "blank in every row"
        }
        plan.outcomes.removeAll { plan.automaticOutcomes.contains($0) && !outcomeStored[$0] }
        for i in plan.unmappedIdentity where !(i == plan.personIdentity && plan.roles[.personID] == nil) {
            plan.notImported[i] = "identity numbers in a column with no role: not stored"
                + (i == plan.personIdentity ? " (birth year and gender were derived from them where blank)" : "")
        }
        if rows > 0 && pilotRows == 0 {
            warnings.append("no case has cohort \"\(pilot)\" (model \(request.model.id)'s cohorts.pilot), so every case counts as line; cohorts in the file: \(cohorts.keys.sorted().joined(separator: ", "))")
        }
        let fingerprint = plan.identity.isEmpty ? nil : request.key?.fingerprint
        if let fingerprint {
            let other = try database.query("""
                SELECT import_id FROM case_imports WHERE model_id = ? AND key_fingerprint IS NOT NULL AND key_fingerprint <> ?
                ORDER BY import_id
                """, request.model.id, fingerprint).compactMap { $0.int("import_id") }
            if !other.isEmpty {
                warnings.append("this key differs from the one used for import \(other.map(String.init).joined(separator: ", ")) of \(request.model.id): the same child gets different pseudonyms, so cases will not link across those extracts")
            }
        }
        var columns: [String: String] = [:]
        for (role, i) in plan.roles { columns[role.rawValue] = plan.header[i] }
        let columnsJSON = try String(decoding: JSONSerialization.data(withJSONObject: columns, options: [.sortedKeys]), as: UTF8.self)
        try database.execute("""
            INSERT INTO case_imports (import_id, model_id, pilot_cohort, extract_date, extract_date_from, key_fingerprint, columns_json)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, importID, request.model.id, pilot, extract.iso, from, fingerprint, columnsJSON)
        // Case ids this extract shares with earlier extracts of the same model. The
        // join lets SQLite build a transient index instead of scanning per row;
        // `ci.import_id <> ?` keeps it from reading this import's own rows only to
        // drop them (0.3 s for a first extract of a million cases).
        let superseded = try database.scalar("""
            SELECT count(*) FROM cases c
            JOIN (SELECT DISTINCT o.case_id FROM cases o JOIN case_imports ci ON ci.import_id = o.import_id
                  WHERE ci.model_id = ? AND ci.import_id <> ? AND o.import_id <> ?) earlier ON earlier.case_id = c.case_id
            WHERE c.import_id = ?
            """, request.model.id, importID, importID, importID).int ?? 0

        return CaseImportSummary(
            importID: importID, file: IdentityNumberScanner.masking(reader.name), model: request.model.id, pilotCohort: pilot,
            rows: rows, pilotRows: pilotRows, lineRows: rows - pilotRows, cohorts: cohorts,
            extractDate: extract.iso, extractDateFrom: from, supersededCases: superseded,
            columns: columns, outcomes: plan.outcomes.map { plan.header[$0] },
            text: plan.text.map { plan.header[$0] },
            notImported: plan.notImported.sorted { $0.key < $1.key }.map { .init(column: plan.header[$0.key], reason: $0.value) },
            identityColumns: plan.identity.sorted().map { plan.header[$0] },
            pseudonymised: pseudonymised, keyFingerprint: fingerprint,
            encoding: reader.encoding.rawValue, delimiter: reader.delimiter.rawValue,
            warnings: warnings.map(IdentityNumberScanner.masking))   // they name the file as typed
    }
}

private struct RowFound: Error {}

/// One column's whole-file counts for the identity rule (DESIGN §3.3).
private struct IdentityTally {
    var nonBlank = 0
    var valid = 0
    var firstValidLine: Int?
    var firstInvalidLine: Int?
    /// Cells with a number inside other text, or a mistyped number (masked, pseudonymised
    /// or dropped), and the first line with one.
    var embedded = 0
    var firstEmbeddedLine: Int?
}

/// What the identity check found in one cell of the row being converted.
private struct IdentityCell {
    /// Never stored: a number in a column that is not (yet) an identity column, or a
    /// value in an identity column that is not a valid number.
    var suppressed = false
    /// Where the cell's pseudonym was written in the batch.
    var pseudonym: BulkRows.TextRange?
    /// The cell has ten digits or more: only then can a number hide in it.
    var mayHoldNumber = false
    /// Read from a valid number before it goes, for birth year and legal sex.
    var birthDate: CalendarDate?
    var legalSex: IdentityNumber.LegalSex?
}

/// A text cell of the row being converted: the field's bytes in place (the common
/// case), a string made for it (a trimmed field, a reformatted date), or text already
/// written into the batch (a pseudonym).
enum CellText {
    case bytes(UnsafeBufferPointer<UInt8>)
    case string(String)
    case stored(BulkRows.TextRange)

    /// The field without surrounding spaces, as `String.trimmingCharacters(in:
    /// .whitespaces)` gives it; the common case (none) costs two byte checks.
    init(trimming b: UnsafeBufferPointer<UInt8>) {
        if let first = b.first, let last = b.last,
           first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 {
            self = .string(String(decoding: b, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        } else {
            self = .bytes(b)
        }
    }
}

extension BulkRows {
    func append(_ text: CellText?) {
        switch text {
        case nil: append(null: ())
        case .bytes(let b): append(utf8: b)
        case .string(let s): append(text: s)
        case .stored(let range): append(textAt: range)
        }
    }
}

/// Blank as the CSV reader means it: nothing but spaces and tabs.
@inline(__always)
func isBlank(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    for b in field where b != 0x20 && b != 0x09 { return false }
    return true
}

/// `YYYY-MM-DD` and `YYYYMMDD` read straight from the bytes (nearly every date in an
/// export); nil sends anything else to `CalendarDate.parse`, which knows every form and
/// gives the reasons.
@inline(__always)
func fastDate(_ b: UnsafeBufferPointer<UInt8>) -> ParseResult<CalendarDate>? {
    func digit(_ i: Int) -> Int? {
        let v = Int(b[i]) - 48
        return v >= 0 && v <= 9 ? v : nil
    }
    func number(_ range: Range<Int>) -> Int? {
        var n = 0
        for i in range { guard let d = digit(i) else { return nil }; n = n * 10 + d }
        return n
    }
    let y: Int?, m: Int?, d: Int?
    if b.count == 0 { return .empty }   // blank dates are common (open cases)
    if b.count == 10, b[4] == 0x2D, b[7] == 0x2D {
        (y, m, d) = (number(0..<4), number(5..<7), number(8..<10))
    } else if b.count == 8 {
        (y, m, d) = (number(0..<4), number(4..<6), number(6..<8))
    } else {
        return nil
    }
    guard let y, let m, let d, let date = CalendarDate(year: y, month: m, day: d) else { return nil }
    return .value(date)
}

/// `YYYY-MM-DD` exactly (digits and dashes in place; whether the date exists is the
/// parser's business).
@inline(__always)
func isCanonicalISODate(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard b.count == 10 else { return false }
    for k in 0..<10 {
        let byte = b[k]
        if k == 4 || k == 7 ? byte != 0x2D : (byte < 0x30 || byte > 0x39) { return false }
    }
    return true
}

/// JSON text for the `outcomes` and `texts` columns, written by hand: one small object
/// per row, built without an encoder in the import's inner loop.
enum JSONText {
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Shortest round-trip form; whole numbers without `.0`.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
