#include "authtestsupport.h"

#include "auth/accountrepository.h"
#include "auth/teamrepository.h"

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

} // namespace authtest
