#include "recorderbenchmark.h"

#include "bench/encodebenchmark.h"
#include "catalog/capturedcallrepository.h"
#include "catalog/database.h"
#include "catalog/recordingrepository.h"
#include "crypto/scrypt.h"
#include "recorder/encodingpool.h"
#include "recorder/recorderconfig.h"
#include "recorder/recorderservice.h"
#include "site/site.h"
#include "site/siteinitializer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>

#include <opus.h>
#include <opus_multistream.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <ctime>
#include <memory>
#include <queue>
#include <thread>
#include <vector>

namespace cv {

namespace {

constexpr qint64 kFrameUs = 20'000;
constexpr int kFrameSamples = 160; // 20 ms at 8 kHz

qint64 monotonicUs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1'000'000 + t.tv_nsec / 1000;
}

void sleepUntilUs(qint64 us)
{
    timespec t{};
    t.tv_sec = us / 1'000'000;
    t.tv_nsec = (us % 1'000'000) * 1000;
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, nullptr) == EINTR) {
    }
}

double clockSeconds(clockid_t clock)
{
    timespec t{};
    if (clock_gettime(clock, &t) != 0)
        return 0;
    return double(t.tv_sec) + t.tv_nsec / 1e9;
}

double processCpuSeconds()
{
    return clockSeconds(CLOCK_PROCESS_CPUTIME_ID);
}

qint64 rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// G.711 µ-law (ITU-T G.711), what a phone would send.
uchar linearToUlaw(qint16 sample)
{
    constexpr int kBias = 0x84, kClip = 32635;
    int s = sample;
    const int sign = s < 0 ? 0x80 : 0;
    if (s < 0)
        s = -s;
    s = std::min(s, kClip) + kBias;
    int exponent = 7;
    for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1)
        --exponent;
    const int mantissa = (s >> (exponent + 3)) & 0x0F;
    return static_cast<uchar>(~(sign | (exponent << 4) | mantissa));
}

qint16 ulawToLinear(uchar u)
{
    u = static_cast<uchar>(~u);
    const int exponent = (u >> 4) & 0x07;
    const int magnitude = ((((u & 0x0F) << 3) + 0x84) << exponent) - 0x84;
    return static_cast<qint16>((u & 0x80) ? -magnitude : magnitude);
}

// A UDP socket bound on 127.0.0.1:port whose receive buffer is the kernel's minimum: it
// exists so that what the benchmark sends there is accepted (no ICMP port unreachable per
// packet) and then discarded unread. pcap sees every packet before that.
int sinkSocket(quint16 port, QString &error)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = QStringLiteral("socket: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return -1;
    }
    const int one = 1, tiny = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &tiny, sizeof tiny);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        error = QStringLiteral("bind 127.0.0.1:%1: %2").arg(port).arg(QString::fromLocal8Bit(strerror(errno)));
        ::close(fd);
        return -1;
    }
    return fd;
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// Puts the benchmark's calls on the wire: per call INVITE / 200 OK / ACK with PCMU SDP,
// both legs' RTP every 20 ms on absolute deadlines of the monotonic clock, then BYE / 200.
// Calls start spread over the ramp (phases on a 1 ms grid: at most 1000 wake-ups a second).
class CallSender
{
public:
    CallSender(const RecorderBenchmark::Options &options, int calls, QByteArray runId)
        : m_options(options), m_calls(calls), m_runId(std::move(runId))
    {
        m_frames[0] = RecorderBenchmark::speechFrames(0, options.turnSeconds);
        m_frames[1] = RecorderBenchmark::speechFrames(1, options.turnSeconds);
    }
    ~CallSender()
    {
        for (int fd : m_fds)
            ::close(fd);
    }

