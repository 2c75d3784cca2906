// callvaultctl sampling ...: sampling rules and work queues as a CallVault user (core/qa
// SamplingRules, QueueGenerator, WorkQueue; docs/qa-workflow.md "Sampling and work queues"):
// add, list and switch off rules, generate their queues, show a queue.
#include "commands.h"
#include "ctllogin.h"
#include "qa/queuegenerator.h"
#include "qa/samplingrules.h"
#include "qa/workqueue.h"

#include <QDateTime>

namespace ctl {

namespace {

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// ISO 8601 date or date and time; without a zone it is UTC.
cv::Result<qint64> parseIso(const QString &text, const QString &option)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    } else if (t.timeSpec() == Qt::LocalTime) {
        t.setTimeSpec(Qt::UTC);
    }
    if (!t.isValid())
        return cv::makeError(cv::ErrorCode::InvalidArgument,
                             QStringLiteral("--%1 is not an ISO 8601 date or date and time (e.g. "
                                            "2026-03-02 or 2026-03-02T08:00:00Z)")
                                 .arg(option));
    return t.toMSecsSinceEpoch();
}

cv::Result<qint64> parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id < 1)
        return cv::makeError(cv::ErrorCode::InvalidArgument,
                             QStringLiteral("%1 must be a number (see callvaultctl sampling rule-list).").arg(what));
    return id;
}

void printRule(const cv::SamplingRule &r)
{
    out(QStringLiteral("%1  %2  %3  %4  form %5  team %6  deadline %7 d  evaluators %8  %9")
            .arg(r.id)
            .arg(r.name, cv::samplingKindName(r.kind),
                 cv::samplingjson::writeParameters(r.kind, r.parameters), r.formId,
                 r.teamId.isEmpty() ? QStringLiteral("(all)") : r.teamId)
            .arg(r.deadlineDays)
            .arg(r.evaluators.join(QLatin1Char(',')), r.active ? QStringLiteral("active")
                                                              : QStringLiteral("off")));
}

void printReport(const cv::GenerationReport &r)
{
    if (!r.error.isEmpty()) {
        out(QStringLiteral("Rule %1 (%2): nothing generated: %3").arg(r.ruleId).arg(r.ruleName, r.error));
        return;
    }
    QStringList agents;
    for (auto it = r.pickedPerAgent.begin(); it != r.pickedPerAgent.end(); ++it)
        agents << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    QStringList evaluators;
    for (auto it = r.assignedPerEvaluator.begin(); it != r.assignedPerEvaluator.end(); ++it)
        evaluators << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    out(QStringLiteral("Rule %1 (%2), %3 to %4: queued %5 calls (form %6 v%7); skipped %8 already "
                       "queued, %9 already evaluated")
            .arg(r.ruleId)
            .arg(r.ruleName, utcText(r.periodStartMs), utcText(r.periodEndMs))
            .arg(r.queued)
            .arg(r.formId)
            .arg(r.formVersion)
            .arg(r.skippedQueued)
            .arg(r.skippedEvaluated));
    if (r.skippedNoEvaluator > 0)
        out(QStringLiteral("  %1 calls not queued: no evaluator of the rule may score them").arg(r.skippedNoEvaluator));
    if (!agents.isEmpty())
        out(QStringLiteral("  per agent: %1").arg(agents.join(QStringLiteral(", "))));
    if (!evaluators.isEmpty())
        out(QStringLiteral("  per evaluator: %1").arg(evaluators.join(QStringLiteral(", "))));
}

