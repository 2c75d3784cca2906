#include "net/packetdecoder.h"
#include "net/pcapsource.h"
#include "pcapbuilder.h"
#include "sip/sipmessage.h"
#include "sip/sipstreamframer.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>
#include <pcap/dlt.h>
#include <thread>
#include <unistd.h>

using cv::net::Datagram;
using cv::net::Endpoint;
using cv::net::PacketDecoder;
using cv::net::PcapSource;
using cvtest::PcapBuilder;

namespace {

Endpoint ep(const char *address, quint16 port)
{
    return Endpoint{QHostAddress(QString::fromLatin1(address)), port};
}

// Decodes the builder's frames directly (no file) in the order they are held.
QVector<Datagram> decodeFrames(PacketDecoder &decoder, const QVector<PcapBuilder::Frame> &frames)
{
    QVector<Datagram> out;
    for (const auto &frame : frames) {
        decoder.decode(frame.timestampUs, reinterpret_cast<const uchar *>(frame.bytes.constData()),
                       int(frame.bytes.size()), out);
    }
    return out;
}

QByteArray sipMessage(int n, int bodySize = 0)
{
    const QByteArray body(bodySize, 'v');
    return "INVITE sip:bob@example.com SIP/2.0\r\nFrom: <sip:alice@example.com>;tag=1\r\n"
           "To: <sip:bob@example.com>\r\nCSeq: 1 INVITE\r\nCall-ID: call-" +
           QByteArray::number(n) + "\r\nContent-Length: " + QByteArray::number(bodySize) +
           "\r\n\r\n" + body;
}

QByteArray concat(const QVector<Datagram> &datagrams)
{
    QByteArray all;
    for (const auto &d : datagrams)
        all += d.payload;
    return all;
}

} // namespace

class TestNetPackets final : public QObject
{
    Q_OBJECT

private slots:
    void endpointBasics();
    void udpThroughFile();
    void fragmentedIpv4OutOfOrder();
    void missingFragmentTimesOut();
    void overlappingFragmentsDropDatagram();
    void fragmentLimits();
    void ipv6FragmentAndExtensionHeaders();
    void vlanTagged();
    void otherLinkTypes();
    void tcpReorderRetransmitSplit();
    void tcpSequenceWraparound();
    void tcpGapResyncs();
    void tcpRstAndLimits();
    void malformedFramesCounted();
    void sipOverTcpThroughFramer();
    void sippG711Pcap();
    void pcapSourceErrors();
    void liveCaptureOnLoopback();

private:
    QTemporaryDir m_dir;
};

void TestNetPackets::endpointBasics()
{
    QCOMPARE(ep("1.2.3.4", 5060).toString(), QStringLiteral("1.2.3.4:5060"));
    QCOMPARE(ep("::1", 5060).toString(), QStringLiteral("[::1]:5060"));
    QHash<Endpoint, int> table;
    table.insert(ep("10.0.0.1", 4000), 1);
    table.insert(ep("10.0.0.1", 4002), 2);
    table.insert(ep("2001:db8::1", 4000), 3);
    QCOMPARE(table.value(ep("10.0.0.1", 4000)), 1);
    QCOMPARE(table.value(ep("10.0.0.1", 4002)), 2);
    QCOMPARE(table.value(ep("2001:db8::1", 4000)), 3);
    QVERIFY(ep("10.0.0.1", 4000) != ep("10.0.0.2", 4000));
}

