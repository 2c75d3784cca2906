#pragma once

#include "auth/accesscontrol.h"
#include "auth/principal.h"
#include "common/result.h"
#include "search/searchengine.h"
#include "search/searchscope.h"

namespace cv {

class Database;

// A SearchEngine for a logged-in person: the one place where a principal becomes a search.
// It needs recording.search (AccessControl; a refusal is audited as 'recording.search'
// denied), and the engine searches in the scope of the person's role as the catalog says
// now (roles.scope: all, the teams of user_teams, or the own agent id), so that no filter
// and no hand-made cursor reaches further. The engine's audit rows name the person.
class UserSearch final
{
public:
    static Result<SearchEngine> open(Database &db, const Principal &principal,
                                     SearchEngine::Options options = {});
    // all -> all(), teams -> teams(ids), own -> agent(id).
    static SearchScope scopeOf(const RecordingScope &scope);
};

} // namespace cv
