#include "qa/evaluationrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

constexpr const char *kColumns =
    "e.id, e.recording_id, e.started_at_ms, e.form_id, e.form_version, e.evaluator, e.state, "
    "e.score, e.answers, e.comment, e.created_at_ms, e.submitted_at_ms, e.deadline_at_ms, "
    "e.updated_at_ms, r.agent_id";
constexpr const char *kFrom = "evaluations e JOIN recordings r ON r.id = e.recording_id";

std::optional<qint64> optionalMs(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QVariant nullableMs(const std::optional<qint64> &value)
{
    return value ? QVariant(static_cast<qlonglong>(*value)) : QVariant(QMetaType::fromType<qlonglong>());
}

Result<EvaluationRow> readEvaluation(QSqlQuery &query)
{
    EvaluationRow row;
    row.id = query.value(0).toLongLong();
    row.recordingId = toUuid(query.value(1));
    row.startedAtMs = query.value(2).toLongLong();
    row.formId = query.value(3).toString();
    row.formVersion = query.value(4).toInt();
    row.evaluator = query.value(5).toString();
    const auto state = evaluationStateFromName(query.value(6).toString());
    if (!state)
        return makeError(ErrorCode::Format, QStringLiteral("Evaluation %1 has an unknown state %2.")
                                                .arg(row.id)
                                                .arg(query.value(6).toString()));
    row.state = *state;
    row.score = toOptionalDouble(query.value(7));
    row.answers = query.value(8).toString();
    row.comment = query.value(9).toString();
    row.createdAtMs = query.value(10).toLongLong();
    row.submittedAtMs = optionalMs(query.value(11));
    row.deadlineAtMs = optionalMs(query.value(12));
    row.updatedAtMs = query.value(13).toLongLong();
    row.agentId = query.value(14).toString();
    return row;
}

Result<EvaluationEventRow> readEvent(QSqlQuery &query)
{
    EvaluationEventRow row;
    row.id = query.value(0).toLongLong();
    row.evaluationId = query.value(1).toLongLong();
    row.atMs = query.value(2).toLongLong();
    row.actor = query.value(3).toString();
    const auto kind = evaluationEventKindFromName(query.value(4).toString());
    if (!kind)
        return makeError(ErrorCode::Format,
                         QStringLiteral("Evaluation event %1 has an unknown kind.").arg(row.id));
    row.kind = *kind;
    row.notes = query.value(5).toString();
    row.oldScore = toOptionalDouble(query.value(6));
    row.newScore = toOptionalDouble(query.value(7));
    return row;
}

QString selectEvaluations(const char *where, const char *orderBy)
{
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4")
        .arg(QLatin1String(kColumns), QLatin1String(kFrom), QLatin1String(where),
             QLatin1String(orderBy));
}

} // namespace

EvaluationRepository::EvaluationRepository(Database &db) : m_db(db) {}

Result<qint64> EvaluationRepository::insertDraft(const EvaluationRow &row)
{
    auto query = prepare(
        m_db, QStringLiteral("INSERT INTO evaluations (recording_id, started_at_ms, form_id, "
                             "form_version, evaluator, state, answers, comment, created_at_ms, "
                             "updated_at_ms) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?) RETURNING id"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(row.recordingId));
    query->addBindValue(static_cast<qlonglong>(row.startedAtMs));
    query->addBindValue(text(row.formId));
    query->addBindValue(row.formVersion);
    query->addBindValue(text(row.evaluator));
    query->addBindValue(text(row.answers));
    query->addBindValue(text(row.comment));
    query->addBindValue(static_cast<qlonglong>(row.createdAtMs));
    query->addBindValue(static_cast<qlonglong>(row.createdAtMs));
    if (auto r = exec(query.value(), QStringLiteral("Could not start an evaluation of recording %1")
                                         .arg(row.recordingId.toString(QUuid::WithoutBraces)));
        !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("The catalog returned no id for the new evaluation."));
    return query->value(0).toLongLong();
}

Result<std::optional<EvaluationRow>> EvaluationRepository::find(qint64 id)
{
    auto query = prepare(m_db, selectEvaluations("e.id = ?", "e.id"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not read evaluation %1").arg(id)); !r)
        return r.error();
    if (!query->next())
        return std::optional<EvaluationRow>();
    auto row = readEvaluation(query.value());
    if (!row)
        return row.error();
    return std::optional<EvaluationRow>(row.takeValue());
}

Result<bool> EvaluationRepository::saveDraft(qint64 id, const QString &answers,
                                             const QString &comment, std::optional<double> score,
                                             qint64 nowMs)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE evaluations SET answers = ?, comment = ?, "
                                              "score = ?, updated_at_ms = ? WHERE id = ? AND "
                                              "state = 'draft'"));
    if (!query)
        return query.error();
    query->addBindValue(text(answers));
    query->addBindValue(text(comment));
    query->addBindValue(nullableDouble(score));
    query->addBindValue(static_cast<qlonglong>(nowMs));
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not save evaluation %1").arg(id)); !r)
        return r.error();
    return query->numRowsAffected() > 0;
}

