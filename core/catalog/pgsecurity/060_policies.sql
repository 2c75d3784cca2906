-- CallVault server-side security, part 6: row-level security (docs/postgres-security.md,
-- "Grants and row-level security"). Enabled on every table; the policies are for ${app}
-- (every user login role is its member). ${owner} owns the tables and so bypasses them,
-- which the SECURITY DEFINER functions rely on. A table without a policy for a command
-- refuses it. Re-applied by `upgrade`: every policy is dropped and made again.
-- Permission checks are written "(SELECT cv_has_permission(...))": an uncorrelated
-- subquery is evaluated once per statement, not once per row.

ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
ALTER TABLE schema_migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_permissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_throttle ENABLE ROW LEVEL SECURITY;
ALTER TABLE recordings ENABLE ROW LEVEL SECURITY;
ALTER TABLE recording_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE recording_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE bookmarks ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluations ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_forms ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE key_rotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE sampling_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE sampling_rule_evaluators ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY;

-- Drop every policy on the public schema's tables, so that this file makes them anew.
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT policyname, tablename FROM pg_policies WHERE schemaname = 'public' LOOP
        EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
    END LOOP;
END
$$;

-- Reference data: everyone reads it.
CREATE POLICY cv_read ON sites FOR SELECT TO ${app} USING (true);
CREATE POLICY cv_read ON schema_migrations FOR SELECT TO ${app} USING (true);
CREATE POLICY cv_read ON roles FOR SELECT TO ${app} USING (true);
CREATE POLICY cv_read ON role_permissions FOR SELECT TO ${app} USING (true);
CREATE POLICY cv_read ON teams FOR SELECT TO ${app} USING (true);
CREATE POLICY cv_read ON agents FOR SELECT TO ${app} USING (true);
CREATE POLICY cv_read ON tags FOR SELECT TO ${app} USING (true);
CREATE POLICY cv_read ON settings FOR SELECT TO ${app} USING (true);

-- Roles and their permissions: roles.manage.
CREATE POLICY cv_insert ON roles FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('roles.manage')));
CREATE POLICY cv_update ON roles FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('roles.manage')))
    WITH CHECK ((SELECT cv_has_permission('roles.manage')));
CREATE POLICY cv_delete ON roles FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('roles.manage')));
CREATE POLICY cv_insert ON role_permissions FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('roles.manage')));
CREATE POLICY cv_update ON role_permissions FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('roles.manage')))
    WITH CHECK ((SELECT cv_has_permission('roles.manage')));
CREATE POLICY cv_delete ON role_permissions FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('roles.manage')));

-- Teams and the agent directory: teams.manage.
CREATE POLICY cv_insert ON teams FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('teams.manage')));
CREATE POLICY cv_update ON teams FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('teams.manage')))
    WITH CHECK ((SELECT cv_has_permission('teams.manage')));
CREATE POLICY cv_delete ON teams FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('teams.manage')));
CREATE POLICY cv_insert ON agents FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('teams.manage')));
CREATE POLICY cv_update ON agents FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('teams.manage')))
    WITH CHECK ((SELECT cv_has_permission('teams.manage')));
CREATE POLICY cv_delete ON agents FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('teams.manage')));

-- Settings: security.policy for lockout.*, password.* and session.*, settings.change for
-- the rest (a key cannot be moved from one kind to the other).
CREATE POLICY cv_insert ON settings FOR INSERT TO ${app}
    WITH CHECK (cv_has_permission(cv_setting_permission(key)));
CREATE POLICY cv_update ON settings FOR UPDATE TO ${app}
    USING (cv_has_permission(cv_setting_permission(key)))
    WITH CHECK (cv_has_permission(cv_setting_permission(key)));
CREATE POLICY cv_delete ON settings FOR DELETE TO ${app}
    USING (cv_has_permission(cv_setting_permission(key)));

-- Tags: created by users who may tag, under their own name; never changed or removed
-- (no permission covers it yet).
CREATE POLICY cv_insert ON tags FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('recording.tag')) AND created_by = (SELECT cv_my_name()));

-- Users: one's own row, or every row with users.manage; changes with users.manage (and
-- the trigger cv_users_guard: not one's own account, only roles one may handle).
CREATE POLICY cv_read ON users FOR SELECT TO ${app}
    USING (db_role = session_user::text OR (SELECT cv_has_permission('users.manage')));
CREATE POLICY cv_insert ON users FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('users.manage')));
CREATE POLICY cv_update ON users FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('users.manage')))
    WITH CHECK ((SELECT cv_has_permission('users.manage')));
CREATE POLICY cv_delete ON users FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('users.manage')));

CREATE POLICY cv_read ON user_teams FOR SELECT TO ${app}
    USING (user_id = (SELECT cv_my_id()) OR (SELECT cv_has_permission('users.manage')));
