#include "encodingpool.h"

#include <QtGlobal>

#include <algorithm>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace cv::recorder {

EncodingPool::EncodingPool(int threads)
{
    for (int i = 0; i < threads; ++i)
        m_threads.emplace_back([this] { work(); });
}

EncodingPool::~EncodingPool()
{
    wait();
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
    if (const int n = qEnvironmentVariableIntValue("CALLVAULT_ENCODING_THREADS"); n > 0)
        return n;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// Hands out task indices under the lock one at a time. A task is a call's 100 ms of audio
// (tens of microseconds of Opus at least), so the lock is not what limits a batch.
void EncodingPool::drain(std::unique_lock<std::mutex> &lock)
{
    while (m_next < m_count) {
        const int index = m_next++;
        lock.unlock();
        m_task(index);
        lock.lock();
        ++m_finished;
    }
    if (m_finished == m_count)
        m_idle.notify_all();
}

void EncodingPool::work()
{
    // Encoding may lag a tick; the capture thread may not (the kernel's ring is small), so
    // when both want a core the capture thread gets it: the workers run 5 nice steps lower.
    const int tid = static_cast<int>(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), ::getpriority(PRIO_PROCESS, static_cast<id_t>(tid)) + 5);
    unsigned seen = 0;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || (m_batch != seen && m_count > 0); });
        if (m_stop)
            return;
        seen = m_batch;
        ++m_active;
        drain(lock);
        if (--m_active == 0)
            m_idle.notify_all();
    }
}

void EncodingPool::post(int count, std::function<void(int)> task)
{
    wait();
    if (count <= 0)
        return;
    if (m_threads.empty()) {
        for (int i = 0; i < count; ++i)
            task(i);
        return;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_task = std::move(task);
        m_count = count;
        m_next = 0;
        m_finished = 0;
        ++m_batch;
    }
    m_wake.notify_all();
}

bool EncodingPool::busy()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_count > 0 && m_finished < m_count;
}

void EncodingPool::wait()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_count == 0)
        return;
    drain(lock);
    // Also wait for the workers to leave the batch: none may still hold its task when the
    // next batch replaces it.
    m_idle.wait(lock, [&] { return m_finished == m_count && m_active == 0; });
    m_count = 0;
    m_task = nullptr;
}

} // namespace cv::recorder
