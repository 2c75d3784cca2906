#pragma once

#include "common/result.h"

#include <QString>
#include <QUuid>
#include <QVector>
#include <optional>

namespace cv {

class Database;

struct BookmarkRow
{
    qint64 id = 0; // set by add()
    QUuid recordingId;
    qint64 offsetMs = 0; // from the start of the recording
    QString text;        // exactly as written (bookmarktext::check)
    QString author;      // user name
    qint64 createdAtMs = 0;
};

// The table `bookmarks`: positions in a recording with a note. No permission checks:
// BookmarkService acts on behalf of a person. Works on the calling thread's connection and
// inside the caller's TransactionGuard, if any.
class BookmarkRepository final
{
public:
    explicit BookmarkRepository(Database &db);

    // The new bookmark's id.
    Result<qint64> add(const BookmarkRow &row);
    Result<std::optional<BookmarkRow>> find(qint64 id);
    // Ordered by offset, then id (the order they were added).
    Result<QVector<BookmarkRow>> listByRecording(const QUuid &recordingId);
    // False when there was no such bookmark.
    Result<bool> remove(qint64 id);

private:
    Database &m_db;
};

} // namespace cv