int addRule(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("kind"),
                 QStringLiteral("random_per_agent, sentiment_below, tagged or longer_than."), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("params"),
                 QStringLiteral("The kind's parameters as JSON, e.g. {\"count\":5,\"period\":\"week\"}, "
                                "{\"threshold\":-0.3}, {\"tags\":[\"complaint\"],\"match\":\"any\"}, "
                                "{\"minDurationMs\":600000}."),
                 QStringLiteral("JSON")});
    p.addOption({QStringLiteral("form"), QStringLiteral("The form evaluators use (its latest version)."), QStringLiteral("FORM")});
    p.addOption({QStringLiteral("evaluator"), QStringLiteral("An evaluator (repeat for several)."), QStringLiteral("USER")});
    p.addOption({QStringLiteral("team"), QStringLiteral("Only calls of this team (default: every team you see)."),
                 QStringLiteral("TEAM")});
    p.addOption({QStringLiteral("deadline-days"), QStringLiteral("Days to evaluate a queued call (default 7)."),
                 QStringLiteral("N"), QStringLiteral("7")});
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("Add a sampling rule (needs qa.forms.manage)."), {QStringLiteral("NAME")},
                     &code))
        return code;
    const QString command = QStringLiteral("sampling rule-add");
    const auto kind = cv::samplingKindFromName(p.value(QStringLiteral("kind")));
    if (!kind)
        return usageError(QStringLiteral("--kind takes random_per_agent, sentiment_below, tagged or longer_than."), command);
    if (!p.isSet(QStringLiteral("form")) || p.values(QStringLiteral("evaluator")).isEmpty())
        return usageError(QStringLiteral("--form and at least one --evaluator are required."), command);
    auto parameters = cv::samplingjson::readParameters(*kind, p.value(QStringLiteral("params")).toUtf8());
    if (!parameters)
        return usageError(QStringLiteral("--params: %1").arg(parameters.errorMessage()), command);
    bool daysOk = false;
    const int days = p.value(QStringLiteral("deadline-days")).toInt(&daysOk);
    if (!daysOk)
        return usageError(QStringLiteral("--deadline-days takes a number of days."), command);
    cv::SamplingRule rule;
    rule.name = p.positionalArguments().at(0);
    rule.kind = *kind;
    rule.parameters = parameters.takeValue();
    rule.formId = p.value(QStringLiteral("form"));
    rule.evaluators = p.values(QStringLiteral("evaluator"));
    rule.teamId = p.value(QStringLiteral("team"));
    rule.deadlineDays = days;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto created = cv::SamplingRules(in->db()).create(in->principal(), rule);
    if (!created)
        return fail(created.error());
    out(QStringLiteral("Added sampling rule %1 (%2)").arg(created->id).arg(created->name));
    return kExitOk;
}

int listRules(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("List the sampling rules (needs qa.forms.manage)."), {}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto rules = cv::SamplingRules(in->db()).list(in->principal());
    if (!rules)
        return fail(rules.error());
    for (const cv::SamplingRule &r : rules.value())
        printRule(r);
    out(QStringLiteral("%1 rules").arg(rules->size()));
    return kExitOk;
}

int setActive(const QStringList &args, bool active)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args,
                     active ? QStringLiteral("Switch a sampling rule on again (needs qa.forms.manage).")
                            : QStringLiteral("Switch a sampling rule off: it generates nothing more; its queued "
                                             "calls stay (needs qa.forms.manage)."),
                     {QStringLiteral("ID")}, &code))
        return code;
    auto id = parseId(p.positionalArguments().at(0), QStringLiteral("The rule id"));
    if (!id)
        return usageError(id.errorMessage(), active ? QStringLiteral("sampling rule-enable")
                                                    : QStringLiteral("sampling rule-disable"));
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto rule = cv::SamplingRules(in->db()).setActive(in->principal(), id.value(), active);
    if (!rule)
        return fail(rule.error());
    out(QStringLiteral("Sampling rule %1 (%2) is %3").arg(rule->id).arg(rule->name, active ? QStringLiteral("on")
                                                                                            : QStringLiteral("off")));
    return kExitOk;
}

int disableRule(const QStringList &args)
{
    return setActive(args, false);
}

int enableRule(const QStringList &args)
{
    return setActive(args, true);
}

