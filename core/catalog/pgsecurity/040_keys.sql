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

-- Site key rotation (docs/key-rotation.md). The workstation of a user with keys.manage holds
-- the site private keys; it reads the wrapped keys still on an older site key, unwraps and
-- re-wraps them locally, and writes them back. These three functions are its only way to
-- recording_keys; each refuses without keys.manage. Wrapped keys are useless without a site
-- private key, so reading them in batches is audited per run by the client
-- (key.rotate.run), not per key.

-- How many data keys each site key wraps (progress, and whether retired keys are needed).
CREATE OR REPLACE FUNCTION cv_key_usage()
    RETURNS TABLE(site_key_id text, keys bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    #variable_conflict use_column
    BEGIN
        IF NOT cv_has_permission('keys.manage') THEN
            RAISE EXCEPTION 'Counting the data keys needs keys.manage.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN QUERY SELECT k.site_key_id, count(*) FROM recording_keys k GROUP BY k.site_key_id;
    END
    $$;

-- Up to p_limit keys (at most 1000) not wrapped to p_new_key_id, which must be the site's
-- current key, in recording id order after p_after (NULL: from the start).
CREATE OR REPLACE FUNCTION cv_keys_to_rewrap(p_new_key_id text, p_after uuid, p_limit integer)
    RETURNS TABLE(recording_id uuid, wrapped_key bytea, suite integer, site_key_id text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    #variable_conflict use_column
    BEGIN
        IF NOT cv_has_permission('keys.manage') THEN
            RAISE EXCEPTION 'Re-wrapping data keys needs keys.manage.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM sites s WHERE s.key_id = p_new_key_id) THEN
            RAISE EXCEPTION 'Data keys are re-wrapped only to the site''s current key.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        RETURN QUERY
            SELECT k.recording_id, k.wrapped_key, k.suite, k.site_key_id FROM recording_keys k
            WHERE k.site_key_id <> p_new_key_id AND (p_after IS NULL OR k.recording_id > p_after)
            ORDER BY k.recording_id LIMIT LEAST(GREATEST(p_limit, 1), 1000);
    END
    $$;

-- Replaces one recording's wrapped key if it is still wrapped to p_old_key_id. The new one
-- must be wrapped to the site's current key: the key id inside the wrapped key (bytes 4..35,
-- docs/container-format.md "Wrapped key") and p_new_key_id must both name it. False when the
-- row changed meanwhile (shredded, or re-wrapped by another run).
CREATE OR REPLACE FUNCTION cv_rewrap_key(p_recording_id uuid, p_old_key_id text, p_new_wrapped bytea,
                                         p_new_key_id text)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    BEGIN
        IF NOT cv_has_permission('keys.manage') THEN
            RAISE EXCEPTION 'Re-wrapping data keys needs keys.manage.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM sites s WHERE s.key_id = p_new_key_id)
           OR octet_length(p_new_wrapped) <> 127
           OR encode(substring(p_new_wrapped FROM 4 FOR 32), 'hex') <> p_new_key_id THEN
            RAISE EXCEPTION 'A data key is re-wrapped only to the site''s current key.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        UPDATE recording_keys SET wrapped_key = p_new_wrapped, site_key_id = p_new_key_id
            WHERE recording_id = p_recording_id AND site_key_id = p_old_key_id;
        RETURN FOUND;
    END
    $$;
