#include "playback/playbackauthorizer.h"

#include "auth/accesscontrol.h"
#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "catalog/keyrepository.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace cv {

PlaybackAuthorizer::PlaybackAuthorizer(const RecordingAccess &access) : m_access(access) {}

Result<RecordingRow> PlaybackAuthorizer::check(const Principal &principal,
                                               const QUuid &recordingId) const
{
    auto row = m_access.row(recordingId);
    if (!row) {
        // Under the server's row-level security a recording outside the person's reach is
        // simply not there. Asking the server for its key turns that into a refusal the
        // server audits ('recording.play', denied), as every refused play must be.
        if (row.error().code == ErrorCode::NotFound && m_access.database().serverEnforced()) {
            auto key =
                KeyRepository(m_access.database())
                    .findForUse(recordingId, KeyUse::Play,
                                principal.host.isEmpty() ? QSysInfo::machineHostName()
                                                         : principal.host,
                                principal.program.isEmpty() ? QCoreApplication::applicationName()
                                                            : principal.program);
            if (!key)
                return key.error();
        }
        return row.error();
    }
    if (auto allowed =
            AccessControl(m_access.database())
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
        const QJsonObject details{
            {QStringLiteral("permission"), permissionName(Permission::RecordingPlay)},
            {QStringLiteral("status"), recordingStatusToText(row->status)}};
        const AuditEvent event = principal.auditEvent(
            auditAction(), recordingId.toString(QUuid::WithoutBraces), true,
            QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
        // append() commits before it returns: the row exists before the key is unwrapped.
        if (auto audited = AuditLog(m_access.database()).append(event); !audited)
            return audited.error();
    }
    return m_access.open(row.value(), KeyUse::Play);
}

} // namespace cv