int generate(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("rule"), QStringLiteral("Only this rule (default: every active rule)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Window start, ISO 8601 (UTC unless a zone is given); "
                                                        "with --to and --rule."), QStringLiteral("ISO")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Window end (not included)."), QStringLiteral("ISO")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Queue the calls sampling rules pick (needs qa.forms.manage). Without "
                                    "--from/--to: each rule's current period (day, week from Monday 00:00 UTC, "
                                    "month)."),
                     {}, &code))
        return code;
    const QString command = QStringLiteral("sampling generate");
    const bool window = p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to"));
    if (window && (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")) || !p.isSet(QStringLiteral("rule"))))
        return usageError(QStringLiteral("--from and --to go together, with --rule."), command);
    qint64 ruleId = 0;
    if (p.isSet(QStringLiteral("rule"))) {
        auto id = parseId(p.value(QStringLiteral("rule")), QStringLiteral("--rule"));
        if (!id)
            return usageError(id.errorMessage(), command);
        ruleId = id.value();
    }
    qint64 from = 0;
    qint64 to = 0;
    if (window) {
        auto f = parseIso(p.value(QStringLiteral("from")), QStringLiteral("from"));
        auto t = parseIso(p.value(QStringLiteral("to")), QStringLiteral("to"));
        if (!f || !t)
            return usageError(!f ? f.errorMessage() : t.errorMessage(), command);
        from = f.value();
        to = t.value();
    }
    auto in = login(p);
    if (!in)
        return fail(in.error());
    cv::QueueGenerator generator(in->db());
    if (ruleId == 0) {
        auto reports = generator.generateDue(in->principal(), QDateTime::currentMSecsSinceEpoch());
        if (!reports)
            return fail(reports.error());
        for (const cv::GenerationReport &r : reports.value())
            printReport(r);
        out(QStringLiteral("%1 rules run").arg(reports->size()));
        return kExitOk;
    }
    if (!window) {
        auto rule = cv::SamplingRules(in->db()).find(in->principal(), ruleId);
        if (!rule)
            return fail(rule.error());
        std::tie(from, to) = cv::samplingWindow(rule->parameters.period, QDateTime::currentMSecsSinceEpoch());
    }
    auto report = generator.generate(in->principal(), ruleId, from, to);
    if (!report)
        return fail(report.error());
    printReport(report.value());
    return kExitOk;
}

int showQueue(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("rule"), QStringLiteral("Every item of this rule instead of your own queue "
                                                        "(needs qa.forms.manage)."), QStringLiteral("ID")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Show your queue of calls to evaluate, by deadline (needs recording.score), "
                                    "or a rule's items."),
                     {}, &code))
        return code;
    qint64 ruleId = 0;
    if (p.isSet(QStringLiteral("rule"))) {
        auto id = parseId(p.value(QStringLiteral("rule")), QStringLiteral("--rule"));
        if (!id)
            return usageError(id.errorMessage(), QStringLiteral("sampling queue"));
        ruleId = id.value();
    }
    auto in = login(p);
    if (!in)
        return fail(in.error());
    cv::WorkQueue queue(in->db());
    auto items = ruleId > 0 ? queue.ofRule(in->principal(), ruleId) : queue.mine(in->principal());
    if (!items)
        return fail(items.error());
    for (const cv::WorkItemView &v : items.value()) {
        const cv::WorkItemRow &i = v.item;
        out(QStringLiteral("%1  %2  %3  agent %4  %5 s  %6  %7 v%8  %9  due %10%11")
                .arg(i.id)
                .arg(i.recordingId.toString(QUuid::WithoutBraces), utcText(i.startedAtMs),
                     i.agentId.isEmpty() ? QStringLiteral("-") : i.agentId)
                .arg(i.durationMs / 1000)
                .arg(i.ruleName, i.formId)
                .arg(i.formVersion)
                .arg(ruleId > 0 ? i.evaluator + QStringLiteral("  ") + cv::workItemStateName(v.state)
                                : cv::workItemStateName(v.state),
                     utcText(i.deadlineAtMs), v.overdue ? QStringLiteral("  OVERDUE") : QString()));
    }
    out(QStringLiteral("%1 items").arg(items->size()));
    return kExitOk;
}

} // namespace

int runSampling(const QStringList &args)
{
    return dispatch(args,
                    {{QStringLiteral("rule-add"), addRule},
                     {QStringLiteral("rule-list"), listRules},
                     {QStringLiteral("rule-disable"), disableRule},
                     {QStringLiteral("rule-enable"), enableRule},
                     {QStringLiteral("generate"), generate},
                     {QStringLiteral("queue"), showQueue}},
                    QStringLiteral("Usage: callvaultctl sampling rule-add NAME --kind KIND --params JSON --form FORM "
                                   "--evaluator USER... [--team TEAM] [--deadline-days N] | rule-list | rule-disable ID | "
                                   "rule-enable ID | generate [--rule ID [--from ISO --to ISO]] | queue [--rule ID]\n"
                                   "(as a CallVault user: --user NAME; callvaultctl sampling COMMAND --help for details)"));
}

} // namespace ctl
