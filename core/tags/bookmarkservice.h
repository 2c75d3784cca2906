#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"
#include "tags/bookmarkrepository.h"

#include <QString>
#include <QUuid>
#include <QVector>

namespace cv {

class Database;

// Bookmarks on recordings on behalf of a person (docs/catalog-schema.md, "Tags and
// bookmarks"). Every operation needs recording.bookmark on the bookmark's recording, with
// the role's scope on the recording's agent (AccessControl; every denial is audited):
//   add      the offset within the recording (0..duration), the text per bookmarktext
//   list     bookmarks are working notes of the people who review a call (supervisors,
//            evaluators), so reading them needs the same permission as writing them
//   remove   any bookmark of a recording the person may bookmark, not only their own: the
//            notes on a call are shared by the team that reviews it, and an author who
//            leaves must not leave notes nobody can clear. Being the author gives no
//            right of its own (a revoked permission counts at once). The audit row keeps
//            the author and offset of what was removed.
// Audited: 'bookmark.add' and 'bookmark.remove', target the recording id, details
// {"bookmark": id, "offsetMs": n} (+ "author" on remove), each in one transaction with its
// change. The text is not copied into the audit trail: it is a note about a call, not a
// fact about who did what. Allowed reads write no row.
class BookmarkService final
{
public:
    explicit BookmarkService(Database &db, Clock clock = systemClock());

    Result<BookmarkRow> add(const Principal &principal, const QUuid &recordingId, qint64 offsetMs,
                            const QString &text);
    // Ordered by offset.
    Result<QVector<BookmarkRow>> list(const Principal &principal, const QUuid &recordingId);
    // The bookmark that was removed. NotFound for an unknown id.
    Result<BookmarkRow> remove(const Principal &principal, qint64 bookmarkId);

private:
    Database &m_db;
    Clock m_clock;
};

} // namespace cv
