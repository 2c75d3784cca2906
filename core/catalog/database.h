#pragma once

#include "catalog/catalogconfig.h"
#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace cv {

// The catalog database, SQLite or PostgreSQL, behind one object.
//
// Connections: QtSql connections may only be used by the thread that opened them, so
// every thread that touches the catalog gets its own connection, opened lazily by
// connection() and named "<unique prefix>-t<thread serial>" (the serial is unique for the
// life of the process, so a new thread never inherits a dead thread's connection). A
// thread's connection is closed and removed by that thread when it exits (QThread or
// std::thread); the destructor removes the rest. The Database must outlive every thread
// that uses it, and no QSqlDatabase/QSqlQuery copies may be kept beyond a call.
//
// SQLite connections run with journal_mode=WAL, synchronous=FULL, foreign_keys=ON and
// busy_timeout=5000 ms. Write transactions start with BEGIN IMMEDIATE (TransactionGuard).
class Database final
{
public:
    using Kind = CatalogConfig::Kind;

    // Opens (for SQLite: creates) the catalog and checks that a connection works. Does not
    // migrate: call migrate() next.
    static Result<std::unique_ptr<Database>> open(const CatalogConfig &config);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Kind kind() const { return m_config.kind; }
    // See CatalogConfig::serverEnforced.
    bool serverEnforced() const { return m_config.serverEnforced; }
    // The SQLite path or the URL without its password.
    QString displayName() const { return m_config.displayName(); }

    // This thread's connection, opened on first use. If it could not be opened the
    // returned connection is closed and lastError() says why (queries then fail).
    QSqlDatabase connection();
    // The same, or an Error that says why this thread's connection could not be opened.
    Result<QSqlDatabase> openedConnection();

    // Applies the numbered migrations from :/callvault/migrations/<sqlite|postgres>/ up to
    // `upToVersion` (-1: the latest), each in one transaction (see Migrator).
    Result<void> migrate(int upToVersion = -1);
    // The highest applied migration; 0 for an empty database.
    Result<int> schemaVersion();
    // The highest migration this program knows.
    static int latestSchemaVersion();

private:
    struct PrivateTag
    {
    };
    struct Connections;

public:
    // For open() only (std::make_unique needs a public constructor).
    Database(PrivateTag, CatalogConfig config, PgConnectionParams pg);

private:
    QSqlDatabase addConnection(const QString &name) const;
    Result<void> prepareConnection(QSqlDatabase &db) const;

    CatalogConfig m_config;
    PgConnectionParams m_pg;
    QString m_prefix;
    std::shared_ptr<Connections> m_connections;
};

} // namespace cv
