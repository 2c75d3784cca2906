#include "auth/sitelogin.h"

#include "auth/pglogin.h"

namespace cv {

namespace {

AuthService::Options authOptions(const SiteLogin::Options &options)
{
    AuthService::Options o;
    o.clock = options.clock;
    o.hashParams = options.hashParams;
    return o;
}

// SQLite, or PostgreSQL reached as its owner: CallVault checks the password itself.
Result<LoggedInSite> loginLocally(Site site, const QString &name, const QByteArray &password,
                                  const QString &host, const QString &program,
                                  const SiteLogin::Options &options)
{
    auto db = site.openCatalog();
    if (!db)
        return db.error();
    LoggedInSite in;
    in.site = std::make_unique<Site>(std::move(site));
    in.db = db.takeValue();
    in.auth = std::make_unique<AuthService>(*in.db, authOptions(options));
    auto session = in.auth->login(name, password, host, program);
    if (!session)
        return session.error();
    in.session = session.takeValue();
    return in;
}

// A server-enforced PostgreSQL catalog: connect as the user's own login role.
Result<LoggedInSite> loginOnServer(Site site, const QString &name, const QByteArray &password,
                                   const QString &host, const QString &program,
                                   const SiteLogin::Options &options)
{
    const PgLogin pg(site.pgLoginTarget(), options.clock);
    auto logged = pg.login(name, password, host, program);
    if (!logged)
        return logged.error();
    LoggedInSite in;
    in.site = std::make_unique<Site>(std::move(site));
    in.db = std::move(logged->db);
    if (auto schema = in.db->migrate(); !schema) // checks the version only
        return schema.error();
    AuthService::Options o = authOptions(options);
    o.pg = pg.target();
    in.auth = std::make_unique<AuthService>(*in.db, o);
    in.session = logged->session;
    return in;
}

} // namespace

Result<LoggedInSite> SiteLogin::login(Site site, const QString &name, const QByteArray &password,
                                      const QString &host, const QString &program,
                                      const Options &options)
{
    if (site.isServerEnforced())
        return loginOnServer(std::move(site), name, password, host, program, options);
    return loginLocally(std::move(site), name, password, host, program, options);
}

Result<void> SiteLogin::relogin(LoggedInSite &in, const QByteArray &password,
                                const Options &options)
{
    const Principal &who = in.session.principal();
    if (in.site->isServerEnforced()) {
        // Only the server can check the password: a fresh connection as the user's role
        // does (and cv_login_succeeded audits it, or refuses a locked or disabled account).
        // That connection is then dropped: the one the program works on stays.
        const PgLogin pg(in.site->pgLoginTarget(), options.clock);
        auto logged = pg.login(who.name, password, who.host, who.program);
        if (!logged)
            return logged.error();
        in.session = logged->session;
        return {};
    }
    auto session = in.auth->login(who.name, password, who.host, who.program);
    if (!session)
        return session.error();
    in.session = session.takeValue();
    return {};
}

SiteLogin::Failure SiteLogin::classify(const Error &error)
{
    switch (error.code) {
    case ErrorCode::None:
        return Failure::None;
    case ErrorCode::PermissionDenied:
        if (error.message == AuthService::lockedMessage())
            return Failure::Locked;
        if (error.message == AuthService::wrongCredentialsMessage())
            return Failure::WrongCredentials;
        if (error.message == AuthService::wrongCurrentPasswordMessage())
            return Failure::WrongCurrentPassword;
        return Failure::Other;
    case ErrorCode::Database:
    case ErrorCode::Io:
        return Failure::CatalogUnavailable;
    default:
        return Failure::Other;
    }
}

} // namespace cv
