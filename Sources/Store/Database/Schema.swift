/// The schema's history, one migration per step, oldest first. Append only: a step that
/// has shipped is never edited, because files out there have already run it.
///
/// Convention for data tables (observations, cases, responses, …) added by later
/// modules: every row records the import that brought it,
///
///     import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE
///
/// with an index on `import_id`, so `piloteval imports undo ID` deletes the import's row
/// in `imports` and SQLite deletes everything it brought (see ImportLog.undo).
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "documents", sql: """
            -- Versioned YAML documents: logic models, survey instruments, PDSA cycles.
            -- content is the text as read (what the user wrote, for show and diff);
            -- json is the caller's normalised form (what analyses decode).
            CREATE TABLE documents (
                kind        TEXT    NOT NULL,
                id          TEXT    NOT NULL,
                version     INTEGER NOT NULL CHECK (version >= 1),
                sha256      TEXT    NOT NULL,
                content     TEXT    NOT NULL,
                json        TEXT    NOT NULL,
                source_path TEXT,
                added_at    TEXT    NOT NULL,
                PRIMARY KEY (kind, id, version)
            );
            """),
        Migration(version: 2, name: "imports", sql: """
            -- One row per imported file. AUTOINCREMENT so that an undone import's id is
            -- never given to a later one: "import 7" means the same thing forever.
            CREATE TABLE imports (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                kind        TEXT    NOT NULL,
                file_name   TEXT    NOT NULL,
                file_sha256 TEXT    NOT NULL,
                row_count   INTEGER NOT NULL DEFAULT 0,
                target      TEXT,
                started_at  TEXT    NOT NULL,
                finished_at TEXT,
                status      TEXT    NOT NULL
            );
            CREATE INDEX imports_by_file ON imports (kind, file_sha256);
            """),
        Migration(version: 3, name: "readiness", sql: """
            -- Readiness surveys (DESIGN §3.4). One row per answer, long format, so a wave
            -- keeps its shape whatever later versions of the instrument look like.
            -- value NULL is a blank answer: kept, so a respondent who skipped everything
            -- still counts as having responded.
            CREATE TABLE readiness_responses (
                import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                instrument_id TEXT    NOT NULL,
                wave          TEXT    NOT NULL,
                unit          TEXT    NOT NULL,
                respondent    TEXT    NOT NULL,
                item          TEXT    NOT NULL,
                value         REAL,
                line          INTEGER NOT NULL,
                UNIQUE (instrument_id, wave, respondent, item)
            );
            CREATE INDEX readiness_responses_by_import ON readiness_responses (import_id);
            CREATE INDEX readiness_responses_by_wave ON readiness_responses (instrument_id, wave);
            -- Aggregated waves: unit means only (like the March 2021 table), n when known.
            CREATE TABLE readiness_unit_means (
                import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                instrument_id TEXT    NOT NULL,
                wave          TEXT    NOT NULL,
                unit          TEXT    NOT NULL,
                item          TEXT    NOT NULL,
                mean          REAL    NOT NULL,
                n             INTEGER,
                line          INTEGER NOT NULL,
                UNIQUE (instrument_id, wave, unit, item)
            );
            CREATE INDEX readiness_unit_means_by_import ON readiness_unit_means (import_id);
            CREATE INDEX readiness_unit_means_by_wave ON readiness_unit_means (instrument_id, wave);
            """),
    ]
}
