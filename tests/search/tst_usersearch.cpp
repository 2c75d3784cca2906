// UserSearch on both backends: a logged-in person searches with recording.search and in the
// scope of their role as the catalog says now (teams, own calls, all), refusals are audited
// as 'recording.search' denied, and the engine's audit rows name the person and the scope.
#include "auth/roleadmin.h"
#include "auth/useradmin.h"
#include "authtestsupport.h"
#include "catalogtestsupport.h"
#include "search/usersearch.h"

#include <QTest>

using namespace cv;

class TestUserSearch final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    // The ids the role finds with no filter, or the error.
    Result<QVector<QUuid>> found(const QString &role);

    authtest::RoleSite m_site;

private slots:
    void eachRoleSearchesItsScope();
    void rolesWithoutThePermissionAreRefused();
    void scopeChangesCountAtOnce();
    void mappingOfScopes();
};

bool TestUserSearch::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    return !siteId.isNull() && m_site.setUp(db(), siteId);
}

Result<QVector<QUuid>> TestUserSearch::found(const QString &role)
{
    auto engine = UserSearch::open(db(), m_site.as(role));
    if (!engine)
        return engine.error();
    auto page = engine->firstPage(SearchQuery(), SearchSort(), 100);
    if (!page)
        return page.error();
    QVector<QUuid> ids;
    for (const SearchHit &hit : page->hits)
        ids.append(hit.id);
    return ids;
}

void TestUserSearch::eachRoleSearchesItsScope()
{
    QVERIFY(setUpSite());
    for (const QString &role :
         {QStringLiteral("supervisor"), QStringLiteral("qa_evaluator"), QStringLiteral("agent")}) {
        const auto ids = found(role);
        QVERIFY2(ids.ok(), qPrintable(ids.errorMessage()));
        QCOMPARE(ids.value(), QVector<QUuid>{m_site.inT1.id}); // T1 / agent A1 only
    }
    // The search's own audit row names the person, the host they logged in from, and the
    // scope it ran in.
    const auto rows = authtest::auditRows(db(), authtest::lastAuditId(db()) - 1);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().actor, QStringLiteral("u_agent"));
    QCOMPARE(rows.first().action, QStringLiteral("recording.search"));
    QCOMPARE(rows.first().result, QStringLiteral("allowed"));
    QVERIFY2(rows.first().details.contains(
                 QLatin1String("\"scope\":{\"agent\":\"A1\",\"kind\":\"agent\"}")),
             qPrintable(rows.first().details));
    // A filter cannot reach past the scope.
    auto engine = UserSearch::open(db(), m_site.as(QStringLiteral("supervisor")));
    QVERIFY(engine.ok());
    SearchQuery other;
    other.agentIds = {QStringLiteral("A2")};
    QCOMPARE(engine->count(other).value(), qint64(0));
}

void TestUserSearch::rolesWithoutThePermissionAreRefused()
{
    QVERIFY(setUpSite());
    for (const QString &role :
         {QStringLiteral("admin"), QStringLiteral("security_admin"), QStringLiteral("auditor")}) {
        const qint64 before = authtest::lastAuditId(db());
        const auto refused = UserSearch::open(db(), m_site.as(role));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(refused.errorMessage(),
                 QStringLiteral("Permission denied: u_%1 (role %1) may not search recordings.")
                     .arg(role));
        const auto rows = authtest::auditRows(db(), before);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().action, QStringLiteral("recording.search"));
        QCOMPARE(rows.first().target, QStringLiteral("recordings"));
        QCOMPARE(rows.first().result, QStringLiteral("denied"));
    }
}

void TestUserSearch::scopeChangesCountAtOnce()
{
    QVERIFY(setUpSite());
    // Same session, new teams: the next search sees the new team's calls.
    QVERIFY(UserAdmin(db(), *m_site.auth)
                .setTeams(m_site.as(QStringLiteral("admin")), QStringLiteral("u_supervisor"),
                          {QStringLiteral("T2")})
                .ok());
    QCOMPARE(found(QStringLiteral("supervisor")).value(), QVector<QUuid>{m_site.inT2.id});
    // A supervisor without teams sees nothing (and is not refused).
    QVERIFY(UserAdmin(db(), *m_site.auth)
                .setTeams(m_site.as(QStringLiteral("admin")), QStringLiteral("u_supervisor"), {})
                .ok());
    QCOMPARE(found(QStringLiteral("supervisor")).value(), QVector<QUuid>());
    // Revoked: refused at once.
    QVERIFY(RoleAdmin(db())
                .revoke(m_site.as(QStringLiteral("security_admin")), QStringLiteral("agent"),
                        Permission::RecordingSearch)
                .ok());
    QCOMPARE(found(QStringLiteral("agent")).error().code, ErrorCode::PermissionDenied);
    // A role with scope "all" sees every call.
    RoleAdmin roles(db());
    const Principal sec = m_site.as(QStringLiteral("security_admin"));
    QVERIFY(roles.create(sec, QStringLiteral("analyst"), QStringLiteral("x"), RoleScope::All).ok());
    QVERIFY(roles.grant(sec, QStringLiteral("analyst"), Permission::RecordingSearch).ok());
    QVERIFY(authtest::addUser(db(), QStringLiteral("ana"), authtest::RoleSite::kRolePassword,
                              QStringLiteral("analyst")) > 0);
    auto ana = m_site.auth->login(QStringLiteral("ana"), authtest::RoleSite::kRolePassword,
                                  QString(), QString());
    QVERIFY(ana.ok());
    auto engine = UserSearch::open(db(), ana->principal());
    QVERIFY(engine.ok());
    QCOMPARE(engine->count(SearchQuery()).value(), qint64(2));
}

void TestUserSearch::mappingOfScopes()
{
    RecordingScope scope;
    scope.kind = RoleScope::All;
    QCOMPARE(UserSearch::scopeOf(scope).kind(), SearchScope::Kind::All);
    scope.kind = RoleScope::Teams;
    scope.teams = {QStringLiteral("T1"), QStringLiteral("T9")};
    QCOMPARE(UserSearch::scopeOf(scope).kind(), SearchScope::Kind::Teams);
    QCOMPARE(UserSearch::scopeOf(scope).teamIds(), scope.teams);
    scope.kind = RoleScope::Own;
    scope.agentId = QStringLiteral("A1");
    QCOMPARE(UserSearch::scopeOf(scope).kind(), SearchScope::Kind::Agent);
    QCOMPARE(UserSearch::scopeOf(scope).agentId(), QStringLiteral("A1"));
    scope.agentId.clear();
    QVERIFY(UserSearch::scopeOf(scope).isEmpty());
}

QTEST_GUILESS_MAIN(TestUserSearch)
#include "tst_usersearch.moc"
