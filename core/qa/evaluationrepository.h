#pragma once

#include "common/result.h"
#include "qa/evaluationstate.h"

#include <QString>
#include <QUuid>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// One evaluation (table evaluations, migrations 7 and 9).
struct EvaluationRow
{
    qint64 id = 0;
    QUuid recordingId;
    qint64 startedAtMs = 0; // the recording's start (copied)
    QString formId;
    int formVersion = 0;
    QString evaluator; // user name
    EvaluationState state = EvaluationState::Draft;
    std::optional<double> score;
    QString answers = QStringLiteral("{}"); // the form model's JSON (answers, pinned moments)
    QString comment;
    qint64 createdAtMs = 0;
    std::optional<qint64> submittedAtMs;
    std::optional<qint64> deadlineAtMs; // the step that is due: the agent's, then a supervisor's
    qint64 updatedAtMs = 0;
    QString agentId; // the recording's agent (read with the row; not a column of evaluations)
};

// One step of an evaluation's history (table evaluation_events).
struct EvaluationEventRow
{
    qint64 id = 0;
    qint64 evaluationId = 0;
    qint64 atMs = 0;
    QString actor;
    EvaluationEventKind kind = EvaluationEventKind::Submitted;
    QString notes; // the dispute's reason, the resolution's notes
    std::optional<double> oldScore;
    std::optional<double> newScore;
};

// The state change of one workflow step, applied only if the evaluation is still in `from`.
struct EvaluationStep
{
    qint64 evaluationId = 0;
    EvaluationState from = EvaluationState::Draft;
    EvaluationState to = EvaluationState::Draft;
    qint64 atMs = 0;
    std::optional<qint64> deadlineAtMs; // the new deadline (none: cleared)
    std::optional<double> newScore;     // a re-score; none: the score stays
};

// The tables `evaluations` and `evaluation_events`. No permission checks (EvaluationWorkflow
// and EvaluationQueries act for a person). Works on the calling thread's connection and
// inside the caller's TransactionGuard.
class EvaluationRepository final
{
public:
    explicit EvaluationRepository(Database &db);

    // A new draft (state, score, submission and deadline of `row` are ignored); its id.
    Result<qint64> insertDraft(const EvaluationRow &row);
    Result<std::optional<EvaluationRow>> find(qint64 id);
    // False when the evaluation is not (or no longer) a draft.
    Result<bool> saveDraft(qint64 id, const QString &answers, const QString &comment,
                           std::optional<double> score, qint64 nowMs);
    // False when the evaluation was not in step.from (someone else moved it first).
    Result<bool> applyStep(const EvaluationStep &step);
    Result<qint64> addEvent(const EvaluationEventRow &row);
    // In order.
    Result<QVector<EvaluationEventRow>> events(qint64 evaluationId);

    // A recording's evaluations, oldest first.
    Result<QVector<EvaluationRow>> listByRecording(const QUuid &recordingId);
    // Evaluations that are not drafts of the calls of one agent, newest submission first.
    Result<QVector<EvaluationRow>> listSubmittedForAgent(const QString &agentId);
    // Disputed evaluations, by deadline: of every call (scope all), of the agents of the
    // user's teams (`teamsOfUserId` > 0), or of one agent (`agentId` not empty).
    Result<QVector<EvaluationRow>> listDisputed(qint64 teamsOfUserId, const QString &agentId,
                                                bool all);

private:
    Database &m_db;
};

} // namespace cv
