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
    // The QA workflow (docs/qa-workflow.md). Designing and publishing evaluation forms (a new
    // version each time; not limited by scope: forms belong to no team).
    QaFormsManage = 17, // "qa.forms.manage"
    // Acknowledging or disputing a submitted evaluation of one's own call (the agent whose
    // call it is; the role's scope applies too).
    EvaluationAcknowledge = 18, // "evaluation.acknowledge"
    // Resolving a disputed evaluation (upheld, or re-scored with the history kept), within
    // the role's scope.
    EvaluationResolve = 19, // "evaluation.resolve"
};

// Every permission, in numeric order.
const QVector<Permission> &allPermissions();
// The stored text name ("recording.play").
QString permissionName(Permission permission);
std::optional<Permission> permissionFromName(const QString &name);
// A short phrase for messages ("play recordings").
QString permissionDescription(Permission permission);
// The permissions of work on calls: recording.*, and the QA workflow's (qa.forms.manage,
// evaluation.*). recording.* and evaluation.* are limited by the role's scope where they act
// on a recording (recording.ingest adds new ones; qa.forms.manage acts on forms). An
// administrator who manages users may appoint holders of these without holding them
// (UserAdmin; cv_may_handle_role on PostgreSQL), recorders, supervisors and agents included.
bool isRecordingPermission(Permission permission);

} // namespace cv
