#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cv::recorder {

// The threads that encode the calls' audio (docs/user-guide-callvault-recorder.md,
// "Performance and the high-density profile"). One capture thread cannot encode hundreds
// of calls (one 8 kHz stereo Opus stream costs about 1/170 of a core at complexity 5), so
// every 100 ms tick the CallTracker posts the calls' RecordedCall::advance to this pool as
// one batch and goes back to reading packets; the batch runs while the next 100 ms of
// packets arrive (pipelined), and the next tick (or anything that ends a call) waits for
// it first. One batch at a time.
class EncodingPool final
{
public:
    // `threads` workers; 0 runs every batch at once on the caller of post().
    explicit EncodingPool(int threads);
    ~EncodingPool();
    EncodingPool(const EncodingPool &) = delete;
    EncodingPool &operator=(const EncodingPool &) = delete;

    // Starts task(0) .. task(count - 1), each once, on the workers; returns at once (after
    // waiting for the previous batch). Tasks of one batch must not touch each other's state.
    void post(int count, std::function<void(int)> task);
    // Returns when every task of the posted batch has returned; the caller takes the tasks
    // no worker has started yet instead of sleeping.
    void wait();
    // A posted batch still has tasks not finished.
    bool busy();
    int workers() const { return static_cast<int>(m_threads.size()); }

    // The default: as many workers as cores.
    static int defaultWorkers();

private:
    void work();
    void drain(std::unique_lock<std::mutex> &lock);

    std::mutex m_mutex;
    std::condition_variable m_wake;   // workers: a new batch or stop
    std::condition_variable m_idle;   // wait(): the batch is done
    std::function<void(int)> m_task;
    int m_count = 0;      // tasks of the current batch (0: none in flight)
    int m_next = 0;       // the next task index to hand out
    int m_finished = 0;   // tasks of the batch that returned
    int m_active = 0;     // workers inside the current batch
    unsigned m_batch = 0; // batch generation
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

} // namespace cv::recorder