void TestNetPackets::udpThroughFile()
{
    PcapBuilder builder;
    builder.addUdp(1700000000123456, ep("10.1.1.1", 5060), ep("10.1.1.2", 5062), "hello");
    builder.addUdp(1700000000223456, ep("2001:db8::1", 4000), ep("2001:db8::2", 4002),
                   QByteArray(172, 'r'));
    builder.addUdp(1700000000323456, ep("10.1.1.1", 5060), ep("10.1.1.2", 5062), QByteArray());
    builder.addUdp(1700000000023456, ep("10.1.1.1", 4000), ep("10.1.1.2", 4002),
                   PcapBuilder::rtp(8, 1, 160, 0xCAFE, QByteArray(160, char(0xD5)), true));
    builder.sortByTime(); // the RTP packet was added last but is the earliest
    const QString path = m_dir.filePath(QStringLiteral("udp.pcap"));
    QVERIFY(builder.write(path).ok());

    auto opened = PcapSource::openFile(path);
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    PcapSource &source = *opened.value();
    QVERIFY(source.isFile());
    QCOMPARE(source.linkType(), DLT_EN10MB);
    QVERIFY(PacketDecoder::isSupportedLinkType(source.linkType()));
    PacketDecoder decoder(source.linkType());
    QVector<Datagram> out;
    for (;;) {
        auto frame = source.next(0);
        QVERIFY(frame.ok());
        if (!frame.value())
            break;
        const auto &f = *frame.value();
        decoder.decode(f.timestampUs, reinterpret_cast<const uchar *>(f.data.constData()),
                       int(f.data.size()), out);
    }
    QVERIFY(source.atEnd());
    QCOMPARE(out.size(), 4);
    const Datagram rtp = out.takeFirst();
    QCOMPARE(rtp.payload.size(), 172);
    QCOMPARE(uchar(rtp.payload[0]), uchar(0x80));
    QCOMPARE(uchar(rtp.payload[1]), uchar(0x88)); // marker + PCMA
    QCOMPARE(qFromBigEndian<quint32>(rtp.payload.constData() + 8), quint32(0xCAFE));
    QCOMPARE(out[0].timestampUs, qint64(1700000000123456));
    QCOMPARE(out[0].source, ep("10.1.1.1", 5060));
    QCOMPARE(out[0].destination, ep("10.1.1.2", 5062));
    QCOMPARE(out[0].transport, cv::net::Transport::Udp);
    QCOMPARE(out[0].payload, QByteArray("hello"));
    QCOMPARE(out[1].source.toString(), QStringLiteral("[2001:db8::1]:4000"));
    QCOMPARE(out[1].payload, QByteArray(172, 'r'));
    QVERIFY(out[2].payload.isEmpty());
    QCOMPARE(decoder.counters().datagrams, quint64(4));
    QCOMPARE(decoder.counters().malformed, quint64(0));
    // The stats of a file are empty, not an error.
    QVERIFY(source.stats().ok());
}

void TestNetPackets::fragmentedIpv4OutOfOrder()
{
    PcapBuilder builder;
    QByteArray payload;
    for (int i = 0; i < 3000; ++i)
        payload.append(char('a' + i % 26));
    auto frames =
        builder.udpFragments(1000000, ep("10.0.0.1", 5060), ep("10.0.0.2", 5060), payload, 1400);
    QCOMPARE(frames.size(), 3);
    std::reverse(frames.begin(), frames.end());
    frames.insert(1, frames[0]); // an exact duplicate is harmless
    PacketDecoder decoder(DLT_EN10MB);
    const auto out = decodeFrames(decoder, frames);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].payload, payload);
    QCOMPARE(out[0].destination, ep("10.0.0.2", 5060));
    QCOMPARE(decoder.counters().fragments, quint64(4));
    QCOMPARE(decoder.counters().fragmentsReassembled, quint64(1));
    QCOMPARE(decoder.pendingFragmentDatagrams(), 0);
}

void TestNetPackets::missingFragmentTimesOut()
{
    PcapBuilder builder;
    auto frames = builder.udpFragments(1000000, ep("10.0.0.1", 5060), ep("10.0.0.2", 5060),
                                       QByteArray(4000, 'x'), 1000);
    QCOMPARE(frames.size(), 5);
    frames.remove(2);
    PacketDecoder::Limits limits;
    limits.fragmentTimeoutUs = 5000000;
    PacketDecoder decoder(DLT_EN10MB, limits);
    auto out = decodeFrames(decoder, frames);
    QVERIFY(out.isEmpty());
    QCOMPARE(decoder.pendingFragmentDatagrams(), 1);
    // Capture time moves on (a later packet): the incomplete datagram is given up.
    PcapBuilder later;
    later.addUdp(1000000 + 4000000, ep("10.0.0.1", 1), ep("10.0.0.2", 2), "a");
    later.addUdp(1000000 + 7000000, ep("10.0.0.1", 1), ep("10.0.0.2", 2), "b");
    out = decodeFrames(decoder, later.frames());
    QCOMPARE(out.size(), 2);
    QCOMPARE(decoder.pendingFragmentDatagrams(), 0);
    QCOMPARE(decoder.counters().fragmentTimeouts, quint64(1));
    QCOMPARE(decoder.counters().fragmentsDropped, quint64(4));
    QCOMPARE(decoder.counters().fragmentsReassembled, quint64(0));
}

