#include "siteconfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cv {

namespace {
const QString kFormat = QStringLiteral("callvault-site");
}

QByteArray SiteConfig::toJson() const
{
    QJsonObject catalog;
    catalog[QStringLiteral("kind")] = catalogKind;
    catalog[QStringLiteral("location")] = catalogLocation;
    if (!pgRolePrefix.isEmpty())
        catalog[QStringLiteral("pgRolePrefix")] = pgRolePrefix;
    if (!pgGatePassword.isEmpty())
        catalog[QStringLiteral("pgGatePassword")] = pgGatePassword;
    QJsonObject o;
    o[QStringLiteral("format")] = kFormat;
    o[QStringLiteral("version")] = kVersion;
    o[QStringLiteral("siteId")] = siteId.toString(QUuid::WithoutBraces);
    o[QStringLiteral("name")] = name;
    o[QStringLiteral("keyId")] = QString::fromLatin1(publicKeys.keyId().toHex());
    o[QStringLiteral("x25519Public")] = QString::fromLatin1(publicKeys.encryption.toBase64());
    o[QStringLiteral("ed25519Public")] = QString::fromLatin1(publicKeys.signing.toBase64());
    o[QStringLiteral("keyBackend")] = backendName(keyBackend);
    o[QStringLiteral("catalog")] = catalog;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<SiteConfig> SiteConfig::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject o = doc.object();
    if (doc.isNull() || o.value(QStringLiteral("format")).toString() != kFormat)
        return makeError(ErrorCode::Format, QStringLiteral("site.json is not a CallVault site description."));
    if (o.value(QStringLiteral("version")).toInt() != kVersion)
        return makeError(ErrorCode::Unsupported, QStringLiteral("site.json has a version this program does not read."));
    SiteConfig c;
    c.siteId = QUuid::fromString(o.value(QStringLiteral("siteId")).toString());
    c.name = o.value(QStringLiteral("name")).toString();
    c.publicKeys.encryption = QByteArray::fromBase64(o.value(QStringLiteral("x25519Public")).toString().toLatin1());
    c.publicKeys.signing = QByteArray::fromBase64(o.value(QStringLiteral("ed25519Public")).toString().toLatin1());
    auto backend = backendFromName(o.value(QStringLiteral("keyBackend")).toString());
    if (!backend)
        return backend.error();
    c.keyBackend = backend.value();
    const QJsonObject catalog = o.value(QStringLiteral("catalog")).toObject();
    c.catalogKind = catalog.value(QStringLiteral("kind")).toString();
    c.catalogLocation = catalog.value(QStringLiteral("location")).toString();
    c.pgRolePrefix = catalog.value(QStringLiteral("pgRolePrefix")).toString();
    c.pgGatePassword = catalog.value(QStringLiteral("pgGatePassword")).toString();
    static const QRegularExpression prefixPattern(QStringLiteral("^cv_[0-9a-f]{8}$"));
    static const QRegularExpression gatePattern(QStringLiteral("^[0-9a-f]{16,128}$"));
    if ((!c.pgRolePrefix.isEmpty() || !c.pgGatePassword.isEmpty())
        && (c.catalogKind != QLatin1String("postgres") || !prefixPattern.match(c.pgRolePrefix).hasMatch()
            || !gatePattern.match(c.pgGatePassword).hasMatch()))
        return makeError(ErrorCode::Format, QStringLiteral("site.json's PostgreSQL roles (pgRolePrefix, pgGatePassword) are damaged."));
    if (c.siteId.isNull() || c.publicKeys.encryption.size() != 32 || c.publicKeys.signing.size() != 32
        || (c.catalogKind != QLatin1String("sqlite") && c.catalogKind != QLatin1String("postgres"))
        || c.catalogLocation.isEmpty())
        return makeError(ErrorCode::Format, QStringLiteral("site.json is incomplete or damaged."));
    if (QString::fromLatin1(c.publicKeys.keyId().toHex()) != o.value(QStringLiteral("keyId")).toString())
        return makeError(ErrorCode::Format, QStringLiteral("site.json's key id does not match its public key."));
    return c;
}

} // namespace cv
