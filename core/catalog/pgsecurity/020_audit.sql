-- CallVault server-side security, part 2: the audit trail, written only through these
-- functions (docs/postgres-security.md). The hash chain is the one of cv::AuditLog
-- (docs/catalog-schema.md, "Hash encoding"), so rows written here and rows written by the
-- C++ AuditLog form one chain that AuditVerifier accepts.

-- Text made safe for an audit row: control characters (C0, DEL, C1, U+2028/9) become
-- U+FFFD like cv::authtext::forAudit, and very long values are cut (no huge rows).
CREATE OR REPLACE FUNCTION cv_audit_text(p_text text, p_max integer) RETURNS text
    LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT left(regexp_replace(COALESCE(p_text, ''),
                               '[\u0001-\u001f\u007f-\u009f\u2028\u2029]', U&'\FFFD', 'g'),
                p_max)
    $$;

-- str = u32 big-endian byte length || UTF-8 bytes
CREATE OR REPLACE FUNCTION cv_audit_str(p_text text) RETURNS bytea
    LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT int4send(octet_length(convert_to(p_text, 'UTF8'))) || convert_to(p_text, 'UTF8')
    $$;

-- hash = SHA-256(prev_hash || u64 BE at_ms || str actor || host || program || action ||
--                target || details || result)
CREATE OR REPLACE FUNCTION cv_audit_hash(p_prev bytea, p_at_ms bigint, p_actor text,
                                         p_host text, p_program text, p_action text,
                                         p_target text, p_details text, p_result text)
    RETURNS bytea
    LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT sha256(p_prev || int8send(p_at_ms) || cv_audit_str(p_actor) || cv_audit_str(p_host)
                  || cv_audit_str(p_program) || cv_audit_str(p_action)
                  || cv_audit_str(p_target) || cv_audit_str(p_details)
                  || cv_audit_str(p_result))
    $$;

-- Internal (no EXECUTE for anyone): appends one row. Takes the same advisory lock as
-- cv::AuditLog ("CVAUDIT\1") before reading the head, so the two never fork the chain;
-- at_ms is taken under the lock.
CREATE OR REPLACE FUNCTION cv_audit_write(p_actor text, p_host text, p_program text,
                                          p_action text, p_target text, p_details text,
                                          p_allowed boolean) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_prev bytea;
        v_at bigint;
        v_result text := CASE WHEN p_allowed THEN 'allowed' ELSE 'denied' END;
        v_host text := cv_audit_text(COALESCE(NULLIF(p_host, ''),
                                              host(inet_client_addr()), 'localhost'), 1000);
        v_program text := cv_audit_text(COALESCE(NULLIF(p_program, ''),
                                                 NULLIF(current_setting('application_name'), ''),
                                                 'postgresql'), 1000);
        v_id bigint;
    BEGIN
        PERFORM pg_advisory_xact_lock(4852137483011970049);
        SELECT a.hash INTO v_prev FROM audit a ORDER BY a.id DESC LIMIT 1;
        IF v_prev IS NULL THEN
            v_prev := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
        END IF;
        v_at := cv_now_ms();
        INSERT INTO audit (at_ms, actor, host, program, action, target, details, result,
                           prev_hash, hash)
        VALUES (v_at, p_actor, v_host, v_program, p_action, p_target, p_details, v_result, v_prev,
                cv_audit_hash(v_prev, v_at, p_actor, v_host, v_program, p_action, p_target,
                              p_details, v_result))
        RETURNING id INTO v_id;
        RETURN v_id;
    END
    $$;

-- The client's audit events (search, export, administration, ...). The actor is always
-- the caller's user name (the login role's name for a role that is no user), never a
-- parameter. Details must be JSON text ('' means '{}').
CREATE OR REPLACE FUNCTION cv_audit_append(p_action text, p_target text, p_details text,
                                           p_allowed boolean, p_host text, p_program text)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_details text := COALESCE(NULLIF(p_details, ''), '{}');
        v_json json;
    BEGIN
        IF p_action IS NULL OR p_action !~ '^[a-z][a-z0-9_]*([.][a-z0-9_]+)*$'
           OR length(p_action) > 64 THEN
            RAISE EXCEPTION 'An audit action is 1 to 64 of a-z, 0-9, _ and dots (got %).',
                quote_literal(left(COALESCE(p_action, ''), 80))
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF p_allowed IS NULL THEN
            RAISE EXCEPTION 'An audit event is either allowed or denied.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF octet_length(v_details) > 65536 THEN
            RAISE EXCEPTION 'Audit details may have at most 64 KiB.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        BEGIN
            v_json := v_details::json;
        EXCEPTION WHEN others THEN
            RAISE EXCEPTION 'Audit details must be JSON text.'
                USING ERRCODE = 'invalid_parameter_value';
        END;
        RETURN cv_audit_write(cv_audit_text(COALESCE(cv_my_name(), session_user::text), 1000),
                              p_host, p_program, p_action, cv_audit_text(p_target, 1000),
                              v_details, p_allowed);
    END
    $$;

