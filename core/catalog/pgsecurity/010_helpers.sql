-- CallVault server-side security, part 1: who the caller is and what they may do
-- (docs/postgres-security.md). Applied by cv::PgSecurityProvisioner as the owner role
-- ${owner}, after the migrations; ${owner}, ${app}, ${gate} and ${prefix} are replaced by
-- the site's role names (checked to be cv_<8 hex>[_owner|_app|_gate] first).
-- Statements end at a line ending in ';' outside a $$ body; "--" lines are comments.
--
-- Every function is SECURITY DEFINER (it runs as ${owner}, which owns the tables and so
-- bypasses row-level security) with a fixed search_path, so that a caller cannot slip in
-- objects of their own. A caller is mapped to their CallVault user by session_user (the
-- login role; SET ROLE cannot change it) through users.db_role.

-- No "does not exist, skipping" notices from the re-runnable statements below.
SET LOCAL client_min_messages = warning;

-- Milliseconds since the Unix epoch, as the catalog stores times.
CREATE OR REPLACE FUNCTION cv_now_ms() RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint $$;

-- The users row of this session ("a row of NULLs" when the login role is no user's).
CREATE OR REPLACE FUNCTION cv_me() RETURNS users
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT u.* FROM users u WHERE u.db_role = session_user::text $$;

CREATE OR REPLACE FUNCTION cv_my_id() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT u.id FROM users u WHERE u.db_role = session_user::text $$;

CREATE OR REPLACE FUNCTION cv_my_name() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT u.name FROM users u WHERE u.db_role = session_user::text $$;

-- Who am I: the client reads its principal from here after connecting.
CREATE OR REPLACE FUNCTION cv_whoami()
    RETURNS TABLE(user_id bigint, name text, role text, scope text, agent_id text,
                  must_change_password boolean, disabled boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT u.id, u.name, u.role, r.scope, u.agent_id, u.must_change_password, u.disabled
    FROM users u JOIN roles r ON r.name = u.role
    WHERE u.db_role = session_user::text
    $$;

-- Does the caller hold the permission now? Like cv::AccessControl: a disabled account, or
-- one that must change its password first, holds none.
CREATE OR REPLACE FUNCTION cv_has_permission(p_permission text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT EXISTS (
        SELECT 1 FROM users u JOIN role_permissions rp ON rp.role = u.role
        WHERE u.db_role = session_user::text AND NOT u.disabled
          AND NOT u.must_change_password AND rp.permission = p_permission)
    $$;

-- Is an agent's recording inside the caller's scope (whatever the permission)? all: yes;
-- teams: the agent's team is one of the caller's user_teams; own: the caller's agent id.
CREATE OR REPLACE FUNCTION cv_in_scope(p_agent_id text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT COALESCE((
        SELECT CASE r.scope
            WHEN 'all' THEN true
            WHEN 'own' THEN u.agent_id IS NOT NULL AND u.agent_id = p_agent_id
            WHEN 'teams' THEN EXISTS (
                SELECT 1 FROM agents a JOIN user_teams ut ON ut.team_id = a.team
                WHERE a.agent_id = p_agent_id AND ut.user_id = u.id)
            ELSE false END
        FROM users u JOIN roles r ON r.name = u.role
        WHERE u.db_role = session_user::text), false)
    $$;

-- May the caller see recordings of this agent (recording.search within the scope)?
CREATE OR REPLACE FUNCTION cv_may_see_agent(p_agent_id text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT cv_has_permission('recording.search') AND cv_in_scope(p_agent_id) $$;

-- The same decision in a form the row-level policies evaluate once per statement (as an
-- InitPlan: "(SELECT cv_scope_all(...)) OR agent_id = ANY (CAST((SELECT cv_scope_agents(...)) AS text[]))"),
-- so a search over millions of rows costs no function call per row and can use the
-- agent_id index. cv_scope_all: the permission with scope 'all'. cv_scope_agents: the agent
-- ids the permission reaches under scope 'teams' or 'own' (empty otherwise).
CREATE OR REPLACE FUNCTION cv_scope_all(p_permission text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT cv_has_permission(p_permission) AND EXISTS (
        SELECT 1 FROM users u JOIN roles r ON r.name = u.role
        WHERE u.db_role = session_user::text AND r.scope = 'all')
    $$;

CREATE OR REPLACE FUNCTION cv_scope_agents(p_permission text) RETURNS text[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT CASE WHEN NOT cv_has_permission(p_permission) THEN ARRAY[]::text[]
        ELSE COALESCE((
            SELECT CASE r.scope
                WHEN 'own' THEN CASE WHEN u.agent_id IS NULL THEN ARRAY[]::text[]
                                     ELSE ARRAY[u.agent_id] END
                WHEN 'teams' THEN ARRAY(
                    SELECT a.agent_id FROM agents a JOIN user_teams ut ON ut.team_id = a.team
                    WHERE ut.user_id = u.id)
                ELSE ARRAY[]::text[] END
            FROM users u JOIN roles r ON r.name = u.role
            WHERE u.db_role = session_user::text), ARRAY[]::text[])
        END
    $$;

-- The permission that changes a setting (cv::Settings): the security policy keys apart
-- from the general settings (three-admin separation).
CREATE OR REPLACE FUNCTION cv_setting_permission(p_key text) RETURNS text
    LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT CASE WHEN p_key LIKE 'lockout.%' OR p_key LIKE 'password.%' OR p_key LIKE 'session.%'
                THEN 'security.policy' ELSE 'settings.change' END
    $$;

-- An integer setting, or its default when missing, not a number or out of range
-- (cv::SettingsRepository reads them the same way).
CREATE OR REPLACE FUNCTION cv_setting_int(p_key text, p_default integer, p_min integer,
                                          p_max integer) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_text text;
        v_value bigint;
    BEGIN
        SELECT s.value INTO v_text FROM settings s WHERE s.key = p_key;
        IF v_text IS NULL OR btrim(v_text) !~ '^[+-]?[0-9]{1,18}$' THEN
            RETURN p_default;
        END IF;
        v_value := btrim(v_text)::bigint;
        IF v_value < p_min OR v_value > p_max THEN
            RETURN p_default;
        END IF;
        RETURN v_value::integer;
    END
    $$;

-- A boolean setting (true/yes/on/1, false/no/off/0), else its default.
CREATE OR REPLACE FUNCTION cv_setting_bool(p_key text, p_default boolean) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT COALESCE((
        SELECT CASE lower(btrim(s.value))
            WHEN 'true' THEN true WHEN 'yes' THEN true WHEN 'on' THEN true WHEN '1' THEN true
            WHEN 'false' THEN false WHEN 'no' THEN false WHEN 'off' THEN false
            WHEN '0' THEN false ELSE NULL END
        FROM settings s WHERE s.key = p_key), p_default)
    $$;

-- "No one hands out more than they hold" (cv::UserAdmin::mayHandleRole): the caller may
-- manage accounts of a role when they hold roles.manage, or every permission of that role
-- except the work on calls (recording.*, evaluation.*, qa.forms.manage, as
-- cv::isRecordingPermission), or when no enabled user with a login role holds roles.manage
-- yet (a new site: the first admin appoints the security administrator; a user row counts
-- once it can log in, so that its login role can still be made after the INSERT).
CREATE OR REPLACE FUNCTION cv_may_handle_role(p_role text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    SELECT cv_has_permission('roles.manage')
        OR NOT EXISTS (
            SELECT 1 FROM role_permissions rp
            WHERE rp.role = p_role AND rp.permission NOT LIKE 'recording.%'
              AND rp.permission NOT LIKE 'evaluation.%' AND rp.permission <> 'qa.forms.manage'
              AND NOT cv_has_permission(rp.permission))
        OR NOT EXISTS (
            SELECT 1 FROM users u JOIN role_permissions rp ON rp.role = u.role
            WHERE rp.permission = 'roles.manage' AND NOT u.disabled AND u.db_role IS NOT NULL)
    $$;
