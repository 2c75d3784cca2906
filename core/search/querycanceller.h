#pragma once

#include <QSqlDatabase>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct pg_cancel;

namespace cv {

// Lets another thread stop a long statement (a count over millions of rows) by setting a
// flag: while a QueryCanceller lives, a statement running on its connection is interrupted
// soon after *flag becomes true, and fails; cancelled() then tells that this was the
// reason.
//  - SQLite: a progress handler on the connection (sqlite3_progress_handler), called every
//    few thousand virtual-machine steps in the running thread, returns non-zero once the
//    flag is set, which makes the statement fail with SQLITE_INTERRUPT.
//  - PostgreSQL: a watcher thread polls the flag every few milliseconds and sends the
//    server a cancel request (PQcancel, the same as psql's Ctrl-C); the statement fails
//    with SQLSTATE 57014. The connection stays usable.
// Use it around statements outside a transaction: a cancelled statement inside a
// PostgreSQL transaction aborts that transaction.
class QueryCanceller final
{
public:
    QueryCanceller(QSqlDatabase connection, const std::atomic<bool> *flag);
    ~QueryCanceller();

    QueryCanceller(const QueryCanceller &) = delete;
    QueryCanceller &operator=(const QueryCanceller &) = delete;

    bool cancelled() const { return m_flag && m_flag->load(); }
    // False when the connection's driver offers no way to interrupt (the flag is then only
    // checked before and after the statement).
    bool armed() const { return m_sqlite != nullptr || m_pgCancel != nullptr; }

private:
    void watch();

    const std::atomic<bool> *m_flag;
    void *m_sqlite = nullptr; // sqlite3*
    pg_cancel *m_pgCancel = nullptr;
    std::thread m_watcher;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
};

} // namespace cv