-- checkpoint_message (docs/catalog-schema.md, "Signed bytes") of a stored checkpoint;
-- its SHA-256 is what the next checkpoint names as prev_checkpoint_hash.
CREATE OR REPLACE FUNCTION cv_checkpoint_digest(p_site uuid, p_audit_row_id bigint,
                                                p_head_hash bytea, p_row_count bigint,
                                                p_at_ms bigint, p_prev bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT sha256(convert_to('callvault-audit-checkpoint-v1', 'UTF8') || uuid_send(p_site)
                  || int8send(p_audit_row_id) || p_head_hash || int8send(p_row_count)
                  || int8send(p_at_ms) || p_prev)
    $$;

-- A signed checkpoint from any app user (every writer may checkpoint). The server cannot
-- check the Ed25519 signature, but refuses a checkpoint that does not fit the trail: it
-- must name the site's signing key, follow the newest checkpoint (else another writer was
-- first: read it and sign again), cover a later row, and match that row's hash and the
-- number of rows up to it, and the rows since the previous checkpoint must link and hash
-- correctly (so no one signs a broken chain). Under the advisory lock of
-- cv::AuditCheckpointer ("CVAUDCKP").
CREATE OR REPLACE FUNCTION cv_audit_add_checkpoint(p_audit_row_id bigint, p_head_hash bytea,
                                                   p_row_count bigint, p_at_ms bigint,
                                                   p_signer_key_id text,
                                                   p_prev_checkpoint_hash bytea,
                                                   p_signature bytea) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_zero bytea := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
        v_site sites;
        v_last audit_checkpoints;
        v_expected bytea;
        v_prev bytea;
        v_count bigint;
        v_row audit;
        v_id bigint;
    BEGIN
        PERFORM pg_advisory_xact_lock(4852137483011574608);
        SELECT s.* INTO v_site FROM sites s ORDER BY s.created_at_ms LIMIT 1;
        IF v_site.id IS NULL THEN
            RAISE EXCEPTION 'The catalog has no site row.' USING ERRCODE = 'no_data_found';
        END IF;
        IF p_signer_key_id IS DISTINCT FROM encode(sha256(v_site.ed25519_public), 'hex') THEN
            RAISE EXCEPTION 'The checkpoint names another signing key than the site''s.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF octet_length(p_signature) IS DISTINCT FROM 64 OR octet_length(p_head_hash) IS DISTINCT FROM 32 THEN
            RAISE EXCEPTION 'A checkpoint has a 32-byte head hash and a 64-byte signature.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT c.* INTO v_last FROM audit_checkpoints c ORDER BY c.id DESC LIMIT 1;
        v_expected := CASE WHEN v_last.id IS NULL THEN v_zero
            ELSE cv_checkpoint_digest(v_site.id, v_last.audit_row_id, v_last.head_hash,
                                      v_last.row_count, v_last.at_ms,
                                      v_last.prev_checkpoint_hash) END;
        IF p_prev_checkpoint_hash IS DISTINCT FROM v_expected THEN
            RAISE EXCEPTION 'The checkpoint does not follow the newest checkpoint (another one was written first): read it and sign again.'
                USING ERRCODE = 'serialization_failure';
        END IF;
        IF v_last.id IS NOT NULL AND p_audit_row_id <= v_last.audit_row_id THEN
            RAISE EXCEPTION 'The checkpoint must cover rows after audit row %.', v_last.audit_row_id
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM audit a WHERE a.id = p_audit_row_id AND a.hash = p_head_hash) THEN
            RAISE EXCEPTION 'Audit row % does not exist or has another hash.', p_audit_row_id
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT count(*) INTO v_count FROM audit a WHERE a.id <= p_audit_row_id;
        IF v_count IS DISTINCT FROM p_row_count THEN
            RAISE EXCEPTION 'The trail has % rows up to audit row %, not %.', v_count,
                p_audit_row_id, p_row_count USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF v_last.id IS NULL THEN
            v_prev := v_zero;
        ELSE
            SELECT a.hash INTO v_prev FROM audit a WHERE a.id = v_last.audit_row_id;
            IF v_prev IS NULL THEN
                RAISE EXCEPTION 'The audit trail no longer reaches row % of the previous checkpoint.',
                    v_last.audit_row_id USING ERRCODE = 'data_corrupted';
            END IF;
        END IF;
        FOR v_row IN SELECT a.* FROM audit a
                     WHERE a.id > COALESCE(v_last.audit_row_id, 0) AND a.id <= p_audit_row_id
                     ORDER BY a.id LOOP
            IF v_row.prev_hash IS DISTINCT FROM v_prev
               OR v_row.hash IS DISTINCT FROM cv_audit_hash(v_row.prev_hash, v_row.at_ms,
                      v_row.actor, v_row.host, v_row.program, v_row.action, v_row.target,
                      v_row.details, v_row.result) THEN
                RAISE EXCEPTION 'The audit trail is broken at row %: no checkpoint is signed over it.',
                    v_row.id USING ERRCODE = 'data_corrupted';
            END IF;
            v_prev := v_row.hash;
        END LOOP;
        INSERT INTO audit_checkpoints (audit_row_id, head_hash, row_count, at_ms, signer_key_id,
                                       prev_checkpoint_hash, signature)
        VALUES (p_audit_row_id, p_head_hash, p_row_count, p_at_ms, p_signer_key_id,
                p_prev_checkpoint_hash, p_signature)
        RETURNING id INTO v_id;
        RETURN v_id;
    END
    $$;
