#include "tags/bookmarkrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

constexpr const char *kColumns = "id, recording_id, offset_ms, text, author, created_at_ms";

Result<BookmarkRow> readBookmark(QSqlQuery &query)
{
    BookmarkRow row;
    row.id = query.value(0).toLongLong();
    row.recordingId = toUuid(query.value(1));
    row.offsetMs = query.value(2).toLongLong();
    row.text = query.value(3).toString();
    row.author = query.value(4).toString();
    row.createdAtMs = query.value(5).toLongLong();
    return row;
}

} // namespace

BookmarkRepository::BookmarkRepository(Database &db) : m_db(db) {}

Result<qint64> BookmarkRepository::add(const BookmarkRow &row)
{
    auto query = prepare(m_db, QStringLiteral("INSERT INTO bookmarks (recording_id, offset_ms, "
                                              "text, author, created_at_ms) VALUES (?, ?, ?, ?, ?) "
                                              "RETURNING id"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(row.recordingId));
    query->addBindValue(static_cast<qlonglong>(row.offsetMs));
    query->addBindValue(text(row.text));
    query->addBindValue(text(row.author));
    query->addBindValue(static_cast<qlonglong>(row.createdAtMs));
    if (auto r = exec(query.value(), QStringLiteral("Could not add a bookmark to recording %1")
                                         .arg(row.recordingId.toString(QUuid::WithoutBraces)));
        !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("The catalog returned no id for the new bookmark."));
    return query->value(0).toLongLong();
}

Result<std::optional<BookmarkRow>> BookmarkRepository::find(qint64 id)
{
    auto query = prepare(
        m_db, QStringLiteral("SELECT %1 FROM bookmarks WHERE id = ?").arg(QLatin1String(kColumns)));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not read bookmark %1").arg(id)); !r)
        return r.error();
    if (!query->next())
        return std::optional<BookmarkRow>();
    auto row = readBookmark(query.value());
    if (!row)
        return row.error();
    return std::optional<BookmarkRow>(row.takeValue());
}

Result<QVector<BookmarkRow>> BookmarkRepository::listByRecording(const QUuid &recordingId)
{
    auto query = prepare(m_db, QStringLiteral("SELECT %1 FROM bookmarks WHERE recording_id = ? "
                                              "ORDER BY offset_ms, id")
                                   .arg(QLatin1String(kColumns)));
    if (!query)
        return query.error();
    query->addBindValue(uuid(recordingId));
    if (auto r = exec(query.value(), QStringLiteral("Could not read the bookmarks of recording %1")
                                         .arg(recordingId.toString(QUuid::WithoutBraces)));
        !r)
        return r.error();
    return collectRows<BookmarkRow>(query.value(), readBookmark);
}

Result<bool> BookmarkRepository::remove(qint64 id)
{
    auto query = prepare(m_db, QStringLiteral("DELETE FROM bookmarks WHERE id = ? RETURNING id"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not remove bookmark %1").arg(id)); !r)
        return r.error();
    return query->next();
}

} // namespace cv
