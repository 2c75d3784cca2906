-- Version 4: signed checkpoints of the audit chain head (docs/catalog-schema.md,
-- "audit_checkpoints"). audit_row_id deliberately has no foreign key to audit(id): a
-- checkpoint must outlive rows that someone removes, so that the verifier can tell.
CREATE TABLE audit_checkpoints (
    id BIGSERIAL PRIMARY KEY,
    audit_row_id BIGINT NOT NULL CHECK (audit_row_id > 0),
    head_hash BYTEA NOT NULL CHECK (octet_length(head_hash) = 32),
    row_count BIGINT NOT NULL CHECK (row_count > 0),
    at_ms BIGINT NOT NULL,
    signer_key_id TEXT NOT NULL CHECK (length(signer_key_id) = 64),
    prev_checkpoint_hash BYTEA NOT NULL CHECK (octet_length(prev_checkpoint_hash) = 32),
    signature BYTEA NOT NULL CHECK (octet_length(signature) = 64)
);

CREATE INDEX audit_checkpoints_row ON audit_checkpoints (audit_row_id);
