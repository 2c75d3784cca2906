#include "database.h"

#include "catalog/migrator.h"
#include "common/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <vector>

namespace cv {

namespace {

std::atomic<quint64> g_nextThreadSerial{1};
std::atomic<quint64> g_nextDatabaseSerial{1};

// A number for the calling thread that is never reused in this process (unlike thread ids
// and QThread addresses), so connection names of dead threads are never picked up again.
quint64 currentThreadSerial()
{
    thread_local const quint64 serial = g_nextThreadSerial.fetch_add(1);
    return serial;
}

QString sqliteDriver()
{
    return QStringLiteral("QSQLITE");
}

QString postgresDriver()
{
    return QStringLiteral("QPSQL");
}

} // namespace

// The connections this Database opened, per thread. Shared (weakly) with the thread-exit
// cleanups, so that one that runs while or after the Database is destroyed is harmless.
struct Database::Connections
{
    QMutex mutex;
    bool closed = false;
    std::map<quint64, QString> byThread; // thread serial -> connection name
};

namespace {

// Runs when a thread exits (thread_local destructors run in the exiting thread, for
// QThreads and std::threads alike, before Qt tears down the thread's data): removes the
// connections that thread opened, as QtSql wants them removed by their own thread.
// (QThread::finished is not used: Qt 6.4 does not emit it for adopted std::threads.)
class ThreadExitCleanup final
{
public:
    ThreadExitCleanup() = default;
    ThreadExitCleanup(const ThreadExitCleanup &) = delete;
    ThreadExitCleanup &operator=(const ThreadExitCleanup &) = delete;
    ~ThreadExitCleanup()
    {
        for (auto &entry : m_entries)
            entry.action();
    }

    void add(std::weak_ptr<void> owner, std::function<void()> action)
    {
        // Forget entries of Databases that are gone (their destructor removed everything).
        m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                       [](const Entry &entry) { return entry.owner.expired(); }),
                        m_entries.end());
        m_entries.push_back({std::move(owner), std::move(action)});
    }

private:
    struct Entry
    {
        std::weak_ptr<void> owner;
        std::function<void()> action;
    };
    std::vector<Entry> m_entries;
};

thread_local ThreadExitCleanup t_threadExitCleanup;

} // namespace

Database::Database(PrivateTag, CatalogConfig config, PgConnectionParams pg)
    : m_config(std::move(config)), m_pg(std::move(pg)),
      m_prefix(QStringLiteral("callvault-catalog-%1").arg(g_nextDatabaseSerial.fetch_add(1))),
      m_connections(std::make_shared<Connections>())
{
}

Database::~Database()
{
    std::map<quint64, QString> names;
    {
        QMutexLocker locker(&m_connections->mutex);
        m_connections->closed = true;
        names.swap(m_connections->byThread);
    }
    for (const auto &[serial, name] : names) {
        Q_UNUSED(serial);
        QSqlDatabase::removeDatabase(name);
    }
}

Result<std::unique_ptr<Database>> Database::open(const CatalogConfig &config)
{
    PgConnectionParams pg;
    if (config.kind == Kind::Sqlite) {
        if (config.sqlitePath.isEmpty() || config.sqlitePath == QLatin1String(":memory:"))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("The catalog needs an SQLite file path (an in-memory "
                                            "database cannot be shared between connections)."));
        if (!QSqlDatabase::isDriverAvailable(sqliteDriver()))
            return makeError(ErrorCode::Unsupported,
                             QStringLiteral("The Qt SQLite driver (QSQLITE) is not installed; "
                                            "install the package libqt6sql6-sqlite."));
        const QFileInfo info(config.sqlitePath);
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(
                ErrorCode::Io,
                QStringLiteral("Could not create the folder %1 for the catalog database. "
                               "Check that this user may write there.")
                    .arg(QDir::toNativeSeparators(info.absolutePath())));
    } else {
        auto params = config.pgConnectionParams();
        if (!params)
            return params.error();
        pg = params.takeValue();
        if (!QSqlDatabase::isDriverAvailable(postgresDriver()))
            return makeError(ErrorCode::Unsupported,
                             QStringLiteral("The Qt PostgreSQL driver (QPSQL) is not installed; "
                                            "install the package libqt6sql6-psql."));
    }

    auto db = std::make_unique<Database>(PrivateTag{}, config, std::move(pg));
    if (auto connection = db->openedConnection(); !connection)
        return connection.error();
    qCInfo(lcCatalog) << "Opened catalog" << db->displayName();
    return db;
}

QSqlDatabase Database::connection()
{
    auto opened = openedConnection();
    if (opened)
        return opened.takeValue();
    qCWarning(lcCatalog).noquote() << opened.errorMessage();
    return QSqlDatabase::database(
        m_prefix + QStringLiteral("-t") + QString::number(currentThreadSerial()), false);
}

