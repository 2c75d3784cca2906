// An SQL-injection corpus (quotes, comments, UNION, stacked queries, NUL, 100 kB, broken
// UTF-8, LIKE wildcards) through the log-in name and password and through user and team
// names, on both backends: no effect beyond the literal text, and no database error text
// in any message.
#include "auth/accountrepository.h"
#include "auth/authservice.h"
#include "auth/settingsrepository.h"
#include "auth/teamadmin.h"
#include "auth/useradmin.h"
#include "authtestsupport.h"
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"

#include <QTest>

using namespace cv;

namespace {

const QByteArray kPassword = "correct horse battery";

} // namespace

class TestAuthInjection final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUp();
    // Counts that must not change except by the accepted, literal names.
    QVector<qint64> snapshot();

    authtest::TestClock m_clock;
    std::unique_ptr<AuthService> m_auth;

private slots:
    void throughLoginName();
    void throughLoginPassword();
    void throughUserNames();
    void throughTeamNames();
};

bool TestAuthInjection::setUp()
{
    if (!migrateLatest())
        return false;
    m_auth = std::make_unique<AuthService>(db(), authtest::options(m_clock));
    // Many attempts in a row here; the lockout itself is tested elsewhere.
    if (!SettingsRepository(db()).set(Setting::LockoutMaxFailures, QStringLiteral("1000")).ok())
        return false;
    return authtest::addUser(db(), QStringLiteral("alice"), kPassword,
                             QStringLiteral("supervisor")) > 0 &&
           authtest::addUser(db(), QStringLiteral("root"), kPassword, QStringLiteral("admin")) > 0;
}

QVector<qint64> TestAuthInjection::snapshot()
{
    QVector<qint64> counts;
    for (const char *table :
         {"users", "teams", "roles", "role_permissions", "user_teams", "settings", "agents"})
        counts.append(authtest::countRows(db(), QString::fromLatin1(table)));
    return counts;
}

void TestAuthInjection::throughLoginName()
{
    QVERIFY(setUp());
    const QVector<qint64> before = snapshot();
    const qint64 auditBefore = authtest::lastAuditId(db());
    int attempts = 0;
    for (const QString &name : authtest::injectionCorpus()) {
        for (const QByteArray &password : {kPassword, name.toUtf8()}) {
            const auto r = m_auth->login(name, password, name, QStringLiteral("test"));
            ++attempts;
            QVERIFY2(!r.ok(), qPrintable(name.left(40)));
            QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
            QCOMPARE(r.errorMessage(), AuthService::wrongCredentialsMessage());
            authtest::expectNoDatabaseText(r.errorMessage(), name);
        }
    }
    QCOMPARE(snapshot(), before);
    // Every attempt is in the audit trail, made safe: no control characters, cut to size.
    const auto rows = authtest::auditRows(db(), auditBefore);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.login"), QStringLiteral("denied")),
             attempts);
    for (const auto &row : rows) {
        QVERIFY(row.target.size() <= 201);
        QVERIFY(!row.target.contains(QChar(0)));
        QVERIFY(!row.actor.contains(u'\n'));
    }
    const auto verified = AuditLog(db()).verifyChain();
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
    // The real users are untouched.
    QVERIFY(m_auth->login(QStringLiteral("alice"), kPassword, QString(), QString()).ok());
    QCOMPARE(AccountRepository(db()).findByName(QStringLiteral("alice")).value()->role,
             QStringLiteral("supervisor"));
}

void TestAuthInjection::throughLoginPassword()
{
    QVERIFY(setUp());
    const QVector<qint64> before = snapshot();
    for (const QString &text : authtest::injectionCorpus()) {
        for (const QByteArray &password :
             {text.toUtf8(), text.toLatin1(), QByteArray("\xff\xfe\x00\x27", 4)}) {
            const auto r = m_auth->login(QStringLiteral("alice"), password, QString(), QString());
            QVERIFY(!r.ok());
            QCOMPARE(r.errorMessage(), AuthService::wrongCredentialsMessage());
            authtest::expectNoDatabaseText(r.errorMessage(), text);
        }
    }
    QCOMPARE(snapshot(), before);
    QVERIFY(m_auth->login(QStringLiteral("alice"), kPassword, QString(), QString()).ok());
}