void TestNetPackets::overlappingFragmentsDropDatagram()
{
    const Endpoint a = ep("10.0.0.1", 5060), b = ep("10.0.0.2", 5060);
    PcapBuilder builder;
    const QByteArray segment = PcapBuilder::udp(a, b, QByteArray(40, 'o'));
    // Fragments [0,24) and [16,48): overlapping with different offsets (a Teardrop shape).
    builder.addFrame(1,
                     builder.ethernet(PcapBuilder::ipv4(a, b, 17, 7, 0, true, segment.left(24))));
    builder.addFrame(2,
                     builder.ethernet(PcapBuilder::ipv4(a, b, 17, 7, 16, false, segment.mid(16))));
    PacketDecoder decoder(DLT_EN10MB);
    auto out = decodeFrames(decoder, builder.frames());
    QVERIFY(out.isEmpty());
    QCOMPARE(decoder.counters().fragmentOverlaps, quint64(1));
    QCOMPARE(decoder.pendingFragmentDatagrams(), 0);
    // A non-final fragment that is not a multiple of 8 bytes is malformed.
    builder.clear();
    builder.addFrame(3,
                     builder.ethernet(PcapBuilder::ipv4(a, b, 17, 8, 0, true, segment.left(20))));
    out = decodeFrames(decoder, builder.frames());
    QVERIFY(out.isEmpty());
    QCOMPARE(decoder.counters().malformed, quint64(1));
    // Offset + length beyond 65535 is malformed as well.
    builder.clear();
    builder.addFrame(4, builder.ethernet(PcapBuilder::ipv4(a, b, 17, 9, 65528, false, segment)));
    out = decodeFrames(decoder, builder.frames());
    QVERIFY(out.isEmpty());
    QCOMPARE(decoder.counters().malformed, quint64(2));
}

void TestNetPackets::fragmentLimits()
{
    PacketDecoder::Limits limits;
    limits.maxPendingFragmentDatagrams = 4;
    PacketDecoder decoder(DLT_EN10MB, limits);
    PcapBuilder builder;
    // 10 datagrams, only their first fragments: the table never holds more than 4.
    for (int i = 0; i < 10; ++i) {
        auto frames = builder.udpFragments(1000 + i, ep("10.0.0.1", 5060), ep("10.0.0.2", 5060),
                                           QByteArray(100, 'f'), 64);
        decodeFrames(decoder, {frames[0]});
        QVERIFY(decoder.pendingFragmentDatagrams() <= 4);
    }
    QCOMPARE(decoder.pendingFragmentDatagrams(), 4);
    QCOMPARE(decoder.counters().fragmentsDropped, quint64(6));
}

void TestNetPackets::ipv6FragmentAndExtensionHeaders()
{
    const Endpoint a = ep("2001:db8::10", 5060), b = ep("2001:db8::20", 5080);
    PcapBuilder builder;
    const QByteArray payload(2500, 's');
    auto frames = builder.udpFragments(5, a, b, payload, 1200);
    QCOMPARE(frames.size(), 3);
    std::swap(frames[0], frames[2]);
    // Hop-by-hop options + destination options before UDP.
    QByteArray hop(8, '\0');
    hop[0] = char(60); // next: destination options
    QByteArray dest(16, '\0');
    dest[0] = char(17);
    dest[1] = char(1); // (1 + 1) * 8 bytes
    const QByteArray packet =
        PcapBuilder::ipv6(a, b, 0, hop + dest + PcapBuilder::udp(a, b, "ext"));
    frames.append({6, builder.ethernet(packet)});
    PacketDecoder decoder(DLT_EN10MB);
    const auto out = decodeFrames(decoder, frames);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].payload, payload);
    QCOMPARE(out[0].source, a);
    QCOMPARE(out[1].payload, QByteArray("ext"));
    QCOMPARE(decoder.counters().fragmentsReassembled, quint64(1));
    QCOMPARE(decoder.counters().malformed, quint64(0));
}

