#include "workstationtestsupport.h"

#include <QtGlobal>

namespace worktest {

std::unique_ptr<cv::WorkstationSession> logIn(LoginTestSite &site, const QString &name, const QByteArray &password)
{
    auto in = cv::SiteLogin::login(site.site(), name, password, QStringLiteral("ws"), QStringLiteral("test"),
                                   site.options());
    if (!in) {
        qWarning("%s could not log in: %s", qPrintable(name), qPrintable(in.errorMessage()));
        return nullptr;
    }
    auto session = std::make_unique<cv::WorkstationSession>(in.takeValue(), site.options());
    session->setPassphrasePrompt([](const QString &) { return std::optional<QByteArray>(LoginTestSite::passphrase()); });
    return session;
}

} // namespace worktest
