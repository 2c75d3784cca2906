#include "catalogconfig.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace cv {

namespace {

const QStringList &supportedUrlKeys()
{
    static const QStringList keys = {
        QStringLiteral("sslmode"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),
        QStringLiteral("sslcompression"),
        QStringLiteral("channel_binding"),
        QStringLiteral("gssencmode"),
        QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"),
        QStringLiteral("options"),
        QStringLiteral("target_session_attrs"),
        QStringLiteral("keepalives"),
        QStringLiteral("keepalives_idle"),
        QStringLiteral("keepalives_interval"),
        QStringLiteral("keepalives_count"),
        QStringLiteral("tcp_user_timeout"),
        QStringLiteral("host"),
    };
    return keys;
}

// Qt's PostgreSQL driver appends connect options to the libpq conninfo string without
// quoting, so a value with a space, ';', quote or backslash would change its meaning.
bool isSafeOptionValue(const QString &value)
{
    if (value.isEmpty())
        return false;
    for (QChar c : value) {
        if (c.isSpace() || c == u';' || c == u'\'' || c == u'"' || c == u'\\')
            return false;
    }
    return true;
}

Error urlError(const QString &why)
{
    return makeError(
        ErrorCode::InvalidArgument,
        QStringLiteral(
            "The PostgreSQL catalog URL is not usable: %1. Expected "
            "postgresql://user@host:port/database?sslmode=verify-full&sslrootcert=/path/ca.pem")
            .arg(why));
}

} // namespace

CatalogConfig CatalogConfig::sqlite(const QString &path)
{
    CatalogConfig config;
    config.kind = Kind::Sqlite;
    config.sqlitePath = path;
    return config;
}

Result<CatalogConfig> CatalogConfig::fromPgUrl(const QString &url)
{
    CatalogConfig config;
    config.kind = Kind::Postgres;
    config.pgUrl = url.trimmed();
    if (auto params = config.pgConnectionParams(); !params)
        return params.error();
    return config;
}

Result<PgConnectionParams> CatalogConfig::pgConnectionParams() const
{
    if (kind != Kind::Postgres)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("The catalog is an SQLite file, not a PostgreSQL database."));
    const QUrl url(pgUrl, QUrl::StrictMode);
    if (pgUrl.isEmpty() || !url.isValid())
        return urlError(QStringLiteral("it is not a valid URL"));
    if (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        return urlError(QStringLiteral("the scheme must be postgresql://"));

    PgConnectionParams params;
    params.host = url.host(QUrl::FullyDecoded);
    params.port = url.port(5432);
    if (params.port <= 0 || params.port > 65535)
        return urlError(QStringLiteral("the port is out of range"));
    params.database = url.path(QUrl::FullyDecoded);
    if (params.database.startsWith(u'/'))
        params.database.remove(0, 1);
    if (params.database.isEmpty() || params.database.contains(u'/'))
        return urlError(QStringLiteral("it names no database (the path must be /dbname)"));
    params.user = url.userName(QUrl::FullyDecoded);
    if (params.user.isEmpty()) // site.json of a secured catalog names no user (libpq's PGUSER)
        params.user = qEnvironmentVariable("PGUSER");
    if (params.user.isEmpty())
        return urlError(QStringLiteral("it names no user (put it in the URL or set PGUSER)"));
    params.password = url.password(QUrl::FullyDecoded);
    if (params.password.isEmpty())
        params.password = qEnvironmentVariable("PGPASSWORD");

    QStringList options;
    bool hasApplicationName = false;
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!supportedUrlKeys().contains(key))
            return urlError(QStringLiteral("the parameter '%1' is not supported (supported: %2)")
                                .arg(key, supportedUrlKeys().join(QStringLiteral(", "))));
        if (!isSafeOptionValue(value))
            return urlError(QStringLiteral("the value of '%1' is empty or contains a space, ';', a "
                                           "quote or a backslash")
                                .arg(key));
        if (key == QLatin1String("host")) {
            params.host = value;
            continue;
        }
        if (key == QLatin1String("application_name"))
            hasApplicationName = true;
        options.append(key + u'=' + value);
    }
    if (params.host.isEmpty())
        return urlError(QStringLiteral("it names no host"));
    if (!hasApplicationName)
        options.append(QStringLiteral("application_name=callvault"));
    params.connectOptions = options.join(u';');
    return params;
}

QString CatalogConfig::displayName() const
{
    if (kind == Kind::Sqlite)
        return sqlitePath;
    QUrl url(pgUrl);
    if (!url.isValid())
        return QStringLiteral("(invalid PostgreSQL URL)");
    url.setPassword(QString());
    return url.toString();
}

} // namespace cv
