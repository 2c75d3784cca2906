#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace cv {

class Database;

// The server-side security SQL of a PostgreSQL catalog (docs/postgres-security.md):
// resource files :/callvault/pgsecurity/NNN_name.sql, applied in name order as the site's
// owner role after the migrations. In their text ${owner}, ${app}, ${gate} and ${prefix}
// stand for the site's role names; they are replaced only after the prefix has been checked
// to be cv_<8 lowercase hex digits>, so the substituted text holds nothing from outside.
// Every value the SQL needs at run time comes from the server (current_database()) or is
// quoted there (format('%I') / format('%L')). The files are written to be applied again
// (CREATE OR REPLACE, policies dropped and made anew), which is what `upgrade` does.
class PgSecurityScript final
{
public:
    // The statements of all files with the role names filled in. A statement ends at a line
    // whose last character is ';' outside a $$ ... $$ body (function bodies and DO blocks);
    // lines starting with "--" outside a body are comments.
    static Result<QStringList> statements(const QString &prefix);

    // Runs statements(prefix) on this thread's connection of `db`, which must already act as
    // the owner role (SET LOCAL ROLE) inside the caller's transaction.
    static Result<void> apply(Database &db, const QString &prefix);
};

} // namespace cv
