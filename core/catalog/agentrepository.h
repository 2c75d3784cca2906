#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QVector>

namespace cv {

class Database;

// The `agents` table: the agent directory (id as used in recordings, display name, team).
// Recordings do not reference it by foreign key, so a recording of an agent not (yet) in
// the directory is still catalogued.
class AgentRepository final
{
public:
    explicit AgentRepository(Database &db);

    // Inserts the agent or replaces its name and team.
    Result<void> upsert(const AgentRow &row);
    // Ordered by agent id.
    Result<QVector<AgentRow>> list();

private:
    Database &m_db;
};

} // namespace cv
