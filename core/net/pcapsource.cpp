#include "pcapsource.h"

#include "common/logging.h"

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <pcap/pcap.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace cv::net {

namespace {

constexpr int kSnapLength = 65535;

QString pcapText(const char *text)
{
    return QString::fromLocal8Bit(text).trimmed();
}

} // namespace

void PcapSource::PcapDeleter::operator()(pcap *handle) const
{
    pcap_close(handle);
}

PcapSource::~PcapSource()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

Result<std::unique_ptr<PcapSource>> PcapSource::openFile(const QString &path)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    // Microsecond timestamps whatever the file stores (nanosecond pcaps are scaled).
    pcap_t *handle = pcap_open_offline_with_tstamp_precision(QFile::encodeName(path).constData(),
                                                             PCAP_TSTAMP_PRECISION_MICRO, errbuf);
    if (!handle) {
        return makeError(
            ErrorCode::Io,
            QStringLiteral("Cannot read the capture file %1: %2").arg(path, pcapText(errbuf)));
    }
    std::unique_ptr<PcapSource> source(new PcapSource);
    source->m_handle.reset(handle);
    source->m_isFile = true;
    source->m_name = path;
    return source;
}

Result<std::unique_ptr<PcapSource>> PcapSource::openLive(const QString &interfaceName,
                                                         const QString &bpfFilter, int bufferMb)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    const QByteArray device = interfaceName.toLocal8Bit();
    pcap_t *raw = pcap_create(device.constData(), errbuf);
    if (!raw) {
        return makeError(
            ErrorCode::Io,
            QStringLiteral("Cannot capture on %1: %2").arg(interfaceName, pcapText(errbuf)));
    }
    std::unique_ptr<PcapSource> source(new PcapSource);
    source->m_handle.reset(raw);
    source->m_name = interfaceName;
    pcap_set_snaplen(raw, kSnapLength);
    // A mirror (SPAN) port delivers other hosts' traffic: promiscuous mode is needed.
    pcap_set_promisc(raw, 1);
    pcap_set_immediate_mode(raw, 1);
    pcap_set_buffer_size(raw, std::clamp(bufferMb, 1, 1024) * 1024 * 1024);
    pcap_set_tstamp_precision(raw, PCAP_TSTAMP_PRECISION_MICRO);
    const int status = pcap_activate(raw);
    if (status < 0) {
        const QString detail = pcapText(pcap_geterr(raw));
        switch (status) {
        case PCAP_ERROR_PERM_DENIED:
        case PCAP_ERROR_PROMISC_PERM_DENIED:
            return makeError(ErrorCode::PermissionDenied,
                             QStringLiteral("Capturing on %1 needs root or CAP_NET_RAW (give the "
                                            "recorder that capability: setcap "
                                            "cap_net_raw,cap_net_admin=eip on its binary, or "
                                            "AmbientCapabilities in its systemd unit): %2")
                                 .arg(interfaceName, detail));
        case PCAP_ERROR_NO_SUCH_DEVICE:
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no network interface named %1 (see ip "
                                            "link): %2")
                                 .arg(interfaceName, detail));
        case PCAP_ERROR_IFACE_NOT_UP:
            return makeError(
                ErrorCode::Io,
                QStringLiteral("The network interface %1 is down: %2").arg(interfaceName, detail));
        default:
            return makeError(ErrorCode::Io,
                             QStringLiteral("Cannot capture on %1: %2").arg(interfaceName, detail));
        }
    }
    if (status > 0) {
        qCWarning(lcNet).noquote() << "capture on" << interfaceName
                                   << "started with a warning:" << pcapText(pcap_geterr(raw));
    }
    if (pcap_setnonblock(raw, 1, errbuf) != 0) {
        return makeError(
            ErrorCode::Io,
            QStringLiteral("Cannot capture on %1: %2").arg(interfaceName, pcapText(errbuf)));
    }
    if (pcap_get_selectable_fd(raw) < 0) {
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("Cannot wait for packets on %1: the interface has no "
                                        "selectable descriptor")
                             .arg(interfaceName));
    }
    source->m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (source->m_wakeFd < 0) {
        return makeError(ErrorCode::Io,
                         QStringLiteral("Cannot capture on %1: eventfd: %2")
                             .arg(interfaceName, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (!bpfFilter.trimmed().isEmpty()) {
        auto filtered = source->setFilter(bpfFilter);
        if (!filtered)
            return filtered.error();
    }
    return source;
}

Result<void> PcapSource::setFilter(const QString &bpfFilter)
{
    bpf_program program{};
    const QByteArray text = bpfFilter.toLocal8Bit();
    if (pcap_compile(m_handle.get(), &program, text.constData(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The capture filter \"%1\" is not valid: %2")
                             .arg(bpfFilter, pcapText(pcap_geterr(m_handle.get()))));
    }
    const int rc = pcap_setfilter(m_handle.get(), &program);
    pcap_freecode(&program);
    if (rc != 0) {
        return makeError(ErrorCode::Io, QStringLiteral("Cannot apply the capture filter on %1: %2")
                                            .arg(m_name, pcapText(pcap_geterr(m_handle.get()))));
    }
    return {};
}

int PcapSource::linkType() const
{
    return pcap_datalink(m_handle.get());
}

Result<std::optional<PcapSource::Frame>> PcapSource::readOne(bool *nothingYet)
{
    *nothingYet = false;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    const int rc = pcap_next_ex(m_handle.get(), &header, &data);
    if (rc == 1) {
        Frame frame;
        frame.timestampUs = qint64(header->ts.tv_sec) * 1000000 + qint64(header->ts.tv_usec);
        const int length = int(std::min<bpf_u_int32>(header->caplen, kSnapLength * 4));
        frame.data = QByteArray(reinterpret_cast<const char *>(data), length);
        frame.originalLength = int(std::min<bpf_u_int32>(header->len, 0x7FFFFFFF));
        return std::optional<Frame>(std::move(frame));
    }
    if (rc == 0) { // live: nothing buffered right now
        *nothingYet = true;
        return std::optional<Frame>();
    }
    if (rc == PCAP_ERROR_BREAK) { // end of file (or pcap_breakloop)
        if (m_isFile)
            m_atEnd = true;
        return std::optional<Frame>();
    }
    return makeError(ErrorCode::Io, QStringLiteral("Reading packets from %1 failed: %2")
                                        .arg(m_name, pcapText(pcap_geterr(m_handle.get()))));
}

Result<std::optional<PcapSource::Frame>> PcapSource::next(int timeoutMs)
{
    if (m_broken.load() || m_atEnd)
        return std::optional<Frame>();
    bool nothingYet = false;
    auto frame = readOne(&nothingYet);
    if (m_isFile || !nothingYet)
        return frame;
    pollfd fds[2] = {{pcap_get_selectable_fd(m_handle.get()), POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    const int rc = ::poll(fds, 2, std::max(timeoutMs, 0));
    if (m_broken.load())
        return std::optional<Frame>();
    if (rc < 0 && errno != EINTR) {
        return makeError(ErrorCode::Io,
                         QStringLiteral("Waiting for packets on %1 failed: %2")
                             .arg(m_name, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (rc <= 0)
        return std::optional<Frame>();
    return readOne(&nothingYet);
}

void PcapSource::breakLoop()
{
    m_broken.store(true);
    if (m_wakeFd >= 0) {
        const quint64 one = 1;
        // Only a wake-up: if the counter is already set, the waiter wakes anyway.
        [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
    }
}

Result<PcapSource::Stats> PcapSource::stats() const
{
    if (m_isFile)
        return Stats{};
    pcap_stat raw{};
    if (pcap_stats(m_handle.get(), &raw) != 0) {
        return makeError(ErrorCode::Io, QStringLiteral("Cannot read capture statistics of %1: %2")
                                            .arg(m_name, pcapText(pcap_geterr(m_handle.get()))));
    }
    return Stats{raw.ps_recv, raw.ps_drop, raw.ps_ifdrop};
}

} // namespace cv::net
