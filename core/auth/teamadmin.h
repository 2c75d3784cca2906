#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "auth/teamrepository.h"
#include "common/result.h"

#include <QString>
#include <QVector>

namespace cv {

class Database;

// Team administration on behalf of a person (teams.manage; listing: teams.manage or
// users.manage): checked by AccessControl, audited ('team.*', with the denials), each change
// in one transaction with its audit row.
class TeamAdmin final
{
public:
    explicit TeamAdmin(Database &db, Clock clock = systemClock());

    // `id` empty: the name is the id.
    Result<void> add(const Principal &principal, const QString &id, const QString &name);
    Result<QVector<TeamRow>> list(const Principal &principal);
    Result<void> rename(const Principal &principal, const QString &id, const QString &name);
    // Puts an agent (added to the directory if new) into a team.
    Result<void> assignAgent(const Principal &principal, const QString &agentId,
                             const QString &teamId, const QString &agentName = QString());

private:
    Database &m_db;
    Clock m_clock;
};

} // namespace cv
