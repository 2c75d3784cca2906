#pragma once

#include "common/result.h"

#include <QString>
#include <QVector>
#include <optional>

namespace cv {

class Database;

struct TeamRow
{
    QString id;   // what agents.team and user_teams.team_id hold
    QString name; // shown to people; unique
    qint64 createdAtMs = 0;
    int agentCount = 0; // agents whose team is this one (list() only)
};

// The table `teams` and the team of each agent (agents.team). No permission checks:
// TeamAdmin acts on behalf of a person.
class TeamRepository final
{
public:
    explicit TeamRepository(Database &db);

    // ErrorCode::Conflict when the id or the name is taken; InvalidArgument for bad text.
    Result<void> create(const QString &id, const QString &name, qint64 nowMs);
    // Ordered by name.
    Result<QVector<TeamRow>> list();
    Result<std::optional<TeamRow>> find(const QString &id);
    // NotFound for an unknown team, Conflict when the name is taken.
    Result<void> rename(const QString &id, const QString &name);
    // Puts the agent into the team, adding the agent to the directory (named `agentName`,
    // or its id) when it is not there yet. NotFound for an unknown team.
    Result<void> setAgentTeam(const QString &agentId, const QString &teamId,
                              const QString &agentName = QString());

private:
    Database &m_db;
};

} // namespace cv