CREATE POLICY cv_insert ON user_teams FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('users.manage')));
CREATE POLICY cv_update ON user_teams FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('users.manage')))
    WITH CHECK ((SELECT cv_has_permission('users.manage')));
CREATE POLICY cv_delete ON user_teams FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('users.manage')));

-- Recordings: recording.search within the scope (cv_may_see_agent, evaluated once per
-- statement); added with recording.ingest; deleted with recording.delete within the scope.
CREATE POLICY cv_read ON recordings FOR SELECT TO ${app}
    USING ((SELECT cv_scope_all('recording.search'))
           OR agent_id = ANY (CAST((SELECT cv_scope_agents('recording.search')) AS text[])));
CREATE POLICY cv_insert ON recordings FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('recording.ingest')));
CREATE POLICY cv_delete ON recordings FOR DELETE TO ${app}
    USING ((SELECT cv_scope_all('recording.delete'))
           OR agent_id = ANY (CAST((SELECT cv_scope_agents('recording.delete')) AS text[])));

-- Wrapped keys: added with recording.ingest; no policy (and no grant) for anything else.
CREATE POLICY cv_insert ON recording_keys FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('recording.ingest')));

-- Tag links and bookmarks: visible with their recording (the subquery on recordings is
-- itself filtered by the caller's recording policy); added and removed with recording.tag
-- / recording.bookmark on recordings the caller sees, under the caller's own name.
CREATE POLICY cv_read ON recording_tags FOR SELECT TO ${app}
    USING (EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
CREATE POLICY cv_insert ON recording_tags FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('recording.tag'))
                AND tagged_by = (SELECT cv_my_name())
                AND EXISTS (SELECT 1 FROM recordings r
                            WHERE r.id = recording_tags.recording_id
                              AND r.started_at_ms = recording_tags.started_at_ms));
CREATE POLICY cv_delete ON recording_tags FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('recording.tag'))
           AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));

CREATE POLICY cv_read ON bookmarks FOR SELECT TO ${app}
    USING (EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
CREATE POLICY cv_insert ON bookmarks FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('recording.bookmark'))
                AND author = (SELECT cv_my_name())
                AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
CREATE POLICY cv_delete ON bookmarks FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('recording.bookmark'))
           AND author = (SELECT cv_my_name())
           AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));

-- Evaluations: visible with their recording (as tag links are); added with recording.score
-- on recordings the caller sees, under the caller's own name and with the recording's start
-- (the search's time ranges rely on the copy), always as a draft; a draft is changed only by
-- its own evaluator, on recordings still in the caller's scope, and stays a draft: every
-- later step goes through the workflow's functions (045_evaluations.sql), which write its
-- history and audit row. No DELETE policy (and no grant): evaluations are history.
CREATE POLICY cv_read ON evaluations FOR SELECT TO ${app}
    USING (EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
CREATE POLICY cv_insert ON evaluations FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('recording.score'))
                AND evaluator = (SELECT cv_my_name())
                AND state = 'draft' AND submitted_at_ms IS NULL
                AND EXISTS (SELECT 1 FROM recordings r
                            WHERE r.id = evaluations.recording_id
                              AND r.started_at_ms = evaluations.started_at_ms));
CREATE POLICY cv_update ON evaluations FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('recording.score'))
           AND evaluator = (SELECT cv_my_name()) AND state = 'draft'
           AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id))
    WITH CHECK ((SELECT cv_has_permission('recording.score'))
                AND evaluator = (SELECT cv_my_name()) AND state = 'draft'
                AND EXISTS (SELECT 1 FROM recordings r
                            WHERE r.id = evaluations.recording_id
                              AND r.started_at_ms = evaluations.started_at_ms));

-- An evaluation's history: visible with the evaluation (so with its recording). Written only
-- by the workflow's functions (no INSERT policy or grant).
CREATE POLICY cv_read ON evaluation_events FOR SELECT TO ${app}
    USING (EXISTS (SELECT 1 FROM evaluations e WHERE e.id = evaluation_id));

-- Evaluation forms: read by whoever works on calls (an agent reads the form of their
-- evaluation); published with qa.forms.manage under the caller's own name. No UPDATE or
-- DELETE: a published version never changes.
CREATE POLICY cv_read ON evaluation_forms FOR SELECT TO ${app}
    USING ((SELECT cv_has_permission('recording.search') OR cv_has_permission('recording.score')
                   OR cv_has_permission('qa.forms.manage')
                   OR cv_has_permission('evaluation.acknowledge')
                   OR cv_has_permission('evaluation.resolve')));
CREATE POLICY cv_insert ON evaluation_forms FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('qa.forms.manage'))
                AND published_by = (SELECT cv_my_name()));

