-- Version 7: QA evaluations (docs/catalog-schema.md, "evaluations"). This migration adds what
-- the search needs ("has evaluation", "score range"); forms, the evaluation pane and the
-- workflow (issue 6) extend the table with new columns and tables, never by rebuilding it.
-- So the CHECKs below are only what holds in any workflow (SQLite cannot change a CHECK
-- without rebuilding the table): the workflow's own rules, such as "a draft has no score
-- yet", are kept by the code that writes evaluations.
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- One evaluation of one recording with one version of a form. started_at_ms is copied from
-- the recording (like recording_tags), so "scored calls in March" is a range of an index on
-- this table alone. Evaluations are history (audit rows will name their ids): a BIGSERIAL id
-- is never handed out twice (SQLite: AUTOINCREMENT), even after a recording was shredded.
-- state: 'draft' (being written; not counted anywhere), 'submitted', 'acknowledged' (the
-- agent has seen it), 'disputed', 'resolved'. Every state but 'draft' counts for the search.
CREATE TABLE evaluations (
    id BIGSERIAL PRIMARY KEY,
    recording_id UUID NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    started_at_ms BIGINT NOT NULL,
    form_id TEXT NOT NULL CHECK (length(form_id) > 0),
    form_version INTEGER NOT NULL CHECK (form_version >= 1),
    evaluator TEXT NOT NULL CHECK (length(evaluator) > 0),
    state TEXT NOT NULL
        CHECK (state IN ('draft', 'submitted', 'acknowledged', 'disputed', 'resolved')),
    score DOUBLE PRECISION CHECK (score >= 0 AND score <= 100),
    created_at_ms BIGINT NOT NULL,
    submitted_at_ms BIGINT
);

-- A recording's evaluations: the search's EXISTS probe per recording, the evaluation pane,
-- and the cascade when a recording is deleted.
CREATE INDEX evaluations_recording ON evaluations (recording_id);

-- The search's index: evaluations that count (not drafts), by the call's start, then score.
-- Searches for scored calls come with a time range ("March, below 60"), and within a month
-- the score is one more condition inside the same index range; with score first, a range of
-- scores spans every month and the time range only filters. Measured on the benchmark
-- catalog (200,000 calls, 10,787 evaluations, June 2024, score 60..85; docs/search.md):
--   SQLite 3.40: (started_at_ms, score) 0.97 ms per page for a two-team supervisor,
--     (score, started_at_ms) 3.4 ms; all teams 0.93 ms against 4.2 ms.
--   PostgreSQL 15: (started_at_ms, score) 3 buffers for the index part; (score,
--     started_at_ms) 25; for "has evaluation" in a month the latter is not used at all
--     (sequential scan, 157 buffers).
-- Partial (WHERE state <> 'draft', written as a constant in the searches too): drafts never
-- match, so they are not in it.
CREATE INDEX evaluations_counted ON evaluations (started_at_ms, score) WHERE state <> 'draft';
