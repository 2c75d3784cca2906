#pragma once

#include "common/result.h"
#include "site/keystore.h"
#include "site/sitekeys.h"

#include <QString>
#include <QUuid>

namespace cv {

// site.json in a site directory: identity, public keys, where the private keys and the
// catalog are. Holds no secret: capture nodes get a copy of it.
struct SiteConfig
{
    static constexpr int kVersion = 1;

    QUuid siteId;
    QString name;
    SitePublicKeys publicKeys;
    KeyStore::Backend keyBackend = KeyStore::Backend::KeyFile;
    QString catalogKind = QStringLiteral("sqlite"); // "sqlite" or "postgres"
    QString catalogLocation; // file name in the site dir, or a URL without user and password
    // A PostgreSQL catalog secured by `callvaultctl init --pg` (docs/postgres-security.md):
    // the site's role prefix (cv_<8 hex>; a user's login role is
    // PgSecurityProvisioner::loginRoleName(prefix, name)) and the password of the gate role
    // <prefix>_gate. The gate can do one thing: count a failed log-in (cv_login_failed), so
    // it is no secret worth protecting beyond this file. Both empty for other catalogs.
    QString pgRolePrefix;
    QString pgGatePassword;

    QByteArray toJson() const;
    static Result<SiteConfig> fromJson(const QByteArray &json);
};

} // namespace cv
