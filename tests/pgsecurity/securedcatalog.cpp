#include "securedcatalog.h"

#include "catalog/auditlog.h"
#include "catalog/pgpassword.h"
#include "catalog/pgsecurityprovisioner.h"
#include "catalog/siterepository.h"
#include "crypto/cryptoutil.h"

#include <QDateTime>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

using namespace cv;

namespace {

Result<std::unique_ptr<Database>> openUrl(const QString &url)
{
    auto config = CatalogConfig::fromPgUrl(url);
    if (!config)
        return config.error();
    return Database::open(config.value());
}

} // namespace

SecuredCatalog::SecuredCatalog() : m_serverUrl(qEnvironmentVariable("CALLVAULT_TEST_PG_SUPERUSER_URL")) {}

SecuredCatalog::~SecuredCatalog()
{
    m_admin.reset();
    m_super.reset();
    if (!m_maintenance || m_database.isEmpty())
        return;
    QSqlQuery quiet(m_maintenance->connection());
    quiet.exec(QStringLiteral("SET client_min_messages = warning"));
    // Names of our own making (cvsec_<hex>, cv_<hex>_...): safe in DDL.
    QSqlQuery drop(m_maintenance->connection());
    if (!drop.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database)))
        qWarning("could not drop %s: %s", qPrintable(m_database), qPrintable(drop.lastError().text()));
    QSqlQuery roles(m_maintenance->connection());
    roles.prepare(QStringLiteral("SELECT rolname FROM pg_roles WHERE starts_with(rolname, ?) "
                                 "ORDER BY rolname DESC"));
    roles.addBindValue(QString(m_prefix + QStringLiteral("_")));
    QStringList names;
    if (!m_prefix.isEmpty() && roles.exec()) {
        while (roles.next())
            names << roles.value(0).toString();
    }
    for (const QString &name : names) {
        QSqlQuery dropRole(m_maintenance->connection());
        if (!dropRole.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(name)))
            qWarning("could not drop role %s: %s", qPrintable(name),
                     qPrintable(dropRole.lastError().text()));
    }
}

QByteArray SecuredCatalog::signingPublic() const
{
    return m_signing->publicKey();
}

QByteArray SecuredCatalog::passwordOf(const QString &userName)
{
    return QByteArrayLiteral("Pw") + crypto::sha256(userName.toUtf8()).toHex().left(20);
}

QString SecuredCatalog::loginRole(const QString &userName) const
{
    return PgSecurityProvisioner::loginRoleName(m_prefix, userName);
}

QString SecuredCatalog::gateRole() const
{
    return PgSecurityProvisioner::gateRole(m_prefix);
}

QString SecuredCatalog::urlFor(const QString &role, const QByteArray &password) const
{
    QUrl url(m_serverUrl);
    url.setUserName(role);
    url.setPassword(QString::fromUtf8(password));
    url.setPath(u'/' + m_database);
    return url.toString(QUrl::FullyEncoded);
}

Result<std::unique_ptr<Database>> SecuredCatalog::connect(const QString &role,
                                                          const QByteArray &password) const
{
    return openUrl(urlFor(role, password));
}

Result<std::unique_ptr<Database>> SecuredCatalog::connectAs(const QString &userName) const
{
    return connect(loginRole(userName),
                   userName == QLatin1String("admin") ? adminPassword() : passwordOf(userName));
}

Result<std::unique_ptr<Database>> SecuredCatalog::connectEnforced(const QString &userName) const
{
    auto config = CatalogConfig::fromPgUrl(
        urlFor(loginRole(userName), userName == QLatin1String("admin") ? adminPassword() : passwordOf(userName)));
    if (!config)
        return config.error();
    config.value().serverEnforced = true;
    return Database::open(config.value());
}

