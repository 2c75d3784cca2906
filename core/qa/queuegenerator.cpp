#include "qa/queuegenerator.h"

#include "auth/accesscontrol.h"
#include "auth/authtext.h"
#include "catalog/auditlog.h"
#include "catalog/transactionguard.h"
#include "qa/evaluatordirectory.h"
#include "qa/formrepository.h"
#include "qa/samplingrulerepository.h"
#include "qa/samplingrules.h"
#include "qa/workitemrepository.h"
#include "tags/tagname.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonObject>
#include <QtEndian>
#include <algorithm>

namespace cv {

namespace {

const QString kGenerate = QStringLiteral("qa.sampling.generate");
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// The random_per_agent rank of a call: the first 8 bytes of SHA-256 over the rule id, the
// period start and the recording id. Uniform, the same on every run and every platform.
quint64 rankOf(qint64 ruleId, qint64 periodStartMs, const QUuid &recordingId)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QStringLiteral("%1:%2:%3")
                     .arg(ruleId)
                     .arg(periodStartMs)
                     .arg(recordingId.toString(QUuid::WithoutBraces))
                     .toUtf8());
    return qFromBigEndian<quint64>(hash.result().constData());
}

// Tag names compare as the tags do (TagName::foldKey: ASCII letters ignore case).
bool tagsMatch(const SamplingParameters &p, const QStringList &callTags)
{
    QStringList folded;
    for (const QString &tag : callTags)
        folded << TagName::foldKey(tag);
    for (const QString &tag : p.tags) {
        const bool has = folded.contains(TagName::foldKey(tag));
        if (p.match == TagMatch::Any && has)
            return true;
        if (p.match == TagMatch::All && !has)
            return false;
    }
    return p.match == TagMatch::All;
}

} // namespace

