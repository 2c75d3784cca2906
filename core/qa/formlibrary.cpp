#include "qa/formlibrary.h"

#include "auth/accesscontrol.h"
#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "catalog/transactionguard.h"
#include "auth/authtext.h"
#include "qa/qatext.h"

namespace cv {

namespace {

Error formNotFound(const QString &formId, int version = 0)
{
    return makeError(ErrorCode::NotFound,
                     version > 0 ? QStringLiteral("Form %1 has no version %2.").arg(formId).arg(version)
                                 : QStringLiteral("There is no evaluation form %1.").arg(formId));
}

} // namespace

FormLibrary::FormLibrary(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

Result<FormLibrary::Published> FormLibrary::publish(const Principal &principal,
                                                    const QString &formId, const QString &title,
                                                    const QString &language,
                                                    const QString &definitionJson)
{
    const QString action = QStringLiteral("qa.form.publish");
    // The permission first: someone who may not publish learns nothing from the checks.
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   formId, action);
        !allowed)
        return allowed.error();
    if (auto ok = qatext::checkFormId(formId); !ok)
        return ok.error();
    const QString cleanTitle = title.trimmed();
    if (auto ok = qatext::checkText(cleanTitle, QStringLiteral("A form title"), qatext::kTitleMax,
                                    true);
        !ok)
        return ok.error();
    if (auto ok = qatext::checkLanguage(language); !ok)
        return ok.error();
    auto definition = qatext::canonicalJsonObject(
        definitionJson, QStringLiteral("A form definition"), qatext::kDefinitionMaxBytes);
    if (!definition)
        return definition.error();

    TransactionGuard tx(m_db);
    if (!tx.ok())
        return tx.error();
    FormRepository forms(m_db);
    auto latest = forms.latest(formId);
    if (!latest)
        return latest.error();
    if (latest.value() && latest.value()->definition == definition.value() &&
        latest.value()->title == cleanTitle && latest.value()->language == language)
        return Published{*latest.value(), false}; // nothing to publish: no version, no row
    FormRow row;
    row.formId = formId;
    row.version = latest.value() ? latest.value()->version + 1 : 1;
    row.title = cleanTitle;
    row.language = language;
    row.definition = definition.value();
    row.publishedAtMs = m_clock();
    row.publishedBy = principal.name;
    if (auto inserted = forms.insert(row); !inserted) {
        if (inserted.error().code == ErrorCode::Conflict)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("Someone else published version %1 of form %2 at the "
                                            "same time; reload the form and publish again.")
                                 .arg(row.version)
                                 .arg(formId));
        return inserted.error();
    }
    if (auto audited = AuditLog(m_db).append(principal.auditEvent(
            action, formId, true,
            authtext::json(QJsonObject{{QStringLiteral("version"), row.version}})));
        !audited)
        return audited.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return Published{row, true};
}

Result<void> FormLibrary::mayRead(const Principal &principal, const QString &target)
{
    return AccessControl(m_db).requireAny(
        principal,
        {Permission::RecordingSearch, Permission::RecordingScore, Permission::QaFormsManage,
         Permission::EvaluationAcknowledge, Permission::EvaluationResolve},
        target, QStringLiteral("qa.form.read"));
}

Result<FormRow> FormLibrary::latest(const Principal &principal, const QString &formId)
{
    if (auto allowed = mayRead(principal, formId); !allowed)
        return allowed.error();
    auto row = FormRepository(m_db).latest(formId);
    if (!row)
        return row.error();
    if (!row.value())
        return formNotFound(formId);
    return *row.value();
}

Result<FormRow> FormLibrary::version(const Principal &principal, const QString &formId,
                                     int version)
{
    if (auto allowed = mayRead(principal, formId); !allowed)
        return allowed.error();
    auto row = FormRepository(m_db).version(formId, version);
    if (!row)
        return row.error();
    if (!row.value())
        return formNotFound(formId, version);
    return *row.value();
}

Result<QVector<FormRow>> FormLibrary::list(const Principal &principal)
{
    if (auto allowed = mayRead(principal, QStringLiteral("forms")); !allowed)
        return allowed.error();
    return FormRepository(m_db).listLatest();
}

} // namespace cv
