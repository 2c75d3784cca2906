#pragma once

#include "common/result.h"

#include <QString>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// One published version of an evaluation form (table evaluation_forms, migration 9).
struct FormRow
{
    QString formId;
    int version = 0;
    QString title;
    QString language;   // "en", "zh_CN", ...
    QString definition; // the form model's JSON text, stored as published
    qint64 publishedAtMs = 0;
    QString publishedBy; // user name
};

// The table `evaluation_forms`. No permission checks (FormLibrary acts for a person).
// Works on the calling thread's connection and inside the caller's TransactionGuard.
class FormRepository final
{
public:
    explicit FormRepository(Database &db);

    // Conflict when that (form id, version) exists (another publisher was first).
    Result<void> insert(const FormRow &row);
    Result<std::optional<FormRow>> latest(const QString &formId);
    Result<std::optional<FormRow>> version(const QString &formId, int version);
    // The latest version of every form, by form id.
    Result<QVector<FormRow>> listLatest();

private:
    Database &m_db;
};

} // namespace cv
