#pragma once

#include "common/result.h"
#include "recorder/recordedcall.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace cv::recorder {

// Ended calls on their way to the catalog, committed in order on a thread of their own so
// that capture never waits on the database. When the catalog is unreachable the queue keeps
// its calls (each also journaled in the spool: CallJournal) and retries every `retryMs`;
// a call is taken off only once committed, so nothing is lost or doubled (the commit is
// idempotent by id). depth() and oldestAgeMs() feed /metrics ("spool age").
class FinalizerQueue final
{
public:
    using Commit = std::function<Result<void>(const CallOutcome &outcome)>;

    explicit FinalizerQueue(Commit commit, int retryMs = 2000);
    ~FinalizerQueue(); // stops; calls not yet committed stay journaled for the next start

    void push(CallOutcome outcome);
    int depth() const;
    qint64 oldestAgeMs() const;
    qint64 committed() const { return m_committed.load(); }
    qint64 failedAttempts() const { return m_failures.load(); }
    QString lastError() const;
    // Waits until every queued call is committed (true) or `timeoutMs` passed (false).
    bool waitUntilEmpty(int timeoutMs);
    void stop();

private:
    struct Item
    {
        CallOutcome outcome;
        qint64 queuedAtMs = 0;
        int failures = 0;
    };
    void run();

    Commit m_commit;
    int m_retryMs;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_items;
    bool m_stopping = false;
    bool m_busy = false;
    QString m_lastError;
    std::atomic<qint64> m_committed{0};
    std::atomic<qint64> m_failures{0};
    std::thread m_thread;
};

} // namespace cv::recorder
