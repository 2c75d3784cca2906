#pragma once

#include "catalog/auditcheckpointrepository.h"
#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVector>

namespace cv {
class Database;
struct CatalogConfig;
} // namespace cv

// Shared by the audit tests: tampering with a catalog from OUTSIDE the program, as an
// attacker with database access would (the real sqlite3 CLI on the file; psql on
// PostgreSQL as the role that owns the tables), and building chains with chosen times.
namespace audittest {

// Where a catalog is, for the external tools.
struct ExternalCatalog
{
    bool postgres = false;
    QString sqlitePath; // SQLite
    QString pgUrl;      // PostgreSQL: URL with search_path option, without the password
    QString pgPassword;

    static ExternalCatalog of(const cv::CatalogConfig &config);
};

// Runs `sql` (one or more statements) with `sqlite3 FILE` or `psql -d URL`; stops at the
// first error. Fails (does not skip) when the tool is missing.
cv::Result<QString> runExternalSql(const ExternalCatalog &catalog, const QString &sql);

// A blob literal in the dialect: X'..' (SQLite) or '\x..'::bytea (PostgreSQL).
QString blobLiteral(const ExternalCatalog &catalog, const QByteArray &bytes);
// A text literal with quotes doubled.
QString textLiteral(const QString &text);

// Appends a correctly chained row with at_ms = `atMs` directly through SQL (the chain as
// AuditLog would write it, with a chosen time). Returns the new id.
cv::Result<qint64> appendRowAt(cv::Database &db, const cv::AuditEvent &event, qint64 atMs);
// Appends `count` events through AuditLog; returns their ids.
cv::Result<QVector<qint64>> appendEvents(cv::Database &db, int count,
                                         const QString &actor = QStringLiteral("alice"));

// All rows in id order (for building forgeries in tests).
cv::Result<QVector<cv::AuditRow>> allRows(cv::Database &db);

// SQL that rewrites rows `rows` (already changed in memory) so that every hash and link is
// recomputed from the first of them on: what a careful attacker does after removing or
// changing a row. `prev` is the hash before the first row.
QString relinkSql(const ExternalCatalog &catalog, QVector<cv::AuditRow> rows, QByteArray prev);

} // namespace audittest
