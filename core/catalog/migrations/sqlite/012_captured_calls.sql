-- Version 12: what the network recorder saw of each call (issue 8; docs/user-guide-callvault-recorder.md,
-- "Completeness"; docs/catalog-schema.md, "captured_calls"). Every call the recorder saw
-- signalling for gets a row, recorded or not, so that "why is nothing recorded" is answered
-- from the catalog: the completeness code says what was missing, details the per-leg RTP
-- statistics, the masked spans (times and cause, never DTMF digits) and the metadata.
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- completeness: 'complete' (both directions recorded), 'no_rtp' (signalling, no media),
-- 'one_way_rtp' (only one direction arrived), 'codec_unsupported', 'encrypted_srtp',
-- 'stopped_by_api' (the control API stopped it before the call ended), 'disk_error',
-- 'not_answered' (cancelled or refused before any media), 'recovered' (the recorder stopped
-- in the middle of the call; the spool file was recovered at its next start).
-- recording_id is NULL when no audio was kept. Deleting the recording (crypto-shredding)
-- removes its row: the call's numbers go with its audio.
CREATE TABLE captured_calls (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites (id),
    node TEXT NOT NULL CHECK (length(node) > 0 AND length(node) <= 100),
    sip_call_id TEXT NOT NULL CHECK (length(sip_call_id) <= 1000),
    started_at_ms INTEGER NOT NULL,
    ended_at_ms INTEGER NOT NULL CHECK (ended_at_ms >= started_at_ms),
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'internal')),
    agent_id TEXT NOT NULL,
    customer_phone TEXT NOT NULL,
    completeness TEXT NOT NULL CHECK (completeness IN ('complete', 'no_rtp', 'one_way_rtp',
        'codec_unsupported', 'encrypted_srtp', 'stopped_by_api', 'disk_error', 'not_answered',
        'recovered')),
    recording_id TEXT UNIQUE REFERENCES recordings (id) ON DELETE CASCADE,
    details TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX captured_calls_started_at ON captured_calls (started_at_ms);

CREATE INDEX captured_calls_sip_call_id ON captured_calls (sip_call_id);
