-- Version 10: calibration sessions (issue 6, "Calibration"; docs/qa-workflow.md,
-- "Calibration"; docs/catalog-schema.md). A supervisor picks one or more calls, a form
-- version and the evaluators; each evaluator scores every call blind (nobody sees another's
-- scores) until the session's creator reveals it; the reveal compares the scores (agreement
-- per question, Fleiss' kappa, ICC of the totals). Calibration scores are not evaluations:
-- they never reach the agent or the reports.
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- A session. revealed_at_ms is NULL while it is blind; once set it never changes.
CREATE TABLE calibration_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL CHECK (length(title) > 0 AND length(title) <= 200),
    form_id TEXT NOT NULL CHECK (length(form_id) > 0),
    form_version INTEGER NOT NULL CHECK (form_version >= 1),
    created_by TEXT NOT NULL CHECK (length(created_by) > 0),
    created_at_ms INTEGER NOT NULL,
    revealed_at_ms INTEGER
) STRICT;

-- The calls of a session, in the order the session shows them. A shredded recording leaves
-- the session with it (its scores too, below).
CREATE TABLE calibration_calls (
    session_id INTEGER NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (session_id, recording_id)
) STRICT;
CREATE INDEX calibration_calls_recording ON calibration_calls (recording_id);

-- Who scores in a session (user names; two at least, checked by the code that creates it).
CREATE TABLE calibration_participants (
    session_id INTEGER NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
    user_name TEXT NOT NULL CHECK (length(user_name) > 0),
    PRIMARY KEY (session_id, user_name)
) STRICT;
-- "My sessions": by participant.
CREATE INDEX calibration_participants_user ON calibration_participants (user_name);

-- One evaluator's answers on one call of a session (the EvaluationAnswers JSON) and the score
-- computed from them; replaced while the session is blind, frozen by the reveal.
CREATE TABLE calibration_scores (
    session_id INTEGER NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
    recording_id TEXT NOT NULL,
    evaluator TEXT NOT NULL CHECK (length(evaluator) > 0),
    answers TEXT NOT NULL,
    score REAL CHECK (score >= 0 AND score <= 100),
    scored_at_ms INTEGER NOT NULL,
    PRIMARY KEY (session_id, recording_id, evaluator),
    FOREIGN KEY (session_id, recording_id)
        REFERENCES calibration_calls (session_id, recording_id) ON DELETE CASCADE
) STRICT;
