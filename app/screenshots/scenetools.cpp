#include "scenetools.h"

#include "auth/sitelogin.h"
#include "site/site.h"

#include <QDir>
#include <QHostInfo>
#include <QTextStream>

namespace screenshots {

void complain(const QString &message)
{
    QTextStream(stderr) << "callvault-screenshots: " << message << Qt::endl;
}

void settle()
{
    for (int i = 0; i < 20; ++i) {
        QApplication::processEvents();
        QThread::msleep(10);
    }
}

bool save(QWidget &widget, const Context &context, const QString &name)
{
    settle();
    const QString path = QDir(context.outDir).filePath(name + QStringLiteral(".png"));
    if (!widget.grab().save(path)) {
        complain(QStringLiteral("could not write %1").arg(path));
        return false;
    }
    QTextStream(stdout) << path << Qt::endl;
    return true;
}

std::unique_ptr<cv::WorkstationSession> logIn(const Context &context, const Account &account)
{
    auto site = cv::Site::open(context.site->directory());
    if (!site) {
        complain(site.errorMessage());
        return nullptr;
    }
    auto in = cv::SiteLogin::login(site.takeValue(), account.name, account.password, QHostInfo::localHostName(),
                                   QStringLiteral("callvault-screenshots"));
    if (!in) {
        complain(QStringLiteral("%1 could not log in: %2").arg(account.name, in.errorMessage()));
        return nullptr;
    }
    auto session = std::make_unique<cv::WorkstationSession>(in.takeValue(), cv::SiteLogin::Options());
    const QByteArray passphrase = context.keyPassphrase;
    session->setPassphrasePrompt([passphrase](const QString &problem) -> std::optional<QByteArray> {
        if (!problem.isEmpty())
            return std::nullopt; // a wrong passphrase once is enough
        return passphrase;
    });
    return session;
}


} // namespace screenshots
