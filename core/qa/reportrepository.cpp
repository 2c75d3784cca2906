#include "qa/reportrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

// state <> 'draft' as a constant: the partial index evaluations_counted (started_at_ms).
// An empty team / agent / form binds '' and matches everything.
constexpr const char *kFrom =
    " FROM evaluations e JOIN recordings r ON r.id = e.recording_id"
    " LEFT JOIN agents a ON a.agent_id = r.agent_id"
    " LEFT JOIN teams t ON t.id = a.team"
    " WHERE e.state <> 'draft' AND e.started_at_ms >= ? AND e.started_at_ms < ?"
    " AND (? = '' OR a.team = ?) AND (? = '' OR r.agent_id = ?) AND (? = '' OR e.form_id = ?)";

const char *scopeCondition(ReportScope::Kind kind)
{
    switch (kind) {
    case ReportScope::Kind::All:
        break;
    case ReportScope::Kind::TeamsOfUser:
        return " AND r.agent_id IN (SELECT sa.agent_id FROM agents sa"
               " JOIN user_teams ut ON ut.team_id = sa.team WHERE ut.user_id = ?)";
    case ReportScope::Kind::Agent:
        return " AND r.agent_id = ?";
    }
    return "";
}

constexpr const char *kDisputed =
    "SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluation_events ev WHERE ev.evaluation_id = e.id"
    " AND ev.kind = 'disputed') THEN 1 ELSE 0 END)";

// `select` ends with the grouped counts; `disputed` appends the disputed count to them.
QString sql(const char *select, bool disputed, const ReportScope &scope, const char *tail)
{
    return QLatin1String(select) + (disputed ? QLatin1String(kDisputed) : QLatin1String()) +
           QLatin1String(kFrom) +
           QLatin1String(scopeCondition(scope.kind)) + QLatin1String(tail);
}

void bindFilter(QSqlQuery &query, const ReportFilter &filter, const ReportScope &scope)
{
    query.addBindValue(static_cast<qlonglong>(filter.fromMs));
    query.addBindValue(static_cast<qlonglong>(filter.toMs));
    for (const QString *id : {&filter.teamId, &filter.agentId, &filter.formId}) {
        query.addBindValue(text(*id));
        query.addBindValue(text(*id));
    }
    if (scope.kind == ReportScope::Kind::TeamsOfUser)
        query.addBindValue(static_cast<qlonglong>(scope.userId));
    else if (scope.kind == ReportScope::Kind::Agent)
        query.addBindValue(text(scope.agentId));
}

// count, scored, sum, min, max, disputed from column `first` on.
void readCounts(const QSqlQuery &query, int first, ReportGroup &group)
{
    group.count = query.value(first).toInt();
    group.scored = query.value(first + 1).toInt();
    group.scoreSum = query.value(first + 2).toDouble();
    group.minScore = toOptionalDouble(query.value(first + 3));
    group.maxScore = toOptionalDouble(query.value(first + 4));
    group.disputed = query.value(first + 5).toInt();
}

} // namespace

ReportRepository::ReportRepository(Database &db) : m_db(db) {}

Result<QVector<ReportGroup>> ReportRepository::byAgent(const ReportFilter &filter,
                                                       const ReportScope &scope)
{
    auto query = prepare(m_db, sql("SELECT r.agent_id, COALESCE(a.name, r.agent_id), COALESCE(a.team, ''),"
                                   " COALESCE(t.name, a.team, ''), COUNT(*), COUNT(e.score),"
                                   " COALESCE(SUM(e.score), 0), MIN(e.score), MAX(e.score), ",
                                   true, scope,
                                   " GROUP BY r.agent_id, a.name, a.team, t.name ORDER BY 2, 1"));
    if (!query)
        return query.error();
    bindFilter(query.value(), filter, scope);
    if (auto r = exec(query.value(), QStringLiteral("Could not read the report's figures per agent")); !r)
        return r.error();
    QVector<ReportGroup> groups;
    while (query->next()) {
        ReportGroup group;
        group.id = query->value(0).toString();
        group.name = query->value(1).toString();
        group.teamId = query->value(2).toString();
        group.teamName = query->value(3).toString();
        readCounts(query.value(), 4, group);
        groups.append(group);
    }
    return groups;
}

Result<QVector<ReportGroup>> ReportRepository::byForm(const ReportFilter &filter,
                                                      const ReportScope &scope)
{
    auto query = prepare(m_db, sql("SELECT e.form_id, COUNT(*), COUNT(e.score), COALESCE(SUM(e.score), 0),"
                                   " MIN(e.score), MAX(e.score), ",
                                   true, scope, " GROUP BY e.form_id ORDER BY e.form_id"));
    if (!query)
        return query.error();
    bindFilter(query.value(), filter, scope);
    if (auto r = exec(query.value(), QStringLiteral("Could not read the report's figures per form")); !r)
        return r.error();
    QVector<ReportGroup> groups;
    while (query->next()) {
        ReportGroup group;
        group.id = query->value(0).toString();
        readCounts(query.value(), 1, group);
        groups.append(group);
    }
    return groups;
}

Result<QVector<ReportEvaluation>> ReportRepository::evaluations(const ReportFilter &filter,
                                                                const ReportScope &scope)
{
    auto query = prepare(m_db, sql("SELECT e.id, e.started_at_ms, e.score, e.form_id, e.form_version,"
                                   " e.answers, r.agent_id, COALESCE(a.team, '')",
                                   false, scope, " ORDER BY e.started_at_ms, e.id"));
    if (!query)
        return query.error();
    bindFilter(query.value(), filter, scope);
    if (auto r = exec(query.value(), QStringLiteral("Could not read the report's evaluations")); !r)
        return r.error();
    QVector<ReportEvaluation> rows;
    while (query->next()) {
        ReportEvaluation row;
        row.id = query->value(0).toLongLong();
        row.startedAtMs = query->value(1).toLongLong();
        row.score = toOptionalDouble(query->value(2));
        row.formId = query->value(3).toString();
        row.formVersion = query->value(4).toInt();
        row.answers = query->value(5).toString();
        row.agentId = query->value(6).toString();
        row.teamId = query->value(7).toString();
        rows.append(row);
    }
    return rows;
}

} // namespace cv
