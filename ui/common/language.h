#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace cv {

// The workstation's language: --lang on the command line, else the one chosen in the
// Session menu (QSettings "ui/language"), else the system locale. Dates and numbers follow
// the same locale.
class Language final
{
public:
    static QString chosen();                  // "", "zh_CN" or "en"; "" = the system's
    static void choose(const QString &name);  // takes effect at the next start
    static QLocale effective(const QString &commandLine);
    // Makes `locale` the default and loads our catalog and Qt's own for it.
    static void install(QCoreApplication &app, const QLocale &locale);
};

} // namespace cv