Result<void> SecuredCatalog::createDatabase(const QUuid &siteId)
{
    if (m_serverUrl.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("CALLVAULT_TEST_PG_SUPERUSER_URL is not set: run the tests "
                                        "through tests/tools/with-services.sh."));
    auto maintenance = openUrl(m_serverUrl);
    if (!maintenance)
        return maintenance.error();
    m_maintenance = maintenance.takeValue();
    const QString name = QStringLiteral("cvsec_%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                                        QLatin1Char('0'));
    QSqlQuery create(m_maintenance->connection());
    if (!create.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
        return makeError(ErrorCode::Database, create.lastError().text());
    m_database = name;
    auto super = openUrl(urlFor(QUrl(m_serverUrl).userName(), QUrl(m_serverUrl).password().toUtf8()));
    if (!super)
        return super.error();
    m_super = super.takeValue();
    m_siteId = siteId;
    m_prefix = PgSecurityProvisioner::rolePrefix(m_siteId);
    return {};
}

Result<void> SecuredCatalog::create()
{
    if (auto r = createDatabase(QUuid::createUuid()); !r)
        return r;
    auto key = crypto::Ed25519KeyPair::generate();
    if (!key)
        return key.error();
    m_signing.emplace(key.takeValue());
    PgSecurityProvisioner::Options options;
    options.siteId = m_siteId;
    options.adminName = QStringLiteral("admin");
    options.adminPassword = adminPassword();
    options.populate = [this](Database &db) -> Result<void> {
        SiteRow site;
        site.id = m_siteId;
        site.name = QStringLiteral("Secured test site");
        site.x25519Public = QByteArray(32, '\x11');
        site.ed25519Public = m_signing->publicKey();
        site.keyId = QStringLiteral("ab").repeated(32);
        site.createdAt = QDateTime::currentDateTimeUtc();
        if (auto r = SiteRepository(db).insert(site); !r)
            return r;
        AuditEvent event;
        event.actor = QStringLiteral("admin");
        event.action = QStringLiteral("site.init");
        event.target = m_siteId.toString(QUuid::WithoutBraces);
        event.details = QStringLiteral("{}");
        auto audited = AuditLog(db).append(event);
        return audited ? Result<void>() : Result<void>(audited.error());
    };
    auto report = PgSecurityProvisioner::provision(*m_super, options);
    if (!report)
        return report.error();
    m_gatePassword = report->gatePassword;
    auto admin = connectAs(QStringLiteral("admin"));
    if (!admin)
        return admin.error();
    m_admin = admin.takeValue();
    return {};
}

bool runStatement(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    // Without values unprepared: DDL and SET cannot be PREPAREd.
    if (values.isEmpty())
        return query.exec(sql);
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

QString statementOutcome(Database &db, const QString &sql, const QVariantList &values,
                         const QString &noRow)
{
    QSqlQuery query(db.connection());
    if (!runStatement(query, sql, values))
        return QStringLiteral("error ") + query.lastError().nativeErrorCode();
    return query.next() ? query.value(0).toString() : noRow;
}

Result<QVariant> SecuredCatalog::scalarOn(Database &db, const QString &sql,
                                          const QVariantList &values) const
{
    QSqlQuery query(db.connection());
    if (!runStatement(query, sql, values))
        return makeError(ErrorCode::Database, sql + QStringLiteral(": ") + query.lastError().text());
    return query.next() ? query.value(0) : QVariant();
}

QString SecuredCatalog::outcome(Database &db, const QString &sql, const QVariantList &values)
{
    return statementOutcome(db, sql, values);
}

Result<QVariant> SecuredCatalog::scalar(const QString &sql, const QVariantList &values)
{
    return scalarOn(*m_super, sql, values);
}

Result<void> SecuredCatalog::exec(const QString &sql, const QVariantList &values)
{
    auto r = scalar(sql, values);
    return r ? Result<void>() : Result<void>(r.error());
}

Result<qint64> SecuredCatalog::addUser(const QString &name, const QString &role,
                                       const QStringList &teams, const QString &agentId,
                                       bool withLogin)
{
    auto id = scalarOn(*m_admin,
                       QStringLiteral("INSERT INTO users (name, password_hash, role, agent_id, "
                                      "created_at_ms) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                       {name, PgSecurityProvisioner::passwordPlaceholder(), role,
                        agentId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : agentId,
                        QDateTime::currentMSecsSinceEpoch()});
    if (!id)
        return id.error();
    for (const QString &team : teams) {
        auto added = scalarOn(*m_admin, QStringLiteral("INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)"),
                              {id.value(), team});
        if (!added)
            return added.error();
    }
    if (withLogin) {
        auto verifier =
            pgpassword::scramVerifier(m_admin->connection(), loginRole(name), passwordOf(name));
        if (!verifier)
            return verifier.error();
        auto made = scalarOn(*m_admin, QStringLiteral("SELECT cv_create_login(?, ?)"),
                             {id.value(), verifier.value()});
        if (!made)
            return made.error();
    }
    return id->toLongLong();
}

SecuredCatalog::PsqlRun SecuredCatalog::psql(const QString &role, const QByteArray &password,
                                             const QString &script) const
{
    const QUrl server(m_serverUrl);
    const QUrlQuery tls(server);
    const QString conninfo =
        QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 sslmode=verify-full sslrootcert=%5")
            .arg(server.host())
            .arg(server.port(5432))
            .arg(m_database, role, tls.queryItemValue(QStringLiteral("sslrootcert")));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), QString::fromUtf8(password));
    env.remove(QStringLiteral("PGUSER"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("psql"),
                  {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"),
                   QStringLiteral("-t"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=0"),
                   conninfo});
    PsqlRun run;
    if (!process.waitForStarted(10000)) {
        run.err = QStringLiteral("psql did not start (is postgresql-client installed?)");
        return run;
    }
    process.write(script.toUtf8());
    process.closeWriteChannel();
    process.waitForFinished(120000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
