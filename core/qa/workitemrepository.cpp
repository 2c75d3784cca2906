#include "qa/workitemrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT w.id, w.rule_id, w.recording_id, w.evaluator, w.form_id, w.form_version, "
    "w.period_start_ms, w.assigned_at_ms, w.deadline_at_ms, w.evaluation_id, s.name, "
    "r.agent_id, COALESCE(a.team, ''), r.started_at_ms, r.duration_ms, e.state "
    "FROM work_items w JOIN sampling_rules s ON s.id = w.rule_id "
    "JOIN recordings r ON r.id = w.recording_id "
    "LEFT JOIN agents a ON a.agent_id = r.agent_id "
    "LEFT JOIN evaluations e ON e.id = w.evaluation_id ");

Result<WorkItemRow> readItem(QSqlQuery &query)
{
    WorkItemRow row;
    row.id = query.value(0).toLongLong();
    row.ruleId = query.value(1).toLongLong();
    row.recordingId = toUuid(query.value(2));
    row.evaluator = query.value(3).toString();
    row.formId = query.value(4).toString();
    row.formVersion = query.value(5).toInt();
    row.periodStartMs = query.value(6).toLongLong();
    row.assignedAtMs = query.value(7).toLongLong();
    row.deadlineAtMs = query.value(8).toLongLong();
    if (!query.value(9).isNull())
        row.evaluationId = query.value(9).toLongLong();
    row.ruleName = query.value(10).toString();
    row.agentId = query.value(11).toString();
    row.team = query.value(12).toString();
    row.startedAtMs = query.value(13).toLongLong();
    row.durationMs = query.value(14).toLongLong();
    if (!query.value(15).isNull()) {
        row.evaluationState = evaluationStateFromName(query.value(15).toString());
        if (!row.evaluationState)
            return makeError(
                ErrorCode::Format,
                QStringLiteral("Work item %1's evaluation has an unknown state.").arg(row.id));
    }
    return row;
}

} // namespace

WorkItemRepository::WorkItemRepository(Database &db) : m_db(db) {}

Result<bool> WorkItemRepository::insert(const WorkItemRow &row)
{
    auto query = prepare(
        m_db, QStringLiteral("INSERT INTO work_items (rule_id, recording_id, evaluator, form_id, "
                             "form_version, period_start_ms, assigned_at_ms, deadline_at_ms) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (rule_id, recording_id) DO NOTHING"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(row.ruleId));
    query->addBindValue(uuid(row.recordingId));
    query->addBindValue(text(row.evaluator));
    query->addBindValue(text(row.formId));
    query->addBindValue(row.formVersion);
    query->addBindValue(static_cast<qlonglong>(row.periodStartMs));
    query->addBindValue(static_cast<qlonglong>(row.assignedAtMs));
    query->addBindValue(static_cast<qlonglong>(row.deadlineAtMs));
    if (auto r = exec(query.value(), QStringLiteral("Could not queue recording %1")
                                         .arg(row.recordingId.toString(QUuid::WithoutBraces)));
        !r)
        return r.error();
    return query->numRowsAffected() > 0;
}

Result<std::optional<WorkItemRow>> WorkItemRepository::find(qint64 id)
{
    auto query = prepare(m_db, kSelect + QStringLiteral("WHERE w.id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not read work item %1").arg(id)); !r)
        return r.error();
    if (!query->next())
        return std::optional<WorkItemRow>();
    auto row = readItem(query.value());
    if (!row)
        return row.error();
    return std::optional<WorkItemRow>(row.takeValue());
}

Result<QVector<WorkItemRow>> WorkItemRepository::listForEvaluator(const QString &evaluator,
                                                                  bool openOnly)
{
    auto query = prepare(
        m_db, kSelect +
                  (openOnly ? QStringLiteral("WHERE w.evaluator = ? AND (w.evaluation_id IS "
                                             "NULL OR e.state = 'draft') ")
                            : QStringLiteral("WHERE w.evaluator = ? ")) +
                  QStringLiteral("ORDER BY w.deadline_at_ms, w.id"));
    if (!query)
        return query.error();
    query->addBindValue(text(evaluator));
    if (auto r =
            exec(query.value(), QStringLiteral("Could not read the queue of %1").arg(evaluator));
        !r)
        return r.error();
    return collectRows<WorkItemRow>(query.value(), readItem);
}

Result<QVector<WorkItemRow>> WorkItemRepository::listForRule(qint64 ruleId)
{
    auto query = prepare(m_db, kSelect + QStringLiteral("WHERE w.rule_id = ? "
                                                        "ORDER BY w.deadline_at_ms, w.id"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(ruleId));
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not read the work items of rule %1").arg(ruleId));
        !r)
        return r.error();
    return collectRows<WorkItemRow>(query.value(), readItem);
}

