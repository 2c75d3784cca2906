#pragma once

#include "catalog/catalogtypes.h"
#include "catalog/database.h"
#include "common/result.h"
#include "crypto/ed25519keypair.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>
#include <memory>
#include <optional>

class QSqlQuery;

// Runs `sql` with `values` bound (unprepared without values: DDL and SET cannot be PREPAREd);
// false with query.lastError() set.
bool runStatement(QSqlQuery &query, const QString &sql, const QVariantList &values);
// A statement's outcome on `db` as one string tests can compare: the first value, `noRow`
// when there is none, or "error <SQLSTATE>".
QString statementOutcome(cv::Database &db, const QString &sql, const QVariantList &values = {},
                         const QString &noRow = QString());

// A secured PostgreSQL catalog of its own for a test (docs/postgres-security.md): a fresh
// database on the server of tests/tools/with-postgres.sh, set up by the real
// cv::PgSecurityProvisioner through the superuser URL ($CALLVAULT_TEST_PG_SUPERUSER_URL),
// with a site row whose Ed25519 key the test holds (to sign checkpoints). The destructor
// drops the database and every role of the site, so runs never meet.
class SecuredCatalog final
{
public:
    SecuredCatalog();
    ~SecuredCatalog();
    SecuredCatalog(const SecuredCatalog &) = delete;
    SecuredCatalog &operator=(const SecuredCatalog &) = delete;

    // Creates and provisions the database; the first admin is "admin" with adminPassword().
    cv::Result<void> create();
    // Only creates the (empty) database and connects to it as the superuser; `siteId` fixes
    // the role prefix that the destructor cleans up after.
    cv::Result<void> createDatabase(const QUuid &siteId);

    cv::Database &superuser() { return *m_super; } // this database, as the superuser
    const QString &prefix() const { return m_prefix; }
    const QString &database() const { return m_database; }
    const QUuid &siteId() const { return m_siteId; }
    const cv::crypto::Ed25519KeyPair &signingKey() const { return *m_signing; }
    QByteArray signingPublic() const;
    const QByteArray &gatePassword() const { return m_gatePassword; }
    static QByteArray adminPassword() { return QByteArrayLiteral("AdminPassw0rd4Tests"); }
    // A user's test password (letters and digits: safe in a URL and a conninfo string).
    static QByteArray passwordOf(const QString &userName);

    QString loginRole(const QString &userName) const;
    QString gateRole() const;
    // postgresql://role:password@127.0.0.1:port/db?sslmode=verify-full&sslrootcert=ca
    QString urlFor(const QString &role, const QByteArray &password) const;
    cv::Result<std::unique_ptr<cv::Database>> connect(const QString &role,
                                                      const QByteArray &password) const;
    cv::Result<std::unique_ptr<cv::Database>> connectAs(const QString &userName) const;
    // A user's connection as the workstation opens it after a log-in: their own login role,
    // with the client going through the server's functions (Database::serverEnforced()).
    cv::Result<std::unique_ptr<cv::Database>> connectEnforced(const QString &userName) const;

    // A user added the way an administrator's client does it: INSERT as the admin's login
    // role, cv_create_login with a verifier from libpq, user_teams rows. Returns the id.
    cv::Result<qint64> addUser(const QString &name, const QString &role,
                               const QStringList &teams = {}, const QString &agentId = {},
                               bool withLogin = true);

    // Superuser statements on this database (fixtures, and looking behind the policies).
    cv::Result<void> exec(const QString &sql, const QVariantList &values = {});
    cv::Result<QVariant> scalar(const QString &sql, const QVariantList &values = {});
    cv::Result<QVariant> scalarOn(cv::Database &db, const QString &sql,
                                  const QVariantList &values = {}) const;
    // A statement's outcome on `db`: the first value ('' without a row), or the SQLSTATE of
    // the error prefixed "error ", so that tests compare both with QCOMPARE.
    static QString outcome(cv::Database &db, const QString &sql, const QVariantList &values = {});

    struct PsqlRun
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // The real psql (-X, unaligned, no ON_ERROR_STOP) logged in as `role` over TLS
    // (sslmode=verify-full), reading `script` from stdin.
    PsqlRun psql(const QString &role, const QByteArray &password, const QString &script) const;

private:
    QString m_serverUrl;
    QString m_database;
    QString m_prefix;
    QUuid m_siteId;
    QByteArray m_gatePassword;
    std::optional<cv::crypto::Ed25519KeyPair> m_signing;
    std::unique_ptr<cv::Database> m_maintenance; // the server's postgres database
    std::unique_ptr<cv::Database> m_super;
    std::unique_ptr<cv::Database> m_admin; // the admin's login role
};
