#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cv {

// Which recordings a searcher may see, applied in the SQL of every search and count (not
// by filtering results afterwards). The caller's login decides it (core/auth maps a user's
// role scope to one of these); the search filters can only narrow it further.
//   all     every recording (admins, auditors, callvaultctl)
//   teams   recordings whose agent belongs to one of these teams (agents.team); an empty
//           list sees nothing
//   agent   recordings of this agent id only; an empty id sees nothing
// Recordings whose agent is not in the agent directory belong to no team.
class SearchScope final
{
public:
    enum class Kind : int
    {
        All = 1,
        Teams = 2,
        Agent = 3,
    };

    static SearchScope all() { return SearchScope(Kind::All, {}, {}); }
    static SearchScope teams(const QStringList &teamIds)
    {
        return SearchScope(Kind::Teams, teamIds, {});
    }
    static SearchScope agent(const QString &agentId)
    {
        return SearchScope(Kind::Agent, {}, agentId);
    }

    Kind kind() const { return m_kind; }
    const QStringList &teamIds() const { return m_teams; }
    const QString &agentId() const { return m_agentId; }
    // True when the scope can match no recording at all.
    bool isEmpty() const;
    // InvalidArgument for ids no catalog can hold (NUL characters, over 256 characters) or
    // more than 500 teams: a scope built from bad data refuses to search.
    Result<void> validate() const;
    // For the audit details: {"kind": "teams", "teams": [...]} etc.
    QJsonObject toJson() const;

private:
    SearchScope(Kind kind, QStringList teams, QString agentId)
        : m_kind(kind), m_teams(std::move(teams)), m_agentId(std::move(agentId))
    {
    }

    Kind m_kind;
    QStringList m_teams;
    QString m_agentId;
};

} // namespace cv
