#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QUuid>
#include <functional>

namespace cv {

class Database;

// Sets up a PostgreSQL catalog so that the server enforces CallVault's rules
// (docs/postgres-security.md): given a connection as a superuser to an EMPTY database, it
//   - creates the site's roles: <prefix>_owner (NOLOGIN CREATEROLE; owns the database, its
//     public schema, every table, sequence and function; no one logs in as it),
//     <prefix>_app (NOLOGIN; every user's login role is its member; holds the grants) and
//     <prefix>_gate (LOGIN with a random password; may only count failed log-ins);
//   - runs the migrations as the owner (SET LOCAL ROLE), then the security SQL
//     (PgSecurityScript: functions, grants, row-level security);
//   - creates the first admin user (role admin) and its login role, and runs the caller's
//     `populate` (site row, first audit row) as the owner;
// all in ONE transaction (roles are transactional in PostgreSQL): on any failure nothing is
// left behind. <prefix> is cv_ and the first 8 hex digits of the site id.
//
// Passwords reach the server only as SCRAM-SHA-256 verifiers made by libpq (pgpassword).
class PgSecurityProvisioner final
{
public:
    struct Options
    {
        QUuid siteId;
        QString adminName = QStringLiteral("admin");
        QByteArray adminPassword; // becomes the admin login role's verifier; not kept
        // Runs as the owner after the admin user exists, inside the transaction: the
        // caller's rows (site row, audit row, ...). Empty: nothing.
        std::function<Result<void>(Database &)> populate;
    };

    struct Report
    {
        QString prefix;
        QByteArray gatePassword; // for site.json: it can only count failed log-ins
        qint64 adminUserId = 0;
        QString adminLoginRole;
    };

    static Result<Report> provision(Database &superuser, const Options &options);

    // After a CallVault update with new migrations: as a superuser, migrates a secured
    // catalog as its owner and applies the security SQL again (grants and policies for new
    // tables), in one transaction. Running it on a current catalog changes nothing.
    static Result<void> upgrade(Database &superuser, const QString &prefix);

    // Role names (docs/postgres-security.md, "Roles").
    static QString rolePrefix(const QUuid &siteId); // "cv_" + first 8 hex digits
    static bool isValidPrefix(const QString &prefix);
    static QString ownerRole(const QString &prefix) { return prefix + QStringLiteral("_owner"); }
    static QString appRole(const QString &prefix) { return prefix + QStringLiteral("_app"); }
    static QString gateRole(const QString &prefix) { return prefix + QStringLiteral("_gate"); }
    // <prefix>_u_<first 16 hex digits of SHA-256(UTF-8 user name)>: the login role of a user.
    static QString loginRoleName(const QString &prefix, const QString &userName);
    // What users.password_hash holds on a secured PostgreSQL catalog: the password is the
    // login role's, checked by the server. No scrypt hash ever matches it.
    static QString passwordPlaceholder() { return QStringLiteral("!postgresql-login-role"); }
};

} // namespace cv
