-- Version 11: sampling rules and work queues of issue 6 (docs/qa-workflow.md, "Sampling and
-- work queues"; docs/catalog-schema.md, "sampling_rules", "sampling_rule_evaluators",
-- "work_items"). A rule says which calls of a period are evaluated (N random per agent, below
-- a sentiment, with tags, longer than a duration), with which form, by whom and by when; a
-- generation run queues the calls it picks as work items for the rule's evaluators.
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- A rule. parameters is the kind's JSON object (core/qa SamplingRule reads and checks it:
-- {"count":N,"period":"week"} for random_per_agent, {"threshold":-0.3}, {"tags":[...],
-- "match":"any"}, {"minDurationMs":600000}). team_id '' means every team the person who
-- generates may see; a team that no longer exists matches no call (no foreign key: deleting
-- a team must not silently widen a rule to every team). Rules are switched off, never
-- deleted: their work items and audit rows name them.
CREATE TABLE sampling_rules (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0 AND length(name) <= 100),
    kind TEXT NOT NULL
        CHECK (kind IN ('random_per_agent', 'sentiment_below', 'tagged', 'longer_than')),
    parameters TEXT NOT NULL,
    team_id TEXT NOT NULL DEFAULT '',
    form_id TEXT NOT NULL CHECK (length(form_id) > 0 AND length(form_id) <= 64),
    deadline_days INTEGER NOT NULL CHECK (deadline_days >= 1 AND deadline_days <= 365),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_by TEXT NOT NULL CHECK (length(created_by) > 0),
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);

-- The evaluators a rule's calls are assigned to (user names, like evaluations.evaluator).
CREATE TABLE sampling_rule_evaluators (
    rule_id BIGINT NOT NULL REFERENCES sampling_rules (id) ON DELETE CASCADE,
    user_name TEXT NOT NULL CHECK (length(user_name) > 0),
    PRIMARY KEY (rule_id, user_name)
);

-- One queued call: which rule picked it for which period, who evaluates it with which form
-- version, by when, and the evaluation once started (NULL until then; the state shown is
-- the evaluation's). UNIQUE (rule_id, recording_id): running a generation again never
-- queues a call twice. The recording's deletion (crypto-shredding) removes its items.
CREATE TABLE work_items (
    id BIGSERIAL PRIMARY KEY,
    rule_id BIGINT NOT NULL REFERENCES sampling_rules (id),
    recording_id UUID NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    evaluator TEXT NOT NULL CHECK (length(evaluator) > 0),
    form_id TEXT NOT NULL CHECK (length(form_id) > 0),
    form_version INTEGER NOT NULL CHECK (form_version >= 1),
    period_start_ms BIGINT NOT NULL,
    assigned_at_ms BIGINT NOT NULL,
    deadline_at_ms BIGINT NOT NULL,
    evaluation_id BIGINT REFERENCES evaluations (id) ON DELETE SET NULL,
    UNIQUE (rule_id, recording_id)
);

-- "My queue": an evaluator's items by deadline.
CREATE INDEX work_items_evaluator_deadline ON work_items (evaluator, deadline_at_ms);
-- The cascades from recordings and evaluations.
CREATE INDEX work_items_recording ON work_items (recording_id);
CREATE INDEX work_items_evaluation ON work_items (evaluation_id);
