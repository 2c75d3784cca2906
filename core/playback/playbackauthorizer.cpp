#include "playback/playbackauthorizer.h"

#include "auth/accesscontrol.h"
#include "catalog/auditlog.h"
#include "catalog/database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cv {

PlaybackAuthorizer::PlaybackAuthorizer(const RecordingAccess &access) : m_access(access) {}

Result<RecordingRow> PlaybackAuthorizer::check(const Principal &principal, const QUuid &recordingId) const
{
    auto row = m_access.row(recordingId);
    if (!row)
        return row.error();
    if (auto allowed = AccessControl(m_access.database())
                           .requireRecording(principal, Permission::RecordingPlay, row.value(), auditAction());
        !allowed)
        return allowed.error();
    return row;
}

Result<RecordingAccess::Opened> PlaybackAuthorizer::authorize(const Principal &principal,
                                                              const QUuid &recordingId) const
{
    auto row = check(principal, recordingId);
    if (!row)
        return row.error();
    if (!m_access.database().serverEnforced()) {
        const QJsonObject details{{QStringLiteral("permission"), permissionName(Permission::RecordingPlay)},
                                  {QStringLiteral("status"), recordingStatusToText(row->status)}};
        const AuditEvent event =
            principal.auditEvent(auditAction(), recordingId.toString(QUuid::WithoutBraces), true,
                                 QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
        // append() commits before it returns: the row exists before the key is unwrapped.
        if (auto audited = AuditLog(m_access.database()).append(event); !audited)
            return audited.error();
    }
    return m_access.open(row.value(), KeyUse::Play);
}

} // namespace cv
