#pragma once

#include "common/result.h"
#include "crypto/scrypt.h"
#include "site/site.h"

#include <QByteArray>
#include <QString>

namespace cv {

// `callvaultctl init`: creates a site directory with fresh key pairs, the catalog and the
// first admin user. Either everything is created or nothing is left behind.
class SiteInitializer final
{
public:
    enum class KeyBackendChoice { Auto, Keychain, File };

    struct Options
    {
        QString directory;
        QString name = QStringLiteral("CallVault site");
        // Empty: embedded SQLite catalog in the site directory. Else the URL of a superuser
        // and an EMPTY database, which gets the site's roles, schema and server-side
        // security (PgSecurityProvisioner, docs/postgres-security.md); site.json keeps the
        // URL without user and password.
        QString pgUrl;
        KeyBackendChoice backend = KeyBackendChoice::Auto;
        QByteArray passphrase; // for the key-file backend
        QString adminName = QStringLiteral("admin");
        QByteArray adminPassword;
        QString program = QStringLiteral("callvaultctl");
        crypto::ScryptParams passwordParams; // OWASP defaults
        crypto::ScryptParams keyFileParams;
    };

    struct Report
    {
        QString directory;
        QString keyStoreDescription;
        QString fingerprint;
        QString catalogDescription;
        QString adminLoginRole; // PostgreSQL: the first admin's login role, else empty
    };

    static Result<Report> initialize(const Options &options);
    // The rule for a new password, shared with password changes: at least 10 characters.
    static Result<void> checkPasswordPolicy(const QByteArray &password);
};

} // namespace cv