void TestNetPackets::vlanTagged()
{
    PcapBuilder builder;
    builder.setVlan(42);
    builder.addUdp(10, ep("192.168.5.1", 10000), ep("192.168.5.2", 20000), "rtp");
    builder.addUdp(11, ep("192.168.5.1", 10000), ep("192.168.5.2", 20000), QByteArray(3000, 'v'),
                   1000);
    QCOMPARE(uchar(builder.frames()[0].bytes[12]), uchar(0x81));
    PacketDecoder decoder(DLT_EN10MB);
    const auto out = decodeFrames(decoder, builder.frames());
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].payload, QByteArray("rtp"));
    QCOMPARE(out[1].payload.size(), 3000);
}

void TestNetPackets::otherLinkTypes()
{
    const Endpoint a = ep("10.9.9.1", 7078), b = ep("10.9.9.2", 9078);
    const QByteArray ip = PcapBuilder::ipv4(a, b, 17, 1, 0, false, PcapBuilder::udp(a, b, "x"));
    const Endpoint a6 = ep("fe80::1", 7078), b6 = ep("fe80::2", 9078);
    const QByteArray ip6 = PcapBuilder::ipv6(a6, b6, 17, PcapBuilder::udp(a6, b6, "y"));

    QByteArray sll(16, '\0');
    qToBigEndian<quint16>(0x0800, sll.data() + 14);
    QByteArray sll2(20, '\0');
    qToBigEndian<quint16>(0x86DD, sll2.data());
    QByteArray null4(4, '\0');
    null4[0] = 2; // AF_INET, little-endian host
    QByteArray loop6(4, '\0');
    loop6[3] = 30; // AF_INET6 on macOS, network order

    struct Case
    {
        int linkType;
        QByteArray frame;
        QByteArray payload;
    };
    const QVector<Case> cases = {{DLT_LINUX_SLL, sll + ip, "x"},
                                 {DLT_LINUX_SLL2, sll2 + ip6, "y"},
                                 {DLT_RAW, ip, "x"},
                                 {DLT_RAW, ip6, "y"},
                                 {DLT_NULL, null4 + ip, "x"},
                                 {DLT_LOOP, loop6 + ip6, "y"}};
    for (const Case &c : cases) {
        PacketDecoder decoder(c.linkType);
        QVERIFY(PacketDecoder::isSupportedLinkType(c.linkType));
        QVector<Datagram> out;
        decoder.decode(1, reinterpret_cast<const uchar *>(c.frame.constData()), int(c.frame.size()),
                       out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].payload, c.payload);
    }
    QVERIFY(!PacketDecoder::isSupportedLinkType(DLT_IEEE802_11));
    PacketDecoder wifi(DLT_IEEE802_11);
    QVector<Datagram> out;
    wifi.decode(1, reinterpret_cast<const uchar *>(ip.constData()), int(ip.size()), out);
    QVERIFY(out.isEmpty());
    QCOMPARE(wifi.counters().unsupported, quint64(1));
}

