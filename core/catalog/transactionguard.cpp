#include "transactionguard.h"

#include "common/logging.h"

#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <vector>

namespace cv {

namespace {

// Per thread and connection (a connection is used by one thread only, and each has its
// own driver object): how many guards are open, and failed queries waiting for the end
// of the transaction.
struct ConnectionState
{
    int depth = 0;
    std::vector<QSqlQuery> heldQueries;
};

thread_local QHash<const QSqlDriver *, ConnectionState> t_states;

Error transactionError(const QString &what, const QSqlError &error)
{
    return makeError(
        ErrorCode::Database,
        QStringLiteral("The catalog could not %1: %2").arg(what, error.text().trimmed()));
}

bool execRaw(QSqlDatabase &connection, const QString &sql, QSqlError *error)
{
    // Only constant transaction-control statements pass through here.
    QSqlQuery query(connection);
    if (query.exec(sql))
        return true;
    *error = query.lastError();
    return false;
}

} // namespace

TransactionGuard::TransactionGuard(Database &db) : m_kind(db.kind())
{
    auto connection = db.openedConnection();
    if (!connection) {
        m_error = connection.error();
        return;
    }
    m_connection = connection.takeValue();
    ConnectionState &state = t_states[m_connection.driver()];

    QSqlError error;
    if (state.depth == 0) {
        bool begun = false;
        if (m_kind == Database::Kind::Sqlite) {
            begun = execRaw(m_connection, QStringLiteral("BEGIN IMMEDIATE"), &error);
        } else {
            begun = m_connection.transaction();
            if (!begun)
                error = m_connection.lastError();
        }
        if (!begun) {
            m_error = transactionError(QStringLiteral("start a transaction"), error);
            return;
        }
    } else {
        m_savepoint = QStringLiteral("cv_savepoint_%1").arg(state.depth);
        if (!execRaw(m_connection, QStringLiteral("SAVEPOINT ") + m_savepoint, &error)) {
            m_error = transactionError(QStringLiteral("start a nested transaction"), error);
            m_savepoint.clear();
            return;
        }
    }
    ++state.depth;
    m_active = true;
}

TransactionGuard::~TransactionGuard()
{
    if (m_active)
        rollback();
}

Result<void> TransactionGuard::commit()
{
    if (!m_active) {
        if (m_committed)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("The catalog transaction was already committed."));
        return m_error;
    }
    QSqlError error;
    bool committed = false;
    if (isNested()) {
        committed =
            execRaw(m_connection, QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint, &error);
    } else {
        committed = m_connection.commit();
        if (!committed)
            error = m_connection.lastError();
    }
    if (!committed) {
        // Still active: the destructor rolls back.
        return transactionError(QStringLiteral("commit its changes"), error);
    }
    m_active = false;
    m_committed = true;
    ConnectionState &state = t_states[m_connection.driver()];
    if (--state.depth == 0)
        t_states.remove(m_connection.driver());
    return {};
}

void TransactionGuard::rollback()
{
    m_active = false;
    QSqlError error;
    bool rolledBack = false;
    if (isNested()) {
        rolledBack =
            execRaw(m_connection, QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint, &error) &&
            execRaw(m_connection, QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint, &error);
    } else {
        rolledBack = m_connection.rollback();
        if (!rolledBack)
            error = m_connection.lastError();
    }
    if (!rolledBack)
        qCWarning(lcCatalog).noquote()
            << "Could not roll back a catalog transaction:" << error.text().trimmed();
    ConnectionState &state = t_states[m_connection.driver()];
    // The transaction is usable (or gone) again: failed statements can be released now.
    state.heldQueries.clear();
    if (--state.depth == 0)
        t_states.remove(m_connection.driver());
}

void TransactionGuard::holdFailedQuery(QSqlQuery &query)
{
    const QSqlDriver *driver = query.driver();
    auto it = t_states.find(driver);
    if (it == t_states.end() || it->depth == 0)
        return;
    it->heldQueries.push_back(std::move(query));
    query = QSqlQuery(QString(), QSqlDatabase());
}

} // namespace cv
