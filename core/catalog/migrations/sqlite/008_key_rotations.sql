-- Version 8: site key rotations (docs/catalog-schema.md, "key_rotations"; docs/key-rotation.md).
-- A rotation replaces the site's X25519 key: every recording's data key is re-wrapped to the
-- new key (the audio is not rewritten). The work is resumable because each recording_keys
-- row says which site key wraps it (site_key_id); this table records who started which
-- rotation, how far it got and, once finished, the site's Ed25519 signature over the record.
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.
CREATE TABLE key_rotations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    old_key_id TEXT NOT NULL CHECK (length(old_key_id) = 64),
    new_key_id TEXT NOT NULL CHECK (length(new_key_id) = 64 AND new_key_id <> old_key_id),
    new_x25519_public BLOB NOT NULL CHECK (length(new_x25519_public) = 32),
    state TEXT NOT NULL CHECK (state IN ('running', 'finished')),
    started_at_ms INTEGER NOT NULL,
    started_by TEXT NOT NULL CHECK (length(started_by) > 0),
    rewrapped INTEGER NOT NULL DEFAULT 0 CHECK (rewrapped >= 0),
    finished_at_ms INTEGER,
    signature BLOB CHECK (signature IS NULL OR length(signature) = 64)
) STRICT;

-- At most one rotation runs at a time: a second start while one runs is a constraint error
-- even when two workstations try at the same moment.
CREATE UNIQUE INDEX key_rotations_one_running ON key_rotations (state) WHERE state = 'running';
