#include "agentrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

AgentRepository::AgentRepository(Database &db) : m_db(db) {}

Result<void> AgentRepository::upsert(const AgentRow &row)
{
    if (row.agentId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("An agent needs an id."));
    // ON CONFLICT ... DO UPDATE: PostgreSQL >= 9.5 and SQLite >= 3.24.
    auto query =
        prepare(m_db, QStringLiteral("INSERT INTO agents (agent_id, name, team) VALUES (?, ?, ?) "
                                     "ON CONFLICT (agent_id) DO UPDATE "
                                     "SET name = excluded.name, team = excluded.team"));
    if (!query)
        return query.error();
    query->addBindValue(row.agentId);
    query->addBindValue(text(row.name));
    query->addBindValue(text(row.team));
    return exec(query.value(), QStringLiteral("Could not save agent %1").arg(row.agentId));
}

Result<QVector<AgentRow>> AgentRepository::list()
{
    auto query =
        prepare(m_db, QStringLiteral("SELECT agent_id, name, team FROM agents ORDER BY agent_id"));
    if (!query)
        return query.error();
    query->setForwardOnly(true);
    if (auto r = exec(query.value(), QStringLiteral("Could not list agents")); !r)
        return r.error();
    QVector<AgentRow> rows;
    while (query->next())
        rows.append(AgentRow{query->value(0).toString(), query->value(1).toString(),
                             query->value(2).toString()});
    return rows;
}

} // namespace cv
