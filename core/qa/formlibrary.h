#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"
#include "qa/formrepository.h"

#include <QString>
#include <QVector>

namespace cv {

class Database;

// Evaluation forms on behalf of a person (docs/qa-workflow.md, "Forms").
//
// Forms are versioned: publishing makes version latest+1 (1 for a new form id) and a
// published version never changes, so an evaluation keeps reading the questions it was
// scored with. Publishing needs qa.forms.manage and is audited 'qa.form.publish' (target the
// form id, details {"version": n}) in one transaction with the insert. Publishing what the
// latest version already says (same definition, title and language) makes no version and
// writes no row: it returns the latest version (Published::created false).
// Reading needs any permission of work on calls or forms (recording.search, recording.score,
// qa.forms.manage, evaluation.acknowledge, evaluation.resolve): an agent reads the form their
// evaluation was scored with. Reads are not audited when allowed; every denial is.
class FormLibrary final
{
public:
    struct Published
    {
        FormRow form;
        bool created = false; // false: identical to the latest version, nothing published
    };

    explicit FormLibrary(Database &db, Clock clock = systemClock());

    // `definitionJson`: a JSON object (the form model's), stored in canonical compact form.
    Result<Published> publish(const Principal &principal, const QString &formId,
                              const QString &title, const QString &language,
                              const QString &definitionJson);
    // NotFound when there is no such form / version.
    Result<FormRow> latest(const Principal &principal, const QString &formId);
    Result<FormRow> version(const Principal &principal, const QString &formId, int version);
    // The latest version of every form, by form id.
    Result<QVector<FormRow>> list(const Principal &principal);

private:
    Result<void> mayRead(const Principal &principal, const QString &target);

    Database &m_db;
    Clock m_clock;
};

} // namespace cv
