#include "searchscope.h"

#include "search/searchquery.h"

#include <QJsonArray>
#include <algorithm>

namespace cv {

bool SearchScope::isEmpty() const
{
    switch (m_kind) {
    case Kind::All:
        return false;
    case Kind::Teams:
        return m_teams.isEmpty();
    case Kind::Agent:
        return m_agentId.isEmpty();
    }
    return true;
}

Result<void> SearchScope::validate() const
{
    const auto bad = [](const QString &id) {
        return id.size() > SearchQuery::kMaxTextLength || id.contains(QChar(0));
    };
    if (m_teams.size() > SearchQuery::kMaxListValues || bad(m_agentId) ||
        std::any_of(m_teams.begin(), m_teams.end(), bad))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The searcher's scope (teams or agent id) is not valid."));
    return {};
}

QJsonObject SearchScope::toJson() const
{
    switch (m_kind) {
    case Kind::All:
        return {{QStringLiteral("kind"), QStringLiteral("all")}};
    case Kind::Teams:
        return {{QStringLiteral("kind"), QStringLiteral("teams")},
                {QStringLiteral("teams"), QJsonArray::fromStringList(m_teams)}};
    case Kind::Agent:
        return {{QStringLiteral("kind"), QStringLiteral("agent")},
                {QStringLiteral("agent"), m_agentId}};
    }
    return {};
}

} // namespace cv
