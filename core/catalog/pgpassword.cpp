#include "catalog/pgpassword.h"

#include "crypto/cryptoutil.h"

#include <QSqlDriver>
#include <QVariant>
#include <libpq-fe.h>

#include <memory>

namespace cv::pgpassword {

namespace {

// The libpq connection behind a QPSQL connection: QSqlDriver::handle() holds a PGconn*
// (Qt 6 names its type "pg_conn*"); the Qt plugin links the same system libpq as we do.
PGconn *pgConnection(const QSqlDatabase &connection)
{
    if (!connection.isOpen() || !connection.driver())
        return nullptr;
    const QVariant handle = connection.driver()->handle();
    if (!handle.isValid() || !handle.constData())
        return nullptr;
    if (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

struct PqFree
{
    void operator()(char *p) const { PQfreemem(p); }
};

} // namespace

Result<QString> scramVerifier(const QSqlDatabase &connection, const QString &role,
                              const QByteArray &password)
{
    if (password.isEmpty() || password.contains('\0'))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A password must not be empty or contain a NUL byte."));
    PGconn *conn = pgConnection(connection);
    if (!conn)
        return makeError(ErrorCode::Database,
                         QStringLiteral("A PostgreSQL password verifier needs an open PostgreSQL "
                                        "connection (the Qt PostgreSQL driver QPSQL)."));
    // A NUL-terminated copy we can zero afterwards (QByteArray::constData() is terminated,
    // but the caller's buffer is theirs to zero).
    QByteArray copy(password.constData(), password.size());
    const QByteArray user = role.toUtf8();
    std::unique_ptr<char, PqFree> verifier(
        PQencryptPasswordConn(conn, copy.constData(), user.constData(), "scram-sha-256"));
    crypto::secureZero(copy);
    if (!verifier)
        return makeError(ErrorCode::Crypto,
                         QStringLiteral("libpq could not make a SCRAM-SHA-256 verifier: %1")
                             .arg(QString::fromUtf8(PQerrorMessage(conn)).trimmed()));
    return QString::fromLatin1(verifier.get());
}

Result<QByteArray> randomPassword()
{
    auto bytes = crypto::randomBytes(32);
    if (!bytes)
        return bytes.error();
    QByteArray hex = bytes->toHex();
    crypto::secureZero(bytes.value());
    return hex;
}

} // namespace cv::pgpassword
