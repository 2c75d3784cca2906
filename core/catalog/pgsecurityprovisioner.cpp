#include "catalog/pgsecurityprovisioner.h"

#include "catalog/database.h"
#include "catalog/pgpassword.h"
#include "catalog/pgsecurityscript.h"
#include "catalog/sqlhelpers.h"
#include "catalog/transactionguard.h"
#include "catalog/userrepository.h"
#include "common/logging.h"
#include "crypto/cryptoutil.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

constexpr int kMinServerVersion = 150000;
constexpr int kAdminOptionVersion = 160000; // CREATEROLE needs ADMIN OPTION from 16 on

Error pgError(const QString &what, const QSqlQuery &query)
{
    return makeError(ErrorCode::Database,
                     QStringLiteral("%1: %2").arg(what, query.lastError().text().trimmed()));
}

// One value of a constant query with bound values.
Result<QVariant> scalar(Database &db, const QString &sql, const QVariantList &values,
                        const QString &what)
{
    auto query = prepare(db, sql);
    if (!query)
        return query.error();
    for (const QVariant &value : values)
        query->addBindValue(value);
    if (auto r = exec(query.value(), what); !r)
        return r.error();
    return query->next() ? query->value(0) : QVariant();
}

// Runs a statement that cannot take bound values (CREATE ROLE, ALTER ... OWNER, SET ROLE):
// the server builds it with format(), quoting identifiers (%I) and literals (%L) itself, so
// no value is ever pasted into SQL here. `formatSql` is a constant; `what` is what the
// error says (never the statement: it may hold a password verifier).
Result<void> execFormatted(Database &db, const QString &formatSql, const QVariantList &args,
                           const QString &what)
{
    // The arguments are text (role names, verifiers): typed, so that the server can prepare
    // the variadic format() call.
    QString select = QStringLiteral("SELECT format(?::text");
    for (int i = 0; i < args.size(); ++i)
        select += QStringLiteral(", ?::text");
    select += u')';
    auto statement = scalar(db, select, QVariantList{formatSql} + args, what);
    if (!statement)
        return statement.error();
    auto connection = db.openedConnection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    if (!query.exec(statement->toString())) {
        const Error error = pgError(what, query);
        TransactionGuard::holdFailedQuery(query);
        return error;
    }
    return {};
}

Result<int> serverVersion(Database &db)
{
    auto version = scalar(db, QStringLiteral("SELECT current_setting('server_version_num')::int"),
                          {}, QStringLiteral("Could not read the PostgreSQL version"));
    if (!version)
        return version.error();
    return version->toInt();
}

// The checks before anything is created: a superuser, a new enough server, an empty
// database, and no roles of this site yet.
Result<int> checkServer(Database &db, const QString &prefix)
{
    auto version = serverVersion(db);
    if (!version)
        return version.error();
    if (version.value() < kMinServerVersion)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The PostgreSQL server is version %1; CallVault's "
                                        "server-side security needs PostgreSQL 15 or newer.")
                             .arg(version.value()));
    auto who = scalar(db, QStringLiteral("SELECT current_user::text"), {},
                      QStringLiteral("Could not read the connecting role"));
    if (!who)
        return who.error();
    auto super = scalar(db, QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"),
                        {}, QStringLiteral("Could not read the connecting role"));
    if (!super)
        return super.error();
    if (!super->toBool())
        return makeError(
            ErrorCode::PermissionDenied,
            QStringLiteral("The PostgreSQL URL logs in as %1, which is not a superuser. Setting up "
                           "a catalog creates the site's roles and hands the database to them, "
                           "so give the URL of a superuser (e.g. postgres) once; afterwards "
                           "CallVault connects as each user.")
                .arg(who->toString()));
    auto sites = scalar(db, QStringLiteral("SELECT to_regclass('public.sites') IS NOT NULL"), {},
                        QStringLiteral("Could not inspect the database"));
    if (!sites)
        return sites.error();
    if (sites->toBool())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("The catalog database already belongs to a site (it has "
                                        "CallVault tables). Give a new, empty database."));
    auto objects = scalar(
        db,
        QStringLiteral(
            "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "          AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%') "
            "     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "        WHERE n.nspname = 'public') "
            "     + (SELECT count(*) FROM pg_namespace n WHERE n.nspname NOT IN "
            "        ('pg_catalog', 'information_schema', 'public') AND n.nspname NOT LIKE 'pg\\_%')"),
        {}, QStringLiteral("Could not inspect the database"));
    if (!objects)
        return objects.error();
    if (objects->toLongLong() > 0)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("The database is not empty (%1 tables, functions or "
                                        "schemas). CallVault sets up a new, empty database "
                                        "(CREATE DATABASE name) and hands it to its own roles.")
                             .arg(objects->toLongLong()));
    auto roles = scalar(db,
                        QStringLiteral("SELECT string_agg(rolname, ', ' ORDER BY rolname) "
                                       "FROM pg_roles WHERE starts_with(rolname, ?)"),
                        {QVariant(prefix + QStringLiteral("_"))},
                        QStringLiteral("Could not read the roles"));
    if (!roles)
        return roles.error();
    if (!roles->toString().isEmpty())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("The PostgreSQL server already has roles of this site "
                                        "(%1); a site is set up once. Drop them first if they "
                                        "are left over from an earlier attempt.")
                             .arg(roles->toString().left(300)));
    return version.value();
}

