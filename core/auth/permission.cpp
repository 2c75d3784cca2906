#include "auth/permission.h"

namespace cv {

namespace {

struct PermissionInfo
{
    Permission permission;
    const char *name;
    const char *description;
};

// The one table of permission names; the texts are stored and never change.
constexpr PermissionInfo kPermissions[] = {
    {Permission::RecordingSearch, "recording.search", "search recordings"},
    {Permission::RecordingPlay, "recording.play", "play recordings"},
    {Permission::RecordingExport, "recording.export", "export recordings"},
    {Permission::RecordingDelete, "recording.delete", "delete recordings"},
    {Permission::RecordingTag, "recording.tag", "tag recordings"},
    {Permission::RecordingBookmark, "recording.bookmark", "bookmark recordings"},
    {Permission::RecordingScore, "recording.score", "score recordings"},
    {Permission::AuditRead, "audit.read", "read the audit trail"},
    {Permission::AuditVerify, "audit.verify", "verify the audit trail"},
    {Permission::UsersManage, "users.manage", "manage users"},
    {Permission::RolesManage, "roles.manage", "manage roles"},
    {Permission::KeysManage, "keys.manage", "manage the site keys"},
    {Permission::SettingsChange, "settings.change", "change settings"},
    {Permission::TeamsManage, "teams.manage", "manage teams"},
    {Permission::SecurityPolicy, "security.policy", "change the security policy"},
    {Permission::RecordingIngest, "recording.ingest", "add recordings"},
    {Permission::QaFormsManage, "qa.forms.manage",
     "design and publish evaluation forms, manage sampling rules and calibration sessions"},
    {Permission::EvaluationAcknowledge, "evaluation.acknowledge",
     "acknowledge or dispute evaluations of their own calls"},
    {Permission::EvaluationResolve, "evaluation.resolve", "resolve disputed evaluations"},
};

const PermissionInfo *infoOf(Permission permission)
{
    for (const PermissionInfo &info : kPermissions) {
        if (info.permission == permission)
            return &info;
    }
    return nullptr;
}

} // namespace

const QVector<Permission> &allPermissions()
{
    static const QVector<Permission> all = [] {
        QVector<Permission> list;
        for (const PermissionInfo &info : kPermissions)
            list.append(info.permission);
        return list;
    }();
    return all;
}

QString permissionName(Permission permission)
{
    const PermissionInfo *info = infoOf(permission);
    return info ? QString::fromLatin1(info->name) : QString();
}

std::optional<Permission> permissionFromName(const QString &name)
{
    for (const PermissionInfo &info : kPermissions) {
        if (name == QLatin1String(info.name))
            return info.permission;
    }
    return std::nullopt;
}

QString permissionDescription(Permission permission)
{
    const PermissionInfo *info = infoOf(permission);
    return info ? QString::fromLatin1(info->description) : QString();
}

bool isRecordingPermission(Permission permission)
{
    return (static_cast<int>(permission) >= static_cast<int>(Permission::RecordingSearch) &&
            static_cast<int>(permission) <= static_cast<int>(Permission::RecordingScore)) ||
           permission == Permission::RecordingIngest || permission == Permission::QaFormsManage ||
           permission == Permission::EvaluationAcknowledge ||
           permission == Permission::EvaluationResolve;
}

} // namespace cv
