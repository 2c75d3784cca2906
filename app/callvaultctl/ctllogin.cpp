#include "ctllogin.h"

#include "auth/accesscontrol.h"
#include "auth/authservice.h"
#include "auth/pglogin.h"
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

// SQLite, or PostgreSQL reached as its owner: CallVault checks the password itself.
cv::Result<LoggedIn> loginLocally(cv::Site site, const QString &name, const QByteArray &password)
{
    auto db = site.openCatalog();
    if (!db)
        return db.error();
    LoggedIn in;
    in.opened = OpenSite{std::make_unique<cv::Site>(std::move(site)), db.takeValue()};
    in.auth = std::make_unique<cv::AuthService>(*in.opened.db);
    auto session = in.auth->login(name, password, thisHost(), thisProgram());
    if (!session)
        return session.error();
    in.session = session.takeValue();
    return in;
}

// A server-enforced PostgreSQL catalog: connect as the user's own login role.
cv::Result<LoggedIn> loginOnServer(cv::Site site, const QString &name, const QByteArray &password)
{
    const cv::PgLogin pg(site.pgLoginTarget());
    auto logged = pg.login(name, password, thisHost(), thisProgram());
    if (!logged)
        return logged.error();
    LoggedIn in;
    in.opened = OpenSite{std::make_unique<cv::Site>(std::move(site)), std::move(logged->db)};
    if (auto schema = in.opened.db->migrate(); !schema) // checks the version only
        return schema.error();
    cv::AuthService::Options options;
    options.pg = pg.target();
    in.auth = std::make_unique<cv::AuthService>(*in.opened.db, options);
    in.session = logged->session;
    return in;
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
    auto in = site->isServerEnforced() ? loginOnServer(site.takeValue(), name, password.value())
                                       : loginLocally(site.takeValue(), name, password.value());
    if (keep)
        *keep = password.value();
    else
        cv::crypto::secureZero(password.value());
    if (!in)
        return in.error();
    if (!allowPasswordChange && in->session.mustChangePassword())
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