Result<void> setRole(Database &db, const QString &role)
{
    return execFormatted(db, QStringLiteral("SET LOCAL ROLE %I"), {role},
                         QStringLiteral("Could not act as the role %1").arg(role));
}

Result<void> createRoles(Database &db, const QString &prefix, int version,
                         const QByteArray &gatePassword)
{
    const QString owner = PgSecurityProvisioner::ownerRole(prefix);
    const QString app = PgSecurityProvisioner::appRole(prefix);
    const QString gate = PgSecurityProvisioner::gateRole(prefix);
    if (auto r = execFormatted(db, QStringLiteral("CREATE ROLE %I NOLOGIN CREATEROLE"), {owner},
                               QStringLiteral("Could not create the role %1").arg(owner));
        !r)
        return r;
    if (auto r = execFormatted(db, QStringLiteral("CREATE ROLE %I NOLOGIN"), {app},
                               QStringLiteral("Could not create the role %1").arg(app));
        !r)
        return r;
    auto connection = db.openedConnection();
    if (!connection)
        return connection.error();
    auto verifier = pgpassword::scramVerifier(connection.value(), gate, gatePassword);
    if (!verifier)
        return verifier.error();
    if (auto r = execFormatted(db, QStringLiteral("CREATE ROLE %I LOGIN PASSWORD %L"),
                               {gate, verifier.value()},
                               QStringLiteral("Could not create the role %1").arg(gate));
        !r)
        return r;
    if (version >= kAdminOptionVersion) {
        // PostgreSQL 16 lets a CREATEROLE role grant only roles it has ADMIN OPTION on; the
        // owner must put new login roles into the app role (cv_make_login).
        if (auto r = execFormatted(
                db, QStringLiteral("GRANT %I TO %I WITH ADMIN OPTION, INHERIT FALSE, SET FALSE"),
                {app, owner}, QStringLiteral("Could not let %1 manage %2").arg(owner, app));
            !r)
            return r;
    }
    auto database = scalar(db, QStringLiteral("SELECT current_database()::text"), {},
                           QStringLiteral("Could not read the database name"));
    if (!database)
        return database.error();
    if (auto r = execFormatted(db, QStringLiteral("ALTER DATABASE %I OWNER TO %I"),
                               {database->toString(), owner},
                               QStringLiteral("Could not hand the database to %1").arg(owner));
        !r)
        return r;
    return execFormatted(db, QStringLiteral("ALTER SCHEMA public OWNER TO %I"), {owner},
                         QStringLiteral("Could not hand the schema public to %1").arg(owner));
}

} // namespace

