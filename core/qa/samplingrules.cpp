#include "qa/samplingrules.h"

#include "auth/accesscontrol.h"
#include "auth/authtext.h"
#include "auth/teamrepository.h"
#include "catalog/auditlog.h"
#include "catalog/transactionguard.h"
#include "qa/evaluatordirectory.h"
#include "qa/formrepository.h"
#include "qa/qatext.h"
#include "qa/samplingrulerepository.h"

#include <QJsonObject>
#include <algorithm>

namespace cv {

namespace {

const QString kCreate = QStringLiteral("qa.sampling.rule.create");
const QString kUpdate = QStringLiteral("qa.sampling.rule.update");
const QString kList = QStringLiteral("qa.sampling.rule.list");

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

} // namespace

SamplingRules::SamplingRules(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

QString SamplingRules::auditTarget(qint64 ruleId)
{
    return QStringLiteral("sampling-rule/%1").arg(ruleId);
}

Result<void> SamplingRules::requireTeam(const Principal &principal, const QString &teamId,
                                        qint64 ruleId, const QString &action)
{
    if (teamId.isEmpty())
        return {};
    auto scope = AccessControl(m_db).recordingScope(principal);
    if (!scope)
        return scope.error();
    if (scope->kind == RoleScope::All || scope->teams.contains(teamId))
        return {};
    return AccessControl(m_db).deny(
        principal, action, ruleId ? auditTarget(ruleId) : QStringLiteral("sampling-rule"),
        QStringLiteral("Permission denied: team %1 is not one of your teams.")
            .arg(authtext::forAudit(teamId)),
        QJsonObject{{QStringLiteral("reason"), QStringLiteral("team outside scope")},
                    {QStringLiteral("team"), authtext::forAudit(teamId)}});
}

Result<void> SamplingRules::check(const Principal &principal, const SamplingRule &rule,
                                  const QString &action)
{
    // Scope first (a denial), then the values (InvalidArgument, no row).
    if (auto inScope = requireTeam(principal, rule.teamId, rule.id, action); !inScope)
        return inScope;
    if (auto ok = qatext::checkText(rule.name, QStringLiteral("The rule's name"),
                                    SamplingRule::kMaxNameLength, true);
        !ok)
        return ok;
    if (rule.name.contains(QLatin1Char('\n')) || rule.name.contains(QLatin1Char('\r')) ||
        rule.name.contains(QLatin1Char('\t')))
        return invalid(QStringLiteral("The rule's name must be one line."));
    if (auto ok = samplingjson::checkParameters(rule.kind, rule.parameters); !ok)
        return ok;
    if (rule.deadlineDays < 1 || rule.deadlineDays > SamplingRule::kMaxDeadlineDays)
        return invalid(QStringLiteral("The deadline must be 1 to %1 days.")
                           .arg(SamplingRule::kMaxDeadlineDays));
    if (auto ok = qatext::checkFormId(rule.formId); !ok)
        return ok;
    auto form = FormRepository(m_db).latest(rule.formId);
    if (!form)
        return form.error();
    if (!form.value())
        return invalid(
            QStringLiteral("Form %1 has no published version; publish it first.").arg(rule.formId));
    if (!rule.teamId.isEmpty()) {
        auto team = TeamRepository(m_db).find(rule.teamId);
        if (!team)
            return team.error();
        if (!team.value())
            return invalid(QStringLiteral("There is no team %1.").arg(rule.teamId));
    }
    if (rule.evaluators.isEmpty() || rule.evaluators.size() > SamplingRule::kMaxEvaluators)
        return invalid(
            QStringLiteral("A rule needs 1 to %1 evaluators.").arg(SamplingRule::kMaxEvaluators));
    auto scorers = EvaluatorDirectory(m_db).scorers();
    if (!scorers)
        return scorers.error();
    for (const QString &name : rule.evaluators) {
        if (name.isEmpty() || name.size() > 256)
            return invalid(QStringLiteral("An evaluator's name is empty or too long."));
        const bool mayScore = std::any_of(scorers->begin(), scorers->end(),
                                          [&](const Scorer &s) { return s.name == name; });
        if (!mayScore)
            return invalid(QStringLiteral("%1 is no active user who may score recordings: choose "
                                          "an evaluator.")
                               .arg(authtext::forAudit(name)));
    }
    return {};
}

Result<SamplingRule> SamplingRules::store(const Principal &principal, SamplingRule rule, bool isNew,
                                          const QJsonObject &extraDetails)
{
    rule.evaluators.removeDuplicates();
    rule.evaluators.sort();
    const QString action = isNew ? kCreate : kUpdate;
    TransactionGuard tx(m_db);
    if (!tx.ok())
        return tx.error();
    SamplingRuleRepository repository(m_db);
    if (isNew) {
        auto id = repository.insert(rule);
        if (!id) {
            if (id.error().code == ErrorCode::Conflict)
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("There is already a sampling rule named \"%1\".")
                                     .arg(rule.name));
            return id.error();
        }
        rule.id = id.value();
    } else {
        auto updated = repository.update(rule);
        if (!updated) {
            if (updated.error().code == ErrorCode::Conflict)
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("There is already a sampling rule named \"%1\".")
                                     .arg(rule.name));
            return updated.error();
        }
        if (!updated.value())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no sampling rule %1.").arg(rule.id));
    }
    QJsonObject details = extraDetails;
    details.insert(QStringLiteral("rule"), rule.id);
    if (isNew) {
        details.insert(QStringLiteral("name"), authtext::forAudit(rule.name));
        details.insert(QStringLiteral("kind"), samplingKindName(rule.kind));
        details.insert(QStringLiteral("form"), rule.formId);
    }
    if (auto audited = AuditLog(m_db).append(
            principal.auditEvent(action, auditTarget(rule.id), true, authtext::json(details)));
        !audited)
        return audited.error();
    if (auto done = tx.commit(); !done)
        return done.error();
    auto stored = repository.find(rule.id);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no sampling rule %1.").arg(rule.id));
    return *stored.value();
}

