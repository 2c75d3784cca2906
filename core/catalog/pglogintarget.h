#pragma once

#include "catalog/catalogconfig.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace cv {

class Database;

// Where and as whom a program logs in to a server-enforced PostgreSQL catalog
// (docs/postgres-security.md): the server URL without a user, and the role names derived
// from the site's role prefix. Every CallVault user is a PostgreSQL login role named
// <prefix>_u_<first 16 hex digits of SHA-256(UTF-8 user name)>: derived from the name so
// that a program can connect before it knows anything else, and free of the characters a
// user name may hold. The gate role can only count failed log-ins (cv_login_failed).
struct PgLoginTarget
{
    QString url;             // postgresql://host:port/db?sslmode=verify-full&sslrootcert=...
    QString rolePrefix;      // cv_<first 8 hex digits of the site id>
    QByteArray gatePassword; // not a secret in the usual sense: see the doc

    QString loginRoleOf(const QString &userName) const;
    QString gateRole() const;
    // A server-enforced catalog configuration connecting as `role` with `password`.
    Result<CatalogConfig> configFor(const QString &role, const QByteArray &password) const;
};

// A SCRAM-SHA-256 verifier ("SCRAM-SHA-256$4096:salt$StoredKey:ServerKey") of `password` for
// `role`, computed by libpq on this thread's connection of `db` (PQencryptPasswordConn), so
// that the password itself never travels to the server, not even inside TLS.
Result<QString> scramVerifier(Database &db, const QString &role, const QByteArray &password);

} // namespace cv