QString PgSecurityProvisioner::rolePrefix(const QUuid &siteId)
{
    return QStringLiteral("cv_") + siteId.toString(QUuid::Id128).left(8).toLower();
}

bool PgSecurityProvisioner::isValidPrefix(const QString &prefix)
{
    static const QRegularExpression pattern(QStringLiteral("^cv_[0-9a-f]{8}$"));
    return pattern.match(prefix).hasMatch();
}

QString PgSecurityProvisioner::loginRoleName(const QString &prefix, const QString &userName)
{
    return prefix + QStringLiteral("_u_") +
           QString::fromLatin1(crypto::sha256(userName.toUtf8()).toHex().left(16));
}

Result<PgSecurityProvisioner::Report> PgSecurityProvisioner::provision(Database &superuser,
                                                                       const Options &options)
{
    if (superuser.kind() != Database::Kind::Postgres)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Server-side security is for PostgreSQL catalogs."));
    if (options.siteId.isNull() || options.adminName.trimmed().isEmpty() ||
        options.adminPassword.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Setting up the catalog needs the site id and the first "
                                        "admin's name and password."));
    Report report;
    report.prefix = rolePrefix(options.siteId);
    auto version = checkServer(superuser, report.prefix);
    if (!version)
        return version.error();
    auto gatePassword = pgpassword::randomPassword();
    if (!gatePassword)
        return gatePassword.error();
    report.gatePassword = gatePassword.takeValue();

    TransactionGuard tx(superuser);
    if (!tx.ok())
        return tx.error();
    if (auto r = createRoles(superuser, report.prefix, version.value(), report.gatePassword); !r)
        return r.error();
    if (auto r = setRole(superuser, ownerRole(report.prefix)); !r)
        return r.error();
    if (auto r = superuser.migrate(); !r)
        return r.error();
    if (auto r = PgSecurityScript::apply(superuser, report.prefix); !r)
        return r.error();

    auto admin = UserRepository(superuser).create(options.adminName, passwordPlaceholder(),
                                                  QStringLiteral("admin"));
    if (!admin)
        return admin.error();
    report.adminUserId = admin.value();
    auto connection = superuser.openedConnection();
    if (!connection)
        return connection.error();
    auto verifier = pgpassword::scramVerifier(
        connection.value(), loginRoleName(report.prefix, options.adminName), options.adminPassword);
    if (!verifier)
        return verifier.error();
    auto role = scalar(superuser, QStringLiteral("SELECT cv_make_login(?, ?)"),
                       {report.adminUserId, verifier.value()},
                       QStringLiteral("Could not create the admin's login role"));
    if (!role)
        return role.error();
    report.adminLoginRole = role->toString();
    if (options.populate) {
        if (auto r = options.populate(superuser); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    qCInfo(lcCatalog).noquote() << "Secured PostgreSQL catalog" << superuser.displayName()
                                << "with roles" << report.prefix + QStringLiteral("_*");
    return report;
}

Result<void> PgSecurityProvisioner::upgrade(Database &superuser, const QString &prefix)
{
    if (!isValidPrefix(prefix))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("'%1' is not a CallVault role prefix.").arg(prefix.left(40)));
    auto owner = scalar(superuser,
                        QStringLiteral("SELECT pg_get_userbyid(datdba) = ? FROM pg_database "
                                       "WHERE datname = current_database()"),
                        {ownerRole(prefix)}, QStringLiteral("Could not read the database owner"));
    if (!owner)
        return owner.error();
    if (!owner->toBool())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("This database is not a secured CallVault catalog of the "
                                        "roles %1_* (its owner is another role).")
                             .arg(prefix));
    TransactionGuard tx(superuser);
    if (!tx.ok())
        return tx.error();
    if (auto r = setRole(superuser, ownerRole(prefix)); !r)
        return r;
    if (auto r = superuser.migrate(); !r)
        return r;
    if (auto r = PgSecurityScript::apply(superuser, prefix); !r)
        return r;
    return tx.commit();
}

} // namespace cv
