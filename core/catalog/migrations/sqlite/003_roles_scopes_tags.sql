-- Version 3: teams, roles and their permissions (permissions are data), user scopes,
-- login lockout columns, tags, bookmarks and settings (docs/catalog-schema.md).
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- Teams. agents.team keeps holding a team id; the teams agents already name become rows
-- (id = name), so existing data stays valid.
CREATE TABLE teams (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    created_at_ms INTEGER NOT NULL
) STRICT;

INSERT INTO teams (id, name, created_at_ms)
    SELECT DISTINCT team, team, CAST(strftime('%s', 'now') AS INTEGER) * 1000
    FROM agents WHERE team <> '';

-- Roles (defaults; the role -> permission rows are data that a security administrator
-- edits). admin, security_admin and auditor hold disjoint permissions (three-admin
-- separation): security.policy (lockout, password, idle timeout) is apart from
-- settings.change. Scope says which recordings a role's recording.* permissions reach:
-- 'all', 'teams' (the user's user_teams) or 'own' (the user's agent id).
CREATE TABLE roles (
    name TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0),
    description TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('all', 'teams', 'own'))
) STRICT;

CREATE TABLE role_permissions (
    role TEXT NOT NULL REFERENCES roles (name) ON DELETE CASCADE,
    permission TEXT NOT NULL CHECK (length(permission) > 0),
    PRIMARY KEY (role, permission)
) STRICT;

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

-- users rebuilt (SQLite cannot change a CHECK): the role is now a reference to roles, plus
-- lockout, password age, last login and the agent id an agent-role user is. Rows are kept
-- with their ids.
CREATE TABLE users_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL REFERENCES roles (name),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until_ms INTEGER,
    -- Rows written by catalog/UserRepository (the first admin of `init`) get the time of the insert.
    password_changed_at_ms INTEGER NOT NULL
        DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)),
    last_login_ms INTEGER,
    agent_id TEXT CHECK (agent_id IS NULL OR length(agent_id) > 0),
    created_at_ms INTEGER NOT NULL
) STRICT;

INSERT INTO users_v3 (id, name, password_hash, role, must_change_password, disabled,
                      failed_logins, locked_until_ms, password_changed_at_ms, last_login_ms,
                      agent_id, created_at_ms)
    SELECT id, name, password_hash, role, must_change_password, 0,
           0, NULL, created_at_ms, NULL,
           NULL, created_at_ms
    FROM users;

DROP TABLE users;

ALTER TABLE users_v3 RENAME TO users;

CREATE INDEX users_role ON users (role);

-- The teams a supervisor or QA evaluator covers.
CREATE TABLE user_teams (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id TEXT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (user_id, team_id)
) STRICT;

-- Failed log-ins under names that are no user, keyed by the SHA-256 (hex) of the name: they
-- lock out exactly like a real account, so the answers never reveal whether a name exists.
CREATE TABLE login_throttle (
    name_key TEXT PRIMARY KEY NOT NULL CHECK (length(name_key) = 64),
    failures INTEGER NOT NULL CHECK (failures >= 0),
    locked_until_ms INTEGER,
    last_failure_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_ms);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    created_by TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
) STRICT;

-- started_at_ms is copied from the recording, so "tag X in March" is an index range.
CREATE TABLE recording_tags (
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    started_at_ms INTEGER NOT NULL,
    tagged_by TEXT NOT NULL,
    tagged_at_ms INTEGER NOT NULL,
    PRIMARY KEY (recording_id, tag_id)
) STRICT;

CREATE INDEX recording_tags_tag_started_at ON recording_tags (tag_id, started_at_ms);

CREATE TABLE bookmarks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    offset_ms INTEGER NOT NULL CHECK (offset_ms >= 0),
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX bookmarks_recording_offset ON bookmarks (recording_id, offset_ms);

-- Site-wide settings; the keys, types and defaults are declared once in core/auth/settings.cpp.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
    value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES
    ('lockout.max_failures', '10'),
    ('lockout.minutes', '30'),
    ('session.idle_minutes', '15'),
    ('password.min_length', '10'),
    ('agent.may_play_own', 'true');
