#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"

#include <QMap>
#include <QString>
#include <QVector>

namespace cv {

class Database;

// What one generation run did.
struct GenerationReport
{
    qint64 ruleId = 0;
    QString ruleName;
    qint64 periodStartMs = 0;
    qint64 periodEndMs = 0;
    QString formId;
    int formVersion = 0;
    int queued = 0;                          // new work items
    int skippedQueued = 0;                   // picked calls the rule had already queued
    int skippedEvaluated = 0;                // calls with a submitted evaluation of the rule's form
    int skippedNoEvaluator = 0;              // calls none of the rule's evaluators may score
    QMap<QString, int> pickedPerAgent;       // new items by the call's agent
    QMap<QString, int> assignedPerEvaluator; // new items by evaluator
    QString error;                           // generateDue only: why this rule generated nothing
};

// Turns a sampling rule and a period into work items (docs/qa-workflow.md, "Sampling and
// work queues"). Needs qa.forms.manage; picks only calls inside the person's scope (and the
// rule's team). random_per_agent ranks each agent's calls by SHA-256(rule id, period start,
// recording id) and takes the first N: the same calls on every run (and a call that arrives
// later never displaces one already queued). Calls with a submitted evaluation of the rule's
// form are skipped; calls the rule already queued count towards N and are not queued again.
// New items go to the rule's evaluators who may score the call, to the one with the fewest
// open items first (ties in name order: round-robin). Deadline: assigned + deadline_days.
// One transaction with one audit row 'qa.sampling.generate' (target "sampling-rule/<id>",
// details: rule, from, to, count); denials audited under the same action.
class QueueGenerator final
{
public:
    explicit QueueGenerator(Database &db, Clock clock = systemClock());

    // Calls started in [periodStartMs, periodEndMs).
    Result<GenerationReport> generate(const Principal &principal, qint64 ruleId,
                                      qint64 periodStartMs, qint64 periodEndMs);
    // Every active rule over its current period (the day, the week from Monday 00:00 UTC or
    // the month that contains nowMs). A rule that cannot generate (no published form) has
    // its report's `error` set; a refused permission fails the whole call.
    Result<QVector<GenerationReport>> generateDue(const Principal &principal, qint64 nowMs);

private:
    Database &m_db;
    Clock m_clock;
};

} // namespace cv
