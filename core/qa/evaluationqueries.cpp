#include "qa/evaluationqueries.h"

#include "auth/accesscontrol.h"
#include "catalog/recordingrepository.h"

namespace cv {

EvaluationQueries::EvaluationQueries(Database &db) : m_db(db) {}

Result<QVector<EvaluationRow>> EvaluationQueries::ofRecording(const Principal &principal,
                                                              const QUuid &recordingId)
{
    auto recording = RecordingRepository(m_db).get(recordingId);
    if (!recording)
        return recording.error();
    if (auto allowed = AccessControl(m_db).requireRecording(principal, Permission::RecordingSearch,
                                                            recording.value(),
                                                            QStringLiteral("qa.evaluation.list"));
        !allowed)
        return allowed.error();
    auto rows = EvaluationRepository(m_db).listByRecording(recordingId);
    if (!rows)
        return rows;
    QVector<EvaluationRow> shown;
    for (const EvaluationRow &row : rows.value()) {
        if (row.state != EvaluationState::Draft || row.evaluator == principal.name)
            shown.append(row);
    }
    return shown;
}

Result<EvaluationRow> EvaluationQueries::visibleEvaluation(const Principal &principal,
                                                          qint64 evaluationId,
                                                          const QString &action)
{
    auto evaluation = EvaluationRepository(m_db).find(evaluationId);
    if (!evaluation)
        return evaluation.error();
    const auto notFound = makeError(ErrorCode::NotFound,
                                    QStringLiteral("There is no evaluation %1.").arg(evaluationId));
    if (!evaluation.value())
        return notFound;
    auto recording = RecordingRepository(m_db).get(evaluation.value()->recordingId);
    if (!recording)
        return recording.error();
    if (auto allowed = AccessControl(m_db).requireRecording(principal, Permission::RecordingSearch,
                                                            recording.value(), action);
        !allowed)
        return allowed.error();
    if (evaluation.value()->state == EvaluationState::Draft &&
        evaluation.value()->evaluator != principal.name)
        return notFound; // someone else's draft is not shown
    return *evaluation.value();
}

Result<EvaluationRow> EvaluationQueries::evaluation(const Principal &principal, qint64 evaluationId)
{
    return visibleEvaluation(principal, evaluationId, QStringLiteral("qa.evaluation.open"));
}

Result<QVector<EvaluationEventRow>> EvaluationQueries::history(const Principal &principal,
                                                               qint64 evaluationId)
{
    auto evaluation =
        visibleEvaluation(principal, evaluationId, QStringLiteral("qa.evaluation.history"));
    if (!evaluation)
        return evaluation.error();
    return EvaluationRepository(m_db).events(evaluationId);
}

Result<QVector<EvaluationRow>> EvaluationQueries::mine(const Principal &principal)
{
    const QString action = QStringLiteral("qa.evaluation.mine");
    AccessControl access(m_db);
    if (auto allowed = access.require(principal, Permission::EvaluationAcknowledge,
                                      QStringLiteral("evaluations"), action);
        !allowed)
        return allowed.error();
    // The agent id as the catalog says now (an agent moved to another seat sees their own).
    auto live = access.loadPrincipal(principal.userId, principal.host, principal.program);
    if (!live)
        return live.error();
    if (live->agentId.isEmpty())
        return QVector<EvaluationRow>(); // no calls of one's own
    return EvaluationRepository(m_db).listSubmittedForAgent(live->agentId);
}

Result<QVector<EvaluationRow>> EvaluationQueries::openDisputes(const Principal &principal)
{
    AccessControl access(m_db);
    if (auto allowed = access.require(principal, Permission::EvaluationResolve,
                                      QStringLiteral("evaluations"),
                                      QStringLiteral("qa.evaluation.disputes"));
        !allowed)
        return allowed.error();
    auto scope = access.recordingScope(principal);
    if (!scope)
        return scope.error();
    if (scope->reachesNothing())
        return QVector<EvaluationRow>();
    EvaluationRepository repository(m_db);
    switch (scope->kind) {
    case RoleScope::All:
        return repository.listDisputed(0, QString(), true);
    case RoleScope::Teams:
        return repository.listDisputed(principal.userId, QString(), false);
    case RoleScope::Own:
        break;
    }
    return repository.listDisputed(0, scope->agentId, false);
}

} // namespace cv