Result<QHash<QString, int>> WorkItemRepository::openCounts()
{
    auto query =
        prepare(m_db, QStringLiteral("SELECT w.evaluator, COUNT(*) FROM work_items w LEFT JOIN "
                                     "evaluations e ON e.id = w.evaluation_id WHERE "
                                     "w.evaluation_id IS NULL OR e.state = 'draft' "
                                     "GROUP BY w.evaluator"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not count the open work items")); !r)
        return r.error();
    QHash<QString, int> counts;
    while (query->next())
        counts.insert(query->value(0).toString(), query->value(1).toInt());
    return counts;
}

Result<bool> WorkItemRepository::linkEvaluation(qint64 itemId, qint64 evaluationId)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE work_items SET evaluation_id = ? "
                                              "WHERE id = ? AND evaluation_id IS NULL"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(evaluationId));
    query->addBindValue(static_cast<qlonglong>(itemId));
    if (auto r = exec(query.value(), QStringLiteral("Could not link work item %1").arg(itemId)); !r)
        return r.error();
    return query->numRowsAffected() > 0;
}

Result<bool> WorkItemRepository::reassign(qint64 itemId, const QString &evaluator)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE work_items SET evaluator = ?, "
                                              "evaluation_id = NULL WHERE id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(text(evaluator));
    query->addBindValue(static_cast<qlonglong>(itemId));
    if (auto r = exec(query.value(), QStringLiteral("Could not reassign work item %1").arg(itemId));
        !r)
        return r.error();
    return query->numRowsAffected() > 0;
}

Result<QVector<SamplingCandidate>> WorkItemRepository::candidates(const CandidateFilter &filter)
{
    // Built from constant fragments only; every value is bound.
    QString sql = QStringLiteral(
        "SELECT r.id, r.agent_id, COALESCE(a.team, ''), r.started_at_ms, r.duration_ms, "
        "EXISTS (SELECT 1 FROM work_items w WHERE w.rule_id = ? AND w.recording_id = r.id), "
        "EXISTS (SELECT 1 FROM evaluations e WHERE e.recording_id = r.id AND e.form_id = ? "
        "AND e.state <> 'draft') "
        "FROM recordings r LEFT JOIN agents a ON a.agent_id = r.agent_id "
        "WHERE r.started_at_ms >= ? AND r.started_at_ms < ?");
    QVariantList values{static_cast<qlonglong>(filter.ruleId), text(filter.formId),
                        static_cast<qlonglong>(filter.fromMs), static_cast<qlonglong>(filter.toMs)};
    switch (filter.kind) {
    case SamplingKind::RandomPerAgent:
        sql += QStringLiteral(" AND r.agent_id <> ''");
        break;
    case SamplingKind::SentimentBelow:
        sql += QStringLiteral(" AND r.sentiment IS NOT NULL AND r.sentiment < ?");
        values << filter.parameters.threshold;
        break;
    case SamplingKind::Tagged:
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM recording_tags rt "
                              "WHERE rt.recording_id = r.id)");
        break;
    case SamplingKind::LongerThan:
        sql += QStringLiteral(" AND r.duration_ms >= ?");
        values << static_cast<qlonglong>(filter.parameters.minDurationMs);
        break;
    }
    if (!filter.teamId.isEmpty()) {
        sql += QStringLiteral(" AND a.team = ?");
        values << text(filter.teamId);
    }
    switch (filter.scope) {
    case RoleScope::All:
        break;
    case RoleScope::Teams:
        sql += QStringLiteral(" AND a.team IN (SELECT team_id FROM user_teams WHERE user_id = ?)");
        values << static_cast<qlonglong>(filter.scopeUserId);
        break;
    case RoleScope::Own:
        sql += QStringLiteral(" AND r.agent_id = ?");
        values << text(filter.scopeAgentId);
        break;
    }
    sql += QStringLiteral(" ORDER BY r.started_at_ms, r.id");
    auto query = prepare(m_db, sql);
    if (!query)
        return query.error();
    for (const QVariant &value : values)
        query->addBindValue(value);
    if (auto r = exec(query.value(), QStringLiteral("Could not read the calls to sample")); !r)
        return r.error();
    QVector<SamplingCandidate> rows;
    while (query->next()) {
        SamplingCandidate c;
        c.recordingId = toUuid(query->value(0));
        c.agentId = query->value(1).toString();
        c.team = query->value(2).toString();
        c.startedAtMs = query->value(3).toLongLong();
        c.durationMs = query->value(4).toLongLong();
        c.queued = query->value(5).toBool();
        c.evaluated = query->value(6).toBool();
        rows.append(c);
    }
    return rows;
}

Result<QHash<QUuid, QStringList>> WorkItemRepository::tagsInWindow(qint64 fromMs, qint64 toMs)
{
    auto query = prepare(m_db, QStringLiteral("SELECT rt.recording_id, t.name FROM recording_tags "
                                              "rt JOIN tags t ON t.id = rt.tag_id WHERE "
                                              "rt.started_at_ms >= ? AND rt.started_at_ms < ?"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(fromMs));
    query->addBindValue(static_cast<qlonglong>(toMs));
    if (auto r = exec(query.value(), QStringLiteral("Could not read the tags of the calls")); !r)
        return r.error();
    QHash<QUuid, QStringList> tags;
    while (query->next())
        tags[toUuid(query->value(0))].append(query->value(1).toString());
    return tags;
}

} // namespace cv
