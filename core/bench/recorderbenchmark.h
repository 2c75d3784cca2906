#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace cv {

// `callvault-recorder --bench`: N synthetic calls (two G.711 legs each, the sides taking
// turns to speak) sent over loopback at real-time pacing to the recorder's real live path
// (RecorderService::runLive on `lo`, libpcap), each recorded as one 8 kHz stereo Opus
// stream into a throwaway site. Measures over the steady state the recorder's CPU (the
// process minus the sender thread), RSS per call, kernel drops, RTP lost/late, the capture
// loop's lag and the recordings' durations; and in the same run bare libopus encoding the
// same audio at the same settings, for the ratio. Needs CAP_NET_RAW (root) for the capture.
class RecorderBenchmark final
{
public:
    struct Options
    {
        int seconds = 20;       // audio per call
        int complexity = 5;
        int bitrate = 16000;
        int turnSeconds = 3;    // each side speaks this long, then listens as long
        QString interfaceName = QStringLiteral("lo");
        quint16 sipPort = 15060;   // caller's SIP port; the callee's is sipPort + 2
        quint16 rtpBasePort = 20000; // call i: caller media at base + 4i, callee's at + 2
        qint64 maxLagMs = 500;  // the capture loop may run at most this far behind the wire
    };

    struct Figures
    {
        int calls = 0;
        int seconds = 0;
        int complexity = 0;
        int encodingThreads = 0;
        double windowSeconds = 0;      // the steady-state window measured
        double recorderCpuSeconds = 0; // process CPU minus the sender's, in the window
        double senderCpuSeconds = 0;
        double rssPerCallKb = 0;
        qint64 kernelDrops = 0;
        qint64 kernelDropsBefore = 0;  // of those, before the steady-state window
        qint64 kernelDropsInWindow = 0; // of those, in the steady-state window
        qint64 rtpLost = 0;
        qint64 rtpLate = 0;
        int callsRecorded = 0;         // complete recordings in the catalog
        qint64 maxDurationErrorMs = 0; // |recording duration - audio sent|, worst call
        qint64 maxCaptureLagMs = 0;
        qint64 maxEncodingLagMs = 0;   // longest time the encoding batch ran behind (100 ms ticks)
        qint64 encodingLateTicks = 0;
        qint64 senderMaxLateMs = 0;    // how late the sender put a packet on the wire
        double bareStreamsPerCore = 0; // bare libopus, same audio and settings
        QStringList problems;          // why the run does not count as held

        double cpuPerCallPercent() const
        {
            return calls > 0 && windowSeconds > 0 ? 100.0 * recorderCpuSeconds / windowSeconds / calls : 0;
        }
        double callsPerCore() const
        {
            return recorderCpuSeconds > 0 ? calls * windowSeconds / recorderCpuSeconds : 0;
        }
        double ratio() const { return bareStreamsPerCore > 0 ? callsPerCore() / bareStreamsPerCore : 0; }
        bool held() const { return problems.isEmpty(); }
    };

    explicit RecorderBenchmark(Options options);

    // One run with `calls` concurrent calls. An error is a run that could not be made (no
    // capture permission, sockets); a run the recorder did not hold has problems.
    Result<Figures> run(int calls);
    // Bare libopus: the benchmark's audio through opus_multistream_encode (the recorder's
    // layout and settings) on this thread for about `cpuSeconds`; stereo streams per core.
    double bareStreamsPerCore(double cpuSeconds);

    // The per-side audio the calls send: µ-law frames of 20 ms, the sides taking turns.
    static QVector<QByteArray> speechFrames(int side, int turnSeconds);

private:
    Options m_options;
    double m_bare = 0;
};

} // namespace cv
