#include "defaultforms.h"

#include "qa/formjson.h"

#include <QFile>

// Q_INIT_RESOURCE must be used outside a namespace; callvault_core is a static library, so
// the resource's static initializer would otherwise be dropped by the linker.
static void initQaFormResources()
{
    Q_INIT_RESOURCE(qa_forms);
}

namespace cv {

namespace {

void ensureResources()
{
    static const bool initialized = [] {
        initQaFormResources();
        return true;
    }();
    Q_UNUSED(initialized);
}

} // namespace

QStringList DefaultForms::names()
{
    return {QStringLiteral("service-quality-en"), QStringLiteral("service-quality-zh-cn"),
            QStringLiteral("dual-recording-compliance-en"),
            QStringLiteral("dual-recording-compliance-zh-cn")};
}

QStringList DefaultForms::namesForLanguage(const QString &language)
{
    const QString suffix = language.startsWith(QStringLiteral("zh")) ? QStringLiteral("-zh-cn")
                                                                     : QStringLiteral("-en");
    QStringList out;
    for (const QString &name : names())
        if (name.endsWith(suffix))
            out.append(name);
    return out;
}

Result<EvaluationForm> DefaultForms::load(const QString &name)
{
    if (!names().contains(name))
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("There is no default evaluation form \"%1\".").arg(name.left(64)));
    ensureResources();
    QFile file(QStringLiteral(":/callvault/qa/forms/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("The default evaluation form \"%1\" is "
                                                       "missing from this build.")
                                            .arg(name));
    return FormJson::fromJson(file.readAll());
}

} // namespace cv
