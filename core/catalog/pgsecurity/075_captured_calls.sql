-- CallVault server-side security, part 8: what the network recorder saw of each call
-- (migration 12; docs/user-guide-callvault-recorder.md, "Completeness"; docs/postgres-security.md). Runs after
-- 050 (which revokes everything first) and 060 (which drops every policy first), so
-- re-applying is safe. A recorder adds rows (recording.ingest) and reads none back, like
-- recordings; people read them with recording.search within their scope, like the calls
-- themselves (the rows name the call's agent and customer). Nobody changes or deletes one:
-- they go with their recording (ON DELETE CASCADE) or stay as the record of a call that was
-- not recorded.

GRANT SELECT, INSERT ON captured_calls TO ${app};

ALTER TABLE captured_calls ENABLE ROW LEVEL SECURITY;

CREATE POLICY cv_read ON captured_calls FOR SELECT TO ${app}
    USING ((SELECT cv_scope_all('recording.search'))
           OR agent_id = ANY (CAST((SELECT cv_scope_agents('recording.search')) AS text[])));
CREATE POLICY cv_insert ON captured_calls FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('recording.ingest')));
