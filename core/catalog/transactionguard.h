#pragma once

#include "catalog/database.h"
#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace cv {

// RAII transaction on this thread's catalog connection: begins in the constructor (check
// ok() / error()), commit() commits, the destructor rolls back unless committed.
//
// - SQLite: the outermost guard starts with BEGIN IMMEDIATE (a raw statement, since
//   QSqlDatabase::transaction() issues a deferred BEGIN), so it holds the write lock from
//   the start and concurrent writers queue on busy_timeout instead of failing later
//   with SQLITE_BUSY when they upgrade a read lock.
// - PostgreSQL: BEGIN / COMMIT through the driver (which notices a COMMIT the server
//   turned into a ROLLBACK), READ COMMITTED.
// - A guard created while another guard of the same thread and database is active
//   becomes a SAVEPOINT: its commit() releases the savepoint, its destructor rolls back
//   to it, and the outer transaction decides in the end. So a function that must be
//   atomic (AuditLog::append) can open its own guard whether or not its caller already
//   has one.
// Transactions must be opened through this class; the nesting is tracked per thread.
class TransactionGuard final
{
public:
    explicit TransactionGuard(Database &db);
    ~TransactionGuard();

    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    bool ok() const { return m_active || m_committed; }
    const Error &error() const { return m_error; }
    bool isNested() const { return !m_savepoint.isEmpty(); }

    Result<void> commit();

    // PostgreSQL cannot DEALLOCATE a prepared statement inside a failed transaction, and
    // QtSql tries when a QSqlQuery is destroyed (warning "Unable to free statement" and
    // leaking the statement on the server connection). So catalog code (1) runs
    // statements through sqlhelpers::exec(), which moves a query that failed inside a
    // guard here (leaving `query` empty) to be destroyed after the rollback, and (2) ends
    // the scope of each successful query before running the next statement.
    static void holdFailedQuery(QSqlQuery &query);

private:
    void rollback();

    QSqlDatabase m_connection;
    Database::Kind m_kind;
    QString m_savepoint;
    Error m_error;
    bool m_active = false;
    bool m_committed = false;
};

} // namespace cv
