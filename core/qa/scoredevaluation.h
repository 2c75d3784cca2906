#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"
#include "qa/evaluationanswers.h"
#include "qa/evaluationform.h"
#include "qa/evaluationrepository.h"
#include "qa/scoreengine.h"

namespace cv {

class Database;

// An evaluation opened for scoring: its row, the form version it is pinned to (as the form
// model) and its answers (empty for a new draft).
struct OpenedEvaluation
{
    EvaluationRow row;
    EvaluationForm form;
    EvaluationAnswers answers;
    ScoreResult score; // what ScoreEngine makes of the answers
};

// The evaluation workflow's draft steps with the score computed here, in core, from the
// stored answers and the evaluation's pinned form version (ScoreEngine), never taken from
// the client: what the workstation's evaluation pane saves and submits through.
// - save: the answers must be given against the evaluation's own form and version; the
//   score saved is the engine's total (none while nothing scorable is answered).
// - submit: refused (InvalidArgument, naming the questions) until every visible scored
//   question is answered and no answer is refused (ScoreResult::isComplete); a draft whose
//   stored score differs from the engine's (saved by another client) is saved again first.
// Permissions, audit rows and state checks are EvaluationWorkflow's.
class ScoredEvaluation final
{
public:
    explicit ScoredEvaluation(Database &db, Clock clock = systemClock());

    // The evaluation with its form and answers, for whoever may see it (EvaluationQueries'
    // rules: the evaluator, the call's agent once submitted, supervisors in scope).
    Result<OpenedEvaluation> open(const Principal &principal, qint64 evaluationId);
    Result<OpenedEvaluation> save(const Principal &principal, qint64 evaluationId,
                                  const EvaluationAnswers &answers);
    Result<OpenedEvaluation> submit(const Principal &principal, qint64 evaluationId);

    // The form model of a stored form version (FormLibrary's read rules).
    Result<EvaluationForm> form(const Principal &principal, const QString &formId, int version);
    // A stored answers text: the empty object a new draft starts with reads as no answers.
    static Result<EvaluationAnswers> answersOf(const EvaluationRow &row);

private:
    Result<OpenedEvaluation> scored(const Principal &principal, const EvaluationRow &row);

    Database &m_db;
    Clock m_clock;
};

} // namespace cv
