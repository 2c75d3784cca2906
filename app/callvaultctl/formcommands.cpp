// callvaultctl form ...: QA evaluation forms as a CallVault user (core/qa FormLibrary,
// docs/qa-forms.md): list, import (publish) from JSON files, export, and the built-in forms.
#include "commands.h"
#include "ctllogin.h"
#include "qa/defaultforms.h"
#include "qa/formjson.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"
#include "store/durablefile.h"

#include <QDateTime>
#include <QFile>

namespace ctl {

namespace {

// Publishes one form and says what happened; false after printing the reason.
bool publishOne(cv::FormLibrary &library, const cv::Principal &who, const cv::EvaluationForm &form,
                const QString &source)
{
    auto published = cv::FormPublisher(library).publish(who, form);
    if (!published) {
        err(QStringLiteral("%1: %2").arg(source, published.errorMessage()));
        return false;
    }
    const cv::FormRow &row = published->form;
    out(published->created ? QStringLiteral("Published %1 version %2 (%3)").arg(row.formId).arg(row.version).arg(row.title)
                           : QStringLiteral("Unchanged %1 version %2 (%3)").arg(row.formId).arg(row.version).arg(row.title));
    return true;
}

int listForms(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("List the evaluation forms (latest version of each)."), {}, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto forms = cv::FormLibrary(in->db()).list(in->principal());
    if (!forms)
        return fail(forms.error());
    for (const cv::FormRow &f : forms.value())
        out(QStringLiteral("%1  v%2  %3  %4  (published %5 by %6)")
                .arg(f.formId)
                .arg(f.version)
                .arg(f.language, f.title,
                     QDateTime::fromMSecsSinceEpoch(f.publishedAtMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     f.publishedBy));
    out(QStringLiteral("%1 forms").arg(forms->size()));
    return kExitOk;
}

int importForms(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Publish evaluation forms from JSON files (docs/qa-forms.md; needs "
                                    "qa.forms.manage). A changed form becomes a new version; an unchanged one "
                                    "is left as it is."),
                     {QStringLiteral("FILE...")}, &code, false))
        return code;
    // Every file is read and checked before anyone logs in: a typo costs no password.
    QVector<cv::EvaluationForm> forms;
    for (const QString &path : p.positionalArguments()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("Could not read %1: %2").arg(path, file.errorString()));
        auto form = cv::FormJson::fromJson(file.read(cv::FormJson::kMaxBytes + 1));
        if (!form)
            return fail(QStringLiteral("%1: %2").arg(path, form.errorMessage()));
        forms.append(form.takeValue());
    }
    auto in = login(p);
    if (!in)
        return fail(in.error());
    cv::FormLibrary library(in->db());
    bool ok = true;
    for (int i = 0; i < forms.size(); ++i)
        ok = publishOne(library, in->principal(), forms[i], p.positionalArguments().at(i)) && ok;
    return ok ? kExitOk : kExitFailure;
}

int publishDefaults(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("lang"), QStringLiteral("Only the forms in this language (en or zh_CN)."),
                 QStringLiteral("LANG")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Publish the forms CallVault ships with (service quality; 金融/保险 双录 "
                                    "compliance), in English and Chinese (needs qa.forms.manage)."),
                     {}, &code))
        return code;
    const QString lang = p.value(QStringLiteral("lang"));
    if (!lang.isEmpty() && lang != QLatin1String("en") && lang != QLatin1String("zh_CN"))
        return usageError(QStringLiteral("--lang takes en or zh_CN."), QStringLiteral("form defaults"));
    auto in = login(p);
    if (!in)
        return fail(in.error());
    cv::FormLibrary library(in->db());
    bool ok = true;
    const QStringList names = lang.isEmpty() ? cv::DefaultForms::names() : cv::DefaultForms::namesForLanguage(lang);
    for (const QString &name : names) {
        auto form = cv::DefaultForms::load(name);
        if (!form)
            return fail(form.error());
        ok = publishOne(library, in->principal(), form.value(), name) && ok;
    }
    return ok ? kExitOk : kExitFailure;
}

int exportForm(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("version"), QStringLiteral("This version instead of the latest."), QStringLiteral("N")});
    int code = 0;
    if (!parseAsUser(p, args, QStringLiteral("Write an evaluation form to a JSON file (docs/qa-forms.md)."),
                     {QStringLiteral("FORM"), QStringLiteral("FILE")}, &code))
        return code;
    bool versionOk = true;
    const int version = p.isSet(QStringLiteral("version")) ? p.value(QStringLiteral("version")).toInt(&versionOk) : 0;
    if (!versionOk || (p.isSet(QStringLiteral("version")) && version < 1))
        return usageError(QStringLiteral("--version takes a version number."), QStringLiteral("form export"));
    const QString formId = p.positionalArguments().at(0);
    const QString path = p.positionalArguments().at(1);
    if (QFile::exists(path))
        return fail(QStringLiteral("%1 already exists; choose a new file name.").arg(path));
    auto in = login(p);
    if (!in)
        return fail(in.error());
    cv::FormLibrary library(in->db());
    auto row = version > 0 ? library.version(in->principal(), formId, version) : library.latest(in->principal(), formId);
    if (!row)
        return fail(row.error());
    auto form = cv::FormPublisher::formOf(row.value());
    if (!form)
        return fail(form.error());
    if (auto written = cv::durable::writeFileAtomically(path, cv::FormJson::toJson(form.value())); !written)
        return fail(written.error());
    out(QStringLiteral("Wrote %1 version %2 to %3").arg(formId).arg(row->version).arg(path));
    return kExitOk;
}

} // namespace

int runForm(const QStringList &args)
{
    return dispatch(args,
                    {{QStringLiteral("list"), listForms},
                     {QStringLiteral("import"), importForms},
                     {QStringLiteral("export"), exportForm},
                     {QStringLiteral("defaults"), publishDefaults}},
                    QStringLiteral("Usage: callvaultctl form list | import FILE... | export FORM FILE [--version N] | "
                                   "defaults [--lang en|zh_CN]\n(as a CallVault user: --user NAME; callvaultctl form "
                                   "COMMAND --help for details)"));
}

} // namespace ctl
