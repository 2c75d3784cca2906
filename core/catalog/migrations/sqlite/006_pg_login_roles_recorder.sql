-- Version 6: the PostgreSQL login role of each user, and the recorder role
-- (docs/catalog-schema.md, docs/postgres-security.md).
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- users.db_role: the PostgreSQL login role a user connects as (PostgreSQL catalogs secured
-- by `callvaultctl init --pg`). SQLite catalogs keep it NULL; the column exists in both
-- dialects so that the repositories read one schema. SQLite cannot add a UNIQUE column, so
-- the uniqueness is an index (several NULLs are allowed, as in PostgreSQL).
ALTER TABLE users ADD COLUMN db_role TEXT CHECK (db_role IS NULL OR length(db_role) > 0);

CREATE UNIQUE INDEX users_db_role ON users (db_role);

-- recorder: capture nodes and importers. They insert recordings and their wrapped keys
-- (recording.ingest) and can read nothing, not even what they recorded. A site that
-- already made a role of that name keeps it as it is.
INSERT INTO roles (name, description, scope) VALUES
    ('recorder', 'Recorder: capture nodes and importers add recordings and keys, read nothing', 'all')
    ON CONFLICT DO NOTHING;

INSERT INTO role_permissions (role, permission) VALUES ('recorder', 'recording.ingest')
    ON CONFLICT DO NOTHING;