Result<bool> EvaluationRepository::applyStep(const EvaluationStep &step)
{
    // Compare and set: the WHERE names the state the step starts from, so of two people
    // acting on one evaluation at once only the first changes it.
    auto query = prepare(
        m_db, QStringLiteral("UPDATE evaluations SET state = ?, updated_at_ms = ?, "
                             "deadline_at_ms = ?, score = COALESCE(?, score), "
                             "submitted_at_ms = COALESCE(?, submitted_at_ms) "
                             "WHERE id = ? AND state = ?"));
    if (!query)
        return query.error();
    const QString to = evaluationStateName(step.to);
    query->addBindValue(to);
    query->addBindValue(static_cast<qlonglong>(step.atMs));
    query->addBindValue(nullableMs(step.deadlineAtMs));
    query->addBindValue(nullableDouble(step.newScore));
    query->addBindValue(nullableMs(step.to == EvaluationState::Submitted
                                       ? std::optional<qint64>(step.atMs)
                                       : std::nullopt));
    query->addBindValue(static_cast<qlonglong>(step.evaluationId));
    query->addBindValue(evaluationStateName(step.from));
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not change evaluation %1").arg(step.evaluationId));
        !r)
        return r.error();
    return query->numRowsAffected() > 0;
}

Result<qint64> EvaluationRepository::addEvent(const EvaluationEventRow &row)
{
    auto query = prepare(m_db, QStringLiteral("INSERT INTO evaluation_events (evaluation_id, "
                                              "at_ms, actor, kind, notes, old_score, new_score) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(row.evaluationId));
    query->addBindValue(static_cast<qlonglong>(row.atMs));
    query->addBindValue(text(row.actor));
    query->addBindValue(evaluationEventKindName(row.kind));
    query->addBindValue(text(row.notes));
    query->addBindValue(nullableDouble(row.oldScore));
    query->addBindValue(nullableDouble(row.newScore));
    if (auto r = exec(query.value(), QStringLiteral("Could not record the history of evaluation %1")
                                         .arg(row.evaluationId));
        !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("The catalog returned no id for the evaluation event."));
    return query->value(0).toLongLong();
}

Result<QVector<EvaluationEventRow>> EvaluationRepository::events(qint64 evaluationId)
{
    auto query = prepare(m_db, QStringLiteral("SELECT id, evaluation_id, at_ms, actor, kind, notes, "
                                              "old_score, new_score FROM evaluation_events WHERE "
                                              "evaluation_id = ? ORDER BY id"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(evaluationId));
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not read the history of evaluation %1").arg(evaluationId));
        !r)
        return r.error();
    return collectRows<EvaluationEventRow>(query.value(), readEvent);
}

Result<QVector<EvaluationRow>> EvaluationRepository::listByRecording(const QUuid &recordingId)
{
    auto query = prepare(m_db, selectEvaluations("e.recording_id = ?", "e.id"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(recordingId));
    if (auto r = exec(query.value(), QStringLiteral("Could not read the evaluations of recording %1")
                                         .arg(recordingId.toString(QUuid::WithoutBraces)));
        !r)
        return r.error();
    return collectRows<EvaluationRow>(query.value(), readEvaluation);
}

Result<QVector<EvaluationRow>> EvaluationRepository::listSubmittedForAgent(const QString &agentId)
{
    // recordings (agent_id, started_at_ms) finds the agent's calls, evaluations_recording
    // their evaluations.
    auto query = prepare(m_db, selectEvaluations("r.agent_id = ? AND e.state <> 'draft'",
                                                 "COALESCE(e.submitted_at_ms, e.created_at_ms) DESC, e.id DESC"));
    if (!query)
        return query.error();
    query->addBindValue(text(agentId));
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not read the evaluations of agent %1").arg(agentId));
        !r)
        return r.error();
    return collectRows<EvaluationRow>(query.value(), readEvaluation);
}

Result<QVector<EvaluationRow>> EvaluationRepository::listDisputed(qint64 teamsOfUserId,
                                                                  const QString &agentId, bool all)
{
    // state = 'disputed' as a constant: the partial index evaluations_disputed.
    const char *where =
        all ? "e.state = 'disputed'"
            : (teamsOfUserId > 0
                   ? "e.state = 'disputed' AND r.agent_id IN (SELECT a.agent_id FROM agents a "
                     "JOIN user_teams ut ON ut.team_id = a.team WHERE ut.user_id = ?)"
                   : "e.state = 'disputed' AND r.agent_id = ?");
    auto query = prepare(m_db, selectEvaluations(where, "COALESCE(e.deadline_at_ms, 0), e.id"));
    if (!query)
        return query.error();
    if (!all) {
        if (teamsOfUserId > 0)
            query->addBindValue(static_cast<qlonglong>(teamsOfUserId));
        else
            query->addBindValue(text(agentId));
    }
    if (auto r = exec(query.value(), QStringLiteral("Could not read the disputed evaluations")); !r)
        return r.error();
    return collectRows<EvaluationRow>(query.value(), readEvaluation);
}

} // namespace cv
