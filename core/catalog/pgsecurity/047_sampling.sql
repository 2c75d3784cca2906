-- CallVault server-side security, part 4c: sampling rules and work queues (migration 10,
-- docs/qa-workflow.md "Sampling and work queues"). QA management names a rule's evaluators
-- and the generator assigns calls to those who may score them, but a supervisor may not read
-- other users' accounts (users, user_teams: own rows only). This function tells exactly what
-- sampling needs and nothing more: the enabled users who hold recording.score now, with the
-- scope of their role (their teams, their agent id), to a caller holding qa.forms.manage;
-- to anyone else, no row.
CREATE OR REPLACE FUNCTION cv_sampling_evaluators()
    RETURNS TABLE(name text, scope text, agent_id text, teams text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT u.name, r.scope, COALESCE(u.agent_id, ''),
           COALESCE((SELECT string_agg(ut.team_id, chr(31) ORDER BY ut.team_id)
                     FROM user_teams ut WHERE ut.user_id = u.id), '')
    FROM users u JOIN roles r ON r.name = u.role
    WHERE cv_has_permission('qa.forms.manage') AND NOT u.disabled AND NOT u.must_change_password
      AND EXISTS (SELECT 1 FROM role_permissions rp
                  WHERE rp.role = u.role AND rp.permission = 'recording.score')
    ORDER BY u.name
    $$;