-- Sampling rules (migration 10): read by QA management and by evaluators (a queue shows its
-- rule's name); added under the caller's own name and changed with qa.forms.manage. No
-- DELETE policy (and no grant): a rule is switched off, its items and audit rows name it.
-- A rule's evaluators are replaced as a set with qa.forms.manage.
CREATE POLICY cv_read ON sampling_rules FOR SELECT TO ${app}
    USING ((SELECT cv_has_permission('qa.forms.manage') OR cv_has_permission('recording.score')));
CREATE POLICY cv_insert ON sampling_rules FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('qa.forms.manage'))
                AND created_by = (SELECT cv_my_name()));
-- A rule of a team is changed only by QA management of that team (before and after the
-- change: no moving another team's rule into one's own); a rule of no team by any of them.
CREATE POLICY cv_update ON sampling_rules FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('qa.forms.manage'))
           AND (team_id = '' OR (SELECT cv_scope_all('qa.forms.manage'))
                OR team_id IN (SELECT ut.team_id FROM user_teams ut WHERE ut.user_id = (SELECT cv_my_id()))))
    WITH CHECK ((SELECT cv_has_permission('qa.forms.manage'))
                AND (team_id = '' OR (SELECT cv_scope_all('qa.forms.manage'))
                     OR team_id IN (SELECT ut.team_id FROM user_teams ut WHERE ut.user_id = (SELECT cv_my_id()))));
CREATE POLICY cv_read ON sampling_rule_evaluators FOR SELECT TO ${app}
    USING ((SELECT cv_has_permission('qa.forms.manage') OR cv_has_permission('recording.score')));
CREATE POLICY cv_insert ON sampling_rule_evaluators FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('qa.forms.manage')));
CREATE POLICY cv_delete ON sampling_rule_evaluators FOR DELETE TO ${app}
    USING ((SELECT cv_has_permission('qa.forms.manage')));

-- Work items: visible with their recording (so within the caller's scope), to QA management
-- and to the item's own evaluator. Queued with qa.forms.manage on recordings the caller
-- sees; reassigned with qa.forms.manage; the evaluator links their own item to their own
-- evaluation of the same call (and cannot hand the item to someone else). No DELETE.
CREATE POLICY cv_read ON work_items FOR SELECT TO ${app}
    USING (((SELECT cv_has_permission('qa.forms.manage')) OR evaluator = (SELECT cv_my_name()))
           AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
CREATE POLICY cv_insert ON work_items FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('qa.forms.manage'))
                AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
CREATE POLICY cv_update ON work_items FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('qa.forms.manage'))
           AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id))
    WITH CHECK ((SELECT cv_has_permission('qa.forms.manage'))
                AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id)
                AND (evaluation_id IS NULL
                     OR EXISTS (SELECT 1 FROM evaluations e WHERE e.id = evaluation_id
                                AND e.recording_id = work_items.recording_id)));
CREATE POLICY cv_update_own ON work_items FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('recording.score')) AND evaluator = (SELECT cv_my_name())
           AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id))
    WITH CHECK ((SELECT cv_has_permission('recording.score'))
                AND evaluator = (SELECT cv_my_name())
                AND (evaluation_id IS NULL
                     OR EXISTS (SELECT 1 FROM evaluations e
                                WHERE e.id = evaluation_id
                                  AND e.recording_id = work_items.recording_id
                                  AND e.evaluator = (SELECT cv_my_name()))));

-- The site's public key changes only in a key rotation (keys.manage).
CREATE POLICY cv_update ON sites FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('keys.manage')))
    WITH CHECK ((SELECT cv_has_permission('keys.manage')));

-- Key rotations: public facts (key ids, the new public key, who and when) that every user's
-- log-in reads to follow a rotation made elsewhere (site.json); keys.manage starts them
-- (under the caller's own name) and advances them.
CREATE POLICY cv_read ON key_rotations FOR SELECT TO ${app} USING (true);
CREATE POLICY cv_insert ON key_rotations FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('keys.manage')) AND started_by = (SELECT cv_my_name()));
CREATE POLICY cv_update ON key_rotations FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('keys.manage')))
    WITH CHECK ((SELECT cv_has_permission('keys.manage')));

-- The audit trail and its checkpoints: read with audit.read or audit.verify. No policy
-- (and no grant) for INSERT, UPDATE or DELETE: rows come only through the functions.
CREATE POLICY cv_read ON audit FOR SELECT TO ${app}
    USING ((SELECT cv_has_permission('audit.read') OR cv_has_permission('audit.verify')));
CREATE POLICY cv_read ON audit_checkpoints FOR SELECT TO ${app}
    USING ((SELECT cv_has_permission('audit.read') OR cv_has_permission('audit.verify')));

-- login_throttle: no policy, no grant.
