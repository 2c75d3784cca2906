#include "encodingpool.h"

#include <algorithm>

namespace cv::recorder {

EncodingPool::EncodingPool(int threads)
{
    for (int i = 0; i < threads; ++i)
        m_threads.emplace_back([this] { work(); });
}

EncodingPool::~EncodingPool()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

int EncodingPool::defaultWorkers()
{
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// Takes task indices under the lock one at a time. A task is a call's 100 ms of audio
// (tens of microseconds of Opus at least), so the lock is not what limits the batch, and
// handing out indices under it keeps the batch's bookkeeping in one place.
void EncodingPool::drain(const std::function<void(int)> &task, int count, int &done)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (m_next < count) {
        const int index = m_next++;
        lock.unlock();
        task(index);
        lock.lock();
        ++m_finished;
        ++done;
    }
    if (m_finished == count)
        m_idle.notify_all();
}

void EncodingPool::work()
{
    unsigned seen = 0;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || (m_batch != seen && m_count > 0); });
        if (m_stop)
            return;
        seen = m_batch;
        const std::function<void(int)> *task = m_task;
        const int count = m_count;
        ++m_active;
        lock.unlock();
        int done = 0;
        drain(*task, count, done);
        lock.lock();
        if (--m_active == 0)
            m_idle.notify_all();
    }
}

void EncodingPool::run(int count, const std::function<void(int)> &task)
{
    if (count <= 0)
        return;
    if (m_threads.empty() || count == 1) {
        for (int i = 0; i < count; ++i)
            task(i);
        return;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_task = &task;
        m_count = count;
        m_next = 0;
        m_finished = 0;
        ++m_batch;
    }
    m_wake.notify_all();
    int done = 0;
    drain(task, count, done);
    std::unique_lock<std::mutex> lock(m_mutex);
    // Also wait for the workers to leave: one still holding this batch's task must not see
    // the next batch's counters.
    m_idle.wait(lock, [&] { return m_finished == count && m_active == 0; });
    m_task = nullptr;
    m_count = 0;
}

} // namespace cv::recorder
