-- Version 9: the QA workflow of issue 6 (docs/qa-workflow.md; docs/catalog-schema.md,
-- "evaluation_forms", "evaluations", "evaluation_events"). Forms are versioned (a published
-- version never changes, evaluations keep theirs), an evaluation carries its answers,
-- comment and a deadline, and every step after the draft leaves a row in evaluation_events
-- (a re-score keeps the old score there). evaluations is extended with ADD COLUMN, never
-- rebuilt (migration 7 promised it: the search's indexes and the ids stay as they are).
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- Published versions of evaluation forms. The definition is the form model's JSON text
-- (core/qa's domain model reads it; the catalog stores it opaquely). A version is never
-- changed or removed once published: an evaluation names (form_id, version) and must read
-- the same questions years later. No foreign key from evaluations to this table: catalogs
-- before version 9 (benchmarks, demo data) hold evaluations of forms that were never
-- published here; the workflow checks the version exists when a draft starts.
-- The primary key (form_id, version) serves every read: one version, the latest of a form
-- (the highest version of a prefix of the key), and the list of latest versions.
CREATE TABLE evaluation_forms (
    form_id TEXT NOT NULL CHECK (length(form_id) > 0 AND length(form_id) <= 64),
    version INTEGER NOT NULL CHECK (version >= 1),
    title TEXT NOT NULL CHECK (length(title) > 0),
    language TEXT NOT NULL,
    definition TEXT NOT NULL,
    published_at_ms INTEGER NOT NULL,
    published_by TEXT NOT NULL CHECK (length(published_by) > 0),
    PRIMARY KEY (form_id, version)
) STRICT;

-- The evaluation's answers (the form model's JSON, with the playback moments each answer
-- is pinned to), the evaluator's overall comment, the deadline of the step that is due (the
-- agent's answer after submit, the supervisor's decision after a dispute; NULL when nothing
-- is due) and the time of the last change. Existing rows get '{}', '' and their creation
-- time.
ALTER TABLE evaluations ADD COLUMN answers TEXT NOT NULL DEFAULT '{}';
ALTER TABLE evaluations ADD COLUMN comment TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN deadline_at_ms INTEGER;
ALTER TABLE evaluations ADD COLUMN updated_at_ms INTEGER NOT NULL DEFAULT 0;
UPDATE evaluations SET updated_at_ms = COALESCE(submitted_at_ms, created_at_ms);

-- A supervisor's open disputes: few rows among millions of evaluations, so a partial index
-- on exactly them (by deadline, the order the list shows) keeps the list cheap whatever the
-- history holds. The query repeats the predicate as a constant so both dialects use it.
CREATE INDEX evaluations_disputed ON evaluations (deadline_at_ms) WHERE state = 'disputed';

-- The history of an evaluation after its draft: who submitted, acknowledged, disputed (with
-- the reason), resolved it (upheld, with notes) or re-scored it (old and new score, notes).
-- Rows are only added. AUTOINCREMENT: ids are never reused (the order of the history).
-- The evaluation's deletion (with its recording: crypto-shredding) takes the history along.
CREATE TABLE evaluation_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    at_ms INTEGER NOT NULL,
    actor TEXT NOT NULL CHECK (length(actor) > 0),
    kind TEXT NOT NULL
        CHECK (kind IN ('submitted', 'acknowledged', 'disputed', 'resolved', 'rescored')),
    notes TEXT NOT NULL DEFAULT '',
    old_score REAL CHECK (old_score >= 0 AND old_score <= 100),
    new_score REAL CHECK (new_score >= 0 AND new_score <= 100)
) STRICT;

-- An evaluation's history in order (the pane, the agent's view) and the cascade.
CREATE INDEX evaluation_events_evaluation ON evaluation_events (evaluation_id, id);

-- New permissions (cv::Permission 17..19): designing and publishing forms (supervisor),
-- acknowledging or disputing evaluations of one's own calls (agent), resolving disputes
-- and re-scoring (supervisor, within the teams). Seeded only for default roles that still
-- exist (a site may have removed one).
INSERT INTO role_permissions (role, permission)
    SELECT name, 'qa.forms.manage' FROM roles WHERE name = 'supervisor';
INSERT INTO role_permissions (role, permission)
    SELECT name, 'evaluation.resolve' FROM roles WHERE name = 'supervisor';
INSERT INTO role_permissions (role, permission)
    SELECT name, 'evaluation.acknowledge' FROM roles WHERE name = 'agent';
