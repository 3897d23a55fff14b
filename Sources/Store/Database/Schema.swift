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
        Migration(version: 3, name: "measures", sql: """
            -- Measures over time for run and control charts (Genombrott / PDSA cycles):
            -- one row per measure and date. `value` holds a plain value, or numerator and
            -- denominator hold a proportion or rate; `label` is the date or period as
            -- written (2021-03, 2021-W05), `date` its first day for ordering and drawing.
            CREATE TABLE measure_values (
                import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                measure     TEXT    NOT NULL,
                date        TEXT    NOT NULL,
                label       TEXT    NOT NULL,
                value       REAL,
                numerator   REAL,
                denominator REAL,
                note        TEXT,
                line        INTEGER,
                UNIQUE (measure, date)
            );
            CREATE INDEX measure_values_by_import ON measure_values (import_id);
            """),
        Migration(version: 4, name: "indicator observations", sql: """
            -- Indicator values as imported (DESIGN §3.2). The model version current at import
            -- is kept so that a later version of the model can tell which indicators it
            -- dropped; rows are never rewritten when the model changes.
            -- value is the figure as written; numerator/denominator the counts it may come
            -- from (kept so that a CI can be computed later). source_line is the physical
            -- line in the imported file, for messages and for tracing a figure back.
            CREATE TABLE indicator_observations (
                id            INTEGER PRIMARY KEY,
                import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                model_id      TEXT    NOT NULL,
                model_version INTEGER NOT NULL,
                indicator     TEXT    NOT NULL,
                period        TEXT    NOT NULL,
                group_name    TEXT    NOT NULL,
                value         REAL,
                numerator     REAL,
                denominator   REAL,
                note          TEXT,
                source_line   INTEGER NOT NULL,
                CHECK (value IS NOT NULL OR (numerator IS NOT NULL AND denominator IS NOT NULL))
            );
            CREATE INDEX indicator_observations_by_import ON indicator_observations (import_id);
            CREATE INDEX indicator_observations_by_model ON indicator_observations (model_id, indicator, period);
            -- Consistency warnings found at import (parts that do not sum to the total, a
            -- total outside its parts, a percentage outside 0-100, a period outside the
            -- model's): kept with the data and shown by `indicators status`, removed with it
            -- by `imports undo`. source_lines is a comma-separated list of file lines.
            CREATE TABLE indicator_observation_warnings (
                id           INTEGER PRIMARY KEY,
                import_id    INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                model_id     TEXT    NOT NULL,
                indicator    TEXT    NOT NULL,
                period       TEXT    NOT NULL,
                kind         TEXT    NOT NULL,
                message      TEXT    NOT NULL,
                source_lines TEXT    NOT NULL
            );
            CREATE INDEX indicator_observation_warnings_by_import ON indicator_observation_warnings (import_id);
            CREATE INDEX indicator_observation_warnings_by_model ON indicator_observation_warnings (model_id, indicator, period);
            """),
        Migration(version: 5, name: "readiness", sql: """
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
        Migration(version: 6, name: "case extracts", sql: """
            -- One row per case import: what the extract was read against and the date its
            -- open durations are censored at (docs/cases.md).
            CREATE TABLE case_imports (
                import_id       INTEGER PRIMARY KEY REFERENCES imports(id) ON DELETE CASCADE,
                model_id        TEXT    NOT NULL,
                pilot_cohort    TEXT    NOT NULL,
                extract_date    TEXT    NOT NULL,
                extract_date_from TEXT  NOT NULL CHECK (extract_date_from IN ('option', 'latest_in_file')),
                key_fingerprint TEXT,
                columns_json    TEXT    NOT NULL
            );
            CREATE INDEX case_imports_by_model ON case_imports (model_id, extract_date);
            -- Every snapshot of every case, per import: a later extract supersedes by
            -- case_id at read time (CaseDataset.load), so undoing it brings the earlier
            -- snapshot back. Dates are ISO text; person_key is a pseudonym or the
            -- extract's own non-identity person id, never an identity number.
            -- WITHOUT ROWID: the primary key is the table, so duplicate case ids in a file
            -- are caught without a second index, and its leading import_id is the index
            -- the import_id convention asks for (it serves the cascade and undo's count).
            CREATE TABLE cases (
                import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                case_id     TEXT    NOT NULL,
                person_key  TEXT,
                cohort      TEXT    NOT NULL,
                unit        TEXT,
                area        TEXT,
                gender      TEXT    CHECK (gender IN ('girl', 'boy', 'other')),
                birth_year  INTEGER,
                age         INTEGER,
                referral_date            TEXT,
                referral_reason          TEXT,
                assessment_decision_date TEXT,
                investigation_start      TEXT,
                investigation_end        TEXT,
                intervention_start       TEXT,
                intervention_end         TEXT,
                caseworker_count         REAL,
                re_referral_date         TEXT,
                outcomes    TEXT,   -- JSON object: further numeric columns by name
                texts       TEXT,   -- JSON object: free-text columns mapped explicitly
                PRIMARY KEY (import_id, case_id)
            ) WITHOUT ROWID;
            """),
        Migration(version: 7, name: "cases gender check without IN", sql: """
            -- The same `cases` table, with the gender CHECK written as ORs: SQLite 3.40
            -- compiles `gender IN ('girl', 'boy', 'other')` into an ephemeral index that
            -- it builds again on every row inserted (OpenEphemeral + three inserts), which
            -- cost about a fifth of a case import's CPU time. Same meaning: NULL passes.
            -- Rebuilt the way SQLite documents (new table, copy, drop, rename); nothing
            -- else refers to `cases`, so no other table changes.
            CREATE TABLE cases_v7 (
                import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                case_id     TEXT    NOT NULL,
                person_key  TEXT,
                cohort      TEXT    NOT NULL,
                unit        TEXT,
                area        TEXT,
                gender      TEXT    CHECK (gender = 'girl' OR gender = 'boy' OR gender = 'other'),
                birth_year  INTEGER,
                age         INTEGER,
                referral_date            TEXT,
                referral_reason          TEXT,
                assessment_decision_date TEXT,
                investigation_start      TEXT,
                investigation_end        TEXT,
                intervention_start       TEXT,
                intervention_end         TEXT,
                caseworker_count         REAL,
                re_referral_date         TEXT,
                outcomes    TEXT,   -- JSON object: further numeric columns by name
                texts       TEXT,   -- JSON object: free-text columns mapped explicitly
                PRIMARY KEY (import_id, case_id)
            ) WITHOUT ROWID;
            INSERT INTO cases_v7 (import_id, case_id, person_key, cohort, unit, area, gender, birth_year, age,
                referral_date, referral_reason, assessment_decision_date, investigation_start, investigation_end,
                intervention_start, intervention_end, caseworker_count, re_referral_date, outcomes, texts)
            SELECT import_id, case_id, person_key, cohort, unit, area, gender, birth_year, age,
                referral_date, referral_reason, assessment_decision_date, investigation_start, investigation_end,
                intervention_start, intervention_end, caseworker_count, re_referral_date, outcomes, texts
            FROM cases;
            DROP TABLE cases;
            ALTER TABLE cases_v7 RENAME TO cases;
            """),
        Migration(version: 8, name: "indicator observations recorded by a note alone", sql: """
            -- An indicator judged in words (a qualitative target) is recorded by a note
            -- alone ("intervjuer genomförda"): the CHECK now lets a row without figures
            -- through when it has a note (the importer allows that only for such
            -- indicators). Rebuilt as SQLite documents; nothing refers to this table.
            CREATE TABLE indicator_observations_v8 (
                id            INTEGER PRIMARY KEY,
                import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                model_id      TEXT    NOT NULL,
                model_version INTEGER NOT NULL,
                indicator     TEXT    NOT NULL,
                period        TEXT    NOT NULL,
                group_name    TEXT    NOT NULL,
                value         REAL,
                numerator     REAL,
                denominator   REAL,
                note          TEXT,
                source_line   INTEGER NOT NULL,
                CHECK (value IS NOT NULL OR (numerator IS NOT NULL AND denominator IS NOT NULL)
                       OR (numerator IS NULL AND denominator IS NULL AND note IS NOT NULL))
            );
            INSERT INTO indicator_observations_v8 (id, import_id, model_id, model_version, indicator, period,
                group_name, value, numerator, denominator, note, source_line)
            SELECT id, import_id, model_id, model_version, indicator, period,
                group_name, value, numerator, denominator, note, source_line
            FROM indicator_observations;
            DROP TABLE indicator_observations;
            ALTER TABLE indicator_observations_v8 RENAME TO indicator_observations;
            CREATE INDEX indicator_observations_by_import ON indicator_observations (import_id);
            CREATE INDEX indicator_observations_by_model ON indicator_observations (model_id, indicator, period);
            """),
        Migration(version: 9, name: "measures counting events", sql: """
            -- What a measure's values count (DESIGN §3.1 `counts:`, `measures import
            -- --counts`): 'events' (consultations, meetings), never suppressed in reports,
            -- or 'persons', whose small counts are. One row per import and measure, so
            -- `imports undo` takes the declaration back with the values; a measure without
            -- a row here (every one stored before this step) counts persons. The importer
            -- keeps all imports of a measure saying the same. A table of its own, created
            -- only if missing, so the step is additive and runs again harmlessly on a file
            -- that already took it.
            CREATE TABLE IF NOT EXISTS measure_counts (
                import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                measure   TEXT    NOT NULL,
                counts    TEXT    NOT NULL CHECK (counts IN ('persons', 'events')),
                PRIMARY KEY (import_id, measure)
            );
            """),
        Migration(version: 10, name: "generated reports", sql: """
            -- Every report made in the web application (`piloteval serve`), kept with its
            -- settings and the SHA-256 of each file, so it can be listed, downloaded again
            -- as it was and verified against the data later (`record` is the JSON that
            -- `report verify` reads). Reports are figures about the data, not the data:
            -- `imports undo` leaves them, and their verification then says what changed.
            CREATE TABLE IF NOT EXISTS reports (
                id            INTEGER PRIMARY KEY,
                model_id      TEXT    NOT NULL,
                model_version INTEGER NOT NULL,
                kind          TEXT    NOT NULL CHECK (kind IN ('final', 'steering', 'tertial')),
                language      TEXT    NOT NULL CHECK (language IN ('sv', 'en')),
                audience      TEXT    NOT NULL CHECK (audience IN ('public', 'internal')),
                period        TEXT,
                created_at    TEXT    NOT NULL,
                record        BLOB    NOT NULL,
                record_sha256 TEXT    NOT NULL,
                html          BLOB    NOT NULL,
                html_sha256   TEXT    NOT NULL,
                docx          BLOB    NOT NULL,
                docx_sha256   TEXT    NOT NULL
            );
            CREATE INDEX IF NOT EXISTS reports_by_model ON reports (model_id, id);
            """),
        Migration(version: 11, name: "change log and approved periods", sql: """
            -- Who changed what, and when: every change made through the web application
            -- (an import and its undo, a period's values saved, a period marked ready,
            -- locked or unlocked, a report made), for the access log a municipality
            -- reviews. `actor` is the local user until accounts exist. `detail` holds
            -- words about the change, never personal data.
            CREATE TABLE IF NOT EXISTS changes (
                id       INTEGER PRIMARY KEY,
                at       TEXT    NOT NULL,
                actor    TEXT    NOT NULL,
                action   TEXT    NOT NULL,
                model_id TEXT,
                subject  TEXT,
                detail   TEXT
            );
            CREATE INDEX IF NOT EXISTS changes_by_model ON changes (model_id, id);
            -- A period's approval: no row while it is open; `ready` once an editor has
            -- marked it so; `locked` once an approver has approved it, with its values
            -- kept in locked_values as they stood (entered and computed, each with its
            -- provenance). Unlocking deletes both (and is recorded in changes).
            CREATE TABLE IF NOT EXISTS period_approvals (
                model_id TEXT NOT NULL,
                period   TEXT NOT NULL,
                state    TEXT NOT NULL CHECK (state IN ('ready', 'locked')),
                actor    TEXT NOT NULL,
                at       TEXT NOT NULL,
                PRIMARY KEY (model_id, period)
            );
            -- One observation per indicator and group, as JSON (the Observation with its
            -- import id or computed source): what status and reports read while locked.
            CREATE TABLE IF NOT EXISTS locked_values (
                model_id    TEXT    NOT NULL,
                period      TEXT    NOT NULL,
                seq         INTEGER NOT NULL,
                observation TEXT    NOT NULL,
                PRIMARY KEY (model_id, period, seq),
                FOREIGN KEY (model_id, period) REFERENCES period_approvals (model_id, period) ON DELETE CASCADE
            );
            """),
        Migration(version: 12, name: "the values a period was marked ready with", sql: """
            -- The SHA-256 of a period's values (as a lock would keep them) when an editor
            -- marked it ready: an approver locks what was marked ready, not what changed
            -- since. No row for a period marked ready before this step (its lock takes the
            -- values as they stand). A table of its own, created only if missing, so the
            -- step runs again harmlessly on a file that already took it.
            CREATE TABLE IF NOT EXISTS period_ready_values (
                model_id TEXT NOT NULL,
                period   TEXT NOT NULL,
                sha256   TEXT NOT NULL,
                PRIMARY KEY (model_id, period),
                FOREIGN KEY (model_id, period) REFERENCES period_approvals (model_id, period) ON DELETE CASCADE
            );
            """),
        Migration(version: 13, name: "accounts, roles and the access log", sql: """
            -- Accounts of a shared server (issue 24). `password` is a bcrypt hash; a
            -- disabled account cannot sign in or use its tokens. `failed` counts failed
            -- sign-ins since the last good one; `locked_until` is set after too many.
            CREATE TABLE IF NOT EXISTS users (
                id           INTEGER PRIMARY KEY,
                name         TEXT    NOT NULL UNIQUE,
                password     TEXT    NOT NULL,
                disabled     INTEGER NOT NULL DEFAULT 0,
                created_at   TEXT    NOT NULL,
                failed       INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT,
                -- Sessions begun before this time end (a new password, a disabled account).
                valid_after  TEXT
            );
            -- Roles per pilot, cumulative; `pilot` '' is every pilot (an admin without
            -- --pilot). `internal` grants a reader the internal audience (small counts).
            CREATE TABLE IF NOT EXISTS user_roles (
                user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role     TEXT    NOT NULL CHECK (role IN ('reader', 'editor', 'approver', 'admin')),
                pilot    TEXT    NOT NULL DEFAULT '',
                internal INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (user_id, role, pilot)
            );
            -- API tokens, stored as their SHA-256 (a token is shown once, when made).
            CREATE TABLE IF NOT EXISTS user_tokens (
                sha256     TEXT    PRIMARY KEY,
                user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at TEXT    NOT NULL
            );
            -- The access log a municipality reviews (OSL; the law on personal data in
            -- social services): sign-ins, views of case-derived results, changes,
            -- approvals, uploads, undos and downloads. Append-only: the triggers refuse
            -- every UPDATE, and a DELETE of a row that no recorded prune covers (`audit
            -- prune --before D` records its date in access_log_prunes first, and is itself
            -- logged). A prune covers only the past: one dated after it was made opens nothing.
            CREATE TABLE IF NOT EXISTS access_log (
                id       INTEGER PRIMARY KEY,
                at       TEXT    NOT NULL,
                user     TEXT    NOT NULL,
                action   TEXT    NOT NULL,
                pilot    TEXT,
                what     TEXT
            );
            CREATE INDEX IF NOT EXISTS access_log_by_time ON access_log (at);
            CREATE TABLE IF NOT EXISTS access_log_prunes (
                before TEXT NOT NULL,
                at     TEXT NOT NULL,
                user   TEXT NOT NULL
            );
            CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log
            BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log
            WHEN NOT EXISTS (SELECT 1 FROM access_log_prunes p WHERE OLD.at < p.before AND p.before <= p.at)
            BEGIN SELECT RAISE(ABORT, 'the access log is append-only; prune it with `piloteval audit prune --before D`'); END;
            CREATE TRIGGER IF NOT EXISTS access_log_prunes_no_update BEFORE UPDATE ON access_log_prunes
            BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS access_log_prunes_no_delete BEFORE DELETE ON access_log_prunes
            BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
            """),
        // The pilot a file was imported under, where the file itself does not say (an
        // improvement measure uploaded on a pilot's page, `measures import --model`): on a
        // shared server a measure belongs to the pilots it was imported under, besides
        // those whose cycles and indicators claim it (issue 24). A table of its own, not a
        // column of `imports`, so that the step can run again on a file (ADD COLUMN
        // cannot); its key is named `id`, not `import_id`, so an undo does not count it
        // among the data it removes (the cascade still does).
        Migration(version: 14, name: "the pilot an import was made under; the access log by account", sql: """
            CREATE TABLE IF NOT EXISTS import_pilots (
                id    INTEGER PRIMARY KEY REFERENCES imports(id) ON DELETE CASCADE,
                pilot TEXT    NOT NULL
            );
            -- One account's entries (`audit --user`, the log page's filter) without reading
            -- the whole log: 10.7 s over a nation's 24 million entries before (docs/scale.md).
            CREATE INDEX IF NOT EXISTS access_log_by_user ON access_log (user, at);
            """),
        Migration(version: 15, name: "measure titles", sql: """
            -- A measure's name for people (`measures import --title`, `measures title`):
            -- "Konsultation till förskolor" where the id can only say
            -- forskolekonsultationer. One row per import and measure, as measure_counts,
            -- so `imports undo` takes a title back with the import it came with; the
            -- newest import's title is the measure's, and a measure without one (every
            -- measure stored before this step) is named by its id spelt out. A table of
            -- its own, created only if missing, so the step is additive and runs again
            -- harmlessly on a file that already took it (ADD COLUMN cannot).
            CREATE TABLE IF NOT EXISTS measure_titles (
                import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                measure   TEXT    NOT NULL,
                title     TEXT    NOT NULL CHECK (length(trim(title)) > 0),
                PRIMARY KEY (import_id, measure)
            );
            """),
        Migration(version: 16, name: "measure baselines", sql: """
            -- The baseline an improvement team reads a measure against (`measures baseline
            -- ID --through 2021-03`): the centre line and limits come from the points up to
            -- and including `through` (the date of a stored point), and later points are
            -- judged against them, in the reports and pages as in `runchart --measure`.
            -- `through` NULL says the team took a baseline away. Kept per import and
            -- measure, as measure_titles, so `imports undo` takes it back with the import
            -- it was kept with; the newest import's row is the measure's. A table of its
            -- own, created only if missing, so the step runs again harmlessly.
            CREATE TABLE IF NOT EXISTS measure_baselines (
                import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
                measure   TEXT    NOT NULL,
                through   TEXT,
                PRIMARY KEY (import_id, measure)
            );
            """),
    ]
}
