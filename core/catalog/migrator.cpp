#include "migrator.h"

#include "catalog/sqlhelpers.h"
#include "catalog/transactionguard.h"
#include "common/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <map>

// Q_INIT_RESOURCE must be used outside a namespace. callvault_core is a static library,
// so the resource's static initializer would otherwise be dropped by the linker.
static void initCatalogMigrationResources()
{
    Q_INIT_RESOURCE(catalog_migrations);
}

namespace cv {

namespace {

// pg_advisory_xact_lock key serializing migrations ("CVMIGRAT" in ASCII).
constexpr const char *kMigrationLockSql = "SELECT pg_advisory_xact_lock(4852150625662812500)";

void ensureResources()
{
    static const bool initialized = [] {
        initCatalogMigrationResources();
        return true;
    }();
    Q_UNUSED(initialized);
}

QString migrationDirectory(Database::Kind kind)
{
    return kind == Database::Kind::Sqlite ? QStringLiteral(":/callvault/migrations/sqlite")
                                          : QStringLiteral(":/callvault/migrations/postgres");
}

} // namespace

Migrator::Migrator(Database &db) : m_db(db) {}

Result<QVector<Migration>> Migrator::available(Database::Kind kind)
{
    ensureResources();
    const QString dirPath = migrationDirectory(kind);
    const QDir dir(dirPath);
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_([a-z0-9_]+)\\.sql$"));

    std::map<int, Migration> byVersion;
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            return makeError(ErrorCode::Format,
                             QStringLiteral("Migration file %1/%2 is not named NNN_name.sql.")
                                 .arg(dirPath, file));
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, QStringLiteral("Could not read migration %1/%2: %3")
                                                .arg(dirPath, file, f.errorString()));
        Migration migration;
        migration.version = match.captured(1).toInt();
        migration.name = file.chopped(4);
        migration.sql = QString::fromUtf8(f.readAll());
        if (!byVersion.emplace(migration.version, migration).second)
            return makeError(ErrorCode::Format,
                             QStringLiteral("Two migrations in %1 have version %2.")
                                 .arg(dirPath)
                                 .arg(migration.version));
    }

    QVector<Migration> migrations;
    for (auto &[version, migration] : byVersion) {
        if (version != migrations.size() + 1)
            return makeError(
                ErrorCode::Format,
                QStringLiteral("Migration %1 is missing in %2 (versions must be 1, 2, 3, ...).")
                    .arg(migrations.size() + 1)
                    .arg(dirPath));
        migrations.append(std::move(migration));
    }
    return migrations;
}

int Migrator::latestVersion()
{
    auto migrations = available(Database::Kind::Sqlite);
    if (!migrations) {
        qCWarning(lcCatalog).noquote() << migrations.errorMessage();
        return 0;
    }
    return static_cast<int>(migrations->size());
}

QStringList Migrator::splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    bool inBody = false;
    const QStringList lines = sql.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (!inBody && trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line;
        current += u'\n';
        // Each "$$" opens or closes a body (the files use no other dollar quotes).
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inBody = !inBody;
        if (!inBody && trimmed.endsWith(u';')) {
            QString statement = current.trimmed();
            statement.chop(1);
            statement = statement.trimmed();
            if (!statement.isEmpty())
                statements.append(statement);
            current.clear();
        }
    }
    if (const QString rest = current.trimmed(); !rest.isEmpty())
        statements.append(rest);
    return statements;
}

Result<bool> Migrator::hasMigrationsTable()
{
    const QString sql =
        m_db.kind() == Database::Kind::Sqlite
            ? QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
            : QStringLiteral("SELECT 1 FROM information_schema.tables "
                             "WHERE table_schema = current_schema() AND table_name = ?");
    auto query = sqlhelpers::prepare(m_db, sql);
    if (!query)
        return query.error();
    query->addBindValue(QStringLiteral("schema_migrations"));
    if (auto r =
            sqlhelpers::exec(query.value(), QStringLiteral("Could not read the catalog schema"));
        !r)
        return r.error();
    return query->next();
}

Result<int> Migrator::schemaVersion()
{
    auto exists = hasMigrationsTable();
    if (!exists)
        return exists.error();
    if (!exists.value())
        return 0;
    auto query = sqlhelpers::prepare(
        m_db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!query)
        return query.error();
    if (auto r = sqlhelpers::exec(query.value(),
                                  QStringLiteral("Could not read the catalog schema version"));
        !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("Could not read the catalog schema version."));
    return query->value(0).toInt();
}

Result<void> Migrator::migrate(int upToVersion)
{
    auto migrations = available(m_db.kind());
    if (!migrations)
        return migrations.error();
    const int latest = static_cast<int>(migrations->size());
    const int target = upToVersion < 0 ? latest : upToVersion;
    if (target > latest)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("Catalog schema version %1 does not exist (the latest is %2).")
                .arg(target)
                .arg(latest));
    auto current = schemaVersion();
    if (!current)
        return current.error();
    if (current.value() > latest)
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral("The catalog %1 has schema version %2, but this CallVault knows "
                           "only versions up to %3. Update CallVault on this machine.")
                .arg(m_db.displayName())
                .arg(current.value())
                .arg(latest));
    if (current.value() > target)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("The catalog is already at schema version %1; migrations are "
                           "never undone (asked for version %2).")
                .arg(current.value())
                .arg(target));
    for (const Migration &migration : migrations.value()) {
        if (migration.version <= current.value() || migration.version > target)
            continue;
        if (auto applied = apply(migration); !applied)
            return applied;
    }
    return {};
}

Result<void> Migrator::apply(const Migration &migration)
{
    TransactionGuard transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    if (m_db.kind() == Database::Kind::Postgres) {
        auto lock = sqlhelpers::prepare(m_db, QString::fromLatin1(kMigrationLockSql));
        if (!lock)
            return lock.error();
        if (auto r = sqlhelpers::exec(lock.value(),
                                      QStringLiteral("Could not lock the catalog for migration"));
            !r)
            return r;
    }
    // Another program may have applied it while we waited for the lock.
    auto current = schemaVersion();
    if (!current)
        return current.error();
    if (current.value() >= migration.version)
        return transaction.commit();

    const QStringList statements = splitStatements(migration.sql);
    auto connection = m_db.openedConnection();
    if (!connection)
        return connection.error();
    for (int i = 0; i < statements.size(); ++i) {
        // Migration SQL is a constant compiled into the program; it has no values.
        QSqlQuery query(connection.value());
        if (!query.exec(statements.at(i))) {
            const QSqlError error = query.lastError();
            TransactionGuard::holdFailedQuery(query);
            return makeError(
                ErrorCode::Database,
                QStringLiteral("Catalog migration %1 failed at statement %2 and was rolled "
                               "back (the catalog stays at version %3): %4")
                    .arg(migration.name)
                    .arg(i + 1)
                    .arg(current.value())
                    .arg(error.text().trimmed()));
        }
    }

    auto record = sqlhelpers::prepare(
        m_db, QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at_ms) "
                             "VALUES (?, ?, ?)"));
    if (!record)
        return record.error();
    record->addBindValue(migration.version);
    record->addBindValue(migration.name);
    record->addBindValue(static_cast<qlonglong>(QDateTime::currentMSecsSinceEpoch()));
    if (auto r = sqlhelpers::exec(
            record.value(),
            QStringLiteral("Could not record catalog migration %1").arg(migration.name));
        !r)
        return r;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    qCInfo(lcCatalog).noquote() << "Applied catalog migration" << migration.name << "to"
                                << m_db.displayName();
    return {};
}

} // namespace cv
