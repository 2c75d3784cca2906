#include "authtestsupport.h"

#include "auth/accountrepository.h"
#include "auth/teamrepository.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace cv;

namespace authtest {

crypto::ScryptParams cheapParams()
{
    crypto::ScryptParams params;
    params.n = 16;
    params.r = 1;
    params.p = 1;
    return params;
}

AuthService::Options options(TestClock &clock)
{
    AuthService::Options o;
    o.clock = clock.clock();
    o.hashParams = cheapParams();
    return o;
}

qint64 addUser(Database &db, const QString &name, const QByteArray &password, const QString &role,
               const QStringList &teams, const QString &agentId, bool mustChange)
{
    const auto hash = crypto::hashPassword(password, cheapParams());
    [&] { QVERIFY2(hash.ok(), qPrintable(hash.errorMessage())); }();
    if (!hash.ok())
        return 0;
    AccountRepository accounts(db);
    AccountRepository::NewAccount row;
    row.name = name;
    row.passwordHash = hash.value();
    row.role = role;
    row.mustChangePassword = mustChange;
    row.agentId = agentId;
    row.nowMs = 1714550400000;
    const auto id = accounts.insert(row);
    [&] { QVERIFY2(id.ok(), qPrintable(id.errorMessage())); }();
    if (!id.ok())
        return 0;
    const auto set = accounts.setTeams(id.value(), teams);
    [&] { QVERIFY2(set.ok(), qPrintable(set.errorMessage())); }();
    return set.ok() ? id.value() : 0;
}

bool addTeam(Database &db, const QString &id)
{
    const auto made = TeamRepository(db).create(id, id, 1714550400000);
    [&] { QVERIFY2(made.ok(), qPrintable(made.errorMessage())); }();
    return made.ok();
}

bool addAgent(Database &db, const QString &agentId, const QString &team)
{
    const auto set = TeamRepository(db).setAgentTeam(agentId, team);
    [&] { QVERIFY2(set.ok(), qPrintable(set.errorMessage())); }();
    return set.ok();
}

QVector<AuditEntry> auditRows(Database &db, qint64 afterId)
{
    QVector<AuditEntry> rows;
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral(
        "SELECT id, actor, action, target, details, result FROM audit WHERE id > ? ORDER BY id"));
    query.addBindValue(static_cast<qlonglong>(afterId));
    if (!query.exec()) {
        [&] { QVERIFY2(false, qPrintable(query.lastError().text())); }();
        return rows;
    }
    while (query.next())
        rows.append({query.value(0).toLongLong(), query.value(1).toString(),
                     query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toString(), query.value(5).toString()});
    return rows;
}

qint64 lastAuditId(Database &db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

int countAudit(const QVector<AuditEntry> &rows, const QString &action, const QString &result)
{
    int n = 0;
    for (const AuditEntry &row : rows) {
        if (row.action == action && (result.isEmpty() || row.result == result))
            ++n;
    }
    return n;
}

qint64 countRows(Database &db, const QString &table)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

const QStringList &RoleSite::roles()
{
    static const QStringList all = {
        QStringLiteral("admin"),      QStringLiteral("security_admin"), QStringLiteral("auditor"),
        QStringLiteral("supervisor"), QStringLiteral("qa_evaluator"),   QStringLiteral("agent"),
        QStringLiteral("recorder")};
    return all;
}

bool RoleSite::setUp(Database &db, const QUuid &siteId)
{
    if (!addTeam(db, QStringLiteral("T1")) || !addTeam(db, QStringLiteral("T2")) ||
        !addAgent(db, QStringLiteral("A1"), QStringLiteral("T1")) ||
        !addAgent(db, QStringLiteral("A2"), QStringLiteral("T2")))
        return false;
    inT1 = catalogtest::makeRecording(siteId, QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC));
    inT1.agentId = QStringLiteral("A1");
    inT2 = catalogtest::makeRecording(siteId, QDateTime(QDate(2024, 4, 2), QTime(9, 0), Qt::UTC));
    inT2.agentId = QStringLiteral("A2");
    if (!RecordingRepository(db).insert(inT1).ok() || !RecordingRepository(db).insert(inT2).ok())
        return false;
    for (const QString &role : roles()) {
        const bool teams =
            role == QLatin1String("supervisor") || role == QLatin1String("qa_evaluator");
        const QString agentId = role == QLatin1String("agent") ? QStringLiteral("A1") : QString();
        if (addUser(db, QStringLiteral("u_") + role, kRolePassword, role,
                    teams ? QStringList{QStringLiteral("T1")} : QStringList(), agentId) == 0)
            return false;
    }
    auth = std::make_unique<AuthService>(db, options(clock));
    sessions.clear();
    for (const QString &role : roles()) {
        auto session = auth->login(QStringLiteral("u_") + role, kRolePassword,
                                   QStringLiteral("ws-7"), QStringLiteral("test"));
        [&] { QVERIFY2(session.ok(), qPrintable(session.errorMessage())); }();
        if (!session.ok())
            return false;
        sessions.emplace(role, session.takeValue());
    }
    return true;
}

