#pragma once

#include "common/result.h"

#include <QString>

namespace cv {

// Everything QSqlDatabase needs to reach a PostgreSQL catalog, parsed from a URL.
struct PgConnectionParams
{
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;       // from the URL, else from $PGPASSWORD; never logged
    QString connectOptions; // "key=value;key=value" for QSqlDatabase::setConnectOptions
};

// Where the catalog lives: an SQLite file (one workstation, a small site) or a PostgreSQL
// database (several workstations and recorders).
//
// PostgreSQL URL: postgresql://user[:password]@host[:port]/dbname[?key=value&...]
// (scheme "postgres" is accepted too). Supported query keys are passed to libpq unchanged:
// sslmode, sslrootcert, sslcert, sslkey, sslcrl, sslcompression, channel_binding,
// gssencmode, connect_timeout, application_name, options, target_session_attrs, keepalives,
// keepalives_idle, keepalives_interval, keepalives_count, tcp_user_timeout, and host (a
// socket directory). Because Qt hands these to libpq unquoted, values may not contain
// spaces, ';', quotes or backslashes. A URL without a password takes it from $PGPASSWORD
// (site.json stores the URL without a password), one without a user takes the user from
// $PGUSER (site.json of a catalog secured by `init --pg` names no user: each person connects
// as their own login role, docs/postgres-security.md).
struct CatalogConfig final
{
    enum class Kind : int
    {
        Sqlite = 1,
        Postgres = 2
    };

    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString pgUrl;
    // PostgreSQL catalogs set up by `callvaultctl init --pg` (docs/postgres-security.md):
    // the program logs in as the user's own login role and the server enforces the rules,
    // so audit rows, checkpoints and wrapped keys go through the server's SECURITY DEFINER
    // functions instead of plain INSERT/SELECT, and migrations are left to the owner.
    bool serverEnforced = false;

    static Result<CatalogConfig> fromPgUrl(const QString &url);
    static CatalogConfig sqlite(const QString &path);

    // Parses pgUrl (fromPgUrl() already checked it).
    Result<PgConnectionParams> pgConnectionParams() const;
    // The file path, or the URL without its password: safe for logs and messages.
    QString displayName() const;
};

} // namespace cv
