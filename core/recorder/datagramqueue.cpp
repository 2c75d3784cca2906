#include "datagramqueue.h"

#include <chrono>

namespace cv::recorder {

bool DatagramQueue::push(net::Datagram datagram)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (int(m_queue.size()) >= m_capacity) {
            ++m_dropped;
            return false;
        }
        m_queue.push_back(std::move(datagram));
    }
    m_ready.notify_one();
    return true;
}

void DatagramQueue::drain(QVector<net::Datagram> &out, int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_queue.empty() && timeoutMs > 0)
        m_ready.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_queue.empty(); });
    out.reserve(out.size() + int(m_queue.size()));
    while (!m_queue.empty()) {
        out.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
}

qint64 DatagramQueue::dropped() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_dropped;
}

int DatagramQueue::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_queue.size());
}

} // namespace cv::recorder
