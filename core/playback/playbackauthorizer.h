#pragma once

#include "auth/principal.h"
#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "store/recordingaccess.h"

#include <QUuid>

namespace cv {

// Decides whether a person may play a recording and writes the 'recording.play' audit row
// before any audio exists (issue 5: "a play writes its audit row before the audio starts").
//
//   check()      permission recording.play within the role's scope (AccessControl, and for
//                agents the setting agent.may_play_own). A denial is audited by
//                AccessControl ('recording.play', result denied); an allowed check writes
//                nothing, so merely opening a recording in the player is not a play. On a
//                server-enforced catalog a recording hidden by row-level security is asked
//                for at the server, whose refusal is audited there.
//   authorize()  check() again (a permission revoked since counts), then the allowed
//                'recording.play' row, committed, then the data key and the container. On a
//                server-enforced PostgreSQL catalog the server writes that row itself in the
//                transaction that releases the key (KeyRepository::findForUse), so no second
//                row is written here; the server refuses (and audits) on its own too.
class PlaybackAuthorizer final
{
public:
    explicit PlaybackAuthorizer(const RecordingAccess &access);

    Result<RecordingRow> check(const Principal &principal, const QUuid &recordingId) const;
    Result<RecordingAccess::Opened> authorize(const Principal &principal,
                                              const QUuid &recordingId) const;

    static QString auditAction() { return QStringLiteral("recording.play"); }

private:
    const RecordingAccess &m_access;
};

} // namespace cv
