#include "recordingrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>
#include <QStringList>

namespace cv {

namespace {

using namespace sqlhelpers;

// The one description of the recordings columns: the INSERT, the SELECT list, binding and
// reading all derive from it.
struct Column
{
    const char *name;
    QVariant (*get)(const RecordingRow &row);
    bool (*set)(RecordingRow &row, const QVariant &value); // false: the stored value is invalid
};

const Column kColumns[] = {
    {"id", [](const RecordingRow &r) { return uuid(r.id); },
     [](RecordingRow &r, const QVariant &v) {
         r.id = toUuid(v);
         return !r.id.isNull();
     }},
    {"site_id", [](const RecordingRow &r) { return uuid(r.siteId); },
     [](RecordingRow &r, const QVariant &v) {
         r.siteId = toUuid(v);
         return !r.siteId.isNull();
     }},
    {"started_at_ms", [](const RecordingRow &r) { return msSinceEpoch(r.startedAt); },
     [](RecordingRow &r, const QVariant &v) {
         r.startedAt = toUtc(v);
         return true;
     }},
    {"ended_at_ms", [](const RecordingRow &r) { return msSinceEpoch(r.endedAt); },
     [](RecordingRow &r, const QVariant &v) {
         r.endedAt = toUtc(v);
         return true;
     }},
    {"duration_ms",
     [](const RecordingRow &r) { return QVariant(static_cast<qlonglong>(r.durationMs)); },
     [](RecordingRow &r, const QVariant &v) {
         r.durationMs = v.toLongLong();
         return true;
     }},
    {"direction", [](const RecordingRow &r) { return QVariant(directionToText(r.direction)); },
     [](RecordingRow &r, const QVariant &v) {
         const auto d = directionFromText(v.toString());
         r.direction = d.value_or(Direction::Inbound);
         return d.has_value();
     }},
    {"agent_id", [](const RecordingRow &r) { return text(r.agentId); },
     [](RecordingRow &r, const QVariant &v) {
         r.agentId = v.toString();
         return true;
     }},
    {"customer_phone", [](const RecordingRow &r) { return text(r.customerPhone); },
     [](RecordingRow &r, const QVariant &v) {
         r.customerPhone = v.toString();
         return true;
     }},
    {"sentiment", [](const RecordingRow &r) { return nullableDouble(r.sentiment); },
     [](RecordingRow &r, const QVariant &v) {
         r.sentiment = toOptionalDouble(v);
         return true;
     }},
    {"status", [](const RecordingRow &r) { return QVariant(recordingStatusToText(r.status)); },
     [](RecordingRow &r, const QVariant &v) {
         const auto s = recordingStatusFromText(v.toString());
         r.status = s.value_or(RecordingStatus::Normal);
         return s.has_value();
     }},
    {"tier", [](const RecordingRow &r) { return text(r.tier); },
     [](RecordingRow &r, const QVariant &v) {
         r.tier = v.toString();
         return true;
     }},
    {"storage_path", [](const RecordingRow &r) { return text(r.storagePath); },
     [](RecordingRow &r, const QVariant &v) {
         r.storagePath = v.toString();
         return true;
     }},
    {"size_bytes",
     [](const RecordingRow &r) { return QVariant(static_cast<qlonglong>(r.sizeBytes)); },
     [](RecordingRow &r, const QVariant &v) {
         r.sizeBytes = v.toLongLong();
         return true;
     }},
    {"sha256_hex", [](const RecordingRow &r) { return text(r.sha256Hex); },
     [](RecordingRow &r, const QVariant &v) {
         r.sha256Hex = v.toString();
         return true;
     }},
    {"codec", [](const RecordingRow &r) { return text(r.codec); },
     [](RecordingRow &r, const QVariant &v) {
         r.codec = v.toString();
         return true;
     }},
    {"sample_rate", [](const RecordingRow &r) { return QVariant(r.sampleRate); },
     [](RecordingRow &r, const QVariant &v) {
         r.sampleRate = v.toInt();
         return true;
     }},
    {"channels", [](const RecordingRow &r) { return QVariant(r.channels); },
     [](RecordingRow &r, const QVariant &v) {
         r.channels = v.toInt();
         return true;
     }},
    {"bitrate", [](const RecordingRow &r) { return QVariant(r.bitrate); },
     [](RecordingRow &r, const QVariant &v) {
         r.bitrate = v.toInt();
         return true;
     }},
    {"peaks", [](const RecordingRow &r) { return blob(r.peaks); },
     [](RecordingRow &r, const QVariant &v) {
         r.peaks = v.toByteArray();
         return true;
     }},
    {"created_at_ms", [](const RecordingRow &r) { return msSinceEpoch(r.createdAt); },
     [](RecordingRow &r, const QVariant &v) {
         r.createdAt = toUtc(v);
         return true;
     }},
};

const QString &columnList()
{
    static const QString list = [] {
        QStringList names;
        for (const Column &column : kColumns)
            names.append(QString::fromLatin1(column.name));
        return names.join(QStringLiteral(", "));
    }();
    return list;
}

const QString &insertSql()
{
    static const QString sql = [] {
        QStringList placeholders;
        for (std::size_t i = 0; i < std::size(kColumns); ++i)
            placeholders.append(QStringLiteral("?"));
        return QStringLiteral("INSERT INTO recordings (%1) VALUES (%2)")
            .arg(columnList(), placeholders.join(QStringLiteral(", ")));
    }();
    return sql;
}

QString selectSql(const QString &rest)
{
    return QStringLiteral("SELECT ") + columnList() + QStringLiteral(" FROM recordings ") + rest;
}

Result<RecordingRow> readRow(const QSqlQuery &query)
{
    RecordingRow row;
    for (int i = 0; i < static_cast<int>(std::size(kColumns)); ++i) {
        if (!kColumns[i].set(row, query.value(i)))
            return makeError(ErrorCode::Format,
                             QStringLiteral("Recording %1 in the catalog has an invalid %2 ('%3').")
                                 .arg(query.value(0).toString(),
                                      QString::fromLatin1(kColumns[i].name),
                                      query.value(i).toString()));
    }
    return row;
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

RecordingRepository::RecordingRepository(Database &db) : m_db(db) {}

Result<void> RecordingRepository::insert(const RecordingRow &row)
{
    if (row.id.isNull() || row.siteId.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A recording needs an id and a site id to be catalogued."));
    if (!row.startedAt.isValid() || !row.endedAt.isValid())
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("Recording %1 has no valid start or end time.").arg(idText(row.id)));
    RecordingRow stored = row;
    if (!stored.createdAt.isValid())
        stored.createdAt = QDateTime::currentDateTimeUtc();

    auto query = prepare(m_db, insertSql());
    if (!query)
        return query.error();
    for (const Column &column : kColumns)
        query->addBindValue(column.get(stored));
    return exec(query.value(),
                QStringLiteral("Could not save recording %1 in the catalog").arg(idText(row.id)));
}

Result<std::optional<RecordingRow>> RecordingRepository::find(const QUuid &id)
{
    auto query = prepare(m_db, selectSql(QStringLiteral("WHERE id = ?")));
    if (!query)
        return query.error();
    query->addBindValue(uuid(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not read recording %1").arg(idText(id)));
        !r)
        return r.error();
    if (!query->next())
        return std::optional<RecordingRow>();
    auto row = readRow(query.value());
    if (!row)
        return row.error();
    return std::optional<RecordingRow>(row.takeValue());
}

Result<RecordingRow> RecordingRepository::get(const QUuid &id)
{
    auto found = find(id);
    if (!found)
        return found.error();
    if (!found.value().has_value())
        return makeError(ErrorCode::NotFound, QStringLiteral("No recording %1 in the catalog.")
                                                  .arg(id.toString(QUuid::WithoutBraces)));
    return *found.value();
}

Result<QVector<RecordingRow>> RecordingRepository::list(int limit, int offset)
{
    if (limit < 0 || offset < 0)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A recording list needs a limit and offset of zero or more."));
    auto query = prepare(
        m_db, selectSql(QStringLiteral("ORDER BY started_at_ms DESC, id DESC LIMIT ? OFFSET ?")));
    if (!query)
        return query.error();
    query->setForwardOnly(true);
    query->addBindValue(limit);
    query->addBindValue(offset);
    if (auto r = exec(query.value(), QStringLiteral("Could not list recordings")); !r)
        return r.error();
    return collectRows<RecordingRow>(query.value(), readRow);
}

Result<qint64> RecordingRepository::count()
{
    auto query = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM recordings"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not count recordings")); !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::Database, QStringLiteral("Could not count recordings."));
    return static_cast<qint64>(query->value(0).toLongLong());
}

Result<void> RecordingRepository::updateStatus(const QUuid &id, RecordingStatus status)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE recordings SET status = ? WHERE id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(recordingStatusToText(status));
    query->addBindValue(uuid(id));
    if (auto r =
            exec(query.value(),
                 QStringLiteral("Could not change the status of recording %1").arg(idText(id)));
        !r)
        return r;
    if (query->numRowsAffected() == 0)
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("There is no recording %1 in the catalog.").arg(idText(id)));
    return {};
}

} // namespace cv
