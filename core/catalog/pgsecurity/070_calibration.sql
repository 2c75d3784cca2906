-- CallVault server-side security, part 7: calibration sessions (migration 10;
-- docs/qa-workflow.md, "Calibration"; docs/postgres-security.md). Grants and row-level
-- security for the four calibration tables, in one place; runs after 050 (which revokes
-- everything first) and 060 (which drops every policy first), so re-applying is safe.
-- Blindness is enforced here: an evaluator reads other evaluators' scores only once the
-- session's creator has revealed it.

GRANT SELECT, INSERT ON calibration_sessions, calibration_calls, calibration_participants TO ${app};
GRANT UPDATE (revealed_at_ms) ON calibration_sessions TO ${app};
GRANT SELECT, INSERT ON calibration_scores TO ${app};
GRANT UPDATE (answers, score, scored_at_ms) ON calibration_scores TO ${app};
GRANT USAGE ON SEQUENCE calibration_sessions_id_seq TO ${app};

ALTER TABLE calibration_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE calibration_calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE calibration_participants ENABLE ROW LEVEL SECURITY;
ALTER TABLE calibration_scores ENABLE ROW LEVEL SECURITY;

-- Whether the caller scores in session p_id. SECURITY DEFINER: the policies of
-- calibration_sessions ask it, and a policy reading calibration_participants through that
-- table's own policy would recurse.
CREATE OR REPLACE FUNCTION cv_calibration_participant(p_id bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM calibration_participants
                   WHERE session_id = p_id AND user_name = cv_my_name())
$$;

-- Whether the caller created session p_id, and whether it is revealed (same reason).
CREATE OR REPLACE FUNCTION cv_calibration_state(p_id bigint, OUT mine boolean, OUT revealed boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(bool_or(created_by = cv_my_name()), false),
           COALESCE(bool_or(revealed_at_ms IS NOT NULL), false)
    FROM calibration_sessions WHERE id = p_id
$$;
REVOKE ALL ON FUNCTION cv_calibration_participant(bigint), cv_calibration_state(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cv_calibration_participant(bigint), cv_calibration_state(bigint) TO ${app};

-- Sessions: seen by their creator and their participants; made with qa.forms.manage under
-- one's own name; revealed (the only change) by their creator, once.
CREATE POLICY cv_read ON calibration_sessions FOR SELECT TO ${app}
    USING (created_by = (SELECT cv_my_name()) OR cv_calibration_participant(id));
CREATE POLICY cv_insert ON calibration_sessions FOR INSERT TO ${app}
    WITH CHECK ((SELECT cv_has_permission('qa.forms.manage'))
                AND created_by = (SELECT cv_my_name()) AND revealed_at_ms IS NULL);
CREATE POLICY cv_update ON calibration_sessions FOR UPDATE TO ${app}
    USING ((SELECT cv_has_permission('qa.forms.manage')) AND created_by = (SELECT cv_my_name())
           AND revealed_at_ms IS NULL)
    WITH CHECK (created_by = (SELECT cv_my_name()));

-- Calls and participants: seen with their session; added by the session's creator while it
-- is blind, and only calls the creator may see.
CREATE POLICY cv_read ON calibration_calls FOR SELECT TO ${app}
    USING ((cv_calibration_state(session_id)).mine OR cv_calibration_participant(session_id));
CREATE POLICY cv_insert ON calibration_calls FOR INSERT TO ${app}
    WITH CHECK ((cv_calibration_state(session_id)).mine
                AND NOT (cv_calibration_state(session_id)).revealed
                AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
CREATE POLICY cv_read ON calibration_participants FOR SELECT TO ${app}
    USING ((cv_calibration_state(session_id)).mine OR cv_calibration_participant(session_id));
CREATE POLICY cv_insert ON calibration_participants FOR INSERT TO ${app}
    WITH CHECK ((cv_calibration_state(session_id)).mine
                AND NOT (cv_calibration_state(session_id)).revealed);

-- Scores: one's own always; everyone's of a session one takes part in or created, once it
-- is revealed. Written by a participant, under their own name, while the session is blind.
CREATE POLICY cv_read ON calibration_scores FOR SELECT TO ${app}
    USING (evaluator = (SELECT cv_my_name())
           OR ((cv_calibration_state(session_id)).revealed
               AND ((cv_calibration_state(session_id)).mine OR cv_calibration_participant(session_id))));
CREATE POLICY cv_insert ON calibration_scores FOR INSERT TO ${app}
    WITH CHECK (evaluator = (SELECT cv_my_name()) AND cv_calibration_participant(session_id)
                AND NOT (cv_calibration_state(session_id)).revealed);
CREATE POLICY cv_update ON calibration_scores FOR UPDATE TO ${app}
    USING (evaluator = (SELECT cv_my_name()) AND NOT (cv_calibration_state(session_id)).revealed)
    WITH CHECK (evaluator = (SELECT cv_my_name()) AND NOT (cv_calibration_state(session_id)).revealed);

-- How many calls each participant has scored: what the session's members see before the
-- reveal (the scores themselves stay blind under the policy above).
CREATE OR REPLACE FUNCTION cv_calibration_progress(p_id bigint)
    RETURNS TABLE (out_evaluator text, out_scored bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT ((cv_calibration_state(p_id)).mine OR cv_calibration_participant(p_id)) THEN
        RAISE EXCEPTION 'permission denied: not in calibration session %', p_id USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT s.evaluator, count(*) FROM calibration_scores s
        WHERE s.session_id = p_id GROUP BY s.evaluator;
END
$$;
REVOKE ALL ON FUNCTION cv_calibration_progress(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cv_calibration_progress(bigint) TO ${app};
