#include "qa/samplingrulerepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

constexpr const char *kSelect =
    "SELECT id, name, kind, parameters, team_id, form_id, deadline_days, active, created_by, "
    "created_at_ms, updated_at_ms FROM sampling_rules ";

Result<SamplingRule> readRule(QSqlQuery &query)
{
    SamplingRule rule;
    rule.id = query.value(0).toLongLong();
    rule.name = query.value(1).toString();
    const auto kind = samplingKindFromName(query.value(2).toString());
    if (!kind)
        return makeError(ErrorCode::Format,
                         QStringLiteral("Sampling rule %1 has an unknown kind.").arg(rule.id));
    rule.kind = *kind;
    auto parameters = samplingjson::readParameters(*kind, query.value(3).toString().toUtf8());
    if (!parameters)
        return makeError(
            ErrorCode::Format,
            QStringLiteral("Sampling rule %1: %2").arg(rule.id).arg(parameters.errorMessage()));
    rule.parameters = parameters.takeValue();
    rule.teamId = query.value(4).toString();
    rule.formId = query.value(5).toString();
    rule.deadlineDays = query.value(6).toInt();
    rule.active = query.value(7).toBool();
    rule.createdBy = query.value(8).toString();
    rule.createdAtMs = query.value(9).toLongLong();
    rule.updatedAtMs = query.value(10).toLongLong();
    return rule;
}

} // namespace

SamplingRuleRepository::SamplingRuleRepository(Database &db) : m_db(db) {}

void SamplingRuleRepository::bindDefinition(QSqlQuery &query, const SamplingRule &rule)
{
    // In the column order both INSERT and UPDATE name: name .. active.
    query.addBindValue(text(rule.name));
    query.addBindValue(samplingKindName(rule.kind));
    query.addBindValue(samplingjson::writeParameters(rule.kind, rule.parameters));
    query.addBindValue(text(rule.teamId));
    query.addBindValue(text(rule.formId));
    query.addBindValue(rule.deadlineDays);
    query.addBindValue(rule.active);
}

Result<qint64> SamplingRuleRepository::insert(const SamplingRule &rule)
{
    auto query =
        prepare(m_db, QStringLiteral(
                          "INSERT INTO sampling_rules (name, kind, parameters, team_id, form_id, "
                          "deadline_days, active, created_by, created_at_ms, updated_at_ms) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!query)
        return query.error();
    bindDefinition(query.value(), rule);
    query->addBindValue(text(rule.createdBy));
    query->addBindValue(static_cast<qlonglong>(rule.createdAtMs));
    query->addBindValue(static_cast<qlonglong>(rule.updatedAtMs));
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not add the sampling rule \"%1\"").arg(rule.name));
        !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("The catalog returned no id for the new sampling rule."));
    const qint64 id = query->value(0).toLongLong();
    if (auto r = replaceEvaluators(id, rule.evaluators); !r)
        return r.error();
    return id;
}

Result<bool> SamplingRuleRepository::update(const SamplingRule &rule)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE sampling_rules SET name = ?, kind = ?, "
                                              "parameters = ?, team_id = ?, form_id = ?, "
                                              "deadline_days = ?, active = ?, updated_at_ms = ? "
                                              "WHERE id = ?"));
    if (!query)
        return query.error();
    bindDefinition(query.value(), rule);
    query->addBindValue(static_cast<qlonglong>(rule.updatedAtMs));
    query->addBindValue(static_cast<qlonglong>(rule.id));
    if (auto r =
            exec(query.value(), QStringLiteral("Could not change sampling rule %1").arg(rule.id));
        !r)
        return r.error();
    if (query->numRowsAffected() == 0)
        return false;
    if (auto r = replaceEvaluators(rule.id, rule.evaluators); !r)
        return r.error();
    return true;
}

Result<void> SamplingRuleRepository::replaceEvaluators(qint64 ruleId, const QStringList &evaluators)
{
    auto removed =
        prepare(m_db, QStringLiteral("DELETE FROM sampling_rule_evaluators WHERE rule_id = ?"));
    if (!removed)
        return removed.error();
    removed->addBindValue(static_cast<qlonglong>(ruleId));
    if (auto r = exec(removed.value(),
                      QStringLiteral("Could not change the evaluators of rule %1").arg(ruleId));
        !r)
        return r;
    for (const QString &name : evaluators) {
        auto added = prepare(m_db, QStringLiteral("INSERT INTO sampling_rule_evaluators "
                                                  "(rule_id, user_name) VALUES (?, ?)"));
        if (!added)
            return added.error();
        added->addBindValue(static_cast<qlonglong>(ruleId));
        added->addBindValue(text(name));
        if (auto r =
                exec(added.value(),
                     QStringLiteral("Could not add evaluator %1 to rule %2").arg(name).arg(ruleId));
            !r)
            return r;
    }
    return {};
}

Result<QStringList> SamplingRuleRepository::evaluatorsOf(qint64 ruleId)
{
    auto query = prepare(m_db, QStringLiteral("SELECT user_name FROM sampling_rule_evaluators "
                                              "WHERE rule_id = ? ORDER BY user_name"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(ruleId));
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not read the evaluators of rule %1").arg(ruleId));
        !r)
        return r.error();
    QStringList names;
    while (query->next())
        names << query->value(0).toString();
    return names;
}

Result<std::optional<SamplingRule>> SamplingRuleRepository::find(qint64 id)
{
    auto query = prepare(m_db, QLatin1String(kSelect) + QStringLiteral("WHERE id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not read sampling rule %1").arg(id)); !r)
        return r.error();
    if (!query->next())
        return std::optional<SamplingRule>();
    auto rule = readRule(query.value());
    if (!rule)
        return rule.error();
    auto evaluators = evaluatorsOf(id);
    if (!evaluators)
        return evaluators.error();
    rule->evaluators = evaluators.takeValue();
    return std::optional<SamplingRule>(rule.takeValue());
}

Result<QVector<SamplingRule>> SamplingRuleRepository::list(bool activeOnly)
{
    // Two constant texts: the flag is a column value on one backend and a boolean on the other.
    auto query = prepare(m_db, QLatin1String(kSelect) +
                                   (activeOnly ? QStringLiteral("WHERE active = ? ORDER BY name")
                                               : QStringLiteral("ORDER BY name")));
    if (!query)
        return query.error();
    if (activeOnly)
        query->addBindValue(true);
    if (auto r = exec(query.value(), QStringLiteral("Could not list the sampling rules")); !r)
        return r.error();
    auto rules = collectRows<SamplingRule>(query.value(), readRule);
    if (!rules)
        return rules;
    for (SamplingRule &rule : rules.value()) {
        auto evaluators = evaluatorsOf(rule.id);
        if (!evaluators)
            return evaluators.error();
        rule.evaluators = evaluators.takeValue();
    }
    return rules;
}

} // namespace cv
