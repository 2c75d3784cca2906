#include "pglogintarget.h"

#include "catalog/pgsecurityprovisioner.h"

#include <QUrl>

namespace cv {

QString PgLoginTarget::loginRoleOf(const QString &userName) const
{
    return PgSecurityProvisioner::loginRoleName(rolePrefix, userName);
}

QString PgLoginTarget::gateRole() const
{
    return PgSecurityProvisioner::gateRole(rolePrefix);
}

Result<CatalogConfig> PgLoginTarget::configFor(const QString &role, const QByteArray &password) const
{
    QUrl withUser(url, QUrl::StrictMode);
    if (!withUser.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The catalog URL in site.json is not valid."));
    withUser.setUserName(role);
    withUser.setPassword(QString::fromUtf8(password));
    auto config = CatalogConfig::fromPgUrl(withUser.toString(QUrl::FullyEncoded));
    if (!config)
        return config.error();
    config->serverEnforced = true;
    return config;
}

} // namespace cv