void TestAuthInjection::throughUserNames()
{
    QVERIFY(setUp());
    auto root = m_auth->login(QStringLiteral("root"), kPassword, QString(), QString());
    QVERIFY(root.ok());
    UserAdmin users(db(), *m_auth);
    const QVector<qint64> before = snapshot();
    int accepted = 0;
    for (const QString &name : authtest::injectionCorpus()) {
        UserAdmin::NewUser user{name, "temporary-password", QStringLiteral("agent"), {}, name,
                                true};
        const auto added = users.add(root->principal(), user);
        if (added.ok()) {
            ++accepted;
            // Stored literally and found by exactly that text.
            const auto found = AccountRepository(db()).findByName(name);
            QVERIFY(found.ok() && found.value().has_value());
            QCOMPARE(found.value()->name, name);
            QCOMPARE(found.value()->agentId, name);
            QCOMPARE(found.value()->role, QStringLiteral("agent"));
            // Changing the literal user touches only that user.
            QVERIFY(users.setDisabled(root->principal(), name, true).ok());
        } else {
            QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
            authtest::expectNoDatabaseText(added.errorMessage(), name);
        }
        // Text as a role or team name is refused plainly as well.
        const auto role = users.setRole(root->principal(), QStringLiteral("alice"), name);
        QVERIFY(!role.ok());
        QVERIFY(role.error().code == ErrorCode::NotFound ||
                role.error().code == ErrorCode::PermissionDenied);
        authtest::expectNoDatabaseText(role.errorMessage(), name);
        const auto teams = users.setTeams(root->principal(), QStringLiteral("alice"), {name});
        QCOMPARE(teams.error().code, ErrorCode::NotFound);
        authtest::expectNoDatabaseText(teams.errorMessage(), name);
    }
    QVERIFY(accepted >= 15); // the printable ones
    QVector<qint64> expected = before;
    expected[0] += accepted;
    QCOMPARE(snapshot(), expected);
    const auto alice = AccountRepository(db()).findByName(QStringLiteral("alice")).value();
    QCOMPARE(alice->role, QStringLiteral("supervisor"));
    QVERIFY(!alice->disabled);
    QVERIFY(alice->teams.isEmpty());
    QVERIFY(AuditLog(db()).verifyChain().ok());
}

void TestAuthInjection::throughTeamNames()
{
    QVERIFY(setUp());
    auto root = m_auth->login(QStringLiteral("root"), kPassword, QString(), QString());
    TeamAdmin teams(db(), m_clock.clock());
    const QVector<qint64> before = snapshot();
    int accepted = 0;
    for (const QString &name : authtest::injectionCorpus()) {
        const auto added = teams.add(root->principal(), QString(), name);
        if (added.ok()) {
            ++accepted;
            QVERIFY(teams.assignAgent(root->principal(), QStringLiteral("A1"), name).ok());
        } else {
            QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
            authtest::expectNoDatabaseText(added.errorMessage(), name);
            const auto assigned =
                teams.assignAgent(root->principal(), name, QStringLiteral("nope"));
            QVERIFY(!assigned.ok());
            authtest::expectNoDatabaseText(assigned.errorMessage(), name);
        }
        const auto renamed = teams.rename(root->principal(), QStringLiteral("no-such-team"), name);
        QVERIFY(!renamed.ok());
        authtest::expectNoDatabaseText(renamed.errorMessage(), name);
    }
    QVERIFY(accepted >= 15);
    QVector<qint64> expected = before;
    expected[1] += accepted;
    expected[6] += 1; // agent A1, moved from team to team
    QCOMPARE(snapshot(), expected);
    const auto list = teams.list(root->principal());
    QVERIFY(list.ok());
    QCOMPARE(list->size(), accepted);
}

QTEST_GUILESS_MAIN(TestAuthInjection)
#include "tst_authinjection.moc"
