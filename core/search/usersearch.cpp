#include "search/usersearch.h"

#include "auth/accesscontrol.h"

namespace cv {

Result<SearchEngine> UserSearch::open(Database &db, const Principal &principal,
                                      SearchEngine::Options options)
{
    AccessControl access(db);
    if (auto allowed =
            access.require(principal, Permission::RecordingSearch, QStringLiteral("recordings"),
                           QStringLiteral("recording.search"));
        !allowed)
        return allowed.error();
    auto scope = access.recordingScope(principal);
    if (!scope)
        return scope.error();
    return SearchEngine(db, scopeOf(scope.value()),
                        principal.auditEvent(QString(), QString(), true), std::move(options));
}

SearchScope UserSearch::scopeOf(const RecordingScope &scope)
{
    switch (scope.kind) {
    case RoleScope::All:
        return SearchScope::all();
    case RoleScope::Teams:
        return SearchScope::teams(scope.teams);
    case RoleScope::Own:
        break;
    }
    return SearchScope::agent(scope.agentId);
}

} // namespace cv
