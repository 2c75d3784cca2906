#include "qa/evaluationtransitions.h"

#include "auth/authtext.h"
#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "catalog/sqlhelpers.h"
#include "catalog/transactionguard.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

Error changedMeanwhile(qint64 id)
{
    return makeError(ErrorCode::Conflict,
                     QStringLiteral("Evaluation %1 was changed by someone else meanwhile; reload "
                                    "it and try again.")
                         .arg(id));
}

QVariant nullableMs(const std::optional<qint64> &value)
{
    return value ? QVariant(static_cast<qlonglong>(*value))
                 : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace

EvaluationTransitions::EvaluationTransitions(Database &db) : m_db(db) {}

Result<void> EvaluationTransitions::apply(const Principal &principal,
                                          const EvaluationRow &evaluation, const Request &request,
                                          qint64 nowMs)
{
    if (m_db.serverEnforced())
        return applyInServer(principal, evaluation, request);
    return applyHere(principal, evaluation, request, nowMs);
}

Result<void> EvaluationTransitions::applyHere(const Principal &principal,
                                              const EvaluationRow &evaluation,
                                              const Request &request, qint64 nowMs)
{
    TransactionGuard tx(m_db);
    if (!tx.ok())
        return tx.error();
    EvaluationRepository repository(m_db);
    EvaluationStep step;
    step.evaluationId = evaluation.id;
    step.from = evaluation.state;
    step.to = request.to;
    step.atMs = nowMs;
    step.deadlineAtMs = request.deadlineAtMs;
    step.newScore = request.newScore;
    auto changed = repository.applyStep(step);
    if (!changed)
        return changed.error();
    if (!changed.value())
        return changedMeanwhile(evaluation.id);
    EvaluationEventRow event;
    event.evaluationId = evaluation.id;
    event.atMs = nowMs;
    event.actor = principal.name;
    event.kind = request.kind;
    event.notes = request.notes;
    if (request.kind == EvaluationEventKind::Rescored)
        event.oldScore = evaluation.score;
    event.newScore = request.newScore ? request.newScore : evaluation.score;
    if (auto added = repository.addEvent(event); !added)
        return added.error();
    if (auto audited = AuditLog(m_db).append(principal.auditEvent(
            request.action, evaluation.recordingId.toString(QUuid::WithoutBraces), true,
            authtext::json(request.details)));
        !audited)
        return audited.error();
    return tx.commit();
}

Result<void> EvaluationTransitions::applyInServer(const Principal &principal,
                                                  const EvaluationRow &evaluation,
                                                  const Request &request)
{
    QString sql;
    QVariantList values{static_cast<qlonglong>(evaluation.id)};
    switch (request.kind) {
    case EvaluationEventKind::Submitted:
        sql = QStringLiteral("SELECT cv_evaluation_submit(?, ?, ?, ?)");
        values << nullableMs(request.deadlineAtMs);
        break;
    case EvaluationEventKind::Acknowledged:
    case EvaluationEventKind::Disputed:
        sql = QStringLiteral("SELECT cv_evaluation_respond(?, ?, ?, ?, ?, ?)");
        values << (request.kind == EvaluationEventKind::Disputed) << text(request.notes)
               << nullableMs(request.deadlineAtMs);
        break;
    case EvaluationEventKind::Resolved:
    case EvaluationEventKind::Rescored:
        sql = QStringLiteral("SELECT cv_evaluation_resolve(?, ?, ?, ?, ?, ?)");
        values << (request.kind == EvaluationEventKind::Rescored)
               << nullableDouble(request.newScore) << text(request.notes);
        break;
    }
    values << text(principal.host) << text(principal.program);
    auto query = prepare(m_db, sql);
    if (!query)
        return query.error();
    for (const QVariant &value : values)
        query->addBindValue(value);
    // Run here rather than through sqlhelpers::exec: the server's refusal is told by its
    // SQLSTATE (no transaction is open, so the failed statement can be released at once).
    if (!query->exec()) {
        const QSqlError error = query->lastError();
        const QString state = error.nativeErrorCode();
        if (state == QLatin1String("40001"))
            return changedMeanwhile(evaluation.id);
        if (state == QLatin1String("42501"))
            return makeError(ErrorCode::PermissionDenied,
                             QStringLiteral("Permission denied by the catalog server: %1")
                                 .arg(error.databaseText()));
        return queryError(QStringLiteral("Could not change evaluation %1").arg(evaluation.id),
                          error);
    }
    return {};
}

} // namespace cv
