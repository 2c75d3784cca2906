-- CallVault server-side security, part 3: log-in, lockout and the PostgreSQL login roles
-- of the users (docs/postgres-security.md). Audit actions and details are those of
-- cv::AuthService and cv::UserAdmin, details as compact JSON with sorted keys like
-- QJsonDocument writes them.

-- Internal: an audit row by a user name that is not (necessarily) the caller's, for the
-- log-in functions (the name typed at the prompt, as AuthService writes it).
CREATE OR REPLACE FUNCTION cv_audit_as(p_actor text, p_action text, p_target text,
                                       p_allowed boolean, p_details text, p_host text,
                                       p_program text) RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT cv_audit_write(cv_audit_text(p_actor, 1000), p_host, p_program, p_action,
                          cv_audit_text(p_target, 1000), p_details, p_allowed)
    $$;

-- Internal: a SCRAM-SHA-256 verifier as PQencryptPasswordConn makes it, never a password
-- in clear text (the server must never see one).
CREATE OR REPLACE FUNCTION cv_check_verifier(p_verifier text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    BEGIN
        IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256[$][0-9]+:[A-Za-z0-9+/=]+[$][A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
            RAISE EXCEPTION 'A password must reach the server as a SCRAM-SHA-256 verifier (libpq PQencryptPasswordConn), never in clear text.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END
    $$;

-- Internal: the login role name of a user: <prefix>_u_<first 16 hex of SHA-256(UTF-8 name)>.
CREATE OR REPLACE FUNCTION cv_login_role_name(p_name text) RETURNS text
    LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT '${prefix}_u_' || left(encode(sha256(convert_to(p_name, 'UTF8')), 'hex'), 16) $$;

-- Internal (the provisioner and cv_create_login): creates the user's login role, a member
-- of ${app} (which holds every grant), with the verifier as its password, and records it
-- in users.db_role. A disabled user's role cannot log in.
CREATE OR REPLACE FUNCTION cv_make_login(p_user_id bigint, p_verifier text) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_user users;
        v_role text;
    BEGIN
        PERFORM cv_check_verifier(p_verifier);
        SELECT u.* INTO v_user FROM users u WHERE u.id = p_user_id FOR UPDATE;
        IF v_user.id IS NULL THEN
            RAISE EXCEPTION 'There is no user %.', p_user_id USING ERRCODE = 'no_data_found';
        END IF;
        IF v_user.db_role IS NOT NULL THEN
            RAISE EXCEPTION 'User % already has the login role %.', v_user.name, v_user.db_role
                USING ERRCODE = 'duplicate_object';
        END IF;
        v_role := cv_login_role_name(v_user.name);
        EXECUTE format('CREATE ROLE %I %s PASSWORD %L IN ROLE %I', v_role,
                       CASE WHEN v_user.disabled THEN 'NOLOGIN' ELSE 'LOGIN' END, p_verifier,
                       '${app}');
        UPDATE users SET db_role = v_role WHERE id = p_user_id;
        RETURN v_role;
    END
    $$;

-- The client calls this right after connecting as the user. ok: the log-in counts
-- (failed_logins reset, last_login_ms, audit auth.login allowed); locked / disabled: the
-- session must not be used (audited denied). An expired lockout ends here.
CREATE OR REPLACE FUNCTION cv_login_succeeded(p_host text, p_program text)
    RETURNS TABLE(status text, user_id bigint, must_change_password boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    #variable_conflict use_column
    DECLARE
        v_user users;
        v_now bigint := cv_now_ms();
    BEGIN
        SELECT u.* INTO v_user FROM users u WHERE u.db_role = session_user::text FOR UPDATE;
        IF v_user.id IS NULL THEN
            PERFORM cv_audit_as(session_user::text, 'auth.login', session_user::text, false,
                                '{"reason":"account removed"}', p_host, p_program);
            RETURN QUERY SELECT 'disabled'::text, NULL::bigint, NULL::boolean;
            RETURN;
        END IF;
        IF v_user.disabled THEN
            PERFORM cv_audit_as(v_user.name, 'auth.login', v_user.name, false,
                                '{"reason":"account disabled"}', p_host, p_program);
            RETURN QUERY SELECT 'disabled'::text, v_user.id, v_user.must_change_password;
            RETURN;
        END IF;
        IF v_user.locked_until_ms IS NOT NULL AND v_user.locked_until_ms > v_now THEN
            PERFORM cv_audit_as(v_user.name, 'auth.login', v_user.name, false,
                                '{"reason":"account locked"}', p_host, p_program);
            RETURN QUERY SELECT 'locked'::text, v_user.id, v_user.must_change_password;
            RETURN;
        END IF;
        IF v_user.locked_until_ms IS NOT NULL THEN
            UPDATE users SET locked_until_ms = NULL, failed_logins = 0 WHERE id = v_user.id;
            PERFORM cv_audit_as(v_user.name, 'auth.unlock', v_user.name, true,
                                '{"reason":"lockout expired"}', p_host, p_program);
        END IF;
        UPDATE users SET last_login_ms = v_now, failed_logins = 0 WHERE id = v_user.id;
        PERFORM cv_audit_as(v_user.name, 'auth.login', v_user.name, true,
                            format('{"mustChangePassword":%s,"role":%s}',
                                   to_json(v_user.must_change_password), to_json(v_user.role)),
                            p_host, p_program);
        RETURN QUERY SELECT 'ok'::text, v_user.id, v_user.must_change_password;
    END
    $$;

-- The only function the gate role may run: the client calls it (logged in as
-- ${gate}) when a connection as the user failed. It counts the failure like AuthService:
-- on the account, or for a name that is no user in login_throttle (by the SHA-256 of the
-- name, locking out the same way, so the answers do not tell whether a name exists).
-- At lockout.max_failures the account is locked for lockout.minutes: its login role loses
-- LOGIN. Returns 'wrong' (counted), 'locked' (locked now or still), or 'retry' (a lockout
-- had expired and is lifted now: connect once more; a failure then counts again).
CREATE OR REPLACE FUNCTION cv_login_failed(p_name text, p_host text, p_program text)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_name text := COALESCE(p_name, '');
        v_now bigint := cv_now_ms();
        v_max integer := cv_setting_int('lockout.max_failures', 10, 1, 1000);
        v_minutes integer := cv_setting_int('lockout.minutes', 30, 1, 10080);
        v_user users;
        v_key text;
        v_locked bigint;
        v_found boolean;
        v_failures integer;
    BEGIN
        SELECT u.* INTO v_user FROM users u WHERE u.name = v_name FOR UPDATE;
        IF v_user.id IS NOT NULL THEN
            IF v_user.locked_until_ms IS NOT NULL AND v_user.locked_until_ms > v_now THEN
                PERFORM cv_audit_as(v_name, 'auth.login', v_name, false,
                                    '{"reason":"account locked"}', p_host, p_program);
                RETURN 'locked';
            END IF;
            IF v_user.locked_until_ms IS NOT NULL THEN
                UPDATE users SET locked_until_ms = NULL, failed_logins = 0 WHERE id = v_user.id;
                IF v_user.db_role IS NOT NULL AND NOT v_user.disabled THEN
                    EXECUTE format('ALTER ROLE %I LOGIN', v_user.db_role);
                END IF;
                PERFORM cv_audit_as(v_name, 'auth.unlock', v_name, true,
                                    '{"reason":"lockout expired"}', p_host, p_program);
                RETURN 'retry';
            END IF;
            IF v_user.disabled THEN
                -- Its role cannot log in at all; nothing to count.
                PERFORM cv_audit_as(v_name, 'auth.login', v_name, false,
                                    '{"reason":"account disabled"}', p_host, p_program);
                RETURN 'wrong';
            END IF;
            UPDATE users SET failed_logins = failed_logins + 1 WHERE id = v_user.id
                RETURNING failed_logins INTO v_failures;
            PERFORM cv_audit_as(v_name, 'auth.login', v_name, false,
                                format('{"failures":%s,"reason":"wrong password"}', v_failures),
                                p_host, p_program);
            IF v_failures >= v_max THEN
                UPDATE users SET locked_until_ms = v_now + v_minutes * 60000::bigint,
                                 failed_logins = 0
                    WHERE id = v_user.id;
                IF v_user.db_role IS NOT NULL THEN
                    EXECUTE format('ALTER ROLE %I NOLOGIN', v_user.db_role);
                END IF;
                PERFORM cv_audit_as(v_name, 'auth.lockout', v_name, false,
                                    format('{"failures":%s,"minutes":%s}', v_failures, v_minutes),
                                    p_host, p_program);
                RETURN 'locked';
            END IF;
            RETURN 'wrong';
        END IF;

        -- A name that is no user: the same answers, counted in login_throttle.
        v_key := encode(sha256(convert_to(v_name, 'UTF8')), 'hex');
        SELECT t.locked_until_ms, true INTO v_locked, v_found
            FROM login_throttle t WHERE t.name_key = v_key FOR UPDATE;
        IF v_locked IS NOT NULL AND v_locked > v_now THEN
            PERFORM cv_audit_as(v_name, 'auth.login', v_name, false, '{"reason":"name locked"}',
                                p_host, p_program);
            RETURN 'locked';
        END IF;
        IF v_locked IS NOT NULL THEN
            UPDATE login_throttle SET failures = 0, locked_until_ms = NULL WHERE name_key = v_key;
            PERFORM cv_audit_as(v_name, 'auth.unlock', v_name, true,
                                '{"reason":"lockout expired"}', p_host, p_program);
            RETURN 'retry';
        END IF;
        -- Rows without a running lockout are kept 24 hours (AuthService).
        DELETE FROM login_throttle
            WHERE last_failure_ms < v_now - 86400000
              AND (locked_until_ms IS NULL OR locked_until_ms <= v_now);
        INSERT INTO login_throttle AS t (name_key, failures, locked_until_ms, last_failure_ms)
            VALUES (v_key, 1, NULL, v_now)
            ON CONFLICT (name_key) DO UPDATE
                SET failures = t.failures + 1, last_failure_ms = excluded.last_failure_ms
            RETURNING t.failures INTO v_failures;
        PERFORM cv_audit_as(v_name, 'auth.login', v_name, false, '{"reason":"unknown user"}',
                            p_host, p_program);
        IF v_failures >= v_max THEN
            UPDATE login_throttle SET failures = 0, locked_until_ms = v_now + v_minutes * 60000::bigint
                WHERE name_key = v_key;
            PERFORM cv_audit_as(v_name, 'auth.lockout', v_name, false,
                                format('{"failures":%s,"minutes":%s}', v_max, v_minutes),
                                p_host, p_program);
            RETURN 'locked';
        END IF;
        RETURN 'wrong';
    END
    $$;

-- Internal: the target of an account change by the caller, checked like
-- cv::UserAdmin::checkTarget: the caller holds users.manage, the user exists, it is not
-- the caller's own account, and the caller may handle its role. Raises otherwise (the
-- client's AccessControl has audited the denial before it asked).
CREATE OR REPLACE FUNCTION cv_account_target(p_user_id bigint) RETURNS users
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_user users;
    BEGIN
        IF NOT cv_has_permission('users.manage') THEN
            RAISE EXCEPTION 'Permission denied: managing users needs the permission users.manage.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT u.* INTO v_user FROM users u WHERE u.id = p_user_id FOR UPDATE;
        IF v_user.id IS NULL THEN
            RAISE EXCEPTION 'There is no user %.', p_user_id USING ERRCODE = 'no_data_found';
        END IF;
        IF v_user.id = cv_my_id() THEN
            RAISE EXCEPTION 'Permission denied: no one may do this to their own account; ask another administrator.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT cv_may_handle_role(v_user.role) THEN
            RAISE EXCEPTION 'Permission denied: role % holds permissions that you do not have; only a security administrator (roles.manage) can manage its users.',
                v_user.role USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN v_user;
    END
    $$;

-- users.manage: gives a user row (inserted by the client) its login role.
CREATE OR REPLACE FUNCTION cv_create_login(p_user_id bigint, p_verifier text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_user users := cv_account_target(p_user_id);
        v_role text;
    BEGIN
        v_role := cv_make_login(v_user.id, p_verifier);
        PERFORM cv_audit_write(cv_audit_text(cv_my_name(), 1000), NULL, NULL, 'user.create_login',
                               cv_audit_text(v_user.name, 1000),
                               format('{"loginRole":%s}', to_json(v_role)), true);
    END
    $$;

-- A new password (as a verifier). The user's own (p_must_change must be false; audited
-- auth.password_change like AuthService::changePassword), or, with users.manage, another
-- user's reset (UserAdmin::resetPassword: audited user.reset_password, ends a lockout).
-- Only verifiers reach the server, so the password policy (length, not the name) is the
-- client's to check.
CREATE OR REPLACE FUNCTION cv_set_password(p_user_id bigint, p_verifier text,
                                           p_must_change boolean) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_me users := cv_me();
        v_user users;
        v_now bigint := cv_now_ms();
        v_was_locked boolean;
    BEGIN
        PERFORM cv_check_verifier(p_verifier);
        IF v_me.id IS NULL OR v_me.disabled THEN
            RAISE EXCEPTION 'Permission denied: this login is no enabled CallVault user.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF p_user_id = v_me.id THEN
            IF p_must_change THEN
                RAISE EXCEPTION 'You cannot require a password change of your own account.'
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            SELECT u.* INTO v_user FROM users u WHERE u.id = v_me.id FOR UPDATE;
            EXECUTE format('ALTER ROLE %I PASSWORD %L', v_user.db_role, p_verifier);
            UPDATE users SET must_change_password = false, password_changed_at_ms = v_now
                WHERE id = v_user.id;
            PERFORM cv_audit_write(cv_audit_text(v_user.name, 1000), NULL, NULL,
                                   'auth.password_change', cv_audit_text(v_user.name, 1000),
                                   format('{"forced":%s}', to_json(v_user.must_change_password)), true);
            RETURN;
        END IF;
        v_user := cv_account_target(p_user_id);
        IF v_user.db_role IS NULL THEN
            RAISE EXCEPTION 'User % has no login role yet: create it with cv_create_login.',
                v_user.name USING ERRCODE = 'no_data_found';
        END IF;
        v_was_locked := v_user.locked_until_ms IS NOT NULL AND v_user.locked_until_ms > v_now;
        EXECUTE format('ALTER ROLE %I %s PASSWORD %L', v_user.db_role,
                       CASE WHEN v_user.disabled THEN 'NOLOGIN' ELSE 'LOGIN' END, p_verifier);
        UPDATE users SET must_change_password = COALESCE(p_must_change, true),
                         password_changed_at_ms = v_now, failed_logins = 0,
                         locked_until_ms = NULL
            WHERE id = v_user.id;
        PERFORM cv_audit_write(cv_audit_text(v_me.name, 1000), NULL, NULL, 'user.reset_password',
                               cv_audit_text(v_user.name, 1000),
                               format('{"unlocked":%s}', to_json(v_was_locked)), true);
    END
    $$;

-- users.manage: disable (the login role loses LOGIN; every permission check fails at once
-- for sessions that are still open) or enable an account. Enabling also ends a lockout.
-- Audited like UserAdmin: user.disable / user.enable with {} details, and enabling an
-- account that was not disabled is an unlock (user.unlock, {"failedLogins","wasLocked"}).
CREATE OR REPLACE FUNCTION cv_set_login_enabled(p_user_id bigint, p_enabled boolean)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_user users := cv_account_target(p_user_id);
        v_now bigint := cv_now_ms();
        v_action text;
        v_details text := '{}';
    BEGIN
        IF p_enabled IS NULL THEN
            RAISE EXCEPTION 'Say whether the account is enabled.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF p_enabled THEN
            IF v_user.disabled THEN
                v_action := 'user.enable';
            ELSE
                v_action := 'user.unlock';
                v_details := format('{"failedLogins":%s,"wasLocked":%s}', v_user.failed_logins,
                                    to_json(v_user.locked_until_ms IS NOT NULL
                                            AND v_user.locked_until_ms > v_now));
            END IF;
            UPDATE users SET disabled = false, failed_logins = 0, locked_until_ms = NULL
                WHERE id = v_user.id;
        ELSE
            v_action := 'user.disable';
            UPDATE users SET disabled = true WHERE id = v_user.id;
        END IF;
        IF v_user.db_role IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I %s', v_user.db_role,
                           CASE WHEN p_enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
        END IF;
        PERFORM cv_audit_write(cv_audit_text(cv_my_name(), 1000), NULL, NULL, v_action,
                               cv_audit_text(v_user.name, 1000), v_details, true);
    END
    $$;

-- Direct changes of users rows by an app user (INSERT/UPDATE/DELETE need users.manage by
-- row-level security) follow UserAdmin's rules too: not one's own account, and only
-- accounts of roles the caller may handle. SECURITY INVOKER on purpose, the one exception:
-- it must see who runs the statement, and changes made by the definer functions (which
-- run as ${owner}) or by a superuser are not checked here.
CREATE OR REPLACE FUNCTION cv_users_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_me bigint;
    BEGIN
        IF current_user = '${owner}'
           OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = current_user AND r.rolsuper) THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        v_me := cv_my_id();
        IF TG_OP <> 'INSERT' AND OLD.id = v_me THEN
            RAISE EXCEPTION 'Permission denied: no one may change or remove their own account; ask another administrator.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP <> 'INSERT' AND NOT cv_may_handle_role(OLD.role) THEN
            RAISE EXCEPTION 'Permission denied: role % holds permissions that you do not have.', OLD.role
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP <> 'DELETE' AND NOT cv_may_handle_role(NEW.role) THEN
            RAISE EXCEPTION 'Permission denied: role % holds permissions that you do not have.', NEW.role
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'INSERT' AND NEW.db_role IS NOT NULL THEN
            RAISE EXCEPTION 'A login role is given only by cv_create_login.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END
    $$;

DROP TRIGGER IF EXISTS cv_users_guard ON users;

CREATE TRIGGER cv_users_guard BEFORE INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION cv_users_guard();

-- A removed user's login role goes with the row (crypto-shredding people, so to speak: a
-- role without a user would still be able to connect).
CREATE OR REPLACE FUNCTION cv_users_drop_login() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    BEGIN
        IF OLD.db_role IS NOT NULL THEN
            EXECUTE format('DROP ROLE IF EXISTS %I', OLD.db_role);
        END IF;
        RETURN OLD;
    END
    $$;

DROP TRIGGER IF EXISTS cv_users_drop_login ON users;

CREATE TRIGGER cv_users_drop_login AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION cv_users_drop_login();
