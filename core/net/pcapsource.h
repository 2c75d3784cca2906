#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>

struct pcap;

namespace cv::net {

// Frames from a pcap/pcapng file or a live interface (libpcap), one at a time.
// Live captures run in immediate mode with a 65535-byte snapshot, so a frame is handed on
// as soon as the kernel has it (RTP is 20 ms packets; batching would add latency and make
// the recorder's jitter handling see bursts).
class PcapSource final
{
public:
    struct Frame
    {
        qint64 timestampUs = 0; // capture time, microseconds since the epoch
        QByteArray data;        // a copy: libpcap reuses its buffer on the next read
        int originalLength = 0; // length on the wire (data may be shorter: snapshot length)
    };
    struct Stats
    {
        quint64 received = 0;           // packets the filter accepted
        quint64 droppedByKernel = 0;    // buffer full: the recorder read too slowly
        quint64 droppedByInterface = 0; // dropped by the NIC or its driver
    };

    static Result<std::unique_ptr<PcapSource>> openFile(const QString &path);
    // bpfFilter may be empty (everything). bufferMb is the kernel ring buffer size.
    static Result<std::unique_ptr<PcapSource>>
    openLive(const QString &interfaceName, const QString &bpfFilter, int bufferMb = 32);
    ~PcapSource();
    PcapSource(const PcapSource &) = delete;
    PcapSource &operator=(const PcapSource &) = delete;

    // The next frame; nullopt at the end of a file, when timeoutMs passed without a frame
    // on a live capture, or after breakLoop(). An error is a read failure of the file or the
    // interface (e.g. the interface went down).
    Result<std::optional<Frame>> next(int timeoutMs);
    // Applies a BPF filter (also possible on a file, e.g. replaying only SIP and RTP).
    Result<void> setFilter(const QString &bpfFilter);

    int linkType() const;
    bool isFile() const { return m_isFile; }
    // A file was read to its end (next() returned nullopt for that reason).
    bool atEnd() const { return m_atEnd; }
    // Live captures only (pcap_stats); a file has nothing to report.
    Result<Stats> stats() const;
    // Thread-safe: makes a next() that waits (or the following one) return nullopt at once;
    // every next() after it returns nullopt too. For stopping the capture thread.
    void breakLoop();
    bool isBroken() const { return m_broken.load(); }

private:
    struct PcapDeleter
    {
        void operator()(pcap *handle) const;
    };
    PcapSource() = default;
    Result<std::optional<Frame>> readOne(bool *nothingYet);

    std::unique_ptr<pcap, PcapDeleter> m_handle;
    bool m_isFile = false;
    bool m_atEnd = false;
    int m_wakeFd = -1; // eventfd written by breakLoop() to wake the poll in next()
    std::atomic<bool> m_broken{false};
    QString m_name;
};

} // namespace cv::net