void TestNetPackets::tcpReorderRetransmitSplit()
{
    const Endpoint client = ep("10.0.0.5", 40000), server = ep("10.0.0.6", 5060);
    const QByteArray stream = sipMessage(1, 300) + sipMessage(2, 0) + sipMessage(3, 120);
    const quint32 isn = 1000;
    PcapBuilder builder;
    builder.addTcp(1, client, server, isn, {}, PcapBuilder::Syn);
    builder.addTcp(2, server, client, 77, {}, PcapBuilder::Syn | PcapBuilder::Ack);
    // Segments: [0,200) [200,450) [450,end) sent as 1, 3, 2, then 1 again, then an overlapping
    // retransmission [100, 300).
    const quint32 base = isn + 1;
    const QByteArray s1 = stream.left(200), s2 = stream.mid(200, 250), s3 = stream.mid(450);
    builder.addTcp(3, client, server, base, s1);
    builder.addTcp(4, client, server, base + 450, s3);
    builder.addTcp(5, client, server, base + 200, s2);
    builder.addTcp(6, client, server, base, s1);
    builder.addTcp(7, client, server, base + 100, stream.mid(100, 200));
    builder.addTcp(8, client, server, base + quint32(stream.size()), {},
                   PcapBuilder::Fin | PcapBuilder::Ack);
    // A retransmission after the FIN is not handed on again.
    builder.addTcp(9, client, server, base + 450, s3);
    const QString path = m_dir.filePath(QStringLiteral("tcp.pcap"));
    QVERIFY(builder.write(path).ok());

    auto source = PcapSource::openFile(path);
    QVERIFY(source.ok());
    PacketDecoder decoder(source.value()->linkType());
    QVector<Datagram> out;
    while (true) {
        auto frame = source.value()->next(0);
        QVERIFY(frame.ok());
        if (!frame.value())
            break;
        decoder.decode(frame.value()->timestampUs,
                       reinterpret_cast<const uchar *>(frame.value()->data.constData()),
                       int(frame.value()->data.size()), out);
    }
    QCOMPARE(out.size(), 2); // s1 at once; s2 + the buffered s3 together
    QCOMPARE(concat(out), stream);
    QCOMPARE(out[0].transport, cv::net::Transport::Tcp);
    QCOMPARE(out[0].source, client);
    QVERIFY(!out[0].discontinuity);
    QVERIFY(!out[1].discontinuity);
    QCOMPARE(out[1].timestampUs, qint64(5));
    const auto &c = decoder.counters();
    QCOMPARE(c.tcpBytes, quint64(stream.size()));
    QCOMPARE(c.tcpOutOfOrderSegments, quint64(1));
    QCOMPARE(c.tcpRetransmittedBytes, quint64(200 + 200 + s3.size()));
    QCOMPARE(c.tcpGaps, quint64(0));
}

void TestNetPackets::tcpSequenceWraparound()
{
    const Endpoint client = ep("2001:db8::5", 40000), server = ep("2001:db8::6", 5060);
    const QByteArray stream = sipMessage(7, 500);
    const quint32 start = 0xFFFFFF00u; // the stream crosses 2^32
    PcapBuilder builder;
    // Joined mid-way (no SYN seen): the first bytes are flagged.
    builder.addTcp(1, client, server, start, stream.left(100));
    builder.addTcp(2, client, server, start + 300, stream.mid(300));
    builder.addTcp(3, client, server, start + 100, stream.mid(100, 200));
    PacketDecoder decoder(DLT_EN10MB);
    const auto out = decodeFrames(decoder, builder.frames());
    QCOMPARE(concat(out), stream);
    QVERIFY(out[0].discontinuity);
    QCOMPARE(decoder.counters().tcpGaps, quint64(0));
}

void TestNetPackets::tcpGapResyncs()
{
    const Endpoint client = ep("10.0.0.5", 40001), server = ep("10.0.0.6", 5060);
    const QByteArray m1 = sipMessage(1), m2 = sipMessage(2), m3 = sipMessage(3);
    PcapBuilder builder;
    builder.addTcp(1000000, client, server, 10, {}, PcapBuilder::Syn);
    builder.addTcp(1100000, client, server, 11, m1);
    // m2 is never captured; m3 waits behind the hole until the gap timeout.
    builder.addTcp(1200000, client, server, 11 + quint32(m1.size() + m2.size()), m3);
    PacketDecoder decoder(DLT_EN10MB);
    auto out = decodeFrames(decoder, builder.frames());
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].payload, m1);
    // Later traffic (another connection) moves capture time past the 2 s gap timeout.
    builder.clear();
    builder.addTcp(2500000, ep("10.0.0.7", 1), server, 5, "keep");
    builder.addTcp(3700000, ep("10.0.0.7", 1), server, 9, "going");
    out = decodeFrames(decoder, builder.frames());
    QCOMPARE(out.size(), 3);
    QCOMPARE(out[1].payload, m3);
    QCOMPARE(out[1].source, client);
    QVERIFY(out[1].discontinuity);
    QCOMPARE(decoder.counters().tcpGaps, quint64(1));
    QCOMPARE(decoder.counters().tcpGapBytes, quint64(m2.size()));

    // flush() at the end of input gives up holes at once.
    PacketDecoder other(DLT_EN10MB);
    builder.clear();
    builder.addTcp(1, client, server, 10, {}, PcapBuilder::Syn);
    builder.addTcp(2, client, server, 11 + 50, "after the hole");
    out = decodeFrames(other, builder.frames());
    QVERIFY(out.isEmpty());
    other.flush(out);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].payload, QByteArray("after the hole"));
    QVERIFY(out[0].discontinuity);
    QCOMPARE(other.counters().tcpGapBytes, quint64(50));
}

