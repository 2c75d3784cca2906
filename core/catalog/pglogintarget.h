#pragma once

#include "catalog/catalogconfig.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace cv {

// Where and as whom a program logs in to a server-enforced PostgreSQL catalog
// (docs/postgres-security.md): the server URL without a user, and the role names derived
// from the site's role prefix (PgSecurityProvisioner names them): a user's login role is
// derived from the user name, so that a program can connect before it knows anything else.
// The gate role can only count failed log-ins (cv_login_failed).
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

} // namespace cv
