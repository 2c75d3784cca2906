-- Version 6: the PostgreSQL login role of each user, and the recorder role
-- (docs/catalog-schema.md, docs/postgres-security.md).
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- users.db_role: the PostgreSQL login role a user connects as on a catalog secured by
-- `callvaultctl init --pg` (NULL for a user without one). Written only by the SECURITY
-- DEFINER function cv_create_login; the server maps a session to its user by it.
ALTER TABLE users ADD COLUMN db_role TEXT UNIQUE CHECK (db_role IS NULL OR length(db_role) > 0);

-- recorder: capture nodes and importers. They insert recordings and their wrapped keys
-- (recording.ingest) and can read nothing, not even what they recorded. A site that
-- already made a role of that name keeps it as it is.
INSERT INTO roles (name, description, scope) VALUES
    ('recorder', 'Recorder: capture nodes and importers add recordings and keys, read nothing', 'all')
    ON CONFLICT DO NOTHING;

INSERT INTO role_permissions (role, permission) VALUES ('recorder', 'recording.ingest')
    ON CONFLICT DO NOTHING;
