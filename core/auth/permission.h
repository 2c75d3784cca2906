#pragma once

#include <QString>
#include <QVector>
#include <optional>

namespace cv {

// What a role may do. Roles are data (tables `roles` and `role_permissions`, see
// docs/catalog-schema.md); each permission is stored by its text name, which never changes.
// The numbers are stable too (logs, later the PostgreSQL functions).
enum class Permission : int
{
    RecordingSearch = 1,   // "recording.search"
    RecordingPlay = 2,     // "recording.play"
    RecordingExport = 3,   // "recording.export"
    RecordingDelete = 4,   // "recording.delete"
    RecordingTag = 5,      // "recording.tag"
    RecordingBookmark = 6, // "recording.bookmark"
    RecordingScore = 7,    // "recording.score"
    AuditRead = 8,         // "audit.read"
    AuditVerify = 9,       // "audit.verify"
    UsersManage = 10,      // "users.manage"
    RolesManage = 11,      // "roles.manage"
    KeysManage = 12,       // "keys.manage"
    SettingsChange = 13,   // "settings.change"
    TeamsManage = 14,      // "teams.manage"
    // The security settings (lockout, password policy, idle timeout), apart from the general
    // settings (settings.change), so that the system administrator and the security
    // administrator hold disjoint permissions (the three-admin separation of 等保 2.0).
    SecurityPolicy = 15, // "security.policy"
    // Adding recordings and their wrapped keys: capture nodes and importers (role recorder).
    // Not limited by scope, and it reads nothing (docs/postgres-security.md).
    RecordingIngest = 16, // "recording.ingest"
};

// Every permission, in numeric order.
const QVector<Permission> &allPermissions();
// The stored text name ("recording.play").
QString permissionName(Permission permission);
std::optional<Permission> permissionFromName(const QString &name);
// A short phrase for messages ("play recordings").
QString permissionDescription(Permission permission);
// recording.* permissions act on recordings; all but recording.ingest (which adds new ones)
// are limited by the role's scope. An administrator who manages users may appoint holders of
// recording permissions without holding them (UserAdmin), recorders included.
bool isRecordingPermission(Permission permission);

} // namespace cv
