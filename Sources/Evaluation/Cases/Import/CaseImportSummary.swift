/// What `piloteval cases import` did, as JSON (snake_case) and as a table.
public struct CaseImportSummary: Codable, Sendable, Equatable {
    public var importID: Int
    public var file: String
    public var model: String
    public var pilotCohort: String
    /// Cases stored (one row per case).
    public var rows: Int
    public var pilotRows: Int
    public var lineRows: Int
    /// Rows per cohort value as written (at most 50 values listed).
    public var cohorts: [String: Int]
    public var extractDate: String
    /// `option` (--extract-date) or `latest_in_file`.
    public var extractDateFrom: String
    /// Cases of this extract that replace a snapshot from an earlier extract.
    public var supersededCases: Int
    /// Role → the column it was read from.
    public var columns: [String: String]
    public var outcomes: [String]
    public var text: [String]
    public var notImported: [NotImported]
    /// Columns whose values were replaced by pseudonyms (names only, never values).
    public var identityColumns: [String]
    public var pseudonymised: Int
    public var keyFingerprint: String?
    public var encoding: String
    public var delimiter: String
    public var warnings: [String]

    public struct NotImported: Codable, Sendable, Equatable {
        public var column: String
        public var reason: String
    }

    enum CodingKeys: String, CodingKey {
        case importID = "import_id", file, model, pilotCohort = "pilot_cohort", rows
        case pilotRows = "pilot_rows", lineRows = "line_rows", cohorts
        case extractDate = "extract_date", extractDateFrom = "extract_date_from"
        case supersededCases = "superseded_cases", columns, outcomes, text
        case notImported = "not_imported", identityColumns = "identity_columns", pseudonymised
        case keyFingerprint = "key_fingerprint", encoding, delimiter, warnings
    }
}
