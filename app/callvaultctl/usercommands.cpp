// callvaultctl user ...: user administration as a CallVault user (core/auth UserAdmin).
#include "auth/authservice.h"
#include "auth/useradmin.h"
#include "commands.h"
#include "crypto/cryptoutil.h"
#include "ctllogin.h"

#include <QDateTime>

namespace ctl {

namespace {

QString formatMs(const std::optional<qint64> &ms)
{
    if (!ms)
        return QStringLiteral("never");
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

int addUser(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("role"),
                 QStringLiteral("The new user's role (see `callvaultctl role list`)."),
                 QStringLiteral("ROLE")});
    p.addOption({QStringLiteral("team"),
                 QStringLiteral("A team the user covers (repeat for more)."),
                 QStringLiteral("TEAM")});
    p.addOption({QStringLiteral("agent-id"),
                 QStringLiteral("The agent id (工号) of an agent user."), QStringLiteral("ID")});
    p.addOption(newPasswordFileOption());
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral(
                         "Add a user with a temporary password (changed at the first log-in; from "
                         "--new-password-file or $CALLVAULT_NEW_PASSWORD)."),
                     {QStringLiteral("NAME")}, &code))
        return code;
    if (!p.isSet(QStringLiteral("role")))
        return usageError(QStringLiteral("give the new user's --role"), args.first());
    auto in = login(p);
    if (!in)
        return fail(in.error());
    cv::UserAdmin::NewUser user;
    user.name = p.positionalArguments().first();
    user.role = p.value(QStringLiteral("role"));
    user.teams = p.values(QStringLiteral("team"));
    user.agentId = p.value(QStringLiteral("agent-id"));
    auto password = readNewPassword(p, QStringLiteral("Temporary password for %1").arg(user.name));
    if (!password)
        return fail(password.error());
    user.password = password.value();
    auto added = cv::UserAdmin(in->db(), *in->auth).add(in->principal(), user);
    cv::crypto::secureZero(user.password);
    cv::crypto::secureZero(password.value());
    if (!added)
        return fail(added.error());
    out(QStringLiteral("Added user %1 (role %2); the password must be changed at the first log-in.")
            .arg(user.name, user.role));
    return kExitOk;
}

int listUsers(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("List the users."), {}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto users = cv::UserAdmin(in->db(), *in->auth).list(in->principal());
    if (!users)
        return fail(users.error());
    const qint64 now = in->auth->now();
    out(QStringLiteral("%1 %2 %3 %4 %5 %6")
            .arg(QStringLiteral("NAME"), -20)
            .arg(QStringLiteral("ROLE"), -15)
            .arg(QStringLiteral("STATUS"), -24)
            .arg(QStringLiteral("TEAMS"), -20)
            .arg(QStringLiteral("AGENT"), -10)
            .arg(QStringLiteral("LAST LOG-IN")));
    for (const cv::Account &a : users.value()) {
        QStringList status;
        status.append(a.disabled ? QStringLiteral("disabled") : QStringLiteral("enabled"));
        if (a.isLockedAt(now))
            status.append(QStringLiteral("locked until ") +
                          QDateTime::fromMSecsSinceEpoch(*a.lockedUntilMs, Qt::UTC)
                              .toString(QStringLiteral("HH:mm")));
        if (a.mustChangePassword)
            status.append(QStringLiteral("must change"));
        out(QStringLiteral("%1 %2 %3 %4 %5 %6")
                .arg(a.name, -20)
                .arg(a.role, -15)
                .arg(status.join(QStringLiteral(", ")), -24)
                .arg(a.teams.isEmpty() ? QStringLiteral("-") : a.teams.join(QLatin1Char(',')), -20)
                .arg(a.agentId.isEmpty() ? QStringLiteral("-") : a.agentId, -10)
                .arg(formatMs(a.lastLoginMs)));
    }
    out(QStringLiteral("%1 users").arg(users->size()));
    return kExitOk;
}

int setDisabled(const QStringList &args, bool disabled)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args,
                     disabled ? QStringLiteral("Disable a user: they can no longer log in.")
                              : QStringLiteral("Enable a disabled user again."),
                     {QStringLiteral("NAME")}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString name = p.positionalArguments().first();
    if (auto r = cv::UserAdmin(in->db(), *in->auth).setDisabled(in->principal(), name, disabled);
        !r)
        return fail(r.error());
    out(disabled ? QStringLiteral("Disabled user %1").arg(name)
                 : QStringLiteral("Enabled user %1").arg(name));
    return kExitOk;
}

int disableUser(const QStringList &args)
{
    return setDisabled(args, true);
}

int enableUser(const QStringList &args)
{
    return setDisabled(args, false);
}