QueueGenerator::QueueGenerator(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

Result<GenerationReport> QueueGenerator::generate(const Principal &principal, qint64 ruleId,
                                                  qint64 periodStartMs, qint64 periodEndMs)
{
    const QString target = SamplingRules::auditTarget(ruleId);
    AccessControl access(m_db);
    if (auto allowed = access.require(principal, Permission::QaFormsManage, target, kGenerate);
        !allowed)
        return allowed.error();
    if (periodEndMs <= periodStartMs)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The sampling window must end after it starts."));
    auto found = SamplingRuleRepository(m_db).find(ruleId);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no sampling rule %1.").arg(ruleId));
    const SamplingRule rule = *found.value();
    if (!rule.active)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("Sampling rule \"%1\" is switched off; switch it on to "
                                        "generate its queue.")
                             .arg(rule.name));
    auto form = FormRepository(m_db).latest(rule.formId);
    if (!form)
        return form.error();
    if (!form.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Form %1 of rule \"%2\" has no published version; "
                                        "publish it first.")
                             .arg(rule.formId, rule.name));
    auto scope = access.recordingScope(principal);
    if (!scope)
        return scope.error();

    GenerationReport report;
    report.ruleId = rule.id;
    report.ruleName = rule.name;
    report.periodStartMs = periodStartMs;
    report.periodEndMs = periodEndMs;
    report.formId = rule.formId;
    report.formVersion = form.value()->version;

    CandidateFilter filter;
    filter.ruleId = rule.id;
    filter.formId = rule.formId;
    filter.fromMs = periodStartMs;
    filter.toMs = periodEndMs;
    filter.kind = rule.kind;
    filter.parameters = rule.parameters;
    filter.teamId = rule.teamId;
    filter.scope = scope->kind;
    filter.scopeUserId = principal.userId;
    filter.scopeAgentId = scope->agentId;

    WorkItemRepository items(m_db);
    QVector<SamplingCandidate> picked;
    if (!scope->reachesNothing()) {
        auto calls = items.candidates(filter);
        if (!calls)
            return calls.error();
        QHash<QUuid, QStringList> tags;
        if (rule.kind == SamplingKind::Tagged) {
            auto read = items.tagsInWindow(periodStartMs, periodEndMs);
            if (!read)
                return read.error();
            tags = read.takeValue();
        }
        QMap<QString, QVector<SamplingCandidate>> byAgent; // random_per_agent only
        for (const SamplingCandidate &call : calls.value()) {
            if (rule.kind == SamplingKind::Tagged &&
                !tagsMatch(rule.parameters, tags.value(call.recordingId)))
                continue;
            if (rule.kind == SamplingKind::RandomPerAgent) {
                byAgent[call.agentId].append(call);
                continue;
            }
            if (call.queued)
                ++report.skippedQueued;
            else if (call.evaluated)
                ++report.skippedEvaluated;
            else
                picked.append(call);
        }
        for (auto it = byAgent.begin(); it != byAgent.end(); ++it) {
            QVector<SamplingCandidate> &ofAgent = it.value();
            QHash<QUuid, quint64> ranks;
            for (const SamplingCandidate &call : ofAgent)
                ranks.insert(call.recordingId, rankOf(rule.id, periodStartMs, call.recordingId));
            std::sort(ofAgent.begin(), ofAgent.end(),
                      [&](const SamplingCandidate &a, const SamplingCandidate &b) {
                          return ranks.value(a.recordingId) < ranks.value(b.recordingId);
                      });
            // Calls the rule already queued for this agent in the window count towards N,
            // whatever their rank: a call that arrives later never adds to them.
            int taken = 0;
            for (const SamplingCandidate &call : ofAgent) {
                if (call.queued) {
                    ++report.skippedQueued;
                    ++taken;
                }
            }
            for (const SamplingCandidate &call : ofAgent) {
                if (taken >= rule.parameters.count)
                    break;
                if (call.queued)
                    continue;
                if (call.evaluated) {
                    ++report.skippedEvaluated;
                } else {
                    picked.append(call);
                    ++taken;
                }
            }
        }
        std::sort(picked.begin(), picked.end(),
                  [](const SamplingCandidate &a, const SamplingCandidate &b) {
                      return a.startedAtMs != b.startedAtMs ? a.startedAtMs < b.startedAtMs
                                                            : a.recordingId < b.recordingId;
                  });
    }

    // The rule's evaluators who may score calls now (as the catalog says), in name order.
    auto scorers = EvaluatorDirectory(m_db).scorers();
    if (!scorers)
        return scorers.error();
    QVector<Scorer> evaluators;
    for (const Scorer &scorer : scorers.value()) {
        if (rule.evaluators.contains(scorer.name))
            evaluators.append(scorer);
    }
    const qint64 now = m_clock();
    TransactionGuard tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto open = items.openCounts();
    if (!open)
        return open.error();
    QHash<QString, int> load = open.takeValue();
    for (const SamplingCandidate &call : picked) {
        const Scorer *chosen = nullptr;
        for (const Scorer &e : evaluators) {
            if (e.reaches(call.team, call.agentId) &&
                (!chosen || load.value(e.name) < load.value(chosen->name)))
                chosen = &e;
        }
        if (!chosen) {
            ++report.skippedNoEvaluator;
            continue;
        }
        WorkItemRow row;
        row.ruleId = rule.id;
        row.recordingId = call.recordingId;
        row.evaluator = chosen->name;
        row.formId = rule.formId;
        row.formVersion = report.formVersion;
        row.periodStartMs = periodStartMs;
        row.assignedAtMs = now;
        row.deadlineAtMs = now + rule.deadlineDays * kDayMs;
        auto inserted = items.insert(row);
        if (!inserted)
            return inserted.error();
        if (!inserted.value()) { // queued by a run at the same moment
            ++report.skippedQueued;
            continue;
        }
        load[chosen->name] += 1;
        ++report.queued;
        report.pickedPerAgent[call.agentId] += 1;
        report.assignedPerEvaluator[chosen->name] += 1;
    }
    const QJsonObject details{{QStringLiteral("rule"), rule.id},
                              {QStringLiteral("from"), periodStartMs},
                              {QStringLiteral("to"), periodEndMs},
                              {QStringLiteral("count"), report.queued}};
    if (auto audited = AuditLog(m_db).append(
            principal.auditEvent(kGenerate, target, true, authtext::json(details)));
        !audited)
        return audited.error();
    if (auto done = tx.commit(); !done)
        return done.error();
    return report;
}

Result<QVector<GenerationReport>> QueueGenerator::generateDue(const Principal &principal,
                                                              qint64 nowMs)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   QStringLiteral("sampling-rule"), kGenerate);
        !allowed)
        return allowed.error();
    auto rules = SamplingRuleRepository(m_db).list(true);
    if (!rules)
        return rules.error();
    QVector<GenerationReport> reports;
    for (const SamplingRule &rule : rules.value()) {
        const auto [from, to] = samplingWindow(rule.parameters.period, nowMs);
        auto report = generate(principal, rule.id, from, to);
        if (!report) {
            if (report.error().code == ErrorCode::PermissionDenied)
                return report.error();
            GenerationReport failed;
            failed.ruleId = rule.id;
            failed.ruleName = rule.name;
            failed.periodStartMs = from;
            failed.periodEndMs = to;
            failed.error = report.errorMessage();
            reports.append(failed);
            continue;
        }
        reports.append(report.takeValue());
    }
    return reports;
}

} // namespace cv