Result<QSqlDatabase> Database::openedConnection()
{
    const quint64 serial = currentThreadSerial();
    const QString name = m_prefix + QStringLiteral("-t") + QString::number(serial);

    QSqlDatabase db;
    if (QSqlDatabase::contains(name)) {
        db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    } else {
        db = addConnection(name);
        {
            QMutexLocker locker(&m_connections->mutex);
            m_connections->byThread[serial] = name;
        }
        // Close this thread's connection when the thread ends, so that thread pools do
        // not pile up open database handles.
        std::weak_ptr<Connections> weak = m_connections;
        t_threadExitCleanup.add(weak, [weak, serial, name]() {
            const auto connections = weak.lock();
            if (!connections)
                return;
            {
                QMutexLocker locker(&connections->mutex);
                if (connections->closed || connections->byThread.erase(serial) == 0)
                    return;
            }
            QSqlDatabase::removeDatabase(name);
        });
    }

    if (!db.open()) {
        const QString why = db.lastError().text();
        if (m_config.kind == Kind::Sqlite)
            return makeError(
                ErrorCode::Database,
                QStringLiteral("Could not open the catalog database %1: %2. Check that "
                               "the folder exists and that this user may write to it.")
                    .arg(QDir::toNativeSeparators(m_config.sqlitePath), why));
        return makeError(ErrorCode::Database,
                         QStringLiteral("Could not connect to the PostgreSQL catalog %1: %2. Check "
                                        "the server address, the user's password (PGPASSWORD) and "
                                        "the TLS settings (sslmode, sslrootcert).")
                             .arg(displayName(), why.trimmed()));
    }
    if (auto prepared = prepareConnection(db); !prepared) {
        db.close();
        return prepared.error();
    }
    return db;
}

QSqlDatabase Database::addConnection(const QString &name) const
{
    if (m_config.kind == Kind::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(sqliteDriver(), name);
        db.setDatabaseName(m_config.sqlitePath);
        // Also applied as a PRAGMA below; set here so that opening already waits for locks.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(postgresDriver(), name);
    db.setHostName(m_pg.host);
    db.setPort(m_pg.port);
    db.setDatabaseName(m_pg.database);
    db.setUserName(m_pg.user);
    db.setPassword(m_pg.password);
    db.setConnectOptions(m_pg.connectOptions);
    return db;
}

Result<void> Database::prepareConnection(QSqlDatabase &db) const
{
    if (m_config.kind != Kind::Sqlite)
        return {};
    // Constant statements with no values: nothing to bind.
    struct Pragma
    {
        const char *sql;
        const char *expect; // the value the PRAGMA must report afterwards, or nullptr
    };
    static const Pragma pragmas[] = {
        {"PRAGMA busy_timeout = 5000", nullptr}, {"PRAGMA journal_mode = WAL", "wal"},
        {"PRAGMA synchronous = FULL", nullptr},  {"PRAGMA synchronous", "2"},
        {"PRAGMA foreign_keys = ON", nullptr},   {"PRAGMA foreign_keys", "1"},
    };
    for (const Pragma &pragma : pragmas) {
        QSqlQuery query(db);
        const QString sql = QString::fromLatin1(pragma.sql);
        if (!query.exec(sql))
            return makeError(ErrorCode::Database,
                             QStringLiteral("Could not configure the catalog database %1 (%2): %3")
                                 .arg(QDir::toNativeSeparators(m_config.sqlitePath), sql,
                                      query.lastError().text()));
        if (pragma.expect) {
            const QString got = query.next() ? query.value(0).toString().toLower() : QString();
            if (got != QLatin1String(pragma.expect))
                return makeError(
                    ErrorCode::Database,
                    QStringLiteral("The catalog database %1 did not accept %2 (it reports "
                                   "'%3'). Is it on a network file system or read-only?")
                        .arg(QDir::toNativeSeparators(m_config.sqlitePath), sql, got));
        }
    }
    return {};
}

Result<void> Database::migrate(int upToVersion)
{
    if (!m_config.serverEnforced)
        return Migrator(*this).migrate(upToVersion);
    // A user's login role may not change the schema: the owner migrates
    // (docs/postgres-security.md, "Upgrades"). Refuse to run on a schema we do not know.
    auto version = schemaVersion();
    if (!version)
        return version.error();
    const int wanted = upToVersion < 0 ? latestSchemaVersion() : upToVersion;
    if (version.value() != wanted)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The catalog %1 has schema version %2 but this program "
                                        "needs version %3. Its owner must upgrade it first "
                                        "(callvaultctl upgrade --pg with a superuser URL).")
                             .arg(displayName())
                             .arg(version.value())
                             .arg(wanted));
    return {};
}

Result<int> Database::schemaVersion()
{
    return Migrator(*this).schemaVersion();
}

int Database::latestSchemaVersion()
{
    return Migrator::latestVersion();
}

} // namespace cv