int resetPassword(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(newPasswordFileOption());
    int code = 0;
    if (!parseAsUser(
            p, args,
            QStringLiteral("Give a user a temporary password (from --new-password-file or "
                           "$CALLVAULT_NEW_PASSWORD) that must be changed at the next log-in."),
            {QStringLiteral("NAME")}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString name = p.positionalArguments().first();
    auto password = readNewPassword(p, QStringLiteral("Temporary password for %1").arg(name));
    if (!password)
        return fail(password.error());
    auto r =
        cv::UserAdmin(in->db(), *in->auth).resetPassword(in->principal(), name, password.value());
    cv::crypto::secureZero(password.value());
    if (!r)
        return fail(r.error());
    out(QStringLiteral("Reset the password of %1; it must be changed at the next log-in.")
            .arg(name));
    return kExitOk;
}

int grantRole(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("Give a user a role (their only role)."),
                     {QStringLiteral("NAME"), QStringLiteral("ROLE")}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString name = p.positionalArguments().at(0);
    const QString role = p.positionalArguments().at(1);
    if (auto r = cv::UserAdmin(in->db(), *in->auth).setRole(in->principal(), name, role); !r)
        return fail(r.error());
    out(QStringLiteral("%1 now has the role %2").arg(name, role));
    return kExitOk;
}

int setTeams(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("none"), QStringLiteral("Remove all teams.")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral(
                         "Set the teams a supervisor or QA evaluator covers (replaces the list)."),
                     {QStringLiteral("NAME"), QStringLiteral("[TEAM...]")}, &code, false))
        return code;
    const QStringList teams = p.positionalArguments().mid(1);
    if (teams.isEmpty() != p.isSet(QStringLiteral("none")))
        return usageError(QStringLiteral("give the teams, or --none to remove all"), args.first());
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString name = p.positionalArguments().first();
    if (auto r = cv::UserAdmin(in->db(), *in->auth).setTeams(in->principal(), name, teams); !r)
        return fail(r.error());
    out(teams.isEmpty()
            ? QStringLiteral("%1 covers no team").arg(name)
            : QStringLiteral("%1 covers %2").arg(name, teams.join(QStringLiteral(", "))));
    return kExitOk;
}

int setAgent(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("none"), QStringLiteral("Unlink the user from any agent id.")});
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("Link an agent user to their agent id (工号)."),
                     {QStringLiteral("NAME"), QStringLiteral("[AGENT_ID]")}, &code, false))
        return code;
    const QString agentId = p.positionalArguments().value(1);
    if (p.positionalArguments().size() > 2 || agentId.isEmpty() != p.isSet(QStringLiteral("none")))
        return usageError(QStringLiteral("give one agent id, or --none"), args.first());
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString name = p.positionalArguments().first();
    if (auto r = cv::UserAdmin(in->db(), *in->auth).setAgentId(in->principal(), name, agentId); !r)
        return fail(r.error());
    out(agentId.isEmpty() ? QStringLiteral("%1 is linked to no agent id").arg(name)
                          : QStringLiteral("%1 is agent %2").arg(name, agentId));
    return kExitOk;
}

int unlockUser(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("End a user's lockout after too many failed log-ins."),
                     {QStringLiteral("NAME")}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString name = p.positionalArguments().first();
    if (auto r = cv::UserAdmin(in->db(), *in->auth).unlock(in->principal(), name); !r)
        return fail(r.error());
    out(QStringLiteral("Unlocked user %1").arg(name));
    return kExitOk;
}

int changeOwnPassword(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(newPasswordFileOption());
    int code = 0;
    if (!parseAsUser(
            p, args,
            QStringLiteral("Change your own password (the current one from --password-file or "
                           "$CALLVAULT_PASSWORD, the new one from --new-password-file or "
                           "$CALLVAULT_NEW_PASSWORD)."),
            {}, &code))
        return code;
    QByteArray current;
    auto in = login(p, true, &current);
    if (!in) {
        cv::crypto::secureZero(current);
        return fail(in.error());
    }
    auto next = readNewPassword(p, QStringLiteral("New password"));
    if (!next) {
        cv::crypto::secureZero(current);
        return fail(next.error());
    }
    auto r = in->auth->changePassword(in->session, current, next.value());
    cv::crypto::secureZero(current);
    cv::crypto::secureZero(next.value());
    if (!r)
        return fail(r.error());
    out(QStringLiteral("Changed the password of %1").arg(in->principal().name));
    return kExitOk;
}

} // namespace

int runUser(const QStringList &args)
{
    return dispatch(
        args,
        {{QStringLiteral("add"), addUser},
         {QStringLiteral("list"), listUsers},
         {QStringLiteral("disable"), disableUser},
         {QStringLiteral("enable"), enableUser},
         {QStringLiteral("reset-password"), resetPassword},
         {QStringLiteral("grant"), grantRole},
         {QStringLiteral("set-teams"), setTeams},
         {QStringLiteral("set-agent"), setAgent},
         {QStringLiteral("unlock"), unlockUser},
         {QStringLiteral("passwd"), changeOwnPassword}},
        QStringLiteral(
            "Usage: callvaultctl user add|list|disable|enable|reset-password|grant|set-teams|"
            "set-agent|unlock|passwd ... --user NAME [--site DIR]\n"
            "(callvaultctl user SUBCOMMAND --help for details)"));
}

} // namespace ctl
