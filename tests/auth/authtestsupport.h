#pragma once

#include "auth/authservice.h"
#include "auth/principal.h"
#include "catalog/catalogtypes.h"
#include "catalog/database.h"
#include "common/result.h"
#include "crypto/scrypt.h"

#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVector>
#include <map>
#include <memory>

// Shared by the core/auth tests (they run on both backends through CatalogTestCase).
namespace authtest {

// Cheap scrypt for tests (N=16, r=1, p=1); the product default stays N=2^17, r=8, p=1.
cv::crypto::ScryptParams cheapParams();

// A clock the test moves by hand; starts at 2024-05-01 08:00 UTC.
struct TestClock
{
    qint64 now = 1714550400000;
    cv::Clock clock()
    {
        return [this] { return now; };
    }
    void advanceMinutes(qint64 minutes) { now += minutes * 60 * 1000; }
};

cv::AuthService::Options options(TestClock &clock);

// Adds a user directly through the repository (no permission check, cheap hash,
// mustChangePassword false unless asked); returns the id or 0 with a test failure.
qint64 addUser(cv::Database &db, const QString &name, const QByteArray &password,
               const QString &role, const QStringList &teams = {},
               const QString &agentId = QString(), bool mustChange = false);
// Creates team `id` (named the same); false with a test failure.
bool addTeam(cv::Database &db, const QString &id);
// Puts an agent into a team (directory row); false with a test failure.
bool addAgent(cv::Database &db, const QString &agentId, const QString &team);

// An audit row as the tests look at it.
struct AuditEntry
{
    qint64 id = 0;
    QString actor;
    QString action;
    QString target;
    QString details;
    QString result;
};
// All rows in chain order (by id), or only those after `afterId`.
QVector<AuditEntry> auditRows(cv::Database &db, qint64 afterId = 0);
qint64 lastAuditId(cv::Database &db);
// How many rows with this action/result (result empty: any).
int countAudit(const QVector<AuditEntry> &rows, const QString &action,
               const QString &result = QString());

// Counts rows of a table (constant test SQL); -1 on error.
qint64 countRows(cv::Database &db, const QString &table);

// A site with every default role, for the permission tests of core/auth and core/tags:
// teams T1 and T2, agents A1 (T1) and A2 (T2) with one recording each (inT1 starts
// 2024-04-01 09:00 UTC, inT2 a day later), and one user per default role named u_<role>
// with kRolePassword (supervisor and qa_evaluator cover T1, the agent is A1), each logged
// in from host "ws-7". Not movable once set up (the clock is referenced by the service).
struct RoleSite
{
    static constexpr char kRolePassword[] = "correct horse battery";
    // admin, security_admin, auditor, supervisor, qa_evaluator, agent.
    static const QStringList &roles();

    TestClock clock;
    std::unique_ptr<cv::AuthService> auth;
    std::map<QString, cv::Session> sessions; // by role
    cv::RecordingRow inT1;
    cv::RecordingRow inT2;

    // On a migrated catalog with a site; false with a test failure.
    bool setUp(cv::Database &db, const QUuid &siteId);
    cv::Principal as(const QString &role) const { return sessions.at(role).principal(); }
};

// An SQL-injection corpus for text inputs: quotes, comments, UNION, stacked queries, LIKE
// wildcards, NUL, 100 kB strings, broken UTF-8, lone surrogates.
QStringList injectionCorpus();
// Fails the test when `message` carries database error text or is not short.
void expectNoDatabaseText(const QString &message, const QString &input);

} // namespace authtest