QStringList injectionCorpus()
{
    QStringList c = {
        QStringLiteral("' OR '1'='1"),
        QStringLiteral("alice'--"),
        QStringLiteral("alice' /*"),
        QStringLiteral("\" OR \"\"=\""),
        QStringLiteral("x' OR 1=1 --"),
        QStringLiteral("1; DROP TABLE users; --"),
        QStringLiteral("'; DROP TABLE users; --"),
        QStringLiteral("robert'); DROP TABLE teams;--"),
        QStringLiteral("' UNION SELECT id, name, password_hash FROM users --"),
        QStringLiteral("alice' UNION ALL SELECT NULL--"),
        QStringLiteral("'; UPDATE users SET role='admin' WHERE name='alice'; --"),
        QStringLiteral("'); INSERT INTO role_permissions VALUES ('supervisor','users.manage'); --"),
        QStringLiteral("%"),
        QStringLiteral("_"),
        QStringLiteral("a%' ESCAPE '\\"),
        QStringLiteral("\\'; SELECT pg_sleep(5); --"),
        QStringLiteral("$$; SELECT 1; $$"),
        QStringLiteral("alice\n"),
        QStringLiteral("\talice"),
        QStringLiteral("王芳' OR 'x'='x"),
        QStringLiteral("😀' --"),
    };
    c.append(QStringLiteral("alice") + QChar(0) + QStringLiteral("' OR 1=1"));
    c.append(QString(QChar(0)));
    c.append(QString(100 * 1024, QLatin1Char('A')));
    c.append(QString(100 * 1024, QLatin1Char('\'')));
    c.append(QString::fromUtf8("\xff\xfe\xc3\x28 alice"));
    c.append(QString::fromUtf8("\xed\xa0\x80"));            // an encoded surrogate
    c.append(QString(QChar(0xd800)) + QStringLiteral("x")); // a lone surrogate
    return c;
}

void expectNoDatabaseText(const QString &message, const QString &input)
{
    static const QStringList leaks = {QStringLiteral("SQL"),
                                      QStringLiteral("syntax"),
                                      QStringLiteral("constraint"),
                                      QStringLiteral("ERROR:"),
                                      QStringLiteral("QSQLITE"),
                                      QStringLiteral("QPSQL"),
                                      QStringLiteral("statement"),
                                      QStringLiteral("Unable to"),
                                      QStringLiteral("invalid byte sequence")};
    for (const QString &leak : leaks)
        QVERIFY2(
            !message.contains(leak, Qt::CaseInsensitive),
            qPrintable(
                QStringLiteral("input %1 -> %2").arg(input.left(40).toHtmlEscaped(), message)));
    QVERIFY2(message.size() < 400, qPrintable(message.left(400)));
}

} // namespace authtest
