-- CallVault server-side security, part 4: the only way to read a recording's wrapped data
-- key (docs/postgres-security.md). recording_keys has no SELECT grant for anyone; this
-- function checks the permission for the purpose and the scope on the recording's agent,
-- and writes the audit row (allowed or denied) in the same transaction as the read.

-- purpose 'play' needs recording.play, 'export' needs recording.export, each within the
-- caller's scope; an agent-scoped ('own') role also needs the setting agent.may_play_own
-- (like cv::AccessControl::requireRecording, for play and export). Audit action
-- recording.play / recording.export, target the recording id, details
-- {"permission":...} when allowed and {"permission":...,"reason":...} when denied.
-- A denial returns no row and raises nothing: an exception would roll the denied audit
-- row back. An unknown recording is a denial too (reason "unknown recording").
CREATE OR REPLACE FUNCTION cv_read_wrapped_key(p_recording_id uuid, p_purpose text,
                                               p_host text, p_program text)
    RETURNS TABLE(wrapped_key bytea, suite integer, site_key_id text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    #variable_conflict use_column
    DECLARE
        v_permission text;
        v_me users := cv_me();
        v_scope text;
        v_agent text;
        v_found boolean := false;
        v_reason text;
        v_key recording_keys;
        v_actor text;
        v_target text := COALESCE(p_recording_id::text, '');
    BEGIN
        v_permission := CASE p_purpose WHEN 'play' THEN 'recording.play'
                                       WHEN 'export' THEN 'recording.export' END;
        IF v_permission IS NULL THEN
            RAISE EXCEPTION 'A wrapped key is read to play or to export (purpose ''play'' or ''export'').'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v_actor := cv_audit_text(COALESCE(v_me.name, session_user::text), 1000);
        SELECT r.agent_id, true INTO v_agent, v_found FROM recordings r WHERE r.id = p_recording_id;
        SELECT ro.scope INTO v_scope FROM roles ro WHERE ro.name = v_me.role;
        IF v_me.id IS NULL THEN
            v_reason := 'no CallVault user';
        ELSIF v_me.disabled THEN
            v_reason := 'account disabled';
        ELSIF v_me.must_change_password THEN
            v_reason := 'password change required';
        ELSIF NOT cv_has_permission(v_permission) THEN
            v_reason := 'permission not granted';
        ELSIF NOT COALESCE(v_found, false) THEN
            v_reason := 'unknown recording';
        ELSIF NOT cv_in_scope(v_agent) THEN
            v_reason := 'outside scope';
        ELSIF v_scope = 'own' AND NOT cv_setting_bool('agent.may_play_own', true) THEN
            v_reason := 'agent playback disabled';
        ELSE
            SELECT k.* INTO v_key FROM recording_keys k WHERE k.recording_id = p_recording_id;
            IF v_key.recording_id IS NULL THEN
                v_reason := 'no key (crypto-shredded)';
            END IF;
        END IF;
        IF v_reason IS NOT NULL THEN
            PERFORM cv_audit_write(v_actor, p_host, p_program, v_permission, v_target,
                                   format('{"permission":%s,"reason":%s}', to_json(v_permission),
                                          to_json(v_reason)), false);
            RETURN;
        END IF;
        PERFORM cv_audit_write(v_actor, p_host, p_program, v_permission, v_target,
                               format('{"permission":%s}', to_json(v_permission)), true);
        RETURN QUERY SELECT v_key.wrapped_key, v_key.suite, v_key.site_key_id;
    END
    $$;