void TestNetPackets::tcpRstAndLimits()
{
    const Endpoint client = ep("10.0.0.5", 40002), server = ep("10.0.0.6", 5060);
    PacketDecoder::Limits limits;
    limits.maxTcpSegmentsBuffered = 4;
    limits.maxTcpConnections = 8;
    PacketDecoder decoder(DLT_EN10MB, limits);
    PcapBuilder builder;
    builder.addTcp(1, client, server, 100, {}, PcapBuilder::Syn);
    // A hole at 101, then 6 out-of-order segments: over the limit of 4, the hole is skipped.
    for (int i = 0; i < 6; ++i)
        builder.addTcp(2 + i, client, server, 201 + quint32(i * 10), QByteArray(10, char('0' + i)));
    auto out = decodeFrames(decoder, builder.frames());
    QCOMPARE(concat(out),
             QByteArray("000000000011111111112222222222333333333344444444445555555555"));
    QCOMPARE(decoder.counters().tcpGaps, quint64(1));
    QCOMPARE(decoder.counters().tcpGapBytes, quint64(100));
    // Out-of-order bytes then RST: they are dropped with the connection.
    builder.clear();
    builder.addTcp(10, client, server, 400, "waiting");
    builder.addTcp(11, server, client, 1, {}, PcapBuilder::Rst);
    out = decodeFrames(decoder, builder.frames());
    QVERIFY(out.isEmpty());
    QCOMPARE(decoder.tcpStreams(), 0);
    QCOMPARE(decoder.counters().tcpDroppedBytes, quint64(7));
    // The connection table is bounded: 20 connections, at most 8 kept.
    builder.clear();
    for (int i = 0; i < 20; ++i)
        builder.addTcp(20 + i, ep("10.0.1.1", quint16(30000 + i)), server, 1, "x");
    out = decodeFrames(decoder, builder.frames());
    QCOMPARE(out.size(), 20);
    QCOMPARE(decoder.tcpStreams(), 8);
    QCOMPARE(decoder.counters().tcpConnectionsExpired, quint64(12));
}

void TestNetPackets::malformedFramesCounted()
{
    const Endpoint a = ep("10.0.0.1", 1000), b = ep("10.0.0.2", 2000);
    PcapBuilder builder;
    const QByteArray good = builder.ethernet(
        PcapBuilder::ipv4(a, b, 17, 1, 0, false, PcapBuilder::udp(a, b, "payload")));
    QByteArray badIhl = good;
    badIhl[14] = char(0x43); // IHL 3 words
    QByteArray badUdpLength = good;
    qToBigEndian<quint16>(400, badUdpLength.data() + 14 + 20 + 4);
    QByteArray badTcpOffset = builder.ethernet(
        PcapBuilder::ipv4(a, b, 6, 2, 0, false, PcapBuilder::tcp(a, b, 1, PcapBuilder::Ack, "z")));
    badTcpOffset[14 + 20 + 12] = char(0xF0); // 60-byte header in a 21-byte segment
    QByteArray badVersion = good;
    badVersion[14] = char(0x55);
    const QVector<QByteArray> malformed = {good.left(10), good.left(14 + 12), badIhl,
                                           badUdpLength,  badTcpOffset,       badVersion};
    PacketDecoder decoder(DLT_EN10MB);
    QVector<Datagram> out;
    for (const QByteArray &frame : malformed)
        decoder.decode(1, reinterpret_cast<const uchar *>(frame.constData()), int(frame.size()),
                       out);
    QVERIFY(out.isEmpty());
    QCOMPARE(decoder.counters().malformed, quint64(malformed.size()));
    // Cut by the snapshot length: counted apart from malformed.
    const QByteArray cut = good.left(good.size() - 3);
    decoder.decode(1, reinterpret_cast<const uchar *>(cut.constData()), int(cut.size()), out);
    QCOMPARE(decoder.counters().truncated, quint64(1));
    // Ethernet padding after the IP packet is not payload.
    const QByteArray padded = good + QByteArray(20, '\0');
    decoder.decode(1, reinterpret_cast<const uchar *>(padded.constData()), int(padded.size()), out);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].payload, QByteArray("payload"));
    // ARP is not IP: unsupported, not malformed.
    QByteArray arp = good;
    arp[12] = char(0x08);
    arp[13] = char(0x06);
    decoder.decode(1, reinterpret_cast<const uchar *>(arp.constData()), int(arp.size()), out);
    QCOMPARE(decoder.counters().unsupported, quint64(1));
    // Random bytes never crash and never produce more than they could hold.
    quint32 state = 12345;
    for (int i = 0; i < 2000; ++i) {
        QByteArray noise(int(state % 200), '\0');
        for (auto &ch : noise) {
            state = state * 1103515245u + 12345u;
            ch = char(state >> 24);
        }
        if (noise.size() > 14) {
            noise[12] = char(0x08);
            noise[13] = char(0x00);
            noise[14] = char(0x45);
        }
        decoder.decode(2, reinterpret_cast<const uchar *>(noise.constData()), int(noise.size()),
                       out);
    }
    QVERIFY(decoder.counters().malformed + decoder.counters().truncated > 1000);
}

