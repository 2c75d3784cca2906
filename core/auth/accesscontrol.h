#pragma once

#include "auth/permission.h"
#include "auth/principal.h"
#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cv {

class Database;

// Which recordings a principal's recording.* permissions reach right now. The search
// engine turns it into its WHERE clause: All; Teams -> recordings whose agent is in one of
// `teams` (agents.team); Own -> recordings whose agent_id is `agentId`. reachesNothing():
// a Teams scope without teams or an Own scope without an agent id.
struct RecordingScope
{
    RoleScope kind = RoleScope::Own;
    QStringList teams;
    QString agentId;

    bool reachesNothing() const
    {
        return (kind == RoleScope::Teams && teams.isEmpty()) ||
               (kind == RoleScope::Own && agentId.isEmpty());
    }
};

// Every permission check of CallVault, in core (the UI and callvaultctl only ask).
//
// Decisions use the catalog's current state for the principal's user id, not the snapshot
// in Principal: a revoked permission, a changed role or team, a disabled account and a
// pending password change count at once. A user who must change their password is refused
// everything (AuthService::changePassword needs no permission).
//
// Every denial writes an audit row with result 'denied' (action: the permission's name
// unless the caller names one; target as given; details: permission and reason) and
// returns ErrorCode::PermissionDenied with a message for the person. Allowed operations
// write their own audit row together with their work.
class AccessControl final
{
public:
    explicit AccessControl(Database &db);

    // The principal for a user as the catalog describes them now. NotFound when the user
    // does not exist.
    Result<Principal> loadPrincipal(qint64 userId, const QString &host, const QString &program);

    Result<void> require(const Principal &principal, Permission permission, const QString &target,
                         const QString &action = QString());
    // Allowed when the principal holds at least one of `permissions`.
    Result<void> requireAny(const Principal &principal, const QVector<Permission> &permissions,
                            const QString &target, const QString &action = QString());
    // `permission` on this recording: the permission, the role's scope, and for roles with
    // scope Own the setting agent.may_play_own for play and export.
    Result<void> requireRecording(const Principal &principal, Permission permission,
                                  const RecordingRow &recording, const QString &action = QString());

    Result<RecordingScope> recordingScope(const Principal &principal);
    // Whether the recording is inside the principal's scope (false on any error).
    bool canSeeRecording(const Principal &principal, const RecordingRow &recording);

    // Writes the 'denied' audit row and returns the PermissionDenied error (for checks
    // that are not a plain permission, such as "no one may disable themselves").
    Error deny(const Principal &principal, const QString &action, const QString &target,
               const QString &message, QJsonObject details = QJsonObject());

private:
    // The current principal, or the PermissionDenied error (audited) when the account is
    // gone, disabled or must change its password first.
    Result<Principal> current(const Principal &principal, const QString &action,
                              const QString &target);
    // requireAny() returning the current principal when allowed.
    Result<Principal> requireLive(const Principal &principal,
                                  const QVector<Permission> &permissions, const QString &target,
                                  const QString &action);
    Result<bool> inScope(const Principal &current, const RecordingRow &recording);

    Database &m_db;
};

} // namespace cv
