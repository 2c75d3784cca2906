#include "qa/evaluatordirectory.h"

#include "auth/accountrepository.h"
#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

bool Scorer::reaches(const QString &team, const QString &agentId) const
{
    switch (scope.kind) {
    case RoleScope::All:
        return true;
    case RoleScope::Teams:
        return !team.isEmpty() && scope.teams.contains(team);
    case RoleScope::Own:
        return !scope.agentId.isEmpty() && scope.agentId == agentId;
    }
    return false;
}

EvaluatorDirectory::EvaluatorDirectory(Database &db) : m_db(db) {}

Result<QVector<Scorer>> EvaluatorDirectory::scorers()
{
    QVector<Scorer> found;
    if (m_db.serverEnforced()) {
        auto query = prepare(m_db, QStringLiteral("SELECT name, scope, agent_id, teams FROM "
                                                  "cv_sampling_evaluators()"));
        if (!query)
            return query.error();
        if (auto r = exec(query.value(), QStringLiteral("Could not read who may evaluate")); !r)
            return r.error();
        while (query->next()) {
            Scorer s;
            s.name = query->value(0).toString();
            const QString scope = query->value(1).toString();
            s.scope.kind = scope == QLatin1String("all")     ? RoleScope::All
                           : scope == QLatin1String("teams") ? RoleScope::Teams
                                                             : RoleScope::Own;
            s.scope.agentId = query->value(2).toString();
            s.scope.teams = query->value(3).toString().split(QChar(31), Qt::SkipEmptyParts);
            found.append(s);
        }
        return found;
    }
    auto accounts = AccountRepository(m_db).list();
    if (!accounts)
        return accounts.error();
    AccessControl access(m_db);
    for (const Account &account : accounts.value()) {
        if (account.disabled)
            continue;
        auto live = access.loadPrincipal(account.id, QString(), QString());
        if (!live)
            return live.error();
        if (!live->has(Permission::RecordingScore) || live->mustChangePassword)
            continue;
        Scorer s;
        s.name = live->name;
        s.scope.kind = live->scope;
        s.scope.teams = live->teams;
        s.scope.agentId = live->agentId;
        found.append(s);
    }
    std::sort(found.begin(), found.end(),
              [](const Scorer &a, const Scorer &b) { return a.name < b.name; });
    return found;
}

Result<std::optional<Scorer>> EvaluatorDirectory::find(const QString &name)
{
    auto all = scorers();
    if (!all)
        return all.error();
    for (const Scorer &s : all.value()) {
        if (s.name == name)
            return std::optional<Scorer>(s);
    }
    return std::optional<Scorer>();
}

} // namespace cv