// The chain the recorder runs for SIP over TCP: decoder -> framer (reset on a discontinuity)
// -> SipMessage. Message 2 and the head of message 3 are never captured: after the gap
// timeout the framer drops the rest of message 3 and resynchronises on the next start line.
void TestNetPackets::sipOverTcpThroughFramer()
{
    const Endpoint pbx = ep("10.0.0.5", 5060), srs = ep("10.0.0.6", 5060);
    const QByteArray m1 = sipMessage(1, 200), m2 = sipMessage(2, 50), m3 = sipMessage(3, 10);
    const QByteArray tail3 = m3.left(20); // m3 starts in the segment after the lost one
    PcapBuilder builder;
    builder.addTcp(1000, pbx, srs, 0, {}, PcapBuilder::Syn);
    const quint32 base = 1;
    builder.addTcp(2000, pbx, srs, base + 100, m1.mid(100));
    builder.addTcp(3000, pbx, srs, base, m1.left(100));
    // m2 and the first 20 bytes of m3 are never captured.
    const quint32 afterGap = base + quint32(m1.size() + m2.size() + tail3.size());
    builder.addTcp(4000, pbx, srs, afterGap, m3.mid(20) + m1);
    builder.addTcp(4000 + 3000000, pbx, srs, afterGap + quint32(m3.size() - 20 + m1.size()), m3);
    PacketDecoder decoder(DLT_EN10MB);
    const auto out = decodeFrames(decoder, builder.frames());
    cv::sip::SipStreamFramer framer;
    QList<QByteArray> callIds;
    for (const Datagram &d : out) {
        if (d.discontinuity)
            framer.reset();
        framer.append(d.payload);
        for (;;) {
            auto next = framer.next();
            QVERIFY(next.ok());
            if (!next.value())
                break;
            auto message = cv::sip::SipMessage::parse(*next.value());
            QVERIFY2(message.ok(), qPrintable(message.errorMessage()));
            callIds.append(message.value().callId());
        }
    }
    QCOMPARE(callIds, (QList<QByteArray>{"call-1", "call-1", "call-3"}));
    QCOMPARE(decoder.counters().tcpGaps, quint64(1));
    QVERIFY(framer.discardedBytes() > 0);
}

void TestNetPackets::sippG711Pcap()
{
    const QString path = QStringLiteral("/usr/share/sip-tester/g711a.pcap");
    QVERIFY2(QFile::exists(path), "sipp's pcaps are missing: install the package sip-tester");
    QProcess tcpdump;
    tcpdump.start(QStringLiteral("tcpdump"),
                  {QStringLiteral("-nn"), QStringLiteral("-r"), path, QStringLiteral("udp")});
    QVERIFY2(tcpdump.waitForFinished(10000), "tcpdump did not run: install the package tcpdump");
    QCOMPARE(tcpdump.exitCode(), 0);
    const int expected = int(tcpdump.readAllStandardOutput().count('\n'));
    QVERIFY(expected > 100);

    auto source = PcapSource::openFile(path);
    QVERIFY2(source.ok(), qPrintable(source.errorMessage()));
    PacketDecoder decoder(source.value()->linkType());
    QVector<Datagram> out;
    for (;;) {
        auto frame = source.value()->next(0);
        QVERIFY(frame.ok());
        if (!frame.value())
            break;
        decoder.decode(frame.value()->timestampUs,
                       reinterpret_cast<const uchar *>(frame.value()->data.constData()),
                       int(frame.value()->data.size()), out);
    }
    QCOMPARE(out.size(), expected);
    for (const Datagram &d : out) {
        QCOMPARE(d.transport, cv::net::Transport::Udp);
        QVERIFY(d.payload.size() >= 12);
        QCOMPARE(uchar(d.payload[0]) >> 6, 2);   // RTP version 2
        QCOMPARE(uchar(d.payload[1]) & 0x7F, 8); // PCMA
    }
    QCOMPARE(out[0].source.toString(), QStringLiteral("10.1.3.143:5000"));
    QCOMPARE(decoder.counters().malformed, quint64(0));
}

