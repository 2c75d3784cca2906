#include "finalizerqueue.h"

#include "recorder/recorderlogging.h"

#include <QDateTime>

#include <chrono>

namespace cv::recorder {

FinalizerQueue::FinalizerQueue(Commit commit, int retryMs)
    : m_commit(std::move(commit)), m_retryMs(retryMs), m_thread([this] { run(); })
{
}

FinalizerQueue::~FinalizerQueue()
{
    stop();
}

void FinalizerQueue::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void FinalizerQueue::push(CallOutcome outcome)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_items.push_back(Item{std::move(outcome), QDateTime::currentMSecsSinceEpoch()});
    }
    m_changed.notify_all();
}

int FinalizerQueue::depth() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return static_cast<int>(m_items.size());
}

qint64 FinalizerQueue::oldestAgeMs() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_items.empty() ? 0 : QDateTime::currentMSecsSinceEpoch() - m_items.front().queuedAtMs;
}

QString FinalizerQueue::lastError() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_lastError;
}

bool FinalizerQueue::waitUntilEmpty(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [this] { return m_items.empty() && !m_busy; });
}

void FinalizerQueue::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stopping || !m_items.empty(); });
        if (m_stopping)
            return;
        m_busy = true;
        // Only this thread pops or rotates; push_back from others keeps references valid.
        const CallOutcome &outcome = m_items.front().outcome;
        lock.unlock();
        const Result<void> committed = m_commit(outcome);
        lock.lock();
        m_busy = false;
        if (committed) {
            m_items.pop_front();
            ++m_committed;
            m_lastError.clear();
            m_changed.notify_all();
            continue;
        }
        ++m_failures;
        // A call that keeps failing (its row breaks a constraint, say) must not hold up the
        // others: after a few tries it goes to the back and is tried again after them. It
        // stays journaled in the spool whatever happens.
        if (++m_items.front().failures % 3 == 0 && m_items.size() > 1) {
            m_items.push_back(std::move(m_items.front()));
            m_items.pop_front();
        }
        if (m_lastError != committed.errorMessage())
            qCWarning(lcRecorder).noquote() << "catalog commit failed; the call stays in the spool and is retried every"
                                            << m_retryMs << "ms (check the catalog):" << committed.errorMessage();
        m_lastError = committed.errorMessage();
        m_changed.notify_all();
        m_changed.wait_for(lock, std::chrono::milliseconds(m_retryMs), [this] { return m_stopping; });
        if (m_stopping)
            return;
    }
}

} // namespace cv::recorder
