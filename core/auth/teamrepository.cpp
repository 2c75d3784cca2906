#include "auth/teamrepository.h"

#include "auth/authtext.h"
#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

TeamRepository::TeamRepository(Database &db) : m_db(db) {}

Result<void> TeamRepository::create(const QString &id, const QString &name, qint64 nowMs)
{
    if (auto ok = authtext::checkName(id, QStringLiteral("A team id")); !ok)
        return ok;
    if (auto ok = authtext::checkName(name, QStringLiteral("A team name")); !ok)
        return ok;
    auto query = prepare(
        m_db, QStringLiteral("INSERT INTO teams (id, name, created_at_ms) VALUES (?, ?, ?)"));
    if (!query)
        return query.error();
    query->addBindValue(id);
    query->addBindValue(name);
    query->addBindValue(static_cast<qlonglong>(nowMs));
    if (auto r = exec(query.value(), QStringLiteral("Could not create team %1").arg(name)); !r) {
        if (r.error().code == ErrorCode::Conflict)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("A team with the id %1 or the name %2 already exists.")
                                 .arg(id, name));
        return r;
    }
    return {};
}

Result<QVector<TeamRow>> TeamRepository::list()
{
    auto query = prepare(m_db, QStringLiteral("SELECT t.id, t.name, t.created_at_ms, "
                                              "(SELECT COUNT(*) FROM agents a WHERE a.team = t.id) "
                                              "FROM teams t ORDER BY t.name, t.id"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not list the teams")); !r)
        return r.error();
    QVector<TeamRow> rows;
    while (query->next()) {
        TeamRow row;
        row.id = query->value(0).toString();
        row.name = query->value(1).toString();
        row.createdAtMs = query->value(2).toLongLong();
        row.agentCount = query->value(3).toInt();
        rows.append(row);
    }
    return rows;
}

Result<std::optional<TeamRow>> TeamRepository::find(const QString &id)
{
    if (!authtext::checkName(id, QString()))
        return std::optional<TeamRow>(); // no such id can exist
    auto query =
        prepare(m_db, QStringLiteral("SELECT id, name, created_at_ms FROM teams WHERE id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(id);
    if (auto r = exec(query.value(), QStringLiteral("Could not read team %1").arg(id)); !r)
        return r.error();
    if (!query->next())
        return std::optional<TeamRow>();
    TeamRow row;
    row.id = query->value(0).toString();
    row.name = query->value(1).toString();
    row.createdAtMs = query->value(2).toLongLong();
    return std::optional<TeamRow>(row);
}

Result<void> TeamRepository::rename(const QString &id, const QString &name)
{
    if (auto ok = authtext::checkName(name, QStringLiteral("A team name")); !ok)
        return ok;
    auto team = find(id);
    if (!team)
        return team.error();
    if (!team.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no team %1.").arg(authtext::forAudit(id)));
    auto query = prepare(m_db, QStringLiteral("UPDATE teams SET name = ? WHERE id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(name);
    query->addBindValue(id);
    if (auto r = exec(query.value(), QStringLiteral("Could not rename team %1").arg(id)); !r) {
        if (r.error().code == ErrorCode::Conflict)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("A team named %1 already exists.").arg(name));
        return r;
    }
    return {};
}

Result<void> TeamRepository::setAgentTeam(const QString &agentId, const QString &teamId,
                                          const QString &agentName)
{
    if (auto ok = authtext::checkName(agentId, QStringLiteral("An agent id")); !ok)
        return ok;
    if (!agentName.isEmpty()) {
        if (auto ok = authtext::checkName(agentName, QStringLiteral("An agent name")); !ok)
            return ok;
    }
    auto team = find(teamId);
    if (!team)
        return team.error();
    if (!team.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no team %1; create it first.")
                             .arg(authtext::forAudit(teamId)));
    // A new agent is named after its id unless a name is given; an existing agent keeps
    // its name unless a name is given.
    auto query =
        prepare(m_db, QStringLiteral("INSERT INTO agents (agent_id, name, team) VALUES (?, ?, ?) "
                                     "ON CONFLICT (agent_id) DO UPDATE SET team = excluded.team, "
                                     "name = CASE WHEN ? THEN excluded.name ELSE agents.name END"));
    if (!query)
        return query.error();
    query->addBindValue(agentId);
    query->addBindValue(agentName.isEmpty() ? agentId : agentName);
    query->addBindValue(teamId);
    query->addBindValue(!agentName.isEmpty());
    return exec(query.value(),
                QStringLiteral("Could not put agent %1 into team %2").arg(agentId, teamId));
}

} // namespace cv
