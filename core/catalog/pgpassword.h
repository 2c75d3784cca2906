#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace cv {

// Passwords of PostgreSQL login roles (docs/postgres-security.md). A password never travels
// to the server in clear text: libpq turns it into a SCRAM-SHA-256 verifier on this machine
// (PQencryptPasswordConn, the way psql's \password does), and only the verifier is sent in
// CREATE ROLE / ALTER ROLE ... PASSWORD. A verifier lets the server check a log-in; it does
// not reveal the password (though, like any password hash, it allows guessing offline, so
// it is not logged by CallVault either).
namespace pgpassword {

// The SCRAM-SHA-256 verifier of `password` for login role `role`, made by the libpq of an
// open PostgreSQL connection (QSqlDatabase::driver()->handle()). Fails for a connection
// that is no PostgreSQL one, an empty password or one with a NUL byte.
Result<QString> scramVerifier(const QSqlDatabase &connection, const QString &role,
                              const QByteArray &password);

// A random password for a role no person types (the gate role): 32 random bytes as 64 hex
// digits (safe in a URL, a connection string and a JSON file).
Result<QByteArray> randomPassword();

} // namespace pgpassword
} // namespace cv
