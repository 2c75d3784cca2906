-- Version 2: indexes for the recover/status views and for audit searches by action.
CREATE INDEX recordings_status ON recordings (status);
CREATE INDEX audit_action_at ON audit (action, at_ms);
