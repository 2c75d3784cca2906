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
// every 100 ms tick the CallTracker hands the calls' RecordedCall::advance to this pool as
// one batch and waits for it: run() returns when every task of the batch is done. The
// calling thread works on the batch too instead of sleeping. Because the caller (the
// capture thread, the only one that pushes packets into a call) is inside run() for the
// whole batch, a call is never advanced while it is fed or finished: no per-call lock.
class EncodingPool final
{
public:
    // `threads` workers besides the caller; 0 runs every batch on the caller alone.
    explicit EncodingPool(int threads);
    ~EncodingPool();
    EncodingPool(const EncodingPool &) = delete;
    EncodingPool &operator=(const EncodingPool &) = delete;

    // Runs task(0) .. task(count - 1), each once, on the workers and the caller; returns
    // when all have returned. Tasks of one batch must not touch each other's state.
    void run(int count, const std::function<void(int)> &task);
    int workers() const { return static_cast<int>(m_threads.size()); }

    // The default: as many workers as cores, plus the caller. One more thread than cores
    // keeps the cores busy while a worker waits in fdatasync (every 800 ms of each call).
    static int defaultWorkers();

private:
    void work();
    void drain(const std::function<void(int)> &task, int count, int &done);

    std::mutex m_mutex;
    std::condition_variable m_wake;   // workers: a new batch or stop
    std::condition_variable m_idle;   // caller: the batch is done
    const std::function<void(int)> *m_task = nullptr;
    int m_count = 0;      // tasks of the current batch (0 between batches)
    int m_next = 0;       // the next task index to hand out
    int m_finished = 0;   // tasks of the batch that returned
    int m_active = 0;     // workers inside the current batch
    unsigned m_batch = 0; // batch generation
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

} // namespace cv::recorder
