#include "qa/formrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>
#include <algorithm>

namespace cv {

using namespace sqlhelpers;

namespace {

constexpr const char *kColumns =
    "f.form_id, f.version, f.title, f.language, f.definition, f.published_at_ms, f.published_by";

Result<FormRow> readForm(QSqlQuery &query)
{
    FormRow row;
    row.formId = query.value(0).toString();
    row.version = query.value(1).toInt();
    row.title = query.value(2).toString();
    row.language = query.value(3).toString();
    row.definition = query.value(4).toString();
    row.publishedAtMs = query.value(5).toLongLong();
    row.publishedBy = query.value(6).toString();
    return row;
}

Result<std::optional<FormRow>> firstForm(QSqlQuery &query)
{
    if (!query.next())
        return std::optional<FormRow>();
    auto row = readForm(query);
    if (!row)
        return row.error();
    return std::optional<FormRow>(row.takeValue());
}

} // namespace

FormRepository::FormRepository(Database &db) : m_db(db) {}

Result<void> FormRepository::insert(const FormRow &row)
{
    auto query = prepare(m_db, QStringLiteral("INSERT INTO evaluation_forms (form_id, version, "
                                              "title, language, definition, published_at_ms, "
                                              "published_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (!query)
        return query.error();
    query->addBindValue(text(row.formId));
    query->addBindValue(row.version);
    query->addBindValue(text(row.title));
    query->addBindValue(text(row.language));
    query->addBindValue(text(row.definition));
    query->addBindValue(static_cast<qlonglong>(row.publishedAtMs));
    query->addBindValue(text(row.publishedBy));
    return exec(query.value(), QStringLiteral("Could not publish version %1 of form %2")
                                   .arg(row.version)
                                   .arg(row.formId));
}

Result<std::optional<FormRow>> FormRepository::latest(const QString &formId)
{
    auto query = prepare(m_db, QStringLiteral("SELECT %1 FROM evaluation_forms f WHERE "
                                              "f.form_id = ? ORDER BY f.version DESC LIMIT 1")
                                   .arg(QLatin1String(kColumns)));
    if (!query)
        return query.error();
    query->addBindValue(text(formId));
    if (auto r = exec(query.value(), QStringLiteral("Could not read form %1").arg(formId)); !r)
        return r.error();
    return firstForm(query.value());
}

Result<std::optional<FormRow>> FormRepository::version(const QString &formId, int version)
{
    auto query = prepare(m_db, QStringLiteral("SELECT %1 FROM evaluation_forms f WHERE "
                                              "f.form_id = ? AND f.version = ?")
                                   .arg(QLatin1String(kColumns)));
    if (!query)
        return query.error();
    query->addBindValue(text(formId));
    query->addBindValue(version);
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not read version %1 of form %2").arg(version).arg(formId));
        !r)
        return r.error();
    return firstForm(query.value());
}

Result<QVector<FormRow>> FormRepository::listLatest()
{
    auto query = prepare(
        m_db, QStringLiteral("SELECT %1 FROM evaluation_forms f WHERE f.version = (SELECT "
                             "max(g.version) FROM evaluation_forms g WHERE g.form_id = f.form_id) "
                             "")
                  .arg(QLatin1String(kColumns)));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not read the evaluation forms")); !r)
        return r.error();
    auto rows = collectRows<FormRow>(query.value(), readForm);
    if (!rows)
        return rows;
    // Sorted here, not by the database: PostgreSQL's collation depends on its locale.
    std::sort(rows->begin(), rows->end(),
              [](const FormRow &a, const FormRow &b) { return a.formId < b.formId; });
    return rows;
}

} // namespace cv
