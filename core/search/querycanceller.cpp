#include "querycanceller.h"

#include <QSqlDriver>
#include <QVariant>
#include <chrono>
#include <libpq-fe.h>
#include <sqlite3.h>

namespace cv {

namespace {

constexpr int kSqliteStepsPerCheck = 4000;
constexpr std::chrono::milliseconds kPollInterval(5);

int sqliteProgress(void *flag)
{
    return static_cast<const std::atomic<bool> *>(flag)->load() ? 1 : 0;
}

} // namespace

QueryCanceller::QueryCanceller(QSqlDatabase connection, const std::atomic<bool> *flag)
    : m_flag(flag)
{
    if (!m_flag || !connection.isOpen() || !connection.driver())
        return;
    // The handles as documented for QSqlDriver::handle(): "sqlite3*" and "PGconn*" (Qt 6
    // names the latter by its struct, "pg_conn*"). The Qt plugins link the same system
    // libsqlite3 / libpq as this program.
    const QVariant handle = connection.driver()->handle();
    if (!handle.isValid() || !handle.constData())
        return;
    if (qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData());
        if (!db)
            return;
        m_sqlite = db;
        sqlite3_progress_handler(db, kSqliteStepsPerCheck, &sqliteProgress,
                                 const_cast<std::atomic<bool> *>(m_flag));
    } else if (qstrcmp(handle.typeName(), "PGconn*") == 0 ||
               qstrcmp(handle.typeName(), "pg_conn*") == 0) {
        PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
        if (!conn)
            return;
        m_pgCancel = PQgetCancel(conn);
        if (m_pgCancel)
            m_watcher = std::thread([this] { watch(); });
    }
}

QueryCanceller::~QueryCanceller()
{
    if (m_sqlite)
        sqlite3_progress_handler(static_cast<sqlite3 *>(m_sqlite), 0, nullptr, nullptr);
    if (m_watcher.joinable()) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_watcher.join();
    }
    if (m_pgCancel)
        PQfreeCancel(m_pgCancel);
}

void QueryCanceller::watch()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stop) {
        if (m_flag->load()) {
            char message[256] = {};
            // Thread-safe by design; a statement that already ended ignores the request.
            PQcancel(m_pgCancel, message, static_cast<int>(sizeof message));
            return;
        }
        m_wake.wait_for(lock, kPollInterval);
    }
}

} // namespace cv
