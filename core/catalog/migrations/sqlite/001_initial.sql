-- CallVault catalog, SQLite dialect, version 1 (docs/catalog-schema.md).
-- Times are INTEGER milliseconds since the Unix epoch, UTC. UUIDs are TEXT in canonical
-- form (36 characters, lowercase, no braces). Tables are STRICT: a value of the wrong
-- type is an error, not silently stored.
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE sites (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
    name TEXT NOT NULL,
    x25519_public BLOB NOT NULL CHECK (length(x25519_public) = 32),
    ed25519_public BLOB NOT NULL CHECK (length(ed25519_public) = 32),
    key_id TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE agents (
    agent_id TEXT PRIMARY KEY NOT NULL CHECK (length(agent_id) > 0),
    name TEXT NOT NULL,
    team TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'qa_evaluator', 'agent', 'auditor')),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE recordings (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
    site_id TEXT NOT NULL REFERENCES sites (id),
    started_at_ms INTEGER NOT NULL,
    ended_at_ms INTEGER NOT NULL CHECK (ended_at_ms >= started_at_ms),
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'internal')),
    agent_id TEXT NOT NULL,
    customer_phone TEXT NOT NULL,
    sentiment REAL,
    status TEXT NOT NULL CHECK (status IN ('normal', 'unfinished', 'recovered')),
    tier TEXT NOT NULL CHECK (tier IN ('hot', 'cold')),
    storage_path TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256_hex TEXT NOT NULL,
    codec TEXT NOT NULL,
    sample_rate INTEGER NOT NULL CHECK (sample_rate > 0),
    channels INTEGER NOT NULL CHECK (channels > 0),
    bitrate INTEGER NOT NULL CHECK (bitrate >= 0),
    peaks BLOB NOT NULL,
    created_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX recordings_started_at ON recordings (started_at_ms, id);
CREATE INDEX recordings_agent_started_at ON recordings (agent_id, started_at_ms);
CREATE INDEX recordings_customer_phone ON recordings (customer_phone);

CREATE TABLE recording_keys (
    recording_id TEXT PRIMARY KEY NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    wrapped_key BLOB NOT NULL CHECK (length(wrapped_key) > 0),
    suite INTEGER NOT NULL CHECK (suite > 0),
    site_key_id TEXT NOT NULL
) STRICT;

CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    host TEXT NOT NULL,
    program TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('allowed', 'denied')),
    prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

CREATE INDEX audit_at ON audit (at_ms);