    Result<void> openSockets()
    {
        QString error;
        for (int i = 0; i < 2; ++i) {
            const int fd = sinkSocket(static_cast<quint16>(m_options.sipPort + 2 * i), error);
            if (fd < 0)
                return Error{ErrorCode::Io, error};
            m_fds.push_back(fd);
        }
        for (int c = 0; c < m_calls; ++c) {
            for (int side = 0; side < 2; ++side) {
                const int fd = sinkSocket(mediaPort(c, side), error);
                if (fd < 0)
                    return Error{ErrorCode::Io, error};
                m_fds.push_back(fd);
            }
        }
        return {};
    }

    qint64 rampUs() const { return std::min<qint64>(1'000'000, qint64(m_options.seconds) * 250'000); }

    // Runs until every call has ended; `t0` is the monotonic time of the first call.
    void run(qint64 t0)
    {
        struct Event
        {
            qint64 atUs;
            int call;
            int step; // 0: set-up, 1..P: RTP frame step-1, P+1: BYE
            bool operator>(const Event &o) const { return atUs > o.atUs; }
        };
        const int frames = m_options.seconds * 50;
        std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events;
        for (int c = 0; c < m_calls; ++c)
            events.push(Event{t0 + startOffsetUs(c), c, 0});
        std::vector<quint16> seq(static_cast<std::size_t>(2 * m_calls));
        for (std::size_t i = 0; i < seq.size(); ++i)
            seq[i] = static_cast<quint16>(i * 7919);
        while (!events.empty()) {
            const Event e = events.top();
            if (monotonicUs() < e.atUs)
                sleepUntilUs(e.atUs);
            events.pop();
            m_maxLateUs = std::max<qint64>(m_maxLateUs, monotonicUs() - e.atUs);
            if (e.step == 0) {
                sendSetup(e.call);
            } else if (e.step <= frames) {
                for (int side = 0; side < 2; ++side)
                    sendRtp(e.call, side, e.step - 1, seq[static_cast<std::size_t>(2 * e.call + side)]++);
            } else {
                sendBye(e.call);
                continue;
            }
            events.push(Event{e.atUs + kFrameUs, e.call, e.step + 1});
        }
    }

    qint64 maxLateUs() const { return m_maxLateUs.load(); }
    quint16 mediaPort(int call, int side) const
    {
        return static_cast<quint16>(m_options.rtpBasePort + 4 * call + 2 * side);
    }

private:
    qint64 startOffsetUs(int call) const { return (rampUs() * call / std::max(1, m_calls)) / 1000 * 1000; }
    int sipFd(int side) const { return m_fds[static_cast<std::size_t>(side)]; }
    int mediaFd(int call, int side) const { return m_fds[static_cast<std::size_t>(2 + 2 * call + side)]; }

    void send(int fd, quint16 port, const QByteArray &bytes)
    {
        const sockaddr_in to = loopback(port);
        ::sendto(fd, bytes.constData(), static_cast<size_t>(bytes.size()), 0, reinterpret_cast<const sockaddr *>(&to),
                 sizeof to);
    }

    QByteArray sdp(int call, int side) const
    {
        return QByteArrayLiteral("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ") +
               QByteArray::number(mediaPort(call, side)) +
               QByteArrayLiteral(" RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                                 "a=sendrecv\r\n");
    }

    QByteArray headers(int call, const QByteArray &cseq, bool toTag) const
    {
        const QByteArray n = QByteArray::number(call);
        const QByteArray agent = QByteArray::number(2000 + call);
        return "Via: SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(m_options.sipPort) + ";branch=z9hG4bK-" + m_runId + "-" +
               n + "-" + cseq.left(1) + "\r\nMax-Forwards: 70\r\nFrom: <sip:" + agent + "@127.0.0.1>;tag=a" + n +
               "\r\nTo: <sip:+1555" + n.rightJustified(7, '0') + "@127.0.0.1>" + (toTag ? ";tag=b" + n : QByteArray()) +
               "\r\nCall-ID: bench-" + m_runId + "-" + n + "@127.0.0.1\r\nCSeq: " + cseq + "\r\nContact: <sip:" + agent +
               "@127.0.0.1:" + QByteArray::number(m_options.sipPort) + ">\r\n";
    }

    static QByteArray withBody(const QByteArray &head, const QByteArray &body)
    {
        return head + (body.isEmpty() ? QByteArray() : QByteArrayLiteral("Content-Type: application/sdp\r\n")) +
               "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

    void sendSetup(int call)
    {
        const quint16 callee = static_cast<quint16>(m_options.sipPort + 2);
        const QByteArray uri = "sip:+1555" + QByteArray::number(call).rightJustified(7, '0') + "@127.0.0.1:" +
                               QByteArray::number(callee);
        send(sipFd(0), callee, withBody("INVITE " + uri + " SIP/2.0\r\n" + headers(call, "1 INVITE", false), sdp(call, 0)));
        send(sipFd(1), m_options.sipPort, withBody("SIP/2.0 200 OK\r\n" + headers(call, "1 INVITE", true), sdp(call, 1)));
        send(sipFd(0), callee, withBody("ACK " + uri + " SIP/2.0\r\n" + headers(call, "1 ACK", true), {}));
    }

    void sendBye(int call)
    {
        const quint16 callee = static_cast<quint16>(m_options.sipPort + 2);
        const QByteArray uri = "sip:+1555" + QByteArray::number(call).rightJustified(7, '0') + "@127.0.0.1:" +
                               QByteArray::number(callee);
        send(sipFd(0), callee, withBody("BYE " + uri + " SIP/2.0\r\n" + headers(call, "2 BYE", true), {}));
        send(sipFd(1), m_options.sipPort, withBody("SIP/2.0 200 OK\r\n" + headers(call, "2 BYE", true), {}));
    }

    void sendRtp(int call, int side, int frame, quint16 seq)
    {
        const QVector<QByteArray> &audio = m_frames[side];
        const QByteArray &payload = audio[(frame + call * 13) % audio.size()];
        uchar packet[12 + kFrameSamples];
        const quint32 timestamp = static_cast<quint32>(frame) * kFrameSamples;
        const quint32 ssrc = 0x5000'0000u + static_cast<quint32>(2 * call + side);
        packet[0] = 0x80;
        packet[1] = static_cast<uchar>(frame == 0 ? 0x80 : 0x00); // marker on the first, PT 0 (PCMU)
        packet[2] = static_cast<uchar>(seq >> 8);
        packet[3] = static_cast<uchar>(seq);
        for (int i = 0; i < 4; ++i) {
            packet[4 + i] = static_cast<uchar>(timestamp >> (24 - 8 * i));
            packet[8 + i] = static_cast<uchar>(ssrc >> (24 - 8 * i));
        }
        std::copy(payload.constBegin(), payload.constBegin() + kFrameSamples, packet + 12);
        const sockaddr_in to = loopback(mediaPort(call, 1 - side));
        ::sendto(mediaFd(call, side), packet, sizeof packet, 0, reinterpret_cast<const sockaddr *>(&to), sizeof to);
    }

    RecorderBenchmark::Options m_options;
    int m_calls;
    QByteArray m_runId;
    QVector<QByteArray> m_frames[2];
    std::vector<int> m_fds;
    std::atomic<qint64> m_maxLateUs{0};
};

} // namespace

RecorderBenchmark::RecorderBenchmark(Options options) : m_options(std::move(options)) {}

QVector<QByteArray> RecorderBenchmark::speechFrames(int side, int turnSeconds)
{
    const int cycle = 2 * std::max(1, turnSeconds);
    const QVector<qint16> speech = syntheticSpeech(8000, 1, cycle, 1234u + static_cast<quint32>(side));
    QVector<QByteArray> frames;
    const int count = cycle * 50;
    for (int f = 0; f < count; ++f) {
        // Side 0 speaks in the first half of the cycle, side 1 in the second; the listener's
        // line carries room noise 40 dB down, as a phone's does.
        const bool speaking = (f < count / 2) == (side == 0);
        QByteArray frame(kFrameSamples, Qt::Uninitialized);
        for (int i = 0; i < kFrameSamples; ++i) {
            const qint16 s = speech[f * kFrameSamples + i];
            frame[i] = static_cast<char>(linearToUlaw(speaking ? s : static_cast<qint16>(s / 100)));
        }
        frames << frame;
    }
    return frames;
}

double RecorderBenchmark::bareStreamsPerCore(double cpuSeconds)
{
    // The recorder's layout (OggOpusWriter): two uncoupled mono streams, VOIP, voice signal.
    const QVector<QByteArray> sides[2] = {speechFrames(0, m_options.turnSeconds), speechFrames(1, m_options.turnSeconds)};
    const int frames = static_cast<int>(sides[0].size());
    QVector<qint16> pcm(frames * kFrameSamples * 2);
    for (int f = 0; f < frames; ++f) {
        for (int i = 0; i < kFrameSamples; ++i) {
            pcm[(f * kFrameSamples + i) * 2] = ulawToLinear(static_cast<uchar>(sides[0][f][i]));
            pcm[(f * kFrameSamples + i) * 2 + 1] = ulawToLinear(static_cast<uchar>(sides[1][f][i]));
        }
    }
    constexpr int kStreams = 4;
    std::vector<OpusMSEncoder *> encoders;
    const unsigned char mapping[2] = {0, 1};
    for (int s = 0; s < kStreams; ++s) {
        int error = 0;
        OpusMSEncoder *e = opus_multistream_encoder_create(8000, 2, 2, 0, mapping, OPUS_APPLICATION_VOIP, &error);
        if (error != OPUS_OK || !e)
            return 0;
        opus_multistream_encoder_ctl(e, OPUS_SET_BITRATE(m_options.bitrate));
        opus_multistream_encoder_ctl(e, OPUS_SET_COMPLEXITY(m_options.complexity));
        opus_multistream_encoder_ctl(e, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
        encoders.push_back(e);
    }
    unsigned char packet[4000];
    const double start = clockSeconds(CLOCK_THREAD_CPUTIME_ID);
    qint64 encoded = 0;
    double used = 0;
    for (int f = 0; used < cpuSeconds; f = (f + 1) % frames) {
        for (int s = 0; s < kStreams; ++s) {
            const int at = (f + s * 37) % frames;
            if (opus_multistream_encode(encoders[static_cast<std::size_t>(s)], pcm.constData() + at * kFrameSamples * 2,
                                        kFrameSamples, packet, sizeof packet) < 0)
                used = cpuSeconds; // cannot happen with these settings; stop rather than spin
        }
        encoded += kStreams;
        if (f % 50 == 0)
            used = clockSeconds(CLOCK_THREAD_CPUTIME_ID) - start;
    }
    for (OpusMSEncoder *e : encoders)
        opus_multistream_encoder_destroy(e);
    m_bare = used > 0 ? encoded * 0.02 / used : 0;
    return m_bare;
}

Result<RecorderBenchmark::Figures> RecorderBenchmark::run(int calls)
{
    Figures figures;
    figures.calls = calls;
    figures.seconds = m_options.seconds;
    figures.complexity = m_options.complexity;
    figures.encodingThreads = recorder::EncodingPool::defaultWorkers() + 1;
    if (m_bare <= 0)
        bareStreamsPerCore(std::clamp(m_options.seconds / 4.0, 1.0, 3.0));
    figures.bareStreamsPerCore = m_bare;

    // A throwaway site: key file with fast scrypt parameters, SQLite catalog.
    QTemporaryDir work;
    if (!work.isValid())
        return Error{ErrorCode::Io, QStringLiteral("No temporary directory: %1").arg(work.errorString())};
    SiteInitializer::Options init;
    init.directory = work.filePath(QStringLiteral("site"));
    init.backend = SiteInitializer::KeyBackendChoice::File;
    init.passphrase = "recorder benchmark passphrase";
    init.adminPassword = "recorder benchmark admin";
    init.passwordParams = crypto::ScryptParams{1u << 10, 8, 1};
    init.keyFileParams = init.passwordParams;
    init.program = QStringLiteral("callvault-recorder --bench");
    if (auto r = SiteInitializer::initialize(init); !r)
        return r.error();

    recorder::RecorderConfig config;
    config.name = QStringLiteral("bench");
    config.siteDirectory = init.directory;
    config.interfaceName = m_options.interfaceName;
    config.bpfFilter = QStringLiteral("udp and (portrange %1-%2 or portrange %3-%4)")
                           .arg(m_options.sipPort)
                           .arg(m_options.sipPort + 2)
                           .arg(m_options.rtpBasePort)
                           .arg(m_options.rtpBasePort + 4 * calls + 2);
    config.minFreeMb = 0;
    config.warnFreeMb = 0;
    config.maxCalls = calls + 100;
    config.complexity = m_options.complexity;
    config.bitrate = m_options.bitrate;
    config.rtpTimeoutSeconds = 5;
    config.signallingTimeoutSeconds = 10;

    auto service = recorder::RecorderService::open(config);
    if (!service)
        return service.error();
    CallSender sender(m_options, calls, QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36));
    if (auto r = sender.openSockets(); !r)
        return r.error();

    std::atomic<bool> stop{false}, captureDone{false};
    Result<recorder::RecorderService::RunReport> report = Error{ErrorCode::Cancelled, QStringLiteral("not run")};
    std::thread capture([&] {
        report = service.value()->runLive(stop);
        captureDone = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    if (captureDone) {
        capture.join();
        const QString why = report ? QStringLiteral("the capture stopped at once") : report.errorMessage();
        return Error{ErrorCode::PermissionDenied,
                     QStringLiteral("Live capture on %1 failed: %2 (the benchmark needs root or CAP_NET_RAW).")
                         .arg(m_options.interfaceName, why)};
    }
    const qint64 rssBefore = rssKb();

    const qint64 t0 = monotonicUs() + 200'000;
    std::atomic<bool> senderDone{false};
    std::thread sending([&] {
        // The load generator must not be what falls behind: real-time priority when allowed.
        sched_param param{};
        param.sched_priority = 10;
        pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
        sender.run(t0);
        senderDone = true;
    });
    clockid_t senderClock{};
    const bool perThread = pthread_getcpuclockid(sending.native_handle(), &senderClock) == 0;

    // The steady state: every call started and half a second more, until the first ends.
    const qint64 windowStart = t0 + sender.rampUs() + 500'000;
    const qint64 windowEnd = t0 + qint64(m_options.seconds) * 1'000'000 - 250'000;
    double cpu0 = 0, sender0 = 0;
    qint64 wall0 = 0;
    bool started = false, ended = false;
    while (!senderDone) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto s = service.value()->snapshot();
        figures.maxCaptureLagMs = std::max(figures.maxCaptureLagMs, s.captureLagMs);
        const qint64 now = monotonicUs();
        if (!started && now >= windowStart) {
            started = true;
            cpu0 = processCpuSeconds();
            figures.kernelDropsBefore = s.kernelDrops;
            sender0 = perThread ? clockSeconds(senderClock) : 0;
            wall0 = now;
        } else if (started && !ended && now >= windowEnd) {
            ended = true;
            const double senderCpu = perThread ? clockSeconds(senderClock) - sender0 : 0;
            figures.windowSeconds = (now - wall0) / 1e6;
            figures.senderCpuSeconds = senderCpu;
            figures.recorderCpuSeconds = processCpuSeconds() - cpu0 - senderCpu;
            figures.rssPerCallKb = calls > 0 ? double(rssKb() - rssBefore) / calls : 0;
            figures.kernelDropsInWindow = s.kernelDrops - figures.kernelDropsBefore;
        }
    }
    sending.join();
    figures.senderMaxLateMs = sender.maxLateUs() / 1000;
    // The last BYEs: the calls end, their recordings are sealed and cataloged.
    const qint64 deadline = monotonicUs() + 60'000'000;
    while (service.value()->snapshot().callsCataloged < calls && monotonicUs() < deadline && !captureDone) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        figures.maxCaptureLagMs = std::max(figures.maxCaptureLagMs, service.value()->snapshot().captureLagMs);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // one more publication of the counters
    {
        const auto s = service.value()->snapshot();
        figures.kernelDrops = s.kernelDrops;
        figures.maxEncodingLagMs = s.encodingMaxTicksBehind * 100;
        figures.encodingLateTicks = s.encodingLateTicks;
    }
    stop = true;
    capture.join();
    service.value().reset();
    if (!report)
        return report.error();
    figures.problems << report->problems;
    if (!perThread)
        figures.problems << QStringLiteral("the sender's CPU could not be measured apart");

    auto site = Site::open(init.directory);
    if (!site)
        return site.error();
    auto db = site->openCatalog();
    if (!db)
        return db.error();
    auto rows = CapturedCallRepository(*db.value()).latest(calls + 100);
    if (!rows)
        return rows.error();
    RecordingRepository recordings(*db.value());
    const qint64 sentMs = qint64(m_options.seconds) * 1000;
    for (const CapturedCallRow &row : rows.value()) {
        const QJsonObject legs = row.details.value(QStringLiteral("legs")).toObject();
        for (const QString &side : {QStringLiteral("agent"), QStringLiteral("customer")}) {
            const QJsonObject leg = legs.value(side).toObject();
            figures.rtpLost += leg.value(QStringLiteral("lost")).toInteger();
            figures.rtpLate += leg.value(QStringLiteral("late")).toInteger();
        }
        if (row.completeness != Completeness::Complete || !row.recordingId)
            continue;
        auto recording = recordings.get(*row.recordingId);
        if (!recording)
            continue;
        ++figures.callsRecorded;
        figures.maxDurationErrorMs = std::max(figures.maxDurationErrorMs, std::abs(recording->durationMs - sentMs));
    }

    if (figures.kernelDrops > 0)
        figures.problems << QStringLiteral("%1 packets dropped by the kernel (capture too slow; %2 while calls started, "
                                           "%3 in the steady state, %4 while they ended)")
                                .arg(figures.kernelDrops)
                                .arg(figures.kernelDropsBefore)
                                .arg(figures.kernelDropsInWindow)
                                .arg(figures.kernelDrops - figures.kernelDropsBefore - figures.kernelDropsInWindow);
    if (figures.rtpLost > 0 || figures.rtpLate > 0)
        figures.problems << QStringLiteral("RTP lost %1, late %2").arg(figures.rtpLost).arg(figures.rtpLate);
    if (figures.callsRecorded < calls)
        figures.problems << QStringLiteral("%1 of %2 calls recorded complete").arg(figures.callsRecorded).arg(calls);
    if (figures.maxDurationErrorMs > 100)
        figures.problems << QStringLiteral("a recording's duration is %1 ms off the audio sent").arg(figures.maxDurationErrorMs);
    if (figures.maxCaptureLagMs > m_options.maxLagMs)
        figures.problems << QStringLiteral("the capture loop fell %1 ms behind (encoding not keeping up)").arg(figures.maxCaptureLagMs);
    if (figures.maxEncodingLagMs > m_options.maxLagMs)
        figures.problems << QStringLiteral("encoding fell %1 ms behind (%2 late ticks)")
                                .arg(figures.maxEncodingLagMs)
                                .arg(figures.encodingLateTicks);
    if (figures.senderMaxLateMs > 40)
        figures.problems << QStringLiteral("the sender itself fell %1 ms behind (machine overloaded)").arg(figures.senderMaxLateMs);
    if (!ended)
        figures.problems << QStringLiteral("no steady-state window (run longer)");
    return figures;
}

} // namespace cv
