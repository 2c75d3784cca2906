#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"
#include "qa/samplingrule.h"

#include <QVector>

namespace cv {

class Database;

// Sampling rules on behalf of a person (docs/qa-workflow.md, "Sampling and work queues").
// Everything here needs qa.forms.manage (QA management: supervisors by default). Changes are
// audited in one transaction with the change, target "sampling-rule/<id>":
// qa.sampling.rule.create (details: the rule's id, name, kind, form), qa.sampling.rule.update
// (details: id, and "active" when switched on or off). Every refusal writes a 'denied' row
// through AccessControl (a missing permission; a team outside the person's scope, reason
// "team outside scope"); reads are audited only when refused (qa.sampling.rule.list).
// Checks of the values (InvalidArgument, naming the field) come after the permission and
// write no row: the name (1..100 characters, unique), the kind's parameters, a form with a
// published version, deadline 1..365 days, 1..100 evaluators who exist and hold
// recording.score.
class SamplingRules final
{
public:
    explicit SamplingRules(Database &db, Clock clock = systemClock());

    // `rule.id`, creator and times are ignored; returns the stored rule.
    Result<SamplingRule> create(const Principal &principal, const SamplingRule &rule);
    // Changes everything but the creator and creation time of rule `rule.id`.
    Result<SamplingRule> update(const Principal &principal, const SamplingRule &rule);
    // Switches a rule on or off (an inactive rule generates nothing; its items stay).
    Result<SamplingRule> setActive(const Principal &principal, qint64 ruleId, bool active);
    Result<QVector<SamplingRule>> list(const Principal &principal);
    Result<SamplingRule> find(const Principal &principal, qint64 ruleId);
    // The users a rule may name as evaluators: active accounts holding recording.score, by
    // name (qa.forms.manage; denied as 'qa.sampling.rule.list').
    Result<QStringList> evaluatorCandidates(const Principal &principal);

    static QString auditTarget(qint64 ruleId);

private:
    // Denied (audited as `action`) when the rule's team is outside the person's scope; a
    // rule of no team (every team the generator sees) is anyone's with qa.forms.manage.
    Result<void> requireTeam(const Principal &principal, const QString &teamId, qint64 ruleId,
                             const QString &action);
    Result<void> check(const Principal &principal, const SamplingRule &rule, const QString &action);
    Result<SamplingRule> store(const Principal &principal, SamplingRule rule, bool isNew,
                               const QJsonObject &extraDetails);

    Database &m_db;
    Clock m_clock;
};

} // namespace cv
