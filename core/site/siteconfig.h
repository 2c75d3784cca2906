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
    QString catalogLocation;                        // file name in the site dir, or a URL without password
    QString pgRolePrefix;   // server-enforced PostgreSQL catalogs (docs/postgres-security.md)
    QString pgGatePassword; // the gate role's password: it can only count failed log-ins

    QByteArray toJson() const;
    static Result<SiteConfig> fromJson(const QByteArray &json);
};

} // namespace cv
