#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace cv::recorder {

// The disk work of starting and ending calls (the call journal's fdatasync'd writes,
// sealing a recording: its last chunk, fdatasync, rename, folder syncs) on one thread of
// its own, in the order it was queued. Each costs milliseconds of disk latency; on the
// capture thread it stalls packet reading, and the kernel's capture ring (a few hundred
// frames of 64 KiB on an interface with offloads) overflows within tens of milliseconds.
class CallIoQueue final
{
public:
    CallIoQueue();
    ~CallIoQueue(); // runs what is queued, then stops
    CallIoQueue(const CallIoQueue &) = delete;
    CallIoQueue &operator=(const CallIoQueue &) = delete;

    void push(std::function<void()> job);
    // Returns when every job queued so far has run.
    void drain();

private:
    void work();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<std::function<void()>> m_jobs;
    bool m_running = false; // a job taken from m_jobs is running
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace cv::recorder
