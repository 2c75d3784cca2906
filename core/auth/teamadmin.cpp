#include "auth/teamadmin.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"
#include "auth/authtext.h"

namespace cv {

TeamAdmin::TeamAdmin(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

Result<void> TeamAdmin::add(const Principal &principal, const QString &id, const QString &name)
{
    const QString teamId = id.isEmpty() ? name : id;
    const QString action = QStringLiteral("team.add");
    if (auto allowed =
            AccessControl(m_db).require(principal, Permission::TeamsManage, teamId, action);
        !allowed)
        return allowed;
    return auditedchange::commit(
        m_db, principal, action, teamId, {{QStringLiteral("name"), name}},
        [&] { return TeamRepository(m_db).create(teamId, name, m_clock()); });
}

Result<QVector<TeamRow>> TeamAdmin::list(const Principal &principal)
{
    if (auto allowed = AccessControl(m_db).requireAny(
            principal, {Permission::TeamsManage, Permission::UsersManage}, QStringLiteral("teams"),
            QStringLiteral("team.list"));
        !allowed)
        return allowed.error();
    return auditedchange::read<QVector<TeamRow>>(m_db, principal, QStringLiteral("team.list"),
                                                 QStringLiteral("teams"),
                                                 [&] { return TeamRepository(m_db).list(); });
}

Result<void> TeamAdmin::rename(const Principal &principal, const QString &id, const QString &name)
{
    const QString action = QStringLiteral("team.rename");
    if (auto allowed = AccessControl(m_db).require(principal, Permission::TeamsManage, id, action);
        !allowed)
        return allowed;
    return auditedchange::commit(m_db, principal, action, id, {{QStringLiteral("name"), name}},
                                 [&] { return TeamRepository(m_db).rename(id, name); });
}

Result<void> TeamAdmin::assignAgent(const Principal &principal, const QString &agentId,
                                    const QString &teamId, const QString &agentName)
{
    const QString action = QStringLiteral("team.assign_agent");
    if (auto allowed =
            AccessControl(m_db).require(principal, Permission::TeamsManage, agentId, action);
        !allowed)
        return allowed;
    return auditedchange::commit(
        m_db, principal, action, agentId, {{QStringLiteral("team"), teamId}},
        [&] { return TeamRepository(m_db).setAgentTeam(agentId, teamId, agentName); });
}

} // namespace cv