Result<SamplingRule> SamplingRules::create(const Principal &principal, const SamplingRule &rule)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   QStringLiteral("sampling-rule"), kCreate);
        !allowed)
        return allowed.error();
    SamplingRule row = rule;
    row.id = 0;
    if (auto ok = check(principal, row, kCreate); !ok)
        return ok.error();
    row.createdBy = principal.name;
    row.createdAtMs = m_clock();
    row.updatedAtMs = row.createdAtMs;
    return store(principal, row, true, QJsonObject());
}

Result<SamplingRule> SamplingRules::update(const Principal &principal, const SamplingRule &rule)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   auditTarget(rule.id), kUpdate);
        !allowed)
        return allowed.error();
    auto existing = SamplingRuleRepository(m_db).find(rule.id);
    if (!existing)
        return existing.error();
    if (!existing.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no sampling rule %1.").arg(rule.id));
    // Another team's rule is not one's to change (nor to move into one's own team).
    if (auto inScope = requireTeam(principal, existing.value()->teamId, rule.id, kUpdate); !inScope)
        return inScope.error();
    SamplingRule row = rule;
    row.createdBy = existing.value()->createdBy;
    row.createdAtMs = existing.value()->createdAtMs;
    if (auto ok = check(principal, row, kUpdate); !ok)
        return ok.error();
    row.updatedAtMs = m_clock();
    return store(principal, row, false, QJsonObject());
}

Result<SamplingRule> SamplingRules::setActive(const Principal &principal, qint64 ruleId,
                                              bool active)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   auditTarget(ruleId), kUpdate);
        !allowed)
        return allowed.error();
    auto existing = SamplingRuleRepository(m_db).find(ruleId);
    if (!existing)
        return existing.error();
    if (!existing.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no sampling rule %1.").arg(ruleId));
    SamplingRule row = *existing.value();
    if (auto inScope = requireTeam(principal, row.teamId, ruleId, kUpdate); !inScope)
        return inScope.error();
    if (row.active == active)
        return row;
    row.active = active;
    row.updatedAtMs = m_clock();
    return store(principal, row, false, QJsonObject{{QStringLiteral("active"), active}});
}

Result<QVector<SamplingRule>> SamplingRules::list(const Principal &principal)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   QStringLiteral("sampling-rule"), kList);
        !allowed)
        return allowed.error();
    return SamplingRuleRepository(m_db).list();
}

Result<SamplingRule> SamplingRules::find(const Principal &principal, qint64 ruleId)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   auditTarget(ruleId), kList);
        !allowed)
        return allowed.error();
    auto rule = SamplingRuleRepository(m_db).find(ruleId);
    if (!rule)
        return rule.error();
    if (!rule.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no sampling rule %1.").arg(ruleId));
    return *rule.value();
}

Result<QStringList> SamplingRules::evaluatorCandidates(const Principal &principal)
{
    AccessControl access(m_db);
    if (auto allowed = access.require(principal, Permission::QaFormsManage,
                                      QStringLiteral("sampling-rule"), kList);
        !allowed)
        return allowed.error();
    auto scorers = EvaluatorDirectory(m_db).scorers();
    if (!scorers)
        return scorers.error();
    QStringList names;
    for (const Scorer &scorer : scorers.value())
        names << scorer.name;
    names.sort();
    return names;
}

} // namespace cv
