#pragma once

#include "common/result.h"
#include "recorder/datagramqueue.h"
#include "recorder/recorderconfig.h"
#include "recorder/recorderengine.h"

#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

class QLockFile;

namespace cv {
class Database;
class Site;
}

namespace cv::recorder {

class FinalizerQueue;

// callvault-recorder's running parts wired together (docs/user-guide-callvault-recorder.md): the site and its
// catalog (as the recorder user on a server-enforced catalog), the recovery of what the
// last run left in the spool, the capture loop (a pcap file or a live interface) feeding the
// RecorderEngine, and the FinalizerQueue taking ended calls to the catalog. Work for the
// engine from other threads (the control API) is posted and runs on the capture thread
// between packets.
class RecorderService final
{
public:
    static Result<std::unique_ptr<RecorderService>> open(const RecorderConfig &config);
    ~RecorderService();

    struct RunReport
    {
        RecorderEngine::Counters counters;
        qint64 frames = 0;
        qint64 malformedFrames = 0;
        qint64 callsCommitted = 0;
        int recovered = 0;
        QStringList problems;
    };

    // Replays a capture file as if live (capture timestamps drive the calls' clock), ends
    // the calls still open at its end and waits until the catalog has them all.
    Result<RunReport> replay(const QString &pcapPath);
    // Captures on the configured interface until `stop` becomes true (SIGTERM/SIGINT),
    // then ends the open calls (each keeps what it recorded) and drains the catalog queue.
    Result<RunReport> runLive(const std::atomic<bool> &stop);

    // What the control API's status and /metrics show; safe from any thread (the capture
    // loop publishes it every 100 ms, the catalog queue's figures are read live).
    struct Snapshot
    {
        int activeCalls = 0;
        int activeLegs = 0;
        bool acceptingCalls = true;
        qint64 diskFreeMb = -1;
        qint64 frames = 0;
        qint64 malformedFrames = 0;
        qint64 kernelDrops = 0;
        // Live capture: the largest delay (wall clock minus capture time) of a frame handled
        // since the previous publication: how far the capture loop runs behind the wire.
        qint64 captureLagMs = 0;
        qint64 encodingLateTicks = 0;     // CallTracker::lateTicks()
        qint64 encodingMaxTicksBehind = 0; // CallTracker::maxTicksBehind()
        qint64 sipMessages = 0;
        qint64 sipMalformed = 0;
        qint64 rtpPackets = 0;
        qint64 unmatched = 0;
        qint64 refusedCalls = 0;
        qint64 rtpLost = 0; // of ended calls
        qint64 rtpLate = 0;
        int catalogQueue = 0;
        qint64 catalogQueueAgeMs = 0;
        qint64 callsCataloged = 0;
        qint64 catalogFailures = 0;
        QString catalogError;
    };
    Snapshot snapshot() const;

    // Re-reads the configuration file at the next packet or quiet moment (SIGHUP). A file
    // that does not load is logged and the running configuration kept.
    void requestReload(const QString &configPath);
    // Runs `work` on the capture thread (between packets); returns at once.
    void post(std::function<void(RecorderEngine &engine)> work);
    // The configuration as loaded at start or by the last reload: the capture thread's (a
    // reload replaces it there); other threads use nodeName(), fixed for the run.
    const RecorderConfig &config() const { return m_config; }
    QString nodeName() const { return m_nodeName; }
    // Datagrams from outside the capture (the SIPREC server's RTP ports); runLive feeds
    // them to the engine every turn, and runs without a capture interface when SIPREC is on.
    DatagramQueue &mediaQueue() { return m_mediaQueue; }
    const FinalizerQueue &finalizer() const { return *m_finalizer; }
    int startupRecovered() const { return m_startupRecovered; }
    QStringList startupProblems() const { return m_startupProblems; }
    // Free space of the spool's file system in MiB (the disk alarm's measure).
    qint64 spoolFreeMb() const;

private:
    RecorderService() = default;
    Result<void> start();
    void checkDisk(qint64 nowUs);
    void runPosted();
    void onOutcome(CallOutcome outcome);
    void reloadIfRequested();
    void publish(qint64 frames, qint64 malformed, qint64 kernelDrops, qint64 nowUs);
    CallTracker::Options trackerOptions() const;

    RecorderConfig m_config;
    QString m_nodeName;
    std::unique_ptr<QLockFile> m_spoolLock;
    std::unique_ptr<Site> m_site;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RecorderEngine> m_engine;
    std::unique_ptr<FinalizerQueue> m_finalizer;
    DatagramQueue m_mediaQueue;
    std::mutex m_postedMutex;
    std::deque<std::function<void(RecorderEngine &)>> m_posted;
    std::atomic<bool> m_hasPosted{false};
    std::atomic<bool> m_reloadRequested{false};
    std::atomic<qint64> m_rtpLost{0};
    std::atomic<qint64> m_rtpLate{0};
    mutable std::mutex m_snapshotMutex;
    Snapshot m_snapshot;
    qint64 m_lastPublishUs = 0;
    qint64 m_maxLagUs = 0;
    QString m_reloadPath;
    qint64 m_lastDiskCheckUs = 0;
    int m_startupRecovered = 0;
    QStringList m_startupProblems;
};

} // namespace cv::recorder
