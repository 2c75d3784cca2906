-- CallVault server-side security, part 4b: the QA workflow's steps (docs/qa-workflow.md,
-- docs/postgres-security.md "Function contract"). A submitted evaluation is changed only
-- here: the row-level policies let an evaluator change only their own drafts, and give an
-- agent or a supervisor no UPDATE at all. Each function checks the same rules as
-- cv::EvaluationWorkflow (permission, scope, whose evaluation or call it is, the state) and
-- writes the state change, its evaluation_events row and the audit row in the caller's
-- transaction, so a SQL client cannot take a step without its history and its audit row.
-- Refusals raise (42501 not allowed, 40001 the evaluation is no longer in the state the step
-- needs, 22023 a bad value); like the account functions, the client's AccessControl audits a
-- denial before it calls. Audit details are the C++ ones (compact JSON, sorted keys).

-- The evaluation to change, locked, with its recording's agent; raises when there is none.
CREATE OR REPLACE FUNCTION cv_evaluation_for_step(p_id bigint)
    RETURNS TABLE(id bigint, recording_id uuid, evaluator text, state text,
                  score double precision, agent_id text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    #variable_conflict use_column
    BEGIN
        IF cv_my_name() IS NULL THEN
            RAISE EXCEPTION 'Only a CallVault user takes a step of the QA workflow.'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN QUERY
            SELECT e.id, e.recording_id, e.evaluator, e.state, e.score, r.agent_id
            FROM evaluations e JOIN recordings r ON r.id = e.recording_id
            WHERE e.id = p_id FOR UPDATE OF e;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'There is no evaluation %.', p_id USING ERRCODE = 'no_data_found';
        END IF;
    END
    $$;

-- A free text the workflow requires (a dispute's reason, a resolution's notes).
CREATE OR REPLACE FUNCTION cv_evaluation_require_text(p_text text, p_what text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    BEGIN
        IF p_text IS NULL OR btrim(p_text, E' \t\r\n') = '' OR char_length(p_text) > 2000 THEN
            RAISE EXCEPTION '% is required (at most 2000 characters).', p_what
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END
    $$;

-- draft -> submitted, by its own evaluator with recording.score in scope; needs a score.
-- p_deadline_at_ms: when the agent's answer is due.
CREATE OR REPLACE FUNCTION cv_evaluation_submit(p_id bigint, p_deadline_at_ms bigint,
                                                p_host text, p_program text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_e record;
        v_me text := cv_my_name();
        v_now bigint := cv_now_ms();
    BEGIN
        SELECT * INTO v_e FROM cv_evaluation_for_step(p_id);
        IF NOT cv_has_permission('recording.score') OR NOT cv_in_scope(v_e.agent_id)
           OR v_e.evaluator <> v_me THEN
            RAISE EXCEPTION 'Only the evaluator of evaluation % submits it.', p_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF v_e.state <> 'draft' THEN
            RAISE EXCEPTION 'Evaluation % is %, not a draft.', p_id, v_e.state
                USING ERRCODE = 'serialization_failure';
        END IF;
        IF v_e.score IS NULL THEN
            RAISE EXCEPTION 'Evaluation % has no score yet.', p_id
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        UPDATE evaluations SET state = 'submitted', submitted_at_ms = v_now, updated_at_ms = v_now,
                               deadline_at_ms = p_deadline_at_ms
            WHERE evaluations.id = p_id;
        INSERT INTO evaluation_events (evaluation_id, at_ms, actor, kind, notes, new_score)
            VALUES (p_id, v_now, v_me, 'submitted', '', v_e.score);
        PERFORM cv_audit_write(cv_audit_text(v_me, 1000), p_host, p_program, 'qa.evaluation.submit',
                               v_e.recording_id::text,
                               format('{"evaluation":%s,"score":%s}', p_id, to_json(v_e.score)),
                               true);
    END
    $$;

-- submitted -> acknowledged (p_dispute false) or disputed (true, with p_reason), by the agent
-- whose call it is, with evaluation.acknowledge in scope. p_deadline_at_ms: when a
-- supervisor's decision on a dispute is due (ignored for an acknowledgement).
CREATE OR REPLACE FUNCTION cv_evaluation_respond(p_id bigint, p_dispute boolean, p_reason text,
                                                 p_deadline_at_ms bigint, p_host text,
                                                 p_program text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_e record;
        v_me users := cv_me();
        v_now bigint := cv_now_ms();
        v_state text := CASE WHEN p_dispute THEN 'disputed' ELSE 'acknowledged' END;
    BEGIN
        SELECT * INTO v_e FROM cv_evaluation_for_step(p_id);
        IF NOT cv_has_permission('evaluation.acknowledge') OR NOT cv_in_scope(v_e.agent_id)
           OR v_me.agent_id IS NULL OR v_me.agent_id <> v_e.agent_id THEN
            RAISE EXCEPTION 'Only the agent of the call answers evaluation %.', p_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF v_e.state <> 'submitted' THEN
            RAISE EXCEPTION 'Evaluation % is %, not submitted.', p_id, v_e.state
                USING ERRCODE = 'serialization_failure';
        END IF;
        IF p_dispute THEN
            PERFORM cv_evaluation_require_text(p_reason, 'The reason of a dispute');
        END IF;
        UPDATE evaluations SET state = v_state, updated_at_ms = v_now,
                               deadline_at_ms = CASE WHEN p_dispute THEN p_deadline_at_ms END
            WHERE evaluations.id = p_id;
        INSERT INTO evaluation_events (evaluation_id, at_ms, actor, kind, notes, new_score)
            VALUES (p_id, v_now, v_me.name, v_state,
                    CASE WHEN p_dispute THEN p_reason ELSE '' END, v_e.score);
        PERFORM cv_audit_write(cv_audit_text(v_me.name, 1000), p_host, p_program,
                               CASE WHEN p_dispute THEN 'qa.evaluation.dispute'
                                    ELSE 'qa.evaluation.acknowledge' END,
                               v_e.recording_id::text, format('{"evaluation":%s}', p_id), true);
    END
    $$;

-- disputed -> resolved, upheld (p_rescore false, p_new_score NULL) or re-scored (the new
-- score; the old one stays in evaluation_events), with notes, by a holder of
-- evaluation.resolve in scope who is not the evaluation's own evaluator.
CREATE OR REPLACE FUNCTION cv_evaluation_resolve(p_id bigint, p_rescore boolean,
                                                 p_new_score double precision, p_notes text,
                                                 p_host text, p_program text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
    DECLARE
        v_e record;
        v_me text := cv_my_name();
        v_now bigint := cv_now_ms();
        v_details text;
    BEGIN
        SELECT * INTO v_e FROM cv_evaluation_for_step(p_id);
        IF NOT cv_has_permission('evaluation.resolve') OR NOT cv_in_scope(v_e.agent_id)
           OR v_e.evaluator = v_me THEN
            RAISE EXCEPTION 'Resolving evaluation % needs evaluation.resolve on the call, by someone other than its evaluator.', p_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF v_e.state <> 'disputed' THEN
            RAISE EXCEPTION 'Evaluation % is %, not disputed.', p_id, v_e.state
                USING ERRCODE = 'serialization_failure';
        END IF;
        IF p_rescore IS NULL OR (p_rescore AND (p_new_score IS NULL OR p_new_score = 'NaN'
                                                OR p_new_score < 0 OR p_new_score > 100))
           OR (NOT p_rescore AND p_new_score IS NOT NULL) THEN
            RAISE EXCEPTION 'A re-score needs a new score from 0 to 100; an upheld evaluation keeps its score.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM cv_evaluation_require_text(p_notes, 'The notes of a resolution');
        UPDATE evaluations SET state = 'resolved', updated_at_ms = v_now, deadline_at_ms = NULL,
                               score = CASE WHEN p_rescore THEN p_new_score ELSE score END
            WHERE evaluations.id = p_id;
        INSERT INTO evaluation_events (evaluation_id, at_ms, actor, kind, notes, old_score,
                                       new_score)
            VALUES (p_id, v_now, v_me, CASE WHEN p_rescore THEN 'rescored' ELSE 'resolved' END,
                    p_notes, CASE WHEN p_rescore THEN v_e.score END,
                    CASE WHEN p_rescore THEN p_new_score ELSE v_e.score END);
        IF p_rescore THEN
            v_details := format('{"evaluation":%s,"newScore":%s,"oldScore":%s,"outcome":"rescored"}',
                                p_id, to_json(p_new_score), COALESCE(to_json(v_e.score)::text, 'null'));
        ELSE
            v_details := format('{"evaluation":%s,"outcome":"upheld"}', p_id);
        END IF;
        PERFORM cv_audit_write(cv_audit_text(v_me, 1000), p_host, p_program,
                               'qa.evaluation.resolve', v_e.recording_id::text, v_details, true);
    END
    $$;
