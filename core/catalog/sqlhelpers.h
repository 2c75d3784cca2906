#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlQuery>
#include <QVector>
#include <QString>
#include <QUuid>
#include <QVariant>
#include <optional>

class QSqlError;

namespace cv {

class Database;

// Small helpers shared by the catalog's repositories (internal to core/catalog).
namespace sqlhelpers {

// The error for a failed statement: ErrorCode::Conflict for a unique / primary-key
// violation, ErrorCode::Database otherwise. `what` says what we were doing
// ("Could not save recording 1234").
Error queryError(const QString &what, const QSqlError &error);
bool isUniqueViolation(const QSqlError &error);

// A query on this thread's connection, prepared from a constant SQL text. Values are
// bound afterwards with bindValue()/addBindValue(); SQL is never built from values.
Result<QSqlQuery> prepare(Database &db, const QString &sql);
// Executes a prepared query. On PostgreSQL inside a transaction a failed query is kept
// alive until the transaction ends (see TransactionGuard::holdFailedQuery).
Result<void> exec(QSqlQuery &query, const QString &what);

// Bind values. Qt binds a null QString/QByteArray as SQL NULL; these never do, so NOT NULL
// text/blob columns accept "empty".
// Reads every remaining row of an executed query with `readRow` (QSqlQuery& -> Result<Row>),
// stopping at the first row that does not read.
template<typename Row, typename Reader>
Result<QVector<Row>> collectRows(QSqlQuery &query, Reader readRow)
{
    QVector<Row> rows;
    while (query.next()) {
        auto row = readRow(query);
        if (!row)
            return row.error();
        rows.append(row.takeValue());
    }
    return rows;
}

QVariant text(const QString &value);
QVariant blob(const QByteArray &value);
QVariant uuid(const QUuid &value); // canonical text: lowercase, no braces
QVariant msSinceEpoch(const QDateTime &value);
QVariant nullableDouble(const std::optional<double> &value);

QUuid toUuid(const QVariant &value);
QDateTime toUtc(const QVariant &msSinceEpoch);
std::optional<double> toOptionalDouble(const QVariant &value);

} // namespace sqlhelpers
} // namespace cv
