-- Version 3: teams, roles and their permissions (permissions are data), user scopes,
-- login lockout columns, tags, bookmarks and settings (docs/catalog-schema.md).
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- Teams. agents.team keeps holding a team id; the teams agents already name become rows
-- (id = name), so existing data stays valid.
CREATE TABLE teams (
    id TEXT PRIMARY KEY CHECK (length(id) > 0),
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    created_at_ms BIGINT NOT NULL
);

INSERT INTO teams (id, name, created_at_ms)
    SELECT DISTINCT team, team, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT
    FROM agents WHERE team <> '';

-- Roles (defaults; the role -> permission rows are data that a security administrator
-- edits). admin, security_admin and auditor hold disjoint permissions (three-admin
-- separation): security.policy (lockout, password, idle timeout) is apart from
-- settings.change. Scope says which recordings a role's recording.* permissions reach:
-- 'all', 'teams' (the user's user_teams) or 'own' (the user's agent id).
CREATE TABLE roles (
    name TEXT PRIMARY KEY CHECK (length(name) > 0),
    description TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('all', 'teams', 'own'))
);

CREATE TABLE role_permissions (
    role TEXT NOT NULL REFERENCES roles (name) ON DELETE CASCADE,
    permission TEXT NOT NULL CHECK (length(permission) > 0),
    PRIMARY KEY (role, permission)
);

INSERT INTO roles (name, description, scope) VALUES
    ('admin', 'System administrator: users, teams, settings', 'all'),
    ('security_admin', 'Security administrator: keys, roles, lockout policy', 'all'),
    ('auditor', 'Auditor: reads and verifies the audit trail', 'all'),
    ('supervisor', 'Supervisor: search, play, tag and export calls of own teams', 'teams'),
    ('qa_evaluator', 'QA evaluator: search, play and score calls of assigned teams', 'teams'),
    ('agent', 'Agent: own recordings', 'own');

INSERT INTO role_permissions (role, permission) VALUES
    ('admin', 'users.manage'),
    ('admin', 'teams.manage'),
    ('admin', 'settings.change'),
    ('security_admin', 'keys.manage'),
    ('security_admin', 'roles.manage'),
    ('security_admin', 'security.policy'),
    ('auditor', 'audit.read'),
    ('auditor', 'audit.verify'),
    ('supervisor', 'recording.search'),
    ('supervisor', 'recording.play'),
    ('supervisor', 'recording.tag'),
    ('supervisor', 'recording.bookmark'),
    ('supervisor', 'recording.export'),
    ('qa_evaluator', 'recording.search'),
    ('qa_evaluator', 'recording.play'),
    ('qa_evaluator', 'recording.score'),
    ('qa_evaluator', 'recording.bookmark'),
    ('agent', 'recording.search'),
    ('agent', 'recording.play');

-- users: the role is now a reference to roles (instead of a fixed CHECK), plus lockout,
-- password age, last login and the agent id an agent-role user is. Rows are kept.
ALTER TABLE users DROP CONSTRAINT users_role_check;

ALTER TABLE users ADD CONSTRAINT users_role_fkey FOREIGN KEY (role) REFERENCES roles (name);

ALTER TABLE users
    ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    ADD COLUMN locked_until_ms BIGINT,
    ADD COLUMN password_changed_at_ms BIGINT,
    ADD COLUMN last_login_ms BIGINT,
    ADD COLUMN agent_id TEXT CHECK (agent_id IS NULL OR length(agent_id) > 0);

UPDATE users SET password_changed_at_ms = created_at_ms;

-- Rows written by catalog/UserRepository (the first admin of `init`) get the time of the insert.
ALTER TABLE users ALTER COLUMN password_changed_at_ms SET NOT NULL,
    ALTER COLUMN password_changed_at_ms SET DEFAULT ((EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT);

CREATE INDEX users_role ON users (role);

-- The teams a supervisor or QA evaluator covers.
CREATE TABLE user_teams (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id TEXT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (user_id, team_id)
);

-- Failed log-ins under names that are no user, keyed by the SHA-256 (hex) of the name: they
-- lock out exactly like a real account, so the answers never reveal whether a name exists.
CREATE TABLE login_throttle (
    name_key TEXT PRIMARY KEY CHECK (length(name_key) = 64),
    failures INTEGER NOT NULL CHECK (failures >= 0),
    locked_until_ms BIGINT,
    last_failure_ms BIGINT NOT NULL
);

CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_ms);

CREATE TABLE tags (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    created_by TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);

-- started_at_ms is copied from the recording, so "tag X in March" is an index range.
CREATE TABLE recording_tags (
    recording_id UUID NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    started_at_ms BIGINT NOT NULL,
    tagged_by TEXT NOT NULL,
    tagged_at_ms BIGINT NOT NULL,
    PRIMARY KEY (recording_id, tag_id)
);

CREATE INDEX recording_tags_tag_started_at ON recording_tags (tag_id, started_at_ms);

CREATE TABLE bookmarks (
    id BIGSERIAL PRIMARY KEY,
    recording_id UUID NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    offset_ms BIGINT NOT NULL CHECK (offset_ms >= 0),
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);

CREATE INDEX bookmarks_recording_offset ON bookmarks (recording_id, offset_ms);

-- Site-wide settings; the keys, types and defaults are declared once in core/auth/settings.cpp.
CREATE TABLE settings (
    key TEXT PRIMARY KEY CHECK (length(key) > 0),
    value TEXT NOT NULL
);

INSERT INTO settings (key, value) VALUES
    ('lockout.max_failures', '10'),
    ('lockout.minutes', '30'),
    ('session.idle_minutes', '15'),
    ('password.min_length', '10'),
    ('agent.may_play_own', 'true');
