#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace cv {

namespace {

const QString &settingKey()
{
    static const QString key = QStringLiteral("ui/language");
    return key;
}

} // namespace

QString Language::chosen()
{
    return QSettings().value(settingKey()).toString();
}

void Language::choose(const QString &name)
{
    QSettings settings;
    if (name.isEmpty())
        settings.remove(settingKey());
    else
        settings.setValue(settingKey(), name);
}

QLocale Language::effective(const QString &commandLine)
{
    if (!commandLine.isEmpty())
        return QLocale(commandLine);
    const QString saved = chosen();
    return saved.isEmpty() ? QLocale::system() : QLocale(saved);
}

void Language::install(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("callvault"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace cv
