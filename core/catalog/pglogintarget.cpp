#include "pglogintarget.h"

#include "catalog/database.h"
#include "crypto/cryptoutil.h"

#include <QSqlDriver>
#include <QUrl>
#include <QVariant>

#include <libpq-fe.h>

namespace cv {

QString PgLoginTarget::loginRoleOf(const QString &userName) const
{
    const QByteArray digest = crypto::sha256(userName.toUtf8()).toHex().left(16);
    return rolePrefix + QStringLiteral("_u_") + QString::fromLatin1(digest);
}

QString PgLoginTarget::gateRole() const
{
    return rolePrefix + QStringLiteral("_gate");
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

Result<QString> scramVerifier(Database &db, const QString &role, const QByteArray &password)
{
    auto connection = db.openedConnection();
    if (!connection)
        return connection.error();
    const QVariant handle = connection->driver()->handle();
    // The handle type name is "PGconn*" (or "pg_conn*", depending on how Qt was built).
    const bool isPg = handle.isValid() && handle.constData() &&
                      (qstrcmp(handle.typeName(), "PGconn*") == 0 ||
                       qstrcmp(handle.typeName(), "pg_conn*") == 0);
    PGconn *conn = isPg ? *static_cast<PGconn *const *>(handle.constData()) : nullptr;
    if (!conn)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("Password verifiers need a PostgreSQL connection."));
    QByteArray clear = password;
    clear.append('\0');
    char *verifier =
        PQencryptPasswordConn(conn, clear.constData(), role.toUtf8().constData(), "scram-sha-256");
    crypto::secureZero(clear);
    if (!verifier)
        return makeError(ErrorCode::Database,
                         QStringLiteral("Could not compute the password verifier: %1")
                             .arg(QString::fromUtf8(PQerrorMessage(conn)).trimmed()));
    const QString result = QString::fromLatin1(verifier);
    PQfreemem(verifier);
    return result;
}

} // namespace cv
