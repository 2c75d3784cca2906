#include "ctllogin.h"

#include "auth/accesscontrol.h"
#include "auth/authservice.h"
#include "auth/sitelogin.h"
#include "site/site.h"
#include "catalog/database.h"
#include "crypto/cryptoutil.h"

#include <QHostInfo>

namespace ctl {

void addLoginOptions(QCommandLineParser &parser)
{
    parser.addOption(siteOption());
    parser.addOption({QStringLiteral("user"),
                      QStringLiteral("Act as this CallVault user (else $CALLVAULT_USER)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("password-file"),
         QStringLiteral(
             "File whose first line is the user's password (else $CALLVAULT_PASSWORD, else "
             "a prompt)."),
         QStringLiteral("FILE")});
}

bool parseAsUser(QCommandLineParser &p, const QStringList &args, const QString &description,
                 const QStringList &positional, int *code, bool exact)
{
    addLoginOptions(p);
    for (const QString &name : positional)
        p.addPositionalArgument(name, QString());
    if (!parse(p, args, description, code))
        return false;
    qsizetype required = 0; // "[NAME...]" is optional
    for (const QString &name : positional)
        required += name.startsWith(u'[') ? 0 : 1;
    const qsizetype given = p.positionalArguments().size();
    if (exact ? given != positional.size() : given < required) {
        *code =
            usageError(positional.isEmpty()
                           ? QStringLiteral("takes no arguments, only options")
                           : QStringLiteral("expected %1").arg(positional.join(QLatin1Char(' '))),
                       args.first());
        return false;
    }
    if (p.value(QStringLiteral("user")).isEmpty() &&
        qEnvironmentVariableIsEmpty("CALLVAULT_USER")) {
        *code = usageError(QStringLiteral("say who you are: --user NAME or $CALLVAULT_USER"),
                           args.first());
        return false;
    }
    return true;
}

QCommandLineOption newPasswordFileOption()
{
    return QCommandLineOption(
        QStringLiteral("new-password-file"),
        QStringLiteral("File whose first line is the new password (else $CALLVAULT_NEW_PASSWORD, "
                       "else a prompt)."),
        QStringLiteral("FILE"));
}

cv::Result<QByteArray> readNewPassword(const QCommandLineParser &parser, const QString &prompt)
{
    return readSecret(parser, QStringLiteral("new-password-file"), "CALLVAULT_NEW_PASSWORD", prompt,
                      true);
}

namespace {

QString thisHost()
{
    return QHostInfo::localHostName();
}

const QString &thisProgram()
{
    static const QString program = QStringLiteral("callvaultctl");
    return program;
}

} // namespace

cv::Result<LoggedIn> login(const QCommandLineParser &parser, bool allowPasswordChange,
                           QByteArray *keep)
{
    QString name = parser.value(QStringLiteral("user"));
    if (name.isEmpty())
        name = qEnvironmentVariable("CALLVAULT_USER");
    if (name.isEmpty())
        return cv::makeError(cv::ErrorCode::InvalidArgument,
                             QStringLiteral("Say who you are: --user NAME or $CALLVAULT_USER."));
    auto password = readSecret(parser, QStringLiteral("password-file"), "CALLVAULT_PASSWORD",
                               QStringLiteral("Password of %1").arg(name), false);
    if (!password)
        return password.error();
    auto site = cv::Site::open(siteDirectory(parser));
    if (!site)
        return site.error();
    auto logged =
        cv::SiteLogin::login(site.takeValue(), name, password.value(), thisHost(), thisProgram());
    if (keep)
        *keep = password.value();
    else
        cv::crypto::secureZero(password.value());
    if (!logged)
        return logged.error();
    LoggedIn in;
    in.opened = OpenSite{std::move(logged->site), std::move(logged->db)};
    in.auth = std::move(logged->auth);
    in.session = logged->session;
    if (!allowPasswordChange && in.session.mustChangePassword())
        return cv::makeError(
            cv::ErrorCode::PermissionDenied,
            QStringLiteral(
                "%1 must change their password first: callvaultctl user passwd --user %1")
                .arg(name));
    return in;
}

cv::Result<LoggedIn> loginFor(const QCommandLineParser &parser,
                              const QVector<cv::Permission> &permissions, const QString &action)
{
    auto in = login(parser);
    if (!in)
        return in.error();
    const QString site = in->opened.site->config().siteId.toString(QUuid::WithoutBraces);
    if (auto allowed =
            cv::AccessControl(in->db()).requireAny(in->principal(), permissions, site, action);
        !allowed)
        return allowed.error();
    return in;
}

} // namespace ctl
