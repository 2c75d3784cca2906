#include "commands.h"
#include "ctlsupport.h"

#include "catalog/database.h"
#include "catalog/pgsecurityprovisioner.h"
#include "site/site.h"
#include "site/siteinitializer.h"

namespace ctl {

int runInit(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(siteOption());
    p.addOption({QStringLiteral("pg"), QStringLiteral("Use a shared PostgreSQL catalog: URL of a superuser and a new, empty database (postgresql://postgres@host:port/db?sslmode=verify-full&sslrootcert=ca.pem; the password comes from PGPASSWORD). It gets the site's roles, schema and server-side security; afterwards each user connects as their own login role."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("name"), QStringLiteral("Site name shown in the workstation."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("admin"), QStringLiteral("First admin user name (default: admin)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("admin-password-file"), QStringLiteral("File whose first line is the admin password (else $CALLVAULT_ADMIN_PASSWORD, else a prompt)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("key-backend"), QStringLiteral("Where the site private keys go: auto (OS keychain if one answers, else a key file), keychain or file."), QStringLiteral("auto|keychain|file"), QStringLiteral("auto")});
    p.addOption(passphraseFileOption());
    int code = 0;
    if (!parse(p, args, QStringLiteral("Create a site: key pairs, catalog and the first admin user."), &code))
        return code;

    cv::SiteInitializer::Options o;
    o.directory = siteDirectory(p);
    o.pgUrl = p.value(QStringLiteral("pg"));
    if (p.isSet(QStringLiteral("name")))
        o.name = p.value(QStringLiteral("name"));
    if (p.isSet(QStringLiteral("admin")))
        o.adminName = p.value(QStringLiteral("admin"));
    const QString backend = p.value(QStringLiteral("key-backend"));
    if (backend == QLatin1String("keychain"))
        o.backend = cv::SiteInitializer::KeyBackendChoice::Keychain;
    else if (backend == QLatin1String("file"))
        o.backend = cv::SiteInitializer::KeyBackendChoice::File;
    else if (backend != QLatin1String("auto"))
        return usageError(QStringLiteral("--key-backend must be auto, keychain or file"), args.first());

    auto password = readSecret(p, QStringLiteral("admin-password-file"), "CALLVAULT_ADMIN_PASSWORD",
                               QStringLiteral("Admin password"), true);
    if (!password)
        return fail(password.error());
    o.adminPassword = password.value();
    // A passphrase is only needed for a key file; ask for one only if it is given or needed.
    if (o.backend == cv::SiteInitializer::KeyBackendChoice::File || p.isSet(QStringLiteral("passphrase-file"))
        || !qEnvironmentVariableIsEmpty("CALLVAULT_PASSPHRASE")) {
        auto passphrase = readPassphrase(p, true);
        if (!passphrase)
            return fail(passphrase.error());
        o.passphrase = passphrase.value();
    }
    auto report = cv::SiteInitializer::initialize(o);
    if (!report)
        return fail(report.error());
    out(QStringLiteral("Created site in %1").arg(report->directory));
    out(QStringLiteral("  catalog:      %1").arg(report->catalogDescription));
    out(QStringLiteral("  private keys: %1").arg(report->keyStoreDescription));
    out(QStringLiteral("  fingerprint:  %1").arg(report->fingerprint));
    out(QStringLiteral("  admin user:   %1").arg(o.adminName));
    if (!report->adminLoginRole.isEmpty())
        out(QStringLiteral("  login role:   %1").arg(report->adminLoginRole));
    return kExitOk;
}

int runUpgrade(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(siteOption());
    p.addOption({QStringLiteral("pg"), QStringLiteral("URL of a superuser and the site's PostgreSQL catalog (the password comes from PGPASSWORD)."), QStringLiteral("URL")});
    int code = 0;
    if (!parse(p, args, QStringLiteral("After a CallVault update: migrate a secured PostgreSQL catalog as its owner role and apply the server-side security again (docs/postgres-security.md)."), &code))
        return code;
    if (!p.isSet(QStringLiteral("pg")))
        return usageError(QStringLiteral("give the superuser URL with --pg URL"), args.first());
    auto site = cv::Site::open(siteDirectory(p));
    if (!site)
        return fail(site.error());
    const QString prefix = site->config().pgRolePrefix;
    if (prefix.isEmpty())
        return fail(cv::makeError(cv::ErrorCode::InvalidArgument,
                                  QStringLiteral("This site's catalog is not a secured PostgreSQL catalog (site.json has no pgRolePrefix); its catalog is migrated when a command opens it.")));
    auto config = cv::CatalogConfig::fromPgUrl(p.value(QStringLiteral("pg")));
    if (!config)
        return fail(config.error());
    auto db = cv::Database::open(config.value());
    if (!db)
        return fail(db.error());
    auto before = db.value()->schemaVersion();
    if (!before)
        return fail(before.error());
    if (auto upgraded = cv::PgSecurityProvisioner::upgrade(*db.value(), prefix); !upgraded)
        return fail(upgraded.error());
    out(QStringLiteral("Catalog %1: schema version %2 -> %3, server-side security applied for the roles %4_*")
            .arg(config->displayName())
            .arg(before.value())
            .arg(cv::Database::latestSchemaVersion())
            .arg(prefix));
    return kExitOk;
}

} // namespace ctl
