// callvaultctl role ... and setting ...: roles and site settings as a CallVault user
// (core/auth RoleAdmin, SettingsAdmin).
#include "auth/authservice.h"
#include "auth/roleadmin.h"
#include "auth/settingsadmin.h"
#include "commands.h"
#include "ctllogin.h"

#include <algorithm>

namespace ctl {

namespace {

QStringList sortedNames(const QSet<cv::Permission> &permissions)
{
    QStringList names;
    for (cv::Permission permission : permissions)
        names.append(cv::permissionName(permission));
    names.sort();
    return names;
}

int listRoles(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("List the roles, their scope and permissions."), {},
                     &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto roles = cv::RoleAdmin(in->db()).list(in->principal());
    if (!roles)
        return fail(roles.error());
    for (const cv::RoleRow &role : roles.value()) {
        QStringList names = sortedNames(role.permissions) + role.unknownPermissions;
        out(QStringLiteral("%1 scope=%2 %3")
                .arg(role.name, -15)
                .arg(cv::roleScopeToText(role.scope), -6)
                .arg(names.isEmpty() ? QStringLiteral("(no permissions)")
                                     : names.join(QLatin1Char(','))));
    }
    for (const QString &line : cv::RoleAdmin::separationConflicts(roles.value()))
        out(QStringLiteral("note: three-admin separation not kept: %1").arg(line));
    return kExitOk;
}

int changePermission(const QStringList &args, bool grant)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args,
                     grant ? QStringLiteral("Grant a permission to a role.")
                           : QStringLiteral("Revoke a permission from a role."),
                     {QStringLiteral("ROLE"), QStringLiteral("PERMISSION")}, &code))
        return code;
    const QString role = p.positionalArguments().at(0);
    const auto permission = cv::permissionFromName(p.positionalArguments().at(1));
    if (!permission) {
        QStringList all;
        for (cv::Permission each : cv::allPermissions())
            all.append(cv::permissionName(each));
        return usageError(QStringLiteral("unknown permission \"%1\" (permissions: %2)")
                              .arg(p.positionalArguments().at(1), all.join(QStringLiteral(", "))),
                          args.first());
    }
    auto in = login(p);
    if (!in)
        return fail(in.error());
    cv::RoleAdmin admin(in->db());
    auto changed = grant ? admin.grant(in->principal(), role, *permission)
                         : admin.revoke(in->principal(), role, *permission);
    if (!changed)
        return fail(changed.error());
    const QString name = cv::permissionName(*permission);
    if (grant)
        out(changed.value() ? QStringLiteral("Granted %1 to role %2").arg(name, role)
                            : QStringLiteral("Role %1 already had %2").arg(role, name));
    else
        out(changed.value() ? QStringLiteral("Revoked %1 from role %2").arg(name, role)
                            : QStringLiteral("Role %1 did not have %2").arg(role, name));
    return kExitOk;
}

int grantPermission(const QStringList &args)
{
    return changePermission(args, true);
}

int revokePermission(const QStringList &args)
{
    return changePermission(args, false);
}

int createRole(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("scope"),
                 QStringLiteral("Which recordings it reaches: all, teams or own."),
                 QStringLiteral("all|teams|own")});
    p.addOption({QStringLiteral("description"), QStringLiteral("What the role is for."),
                 QStringLiteral("TEXT")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Create a role without permissions (grant them next)."),
                     {QStringLiteral("NAME")}, &code))
        return code;
    const auto scope = cv::roleScopeFromText(p.value(QStringLiteral("scope")));
    if (!scope)
        return usageError(QStringLiteral("give --scope all, teams or own"), args.first());
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString name = p.positionalArguments().first();
    if (auto r = cv::RoleAdmin(in->db()).create(in->principal(), name,
                                                p.value(QStringLiteral("description")), *scope);
        !r)
        return fail(r.error());
    out(QStringLiteral("Created role %1 (scope %2)").arg(name, cv::roleScopeToText(*scope)));
    return kExitOk;
}

int listSettings(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("List the site settings."), {}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto settings = cv::SettingsAdmin(in->db()).list(in->principal());
    if (!settings)
        return fail(settings.error());
    for (const auto &[setting, value] : settings.value()) {
        const cv::SettingSpec &spec = cv::Settings::spec(setting);
        out(QStringLiteral("%1 = %2   (%3; default %4; changed with %5)")
                .arg(QString::fromLatin1(spec.key), -22)
                .arg(value, -6)
                .arg(QString::fromLatin1(spec.description), QString::fromLatin1(spec.defaultValue),
                     cv::permissionName(spec.permission)));
    }
    return kExitOk;
}

int setSetting(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("Change a site setting."),
                     {QStringLiteral("KEY"), QStringLiteral("VALUE")}, &code))
        return code;
    const auto setting = cv::Settings::fromKey(p.positionalArguments().at(0));
    if (!setting) {
        QStringList keys;
        for (const cv::SettingSpec &spec : cv::Settings::all())
            keys.append(QString::fromLatin1(spec.key));
        return usageError(QStringLiteral("unknown setting \"%1\" (settings: %2)")
                              .arg(p.positionalArguments().at(0), keys.join(QStringLiteral(", "))),
                          args.first());
    }
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto stored =
        cv::SettingsAdmin(in->db()).set(in->principal(), *setting, p.positionalArguments().at(1));
    if (!stored)
        return fail(stored.error());
    out(QStringLiteral("%1 = %2").arg(cv::Settings::key(*setting), stored.value()));
    return kExitOk;
}

} // namespace

int runRole(const QStringList &args)
{
    return dispatch(
        args,
        {{QStringLiteral("list"), listRoles},
         {QStringLiteral("grant"), grantPermission},
         {QStringLiteral("revoke"), revokePermission},
         {QStringLiteral("create"), createRole}},
        QStringLiteral("Usage: callvaultctl role list|grant ROLE PERMISSION|revoke ROLE PERMISSION|"
                       "create NAME --scope S ... --user NAME [--site DIR]\n"
                       "(callvaultctl role SUBCOMMAND --help for details)"));
}

int runSetting(const QStringList &args)
{
    return dispatch(
        args, {{QStringLiteral("list"), listSettings}, {QStringLiteral("set"), setSetting}},
        QStringLiteral("Usage: callvaultctl setting list|set KEY VALUE --user NAME [--site DIR]\n"
                       "(callvaultctl setting SUBCOMMAND --help for details)"));
}

} // namespace ctl
