#include "qaflowtestsupport.h"

#include "qa/formlibrary.h"

#include <QTest>

namespace qaflowtest {

bool QaSite::setUp(cv::Database &db, const QUuid &siteId)
{
    if (!roles.setUp(db, siteId))
        return false;
    struct Extra
    {
        const char *name;
        const char *role;
        const char *team;
        const char *agent;
    };
    const Extra people[] = {{"u_agent2", "agent", nullptr, "A2"},
                            {"u_supervisor2", "supervisor", "T2", nullptr},
                            {"u_evaluator2", "qa_evaluator", "T1", nullptr}};
    for (const Extra &person : people) {
        const QString name = QString::fromLatin1(person.name);
        if (authtest::addUser(db, name, authtest::RoleSite::kRolePassword,
                              QString::fromLatin1(person.role),
                              person.team ? QStringList{QString::fromLatin1(person.team)}
                                          : QStringList(),
                              person.agent ? QString::fromLatin1(person.agent) : QString()) == 0)
            return false;
        auto session = roles.auth->login(name, authtest::RoleSite::kRolePassword,
                                         QStringLiteral("ws-7"), QStringLiteral("test"));
        if (!session) {
            qWarning("log-in of %s: %s", person.name, qPrintable(session.errorMessage()));
            return false;
        }
        extra.emplace(name, session.takeValue());
    }
    return true;
}

cv::Principal QaSite::as(const QString &who) const
{
    if (const auto it = extra.find(who); it != extra.end())
        return it->second.principal();
    // A default role's user by role ("agent") or by name ("u_agent").
    return roles.as(who.startsWith(QLatin1String("u_")) ? who.mid(2) : who);
}

QString formJson(const QString &question)
{
    return QStringLiteral("{\"sections\":[{\"questions\":[{\"id\":\"q1\",\"text\":\"%1\","
                          "\"weight\":1}]}],\"scale\":100}")
        .arg(question);
}

bool QaSite::publishCallQuality(cv::Database &db)
{
    return cv::FormLibrary(db, roles.clock.clock())
        .publish(as(QStringLiteral("supervisor")), QStringLiteral("call-quality"), QStringLiteral("Call quality"),
                 QStringLiteral("en"), formJson(QStringLiteral("Greeting?")))
        .ok();
}

} // namespace qaflowtest
