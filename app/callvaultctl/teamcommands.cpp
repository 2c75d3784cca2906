// callvaultctl team ...: teams as a CallVault user (core/auth TeamAdmin).
#include "auth/authservice.h"
#include "auth/teamadmin.h"
#include "commands.h"
#include "ctllogin.h"

namespace ctl {

namespace {

int addTeam(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"),
                 QStringLiteral("Team id as agents and users refer to it (default: the name)."),
                 QStringLiteral("ID")});
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("Add a team."), {QStringLiteral("NAME")}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString name = p.positionalArguments().first();
    const QString id = p.value(QStringLiteral("id"));
    if (auto r = cv::TeamAdmin(in->db()).add(in->principal(), id, name); !r)
        return fail(r.error());
    out(QStringLiteral("Added team %1 (id %2)").arg(name, id.isEmpty() ? name : id));
    return kExitOk;
}

int listTeams(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("List the teams."), {}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto teams = cv::TeamAdmin(in->db()).list(in->principal());
    if (!teams)
        return fail(teams.error());
    out(QStringLiteral("%1 %2 %3")
            .arg(QStringLiteral("ID"), -20)
            .arg(QStringLiteral("NAME"), -30)
            .arg(QStringLiteral("AGENTS")));
    for (const cv::TeamRow &t : teams.value())
        out(QStringLiteral("%1 %2 %3").arg(t.id, -20).arg(t.name, -30).arg(t.agentCount));
    out(QStringLiteral("%1 teams").arg(teams->size()));
    return kExitOk;
}

int renameTeam(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("Rename a team (its id stays)."),
                     {QStringLiteral("ID"), QStringLiteral("NAME")}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString id = p.positionalArguments().at(0);
    const QString name = p.positionalArguments().at(1);
    if (auto r = cv::TeamAdmin(in->db()).rename(in->principal(), id, name); !r)
        return fail(r.error());
    out(QStringLiteral("Team %1 is now named %2").arg(id, name));
    return kExitOk;
}

int assignAgent(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("name"),
                 QStringLiteral("The agent's display name (for a new agent: default the id)."),
                 QStringLiteral("NAME")});
    int code = 0;
    if (!parseAsUser(
            p, args,
            QStringLiteral("Put an agent into a team (adds the agent to the directory if new)."),
            {QStringLiteral("AGENT_ID"), QStringLiteral("TEAM_ID")}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    const QString agent = p.positionalArguments().at(0);
    const QString team = p.positionalArguments().at(1);
    if (auto r = cv::TeamAdmin(in->db()).assignAgent(in->principal(), agent, team,
                                                     p.value(QStringLiteral("name")));
        !r)
        return fail(r.error());
    out(QStringLiteral("Agent %1 is in team %2").arg(agent, team));
    return kExitOk;
}

} // namespace

int runTeam(const QStringList &args)
{
    return dispatch(
        args,
        {{QStringLiteral("add"), addTeam},
         {QStringLiteral("list"), listTeams},
         {QStringLiteral("rename"), renameTeam},
         {QStringLiteral("assign-agent"), assignAgent}},
        QStringLiteral(
            "Usage: callvaultctl team add|list|rename|assign-agent ... --user NAME [--site DIR]\n"
            "(callvaultctl team SUBCOMMAND --help for details)"));
}

} // namespace ctl
