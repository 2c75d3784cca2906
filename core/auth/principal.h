#pragma once

#include "auth/permission.h"
#include "catalog/catalogtypes.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace cv {

// Which recordings a role's recording.* permissions reach. Stored in roles.scope as
// 'all', 'teams' (the teams in user_teams) or 'own' (the user's agent id).
enum class RoleScope : int
{
    All = 1,
    Teams = 2,
    Own = 3
};

QString roleScopeToText(RoleScope scope);
std::optional<RoleScope> roleScopeFromText(const QString &text);

// Who is acting: a logged-in CallVault user as the catalog described them at log-in, plus
// where they act from (for the audit trail). The permission set, teams and agent id are a
// snapshot for showing what a person may do; AccessControl decides on the catalog's
// current state, so a revoked permission or a disabled account counts at once.
struct Principal
{
    qint64 userId = 0;
    QString name;
    QString role;
    RoleScope scope = RoleScope::All;
    QSet<Permission> permissions;
    QStringList teams; // team ids (scope Teams)
    QString agentId;   // empty when the user is no agent (scope Own)
    bool mustChangePassword = false;
    QString host;    // empty: this machine's host name
    QString program; // empty: the application name

    bool has(Permission permission) const { return permissions.contains(permission); }
    // An audit event by this principal; `details` is JSON text (empty: "{}").
    AuditEvent auditEvent(const QString &action, const QString &target, bool allowed,
                          const QString &details = QString()) const;
};

} // namespace cv