void TestNetPackets::pcapSourceErrors()
{
    auto missing = PcapSource::openFile(m_dir.filePath(QStringLiteral("nope.pcap")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, cv::ErrorCode::Io);
    QVERIFY(missing.errorMessage().contains(QStringLiteral("nope.pcap")));

    QFile junk(m_dir.filePath(QStringLiteral("junk.pcap")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("this is not a capture file at all");
    junk.close();
    QVERIFY(!PcapSource::openFile(junk.fileName()).ok());

    auto noDevice = PcapSource::openLive(QStringLiteral("cvnosuchif0"), {});
    QVERIFY(!noDevice.ok());
    QVERIFY2(noDevice.error().code == cv::ErrorCode::NotFound ||
                 noDevice.error().code == cv::ErrorCode::PermissionDenied,
             qPrintable(noDevice.errorMessage()));

    PcapBuilder builder;
    builder.addUdp(1, ep("10.0.0.1", 1), ep("10.0.0.2", 2), "x");
    const QString path = m_dir.filePath(QStringLiteral("filter.pcap"));
    QVERIFY(builder.write(path).ok());
    auto file = PcapSource::openFile(path);
    QVERIFY(file.ok());
    auto bad = file.value()->setFilter(QStringLiteral("udp port banana"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, cv::ErrorCode::InvalidArgument);
    QVERIFY(bad.errorMessage().contains(QStringLiteral("banana")));
    QVERIFY(file.value()->setFilter(QStringLiteral("tcp")).ok());
    auto none = file.value()->next(0);
    QVERIFY(none.ok() && !none.value()); // the one UDP packet was filtered out
}

void TestNetPackets::liveCaptureOnLoopback()
{
    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
    const quint16 port = receiver.localPort();
    auto opened = PcapSource::openLive(QStringLiteral("lo"),
                                       QStringLiteral("udp and dst port %1").arg(port), 4);
    if (::geteuid() != 0 && !opened.ok()) {
        // Without the capability the error must tell the admin what to do.
        QCOMPARE(opened.error().code, cv::ErrorCode::PermissionDenied);
        QVERIFY(opened.errorMessage().contains(QStringLiteral("CAP_NET_RAW")));
        return;
    }
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    PcapSource &source = *opened.value();
    QVERIFY(!source.isFile());
    QUdpSocket sender;
    QCOMPARE(sender.writeDatagram("live-rtp", QHostAddress::LocalHost, port), qint64(8));
    PacketDecoder decoder(source.linkType());
    QVector<Datagram> out;
    for (int i = 0; i < 50 && out.isEmpty(); ++i) {
        auto frame = source.next(100);
        QVERIFY(frame.ok());
        if (frame.value()) {
            decoder.decode(frame.value()->timestampUs,
                           reinterpret_cast<const uchar *>(frame.value()->data.constData()),
                           int(frame.value()->data.size()), out);
        }
    }
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].payload, QByteArray("live-rtp"));
    QCOMPARE(out[0].destination.port, port);
    auto stats = source.stats();
    QVERIFY(stats.ok());
    QVERIFY(stats.value().received >= 1);

    // breakLoop from another thread ends a long wait at once.
    QElapsedTimer timer;
    timer.start();
    std::thread stopper([&source] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        source.breakLoop();
    });
    auto frame = source.next(10000);
    stopper.join();
    QVERIFY(frame.ok());
    QVERIFY(!frame.value());
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(source.isBroken());
}

QTEST_GUILESS_MAIN(TestNetPackets)
#include "test_net_packets.moc"
