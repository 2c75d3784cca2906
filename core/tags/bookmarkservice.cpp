#include "tags/bookmarkservice.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"
#include "catalog/recordingrepository.h"
#include "tags/bookmarktext.h"
#include "tags/offsettext.h"

namespace cv {

namespace {

QString recordingTarget(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

BookmarkService::BookmarkService(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

Result<BookmarkRow> BookmarkService::add(const Principal &principal, const QUuid &recordingId,
                                         qint64 offsetMs, const QString &text)
{
    if (auto ok = bookmarktext::check(text); !ok)
        return ok.error();
    if (offsetMs < 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A bookmark's position cannot be before the start of the "
                                        "recording."));
    auto recording = RecordingRepository(m_db).get(recordingId);
    if (!recording)
        return recording.error();
    const QString action = QStringLiteral("bookmark.add");
    if (auto allowed = AccessControl(m_db).requireRecording(
            principal, Permission::RecordingBookmark, recording.value(), action);
        !allowed)
        return allowed.error();
    if (offsetMs > recording->durationMs)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is after the end of recording %2 (it is %3 long).")
                             .arg(offsettext::format(offsetMs), recordingTarget(recordingId),
                                  offsettext::format(recording->durationMs)));
    BookmarkRow row;
    row.recordingId = recordingId;
    row.offsetMs = offsetMs;
    row.text = text;
    row.author = principal.name;
    row.createdAtMs = m_clock();
    auto done = auditedchange::commitReporting(
        m_db, principal, action, recordingTarget(recordingId),
        [&]() -> Result<std::optional<QJsonObject>> {
            auto id = BookmarkRepository(m_db).add(row);
            if (!id)
                return id.error();
            row.id = id.value();
            return std::optional<QJsonObject>(
                QJsonObject{{QStringLiteral("bookmark"), static_cast<double>(row.id)},
                            {QStringLiteral("offsetMs"), static_cast<double>(row.offsetMs)}});
        });
    if (!done)
        return done.error();
    return row;
}

Result<QVector<BookmarkRow>> BookmarkService::list(const Principal &principal,
                                                   const QUuid &recordingId)
{
    auto recording = RecordingRepository(m_db).get(recordingId);
    if (!recording)
        return recording.error();
    if (auto allowed = AccessControl(m_db).requireRecording(
            principal, Permission::RecordingBookmark, recording.value(),
            QStringLiteral("bookmark.list"));
        !allowed)
        return allowed.error();
    return BookmarkRepository(m_db).listByRecording(recordingId);
}

Result<BookmarkRow> BookmarkService::remove(const Principal &principal, qint64 bookmarkId)
{
    auto found = BookmarkRepository(m_db).find(bookmarkId);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no bookmark %1.").arg(bookmarkId));
    const BookmarkRow row = *found.value();
    auto recording = RecordingRepository(m_db).get(row.recordingId);
    if (!recording)
        return recording.error();
    const QString action = QStringLiteral("bookmark.remove");
    if (auto allowed = AccessControl(m_db).requireRecording(
            principal, Permission::RecordingBookmark, recording.value(), action);
        !allowed)
        return allowed.error();
    const QJsonObject details{{QStringLiteral("bookmark"), static_cast<double>(row.id)},
                              {QStringLiteral("offsetMs"), static_cast<double>(row.offsetMs)},
                              {QStringLiteral("author"), row.author}};
    auto done = auditedchange::commit(
        m_db, principal, action, recordingTarget(row.recordingId), details, [&]() -> Result<void> {
            auto removed = BookmarkRepository(m_db).remove(row.id);
            if (!removed)
                return removed.error();
            if (!removed.value()) // removed meanwhile
                return makeError(ErrorCode::NotFound,
                                 QStringLiteral("There is no bookmark %1.").arg(row.id));
            return {};
        });
    if (!done)
        return done.error();
    return row;
}

} // namespace cv
