#include "auth/sitelogin.h"

#include "auth/pglogin.h"
#include "catalog/keyrotationrepository.h"
#include "catalog/siterepository.h"
#include "common/logging.h"

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

namespace {

// After a key rotation made on another machine, this machine's site.json still names the old
// encryption key. The catalog's key is followed only when a recorded rotation made it the
// site's key (only keys.manage starts one, audited), never because the two merely differ.
// Following it keeps new recordings made here on the current key and lets a backup of the
// new keys be imported here.
void followRotatedSiteKey(LoggedInSite &in)
{
    auto row = SiteRepository(*in.db).get();
    if (!row || !row.value() || row.value()->id != in.site->config().siteId)
        return;
    const QByteArray current = row.value()->x25519Public;
    if (current.size() != 32 || current == in.site->config().publicKeys.encryption)
        return;
    auto rotated = KeyRotationRepository(*in.db).isRotationTarget(row.value()->keyId);
    if (!rotated || !rotated.value()) {
        qCWarning(lcSite).noquote() << "site.json and the catalog name different encryption keys, and no key "
                                       "rotation explains it; site.json is left as it is.";
        return;
    }
    if (auto written = in.site->setEncryptionPublicKey(current); !written)
        qCWarning(lcSite).noquote() << "The site key was rotated, but site.json could not follow:"
                                    << written.errorMessage();
    else
        qCInfo(lcSite).noquote() << "The site key was rotated elsewhere; site.json now names key"
                                 << in.site->config().publicKeys.fingerprint();
}

} // namespace

Result<LoggedInSite> SiteLogin::login(Site site, const QString &name, const QByteArray &password,
                                      const QString &host, const QString &program,
                                      const Options &options)
{
    auto in = site.isServerEnforced()
                  ? loginOnServer(std::move(site), name, password, host, program, options)
                  : loginLocally(std::move(site), name, password, host, program, options);
    if (in)
        followRotatedSiteKey(in.value());
    return in;
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
