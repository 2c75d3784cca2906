#pragma once

#include "catalog/database.h"
#include "common/result.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace cv {

// One numbered schema migration: resource file NNN_name.sql.
struct Migration
{
    int version = 0;
    QString name; // "001_initial"
    QString sql;
};

// Applies the numbered migrations in :/callvault/migrations/sqlite/ or .../postgres/.
//
// - Both dialects have the same versions (a test checks it); versions start at 1 and
//   have no gaps.
// - A file is split into statements at lines whose last character is ';' (trailing
//   whitespace ignored) outside a $$ ... $$ body; lines starting with "--" outside a body
//   are comments. So no comment may follow a ';' on its line, and a body uses no other
//   dollar quote than $$ (core/catalog/pgsecurity uses the same splitting).
// - Each migration runs in ONE transaction together with its schema_migrations row
//   (version, name, applied_at_ms). PostgreSQL takes an advisory lock first and SQLite
//   starts with BEGIN IMMEDIATE, and the version is read again inside the transaction,
//   so two programs migrating at once apply every migration exactly once.
class Migrator final
{
public:
    explicit Migrator(Database &db);

    Result<void> migrate(int upToVersion = -1);
    Result<int> schemaVersion();

    static Result<QVector<Migration>> available(Database::Kind kind);
    static QStringList splitStatements(const QString &sql);
    static int latestVersion();

private:
    Result<void> apply(const Migration &migration);
    Result<bool> hasMigrationsTable();

    Database &m_db;
};

} // namespace cv
