#include "auth/loginroles.h"

#include "catalog/database.h"
#include "catalog/pgpassword.h"
#include "catalog/pgsecurityprovisioner.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

LoginRoles::LoginRoles(Database &db, PgLoginTarget target) : m_db(db), m_target(std::move(target))
{
}

QString LoginRoles::serverPasswordMarker()
{
    return PgSecurityProvisioner::passwordPlaceholder();
}

Result<void> LoginRoles::call(const QString &sql, const QVariantList &values, const QString &what)
{
    auto query = prepare(m_db, sql);
    if (!query)
        return query.error();
    for (const QVariant &value : values)
        query->addBindValue(value);
    if (auto r = exec(query.value(), what); !r)
        return r;
    query->finish();
    return {};
}

Result<void> LoginRoles::create(qint64 userId, const QString &name, const QByteArray &password)
{
    auto verifier = pgpassword::scramVerifier(m_db.connection(), m_target.loginRoleOf(name), password);
    if (!verifier)
        return verifier.error();
    return call(QStringLiteral("SELECT cv_create_login(?, ?)"),
                {static_cast<qlonglong>(userId), verifier.value()},
                QStringLiteral("Could not create the login of %1").arg(name));
}

Result<void> LoginRoles::setPassword(qint64 userId, const QString &name,
                                     const QByteArray &password, bool mustChange)
{
    auto verifier = pgpassword::scramVerifier(m_db.connection(), m_target.loginRoleOf(name), password);
    if (!verifier)
        return verifier.error();
    return call(QStringLiteral("SELECT cv_set_password(?, ?, ?)"),
                {static_cast<qlonglong>(userId), verifier.value(), mustChange},
                QStringLiteral("Could not set the password of %1").arg(name));
}

Result<void> LoginRoles::setEnabled(qint64 userId, bool enabled)
{
    return call(QStringLiteral("SELECT cv_set_login_enabled(?, ?)"),
                {static_cast<qlonglong>(userId), enabled},
                enabled ? QStringLiteral("Could not enable the login")
                        : QStringLiteral("Could not disable the login"));
}

} // namespace cv
