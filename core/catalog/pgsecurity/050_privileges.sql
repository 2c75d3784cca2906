-- CallVault server-side security, part 5: privileges (docs/postgres-security.md, "Grants
-- and row-level security"). Re-applied by `upgrade` after new migrations, so everything
-- here starts from nothing and is safe to run again.

-- The database: only the site's roles connect, and no one makes temporary objects.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), '${app}',
                   '${gate}');
END
$$;

-- Nothing for PUBLIC on the schema and its objects (PostgreSQL grants EXECUTE on every new
-- function to PUBLIC by default: not for functions ${owner} makes later either).
REVOKE ALL ON SCHEMA public FROM PUBLIC;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;

REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;

ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- Start from nothing for the site's roles, then grant what each table needs.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}, ${gate};

REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}, ${gate};

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM ${app}, ${gate};

GRANT USAGE ON SCHEMA public TO ${app}, ${gate};

-- Reference data every user reads; writes by permission (row-level policies below).
GRANT SELECT ON sites, schema_migrations, roles, role_permissions, teams, agents, tags, settings
    TO ${app};

GRANT INSERT, UPDATE, DELETE ON roles, role_permissions, teams, agents, settings TO ${app};

GRANT INSERT ON tags TO ${app};

-- users: password_hash is not readable (no column grant; in PostgreSQL mode it holds only
-- a placeholder, the password is the login role's SCRAM verifier). db_role, the lockout
-- columns and disabled are written only by the definer functions.
GRANT SELECT (id, name, role, must_change_password, disabled, failed_logins, locked_until_ms,
              password_changed_at_ms, last_login_ms, agent_id, created_at_ms, db_role)
    ON users TO ${app};

GRANT INSERT (name, password_hash, role, must_change_password, agent_id, created_at_ms)
    ON users TO ${app};

GRANT UPDATE (name, role, must_change_password, agent_id) ON users TO ${app};

GRANT DELETE ON users TO ${app};

GRANT SELECT, INSERT, UPDATE, DELETE ON user_teams TO ${app};

-- Recordings: read within scope, added by recorders, deleted (crypto-shredded) by
-- recording.delete within scope. Keys: added by recorders, never read directly (only
-- through cv_read_wrapped_key), never changed.
GRANT SELECT, INSERT, DELETE ON recordings TO ${app};

GRANT INSERT ON recording_keys TO ${app};

GRANT SELECT, INSERT, DELETE ON recording_tags, bookmarks TO ${app};

-- Evaluations: read with their recording, written by evaluators; never deleted (a call's QA
-- history is kept). Column grants: the id comes from the sequence (a chosen id would make
-- later inserts collide), and an evaluation stays on its recording, with its evaluator, form
-- and creation time. Columns added by later migrations need adding here.
GRANT SELECT ON evaluations TO ${app};

-- From migration 9 (the QA workflow, docs/qa-workflow.md): a draft's answers, comment and
-- time of change are written by its evaluator; the state, submission time and deadline change
-- only through the workflow's functions (cv_evaluation_submit / _respond / _resolve), which
-- also write the history (evaluation_events: no grant to write it directly).
GRANT INSERT (recording_id, started_at_ms, form_id, form_version, evaluator, state, score,
              created_at_ms, submitted_at_ms, answers, comment, updated_at_ms)
    ON evaluations TO ${app};

GRANT UPDATE (score, answers, comment, updated_at_ms) ON evaluations TO ${app};

GRANT SELECT ON evaluation_events TO ${app};

-- Evaluation forms (migration 9): read by whoever works on calls, published (inserted) with
-- qa.forms.manage; a published version is never changed or removed (evaluations keep it).
GRANT SELECT, INSERT ON evaluation_forms TO ${app};

-- Sampling rules and work queues (migration 10, docs/qa-workflow.md "Sampling and work
-- queues"): rules are read by QA management and by evaluators (their queue names the rule),
-- written with qa.forms.manage, switched off but never deleted; their evaluators are
-- replaced as a set. Work items are queued with qa.forms.manage; an item changes only its
-- evaluator (reassigned) and its evaluation (linked when started); never deleted (the
-- recording's deletion takes them along).
GRANT SELECT ON sampling_rules, sampling_rule_evaluators, work_items TO ${app};

GRANT INSERT (name, kind, parameters, team_id, form_id, deadline_days, active, created_by,
              created_at_ms, updated_at_ms)
    ON sampling_rules TO ${app};

GRANT UPDATE (name, kind, parameters, team_id, form_id, deadline_days, active, updated_at_ms)
    ON sampling_rules TO ${app};

GRANT INSERT, DELETE ON sampling_rule_evaluators TO ${app};

GRANT INSERT (rule_id, recording_id, evaluator, form_id, form_version, period_start_ms,
              assigned_at_ms, deadline_at_ms)
    ON work_items TO ${app};

GRANT UPDATE (evaluator, evaluation_id) ON work_items TO ${app};

-- Key rotations and the site's public key: keys.manage (policies). A rotation row is
-- recorded, counts its progress and is finished with its signature; its keys never change.
GRANT SELECT, INSERT (old_key_id, new_key_id, new_x25519_public, state, started_at_ms, started_by)
    ON key_rotations TO ${app};

GRANT UPDATE (state, rewrapped, finished_at_ms, signature) ON key_rotations TO ${app};

GRANT UPDATE (x25519_public, key_id) ON sites TO ${app};

-- The audit trail and its checkpoints: read with audit.read or audit.verify; written only
-- through cv_audit_append / cv_audit_add_checkpoint and the other functions.
GRANT SELECT ON audit, audit_checkpoints TO ${app};

-- login_throttle: nothing.

-- Sequences where INSERT is granted.
GRANT USAGE ON SEQUENCE users_id_seq, tags_id_seq, bookmarks_id_seq, evaluations_id_seq,
    key_rotations_id_seq, sampling_rules_id_seq, work_items_id_seq
    TO ${app};

-- Functions: the contract for the client, and what the policies and the users trigger call
-- (policy expressions run with the caller's privileges).
GRANT EXECUTE ON FUNCTION cv_whoami(), cv_has_permission(text), cv_may_see_agent(text),
    cv_scope_all(text), cv_scope_agents(text), cv_setting_permission(text), cv_my_id(),
    cv_my_name(), cv_may_handle_role(text),
    cv_audit_append(text, text, text, boolean, text, text),
    cv_audit_add_checkpoint(bigint, bytea, bigint, bigint, text, bytea, bytea),
    cv_read_wrapped_key(uuid, text, text, text), cv_key_usage(),
    cv_keys_to_rewrap(text, uuid, integer), cv_rewrap_key(uuid, text, bytea, text),
    cv_evaluation_submit(bigint, bigint, text, text),
    cv_evaluation_respond(bigint, boolean, text, bigint, text, text),
    cv_evaluation_resolve(bigint, boolean, double precision, text, text, text),
    cv_sampling_evaluators(),
    cv_login_succeeded(text, text),
    cv_create_login(bigint, text), cv_set_password(bigint, text, boolean),
    cv_set_login_enabled(bigint, boolean)
    TO ${app};

-- The phone normalization of migration 5 computes generated columns on INSERT and is used
-- by searches: immutable, no data access.
GRANT EXECUTE ON FUNCTION callvault_phone_national(text), callvault_phone_canonical(text),
    callvault_phone_norm(text)
    TO ${app};

-- The gate role counts failed log-ins and nothing else.
GRANT EXECUTE ON FUNCTION cv_login_failed(text, text, text) TO ${gate};
