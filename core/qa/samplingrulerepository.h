#pragma once

#include "common/result.h"
#include "qa/samplingrule.h"

#include <QVector>

class QSqlQuery;
#include <optional>

namespace cv {

class Database;

// The tables sampling_rules and sampling_rule_evaluators (migration 10). SQL only: no
// permission checks (SamplingRules acts for a person). Works on the calling thread's
// connection and inside the caller's TransactionGuard.
class SamplingRuleRepository final
{
public:
    explicit SamplingRuleRepository(Database &db);

    // Inserts the rule and its evaluators; returns the new id (rule.id is ignored).
    // Conflict when the name is taken.
    Result<qint64> insert(const SamplingRule &rule);
    // Changes name, kind, parameters, team, form, deadline, active and updated_at_ms, and
    // replaces the evaluators. False when there is no such rule.
    Result<bool> update(const SamplingRule &rule);
    Result<std::optional<SamplingRule>> find(qint64 id);
    // Every rule by name (`activeOnly`: only those switched on).
    Result<QVector<SamplingRule>> list(bool activeOnly = false);

private:
    // The rule's own columns, name .. active, bound in that order.
    static void bindDefinition(QSqlQuery &query, const SamplingRule &rule);
    Result<void> replaceEvaluators(qint64 ruleId, const QStringList &evaluators);
    Result<QStringList> evaluatorsOf(qint64 ruleId);

    Database &m_db;
};

} // namespace cv
