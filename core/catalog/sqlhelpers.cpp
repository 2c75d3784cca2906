#include "sqlhelpers.h"

#include "catalog/database.h"
#include "catalog/transactionguard.h"

#include <QSqlError>

namespace cv::sqlhelpers {

bool isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // PostgreSQL: SQLSTATE 23505 unique_violation.
    if (code == QLatin1String("23505"))
        return true;
    // SQLite: SQLITE_CONSTRAINT (19) or its extended codes for UNIQUE (2067) and
    // PRIMARY KEY (1555); the text tells which constraint.
    if (code == QLatin1String("19") || code == QLatin1String("2067") ||
        code == QLatin1String("1555"))
        return error.databaseText().contains(QLatin1String("UNIQUE constraint failed"));
    return false;
}

Error queryError(const QString &what, const QSqlError &error)
{
    const ErrorCode code = isUniqueViolation(error) ? ErrorCode::Conflict : ErrorCode::Database;
    return makeError(code, what + QStringLiteral(": ") + error.text().trimmed());
}

Result<QSqlQuery> prepare(Database &db, const QString &sql)
{
    auto connection = db.openedConnection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    if (!query.prepare(sql))
        return queryError(QStringLiteral("The catalog could not prepare a statement"),
                          query.lastError());
    return query;
}

Result<void> exec(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return {};
    const QSqlError error = query.lastError();
    TransactionGuard::holdFailedQuery(query);
    return queryError(what, error);
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant blob(const QByteArray &value)
{
    return value.isNull() ? QVariant(QByteArray("")) : QVariant(value);
}

QVariant uuid(const QUuid &value)
{
    return value.toString(QUuid::WithoutBraces);
}

QVariant msSinceEpoch(const QDateTime &value)
{
    return QVariant(static_cast<qlonglong>(value.toMSecsSinceEpoch()));
}

QVariant nullableDouble(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

QUuid toUuid(const QVariant &value)
{
    return QUuid::fromString(value.toString());
}

QDateTime toUtc(const QVariant &msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch.toLongLong(), Qt::UTC);
}

std::optional<double> toOptionalDouble(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

} // namespace cv::sqlhelpers
