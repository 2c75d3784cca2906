#pragma once

#include "auth/principal.h"
#include "common/result.h"
#include "qa/evaluationrepository.h"

#include <QUuid>
#include <QVector>

namespace cv {

class Database;

// What the QA workflow shows to whom (docs/qa-workflow.md, "Who sees what"). Allowed reads
// write no audit row (like the tags of a call); every denial does, through AccessControl.
class EvaluationQueries final
{
public:
    explicit EvaluationQueries(Database &db);

    // The evaluations of a call: recording.search on it (within the scope). Drafts only to
    // their own evaluator: a draft is unfinished work, not a judgement yet. Denied as
    // 'qa.evaluation.list'.
    Result<QVector<EvaluationRow>> ofRecording(const Principal &principal, const QUuid &recordingId);
    // One evaluation, for whoever may see it (as ofRecording). Denied as 'qa.evaluation.open'.
    Result<EvaluationRow> evaluation(const Principal &principal, qint64 evaluationId);
    // The history of one evaluation (submitted, answered, resolved, re-scored), for whoever
    // may see the evaluation (as ofRecording). Denied as 'qa.evaluation.history'.
    Result<QVector<EvaluationEventRow>> history(const Principal &principal, qint64 evaluationId);
    // An agent's evaluations: those of the calls of the user's agent id that are not drafts,
    // with their states and deadlines. evaluation.acknowledge; denied as 'qa.evaluation.mine'.
    Result<QVector<EvaluationRow>> mine(const Principal &principal);
    // A supervisor's open disputes, by deadline: evaluation.resolve, within the role's scope.
    // Denied as 'qa.evaluation.disputes'.
    Result<QVector<EvaluationRow>> openDisputes(const Principal &principal);

private:
    Result<EvaluationRow> visibleEvaluation(const Principal &principal, qint64 evaluationId,
                                            const QString &action);

    Database &m_db;
};

} // namespace cv
