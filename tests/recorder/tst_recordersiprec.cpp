// callvault-recorder's SIPREC recording server (issue 8 item 3): the real program with a
// [siprec] section and no capture interface; a sipp SIPREC client (multipart INVITE with SDP
// for two streams and RFC 7865 metadata) whose two streams the test sends to the answered
// ports; malformed requests answered 4xx; TCP with a metadata update mid-session; TLS 1.3
// only. The result is checked in the catalog and the decrypted recording. SiprecUas is also
// driven directly for what needs no sockets.
#include "recordertestsite.h"

#include "recorder/datagramqueue.h"
#include "recorder/recorderconfig.h"
#include "recorder/siprecuas.h"
#include "recorder/udpmediareceiver.h"
#include "sip/sipmessage.h"
#include "sip/sipstreamframer.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>
#include <QUdpSocket>
#include <QtTest>

#include <cmath>

using namespace cv;
using namespace rectest;

namespace {

// Ports of this test only (loopback); sipp's unused media sockets at 31900.
constexpr quint16 kUdp = 25500, kTcp = 25501, kTls = 25502, kSipp = 25510;
const QString kRtpRange = QStringLiteral("31000-31199");

QString binary()
{
    return qEnvironmentVariable("CALLVAULT_BUILD_DIR") + QStringLiteral("/app/recorder/callvault-recorder");
}

QByteArray metadata(const QByteArray &customerAor, const QByteArray &agentAor, bool complete = true)
{
    const QByteArray agentName = agentAor.isEmpty() ? QByteArray() : "<nameID aor=\"" + agentAor + "\"/>";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
           "<recording xmlns=\"urn:ietf:params:xml:ns:recording:1\">\r\n<datamode>" +
           QByteArray(complete ? "complete" : "partial") +
           "</datamode>\r\n<session session_id=\"s1\"/>\r\n"
           "<participant participant_id=\"pc\"><nameID aor=\"" + customerAor + "\"/></participant>\r\n"
           "<participant participant_id=\"pa\">" + agentName + "</participant>\r\n"
           "<stream stream_id=\"st1\" session_id=\"s1\"><label>1</label></stream>\r\n"
           "<stream stream_id=\"st2\" session_id=\"s1\"><label>2</label></stream>\r\n"
           "<participantstreamassoc participant_id=\"pc\"><send>st1</send><recv>st2</recv></participantstreamassoc>\r\n"
           "<participantstreamassoc participant_id=\"pa\"><send>st2</send><recv>st1</recv></participantstreamassoc>\r\n"
           "</recording>\r\n";
}

QByteArray sdpOffer(const QByteArray &codecs = "0 101", const QByteArray &protocol = "RTP/AVP")
{
    QByteArray sdp = "v=0\r\no=src 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n";
    for (const char *label : {"1", "2"}) {
        sdp += "m=audio 31900 " + protocol + ' ' + codecs + "\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
               "a=label:" + label + "\r\na=sendonly\r\n";
    }
    return sdp;
}

QByteArray multipart(const QByteArray &sdp, const QByteArray &xml)
{
    QByteArray body;
    if (!sdp.isEmpty())
        body += "--b1\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n";
    if (!xml.isEmpty())
        body += "--b1\r\nContent-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n" + xml + "\r\n";
    return body + "--b1--\r\n";
}

struct Request
{
    Request(QByteArray m, QByteArray id, int n = 1, QByteArray t = "UDP", QByteArray tag = {})
        : method(std::move(m)), callId(std::move(id)), cseq(n), transport(std::move(t)), toTag(std::move(tag))
    {
    }
    QByteArray method;
    QByteArray callId;
    int cseq = 1;
    QByteArray transport;
    QByteArray toTag;
    QByteArray branch;
    QByteArray body;
    QByteArray contentType = "multipart/mixed;boundary=b1";

    QByteArray bytes() const
    {
        QByteArray m = method + " sip:srs@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/" + transport + " 127.0.0.1:5999;branch=z9hG4bK" +
                       (branch.isEmpty() ? method + QByteArray::number(cseq) + callId : branch) +
                       "\r\nFrom: <sip:src@127.0.0.1>;tag=src1\r\nTo: <sip:srs@127.0.0.1>" +
                       (toTag.isEmpty() ? QByteArray() : ";tag=" + toTag) + "\r\nCall-ID: " + callId +
                       "\r\nCSeq: " + QByteArray::number(cseq) + ' ' + (method == "ACK" ? QByteArray("ACK") : method) +
                       "\r\nMax-Forwards: 70\r\n";
        if (!body.isEmpty())
            m += "Content-Type: " + contentType + "\r\n";
        return m + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
};

// The two answered ports of a SIPREC 200 OK, in label order.
QList<quint16> answeredPorts(const sip::SipMessage &ok)
{
    QList<quint16> ports;
    const QList<QByteArray> lines = ok.body().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("m=audio "))
            ports << quint16(line.split(' ').value(1).toUInt());
    }
    return ports;
}

// A SIP client on one transport: sends requests, returns the final response.
class SipClient
{
public:
    explicit SipClient(const QByteArray &transport) : m_transport(transport)
    {
        if (transport == "UDP") {
            m_udp.bind(QHostAddress::LocalHost, 0);
        } else if (transport == "TCP") {
            m_tcp.connectToHost(QHostAddress::LocalHost, kTcp);
            m_tcp.waitForConnected(3000);
        }
    }
    bool connectTls(QSsl::SslProtocol protocol)
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setProtocol(protocol);
        c.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_tls.setSslConfiguration(c);
        m_tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), kTls);
        return m_tls.waitForEncrypted(3000);
    }
    void send(const QByteArray &bytes)
    {
        if (m_transport == "UDP")
            m_udp.writeDatagram(bytes, QHostAddress::LocalHost, kUdp);
        else
            socket().write(bytes);
    }
    // Responses until a final one (or none within the timeout).
    std::optional<sip::SipMessage> final(int timeoutMs = 3000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            for (const QByteArray &bytes : receive(50)) {
                auto m = sip::SipMessage::parse(bytes);
                if (m && !m->isRequest() && m->statusCode() >= 200)
                    return m.takeValue();
            }
        }
        return std::nullopt;
    }
    QList<QByteArray> receive(int waitMs)
    {
        QList<QByteArray> out;
        if (m_transport == "UDP") {
            if (!m_udp.hasPendingDatagrams())
                m_udp.waitForReadyRead(waitMs);
            while (m_udp.hasPendingDatagrams())
                out << m_udp.receiveDatagram().data();
            return out;
        }
        socket().waitForReadyRead(waitMs);
        m_framer.append(socket().readAll());
        for (auto next = m_framer.next(); next && next->has_value(); next = m_framer.next())
            out << *next.value();
        return out;
    }
    std::optional<sip::SipMessage> ask(const Request &r)
    {
        send(r.bytes());
        return final();
    }

private:
    QAbstractSocket &socket() { return m_transport == "TLS" ? static_cast<QAbstractSocket &>(m_tls) : m_tcp; }

    QByteArray m_transport;
    QUdpSocket m_udp;
    QTcpSocket m_tcp;
    QSslSocket m_tls;
    sip::SipStreamFramer m_framer;
};

// Sends `ms` of two PCMU tones in 20 ms packets, paced in real time: the customer's 440 Hz
// to `customerPort`, the agent's 1000 Hz to `agentPort`.
void sendTones(quint16 customerPort, quint16 agentPort, int ms, int startPacket = 0)
{
    QUdpSocket socket;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < ms / 20; ++i) {
        const int n = startPacket + i;
        for (const auto &[port, hz, ssrc] : {std::tuple{customerPort, 440.0, 0x1111u}, std::tuple{agentPort, 1000.0, 0x2222u}}) {
            QByteArray packet(12 + 160, '\0');
            packet[0] = char(0x80);
            packet[1] = char(0);
            qToBigEndian<quint16>(quint16(n), packet.data() + 2);
            qToBigEndian<quint32>(quint32(n * 160), packet.data() + 4);
            qToBigEndian<quint32>(ssrc, packet.data() + 8);
            for (int s = 0; s < 160; ++s)
                packet[12 + s] = char(encodePcmu(qint16(0.3 * 32767 * std::sin(2 * M_PI * hz * (n * 160 + s) / 8000))));
            socket.writeDatagram(packet, QHostAddress::LocalHost, port);
        }
        const qint64 due = (i + 1) * 20;
        if (clock.elapsed() < due)
            QThread::msleep(quint64(due - clock.elapsed()));
    }
}

bool run(const QString &program, const QStringList &args, const QString &dir, int timeoutMs, QByteArray *output = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool finished = p.waitForFinished(timeoutMs);
    const QByteArray all = p.readAll();
    if (output)
        *output = all;
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        p.kill();
        p.waitForFinished();
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(u' ')), all.constData());
        return false;
    }
    return true;
}

} // namespace

class TestRecorderSiprec : public QObject
{
    Q_OBJECT

    std::unique_ptr<RecorderTestSite> m_site;
    QProcess m_recorder;
    QString m_sippCallId;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(binary()), qPrintable(binary()));
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sipp")).isEmpty(), "sipp (package sip-tester) is needed");
        QTemporaryDir certs;
        m_site = std::make_unique<RecorderTestSite>(
            QStringLiteral("[siprec]\naddress = 127.0.0.1\nudp_port = %1\ntcp_port = %2\ntls_port = %3\n"
                           "certificate = CERT\nprivate_key = KEY\nrtp_ports = %4\n")
                .arg(kUdp)
                .arg(kTcp)
                .arg(kTls)
                .arg(kRtpRange));
        QVERIFY2(m_site->error().isEmpty(), qPrintable(m_site->error()));
        const QString cert = m_site->path(QStringLiteral("cert.pem")), key = m_site->path(QStringLiteral("key.pem"));
        QVERIFY(run(QStringLiteral("openssl"),
                    {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                     QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                     QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert},
                    m_site->path({}), 20000));
        QFile conf(m_site->configPath());
        QVERIFY(conf.open(QIODevice::ReadWrite));
        QByteArray text = conf.readAll();
        text.replace("CERT", cert.toUtf8()).replace("KEY", key.toUtf8());
        conf.resize(0);
        conf.write(text);
        conf.close();
        QVERIFY(QFile::copy(QStringLiteral(CALLVAULT_SOURCE_DIR "/tests/recorder/sipp/siprec_uac.xml"),
                            m_site->path(QStringLiteral("siprec_uac.xml"))));

        m_recorder.setProcessChannelMode(QProcess::MergedChannels);
        dieWithTest(m_recorder);
        m_recorder.start(binary(), {QStringLiteral("--config"), m_site->configPath()});
        QByteArray log;
        for (int i = 0; i < 300 && !log.contains("capturing on"); ++i) {
            if (m_recorder.state() == QProcess::NotRunning)
                break;
            m_recorder.waitForReadyRead(100);
            log += m_recorder.readAll();
        }
        QVERIFY2(log.contains("SIPREC server on 127.0.0.1") && log.contains("capturing on"), log.constData());
    }

    void cleanupTestCase()
    {
        if (m_recorder.state() != QProcess::NotRunning) { // a test run on its own
            m_recorder.kill();
            m_recorder.waitForFinished();
        }
    }

    // The test: a sipp SIPREC client; the two streams' RTP sent by the test to the
    // ports of the 200 OK (sipp's own media reaches one port only).
    void sippSiprecClientIsRecorded()
    {
        QProcess sipp;
        sipp.setWorkingDirectory(m_site->path({}));
        sipp.setProcessChannelMode(QProcess::MergedChannels);
        sipp.start(QStringLiteral("sipp"), {QStringLiteral("-sf"), QStringLiteral("siprec_uac.xml"), QStringLiteral("-i"),
                                            QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(kSipp),
                                            QStringLiteral("-mp"), QStringLiteral("31900"), QStringLiteral("-m"), QStringLiteral("1"),
                                            QStringLiteral("-nostdin"), QStringLiteral("-trace_err"), QStringLiteral("127.0.0.1:%1").arg(kUdp)});
        QVERIFY(sipp.waitForStarted());
        const QString portsFile = m_site->path(QStringLiteral("siprec_ports.txt"));
        QList<QByteArray> ports;
        for (int i = 0; i < 250 && ports.size() != 2 && sipp.state() == QProcess::Running; ++i) {
            QThread::msleep(20);
            QFile f(portsFile);
            if (f.open(QIODevice::ReadOnly))
                ports = f.readAll().simplified().split(' ');
        }
        if (ports.size() != 2) {
            sipp.kill();
            sipp.waitForFinished();
            QStringList logs;
            for (const QString &f : QDir(m_site->path({})).entryList({QStringLiteral("*errors.log")})) {
                QFile log(m_site->path(f));
                log.open(QIODevice::ReadOnly);
                logs << QString::fromUtf8(log.readAll());
            }
            QFAIL(qPrintable(QString::fromUtf8(sipp.readAll()) + logs.join(u'\n')));
        }
        const quint16 customerPort = quint16(ports[0].toUInt()), agentPort = quint16(ports[1].toUInt());
        QVERIFY(customerPort >= 31000 && agentPort >= 31000 && customerPort != agentPort && customerPort % 2 == 0);
        sendTones(customerPort, agentPort, 2000);
        QVERIFY(sipp.waitForFinished(10000));
        const QByteArray out = sipp.readAll();
        QVERIFY2(sipp.exitCode() == 0, out.constData());
    }

    void malformedRequestsAreRefusedWithAReason()
    {
        SipClient client("UDP");
        Request bad{"INVITE", "bad-metadata-1"};
        bad.body = multipart(sdpOffer(), "<recording xmlns=\"urn:ietf:params:xml:ns:recording:1\"><participant");
        auto answer = client.ask(bad);
        QVERIFY(answer);
        QCOMPARE(answer->statusCode(), 400);
        QVERIFY2(answer->reasonPhrase().startsWith("Malformed recording metadata"), answer->reasonPhrase().constData());
        QVERIFY(answer->header("reason").contains("cause=400"));

        Request noMetadata{"INVITE", "no-metadata-1"};
        noMetadata.body = sdpOffer();
        noMetadata.contentType = "application/sdp";
        answer = client.ask(noMetadata);
        QVERIFY(answer);
        QCOMPARE(answer->statusCode(), 400);
        QVERIFY2(answer->reasonPhrase().contains("rs-metadata+xml"), answer->reasonPhrase().constData());

        Request badSdp{"INVITE", "bad-sdp-1"};
        badSdp.body = multipart("v=0\r\nm=audio x RTP/AVP 0\r\n", metadata("tel:+8613800138000", "sip:1001@pbx"));
        answer = client.ask(badSdp);
        QVERIFY(answer);
        QCOMPARE(answer->statusCode(), 400);
        QVERIFY2(answer->reasonPhrase().startsWith("Malformed SDP"), answer->reasonPhrase().constData());

        Request srtp{"INVITE", "srtp-1"};
        srtp.body = multipart(sdpOffer("0 101", "RTP/SAVP"), metadata("tel:+8613800138000", "sip:1001@pbx"));
        answer = client.ask(srtp);
        QVERIFY(answer);
        QCOMPARE(answer->statusCode(), 488);

        answer = client.ask(Request{"BYE", "no-such-dialog", 2, "UDP", "abc"});
        QVERIFY(answer);
        QCOMPARE(answer->statusCode(), 481);

        // Still there, answering.
        answer = client.ask(Request{"OPTIONS", "options-1"});
        QVERIFY(answer);
        QCOMPARE(answer->statusCode(), 200);
        QVERIFY(answer->header("allow").contains("INVITE"));
    }

    // A retransmitted INVITE gets the same 200 OK again, not a second session.
    void retransmittedInviteIsOneSession()
    {
        SipClient client("UDP");
        Request invite{"INVITE", "retransmitted-1"};
        invite.body = multipart(sdpOffer(), metadata("tel:+8613800138001", "sip:1001@pbx"));
        auto first = client.ask(invite);
        QVERIFY(first);
        QCOMPARE(first->statusCode(), 200);
        auto again = client.ask(invite);
        QVERIFY(again);
        QCOMPARE(again->serialize(), first->serialize());
        // Without an ACK the 200 OK comes again by itself (RFC 3261 13.3.1.4).
        QVERIFY(client.final(1500));
        Request ack{"ACK", "retransmitted-1", 1, "UDP", first->to().tag};
        client.send(ack.bytes());
        auto bye = client.ask(Request{"BYE", "retransmitted-1", 2, "UDP", first->to().tag});
        QVERIFY(bye);
        QCOMPARE(bye->statusCode(), 200);
    }

    // SIP over TCP; a re-INVITE with new metadata (the agent's number now known) keeps the ports.
    void tcpSessionWithMetadataUpdate()
    {
        SipClient client("TCP");
        Request invite{"INVITE", "tcp-update-1", 1, "TCP"};
        invite.body = multipart(sdpOffer(), metadata("tel:+8613800138002", {}));
        auto ok = client.ask(invite);
        QVERIFY(ok);
        QCOMPARE(ok->statusCode(), 200);
        const QList<quint16> ports = answeredPorts(*ok);
        QCOMPARE(ports.size(), 2);
        QVERIFY(ok->body().contains("a=recvonly") && ok->body().contains("a=label:2") && ok->body().contains("PCMU/8000"));
        client.send(Request{"ACK", "tcp-update-1", 1, "TCP", ok->to().tag}.bytes());
        sendTones(ports[0], ports[1], 600);

        Request reinvite{"INVITE", "tcp-update-1", 2, "TCP", ok->to().tag};
        reinvite.body = multipart(sdpOffer(), metadata("tel:+8613800138002", "sip:1002@pbx"));
        auto again = client.ask(reinvite);
        QVERIFY(again);
        QCOMPARE(again->statusCode(), 200);
        QCOMPARE(answeredPorts(*again), ports);
        client.send(Request{"ACK", "tcp-update-1", 2, "TCP", ok->to().tag}.bytes());
        sendTones(ports[0], ports[1], 600, 30);

        auto bye = client.ask(Request{"BYE", "tcp-update-1", 3, "TCP", ok->to().tag});
        QVERIFY(bye);
        QCOMPARE(bye->statusCode(), 200);
    }

    void tlsIsVersion13Only()
    {
        SipClient tls12("TLS");
        QVERIFY(!tls12.connectTls(QSsl::TlsV1_2));
        SipClient tls13("TLS");
        QVERIFY(tls13.connectTls(QSsl::TlsV1_3));
        auto answer = tls13.ask(Request{"OPTIONS", "tls-options-1", 1, "TLS"});
        QVERIFY(answer);
        QCOMPARE(answer->statusCode(), 200);
        Request invite{"INVITE", "tls-session-1", 1, "TLS"};
        invite.body = multipart(sdpOffer(), metadata("tel:+8613800138003", "sip:1001@pbx"));
        auto ok = tls13.ask(invite);
        QVERIFY(ok);
        QCOMPARE(ok->statusCode(), 200);
        QVERIFY(ok->header("contact").contains("transport=tls"));
        tls13.send(Request{"ACK", "tls-session-1", 1, "TLS", ok->to().tag}.bytes());
        auto bye = tls13.ask(Request{"BYE", "tls-session-1", 2, "TLS", ok->to().tag});
        QVERIFY(bye);
        QCOMPARE(bye->statusCode(), 200);
    }

    // SiprecUas alone: codec choice, a third stream refused, a partial metadata update by
    // UPDATE that changes the agent, 405 for other methods, the pool's ports all returned.
    void uasAnswersAndUpdates()
    {
        QSet<quint16> bound;
        quint16 next = 40000;
        int limit = 100;
        recorder::SiprecUas uas(
            {},
            [&]() -> Result<quint16> {
                if (bound.size() >= limit)
                    return makeError(ErrorCode::Io, QStringLiteral("empty"));
                next = quint16(next + 2);
                bound.insert(next);
                return next;
            },
            [&](quint16 port) { QVERIFY(bound.remove(port)); });
        recorder::SiprecUas::Peer peer;
        peer.transport = "TCP";
        peer.local = QHostAddress::LocalHost;
        peer.localPort = 5061;
        QByteArray sdp = sdpOffer("8 0 101");
        sdp += "m=audio 31904 RTP/AVP 0\r\na=label:3\r\n";
        Request invite{"INVITE", "uas-1", 1, "TCP"};
        invite.body = multipart(sdp, metadata("sip:+8613800138000@gw", "sip:1001@pbx"));
        auto out = uas.handle(invite.bytes(), peer);
        QCOMPARE(out.responses.size(), 2);
        auto ok = sip::SipMessage::parse(out.responses.at(1));
        QVERIFY(ok);
        QCOMPARE(ok->statusCode(), 200);
        QVERIFY2(ok->body().contains("a=rtpmap:8 PCMA/8000") && ok->body().contains("m=audio 0 RTP/AVP 0"), ok->body().constData());
        QVERIFY(ok->header("contact").contains("transport=tcp"));
        QCOMPARE(bound.size(), 2);
        QCOMPARE(out.events.size(), 1);
        const recorder::CallTracker::SiprecCall call = out.events.first().call; // a copy: `out` is reused below
        QCOMPARE(call.parties.agentId, QStringLiteral("1001"));
        QCOMPARE(call.parties.customerPhone, QStringLiteral("+8613800138000"));
        QCOMPARE(call.customerPort, answeredPorts(ok.value()).at(0));
        QCOMPARE(call.agentPort, answeredPorts(ok.value()).at(1));
        QCOMPARE(call.formats[0].value(8).encoding, QByteArray("PCMA"));

        // The agent participant gets another number (datamode partial): lanes stay, agent changes.
        Request update{"UPDATE", "uas-1", 2, "TCP", ok->to().tag};
        update.body = "<?xml version=\"1.0\"?><recording xmlns=\"urn:ietf:params:xml:ns:recording:1\"><datamode>partial"
                      "</datamode><participant participant_id=\"pa\"><nameID aor=\"tel:1007\"/></participant></recording>";
        update.contentType = "application/rs-metadata+xml";
        out = uas.handle(update.bytes(), peer);
        QCOMPARE(out.responses.size(), 1);
        QCOMPARE(sip::SipMessage::parse(out.responses.first())->statusCode(), 200);
        QCOMPARE(out.events.size(), 1);
        QCOMPARE(out.events.first().kind, recorder::SiprecUas::Event::Kind::Update);
        QCOMPARE(out.events.first().call.parties.agentId, QStringLiteral("1007"));
        QCOMPARE(out.events.first().call.agentPort, call.agentPort);

        out = uas.handle(Request{"MESSAGE", "uas-1", 3, "TCP", ok->to().tag}.bytes(), peer);
        QCOMPARE(sip::SipMessage::parse(out.responses.first())->statusCode(), 405);

        // An empty pool: 503, and the port taken for the first stream goes back.
        limit = 3;
        Request second{"INVITE", "uas-2", 1, "TCP"};
        second.body = multipart(sdpOffer(), metadata("tel:+8613800138000", "tel:1001"));
        out = uas.handle(second.bytes(), peer);
        QCOMPARE(sip::SipMessage::parse(out.responses.last())->statusCode(), 503);
        QCOMPARE(bound.size(), 2);
        QCOMPARE(uas.sessionCount(), 1);

        out = uas.handle(Request{"BYE", "uas-1", 4, "TCP", ok->to().tag}.bytes(), peer);
        QCOMPARE(out.events.size(), 1);
        QCOMPARE(out.events.first().kind, recorder::SiprecUas::Event::Kind::End);
        QVERIFY(bound.isEmpty());
    }

    // The RTP side: even ports of the range, datagrams into a bounded queue (drops counted),
    // a released port free again.
    void mediaReceiverAndQueue()
    {
        recorder::DatagramQueue queue(3);
        recorder::UdpMediaReceiver receiver(queue, QHostAddress::LocalHost, 31501, 31506);
        auto a = receiver.bind(), b = receiver.bind();
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.value(), quint16(31502));
        QCOMPARE(b.value(), quint16(31504));
        QUdpSocket sender;
        for (int i = 0; i < 5; ++i)
            sender.writeDatagram(QByteArray(20, char(0x80)), QHostAddress::LocalHost, a.value());
        QVector<net::Datagram> got;
        for (int i = 0; i < 50 && queue.size() + queue.dropped() < 5; ++i)
            QThread::msleep(10);
        queue.drain(got, 100);
        QCOMPARE(got.size(), 3);
        QCOMPARE(queue.dropped(), qint64(2));
        QCOMPARE(got.first().destination.port, a.value());
        QVERIFY(got.first().timestampUs > 0);
        receiver.release(a.value());
        QThread::msleep(60); // the reader closes it at its next turn
        QUdpSocket other;
        QVERIFY(other.bind(QHostAddress::LocalHost, a.value())); // really closed
        other.close();
        auto c = receiver.bind(), d = receiver.bind();
        QVERIFY(c.ok() && d.ok());
        QVERIFY(!receiver.bind().ok()); // 31502..31506: three even ports, all taken
        QCOMPARE(receiver.boundPorts(), 3);
    }

    void configSection()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.conf"));
        auto load = [&](const QByteArray &text) {
            QFile f(path);
            f.open(QIODevice::WriteOnly | QIODevice::Truncate);
            f.write(text);
            f.close();
            return recorder::RecorderConfig::load(path);
        };
        auto ok = load("[siprec]\naddress = 0.0.0.0\nudp_port = 5060\nrtp_ports = 40000-40099\n");
        QVERIFY2(ok.ok(), qPrintable(ok.errorMessage()));
        QVERIFY(ok->siprecEnabled());
        QCOMPARE(ok->siprecRtpFirst, quint16(40000));
        QCOMPARE(ok->siprecRtpLast, quint16(40099));
        QVERIFY(!recorder::RecorderConfig{}.siprecEnabled());
        auto bad = load("[siprec]\ntls_port = 5061\nrtp_ports = 100-50\n");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.errorMessage().contains(QStringLiteral("siprec/rtp_ports")) &&
                     bad.errorMessage().contains(QStringLiteral("siprec/certificate")),
                 qPrintable(bad.errorMessage()));
    }

    // SIGTERM, then the catalog: one stereo recording per accepted session, numbers and
    // metadata from the SIPREC metadata, each lane its participant's tone.
    void catalogHasTheSessions()
    {
        m_recorder.terminate();
        QVERIFY(m_recorder.waitForFinished(30000));
        const QByteArray log = m_recorder.readAll();
        QVERIFY2(m_recorder.exitStatus() == QProcess::NormalExit && m_recorder.exitCode() == 0, log.constData());

        QHash<QString, CapturedCallRow> byCallId;
        for (const CapturedCallRow &row : m_site->capturedCalls())
            byCallId.insert(row.sipCallId, row);
        QCOMPARE(byCallId.size(), 4); // sipp's, the retransmitted one, the TCP one, the TLS one
        QVERIFY(byCallId.contains(QStringLiteral("retransmitted-1")));
        QVERIFY(byCallId.contains(QStringLiteral("tls-session-1")));
        QVERIFY(byCallId.contains(QStringLiteral("tcp-update-1")));
        CapturedCallRow sipp;
        for (const CapturedCallRow &row : std::as_const(byCallId)) {
            if (!QStringList{QStringLiteral("retransmitted-1"), QStringLiteral("tcp-update-1"), QStringLiteral("tls-session-1")}
                     .contains(row.sipCallId))
                sipp = row;
        }
        QCOMPARE(completenessToText(sipp.completeness), QStringLiteral("complete"));
        QCOMPARE(sipp.agentId, QStringLiteral("1001"));
        QCOMPARE(sipp.customerPhone, QStringLiteral("+8613800138000"));
        const QJsonObject siprec = sipp.details.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("siprec")).toObject();
        QCOMPARE(siprec.value(QStringLiteral("sessionId")).toString(), QStringLiteral("hVpd7YQgRW2nD22h7q60JQ=="));
        const QJsonArray participants = siprec.value(QStringLiteral("participants")).toArray();
        QCOMPARE(participants.size(), 2);
        QCOMPARE(participants.at(1).toObject().value(QStringLiteral("number")).toString(), QStringLiteral("1001"));
        QVERIFY(sipp.recordingId.has_value());
        auto decoded = m_site->decode(*sipp.recordingId);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->pcm.size() % 2, 0);
        const qint64 ms = decoded->frames() * 1000 / 48000;
        // From the first RTP (just after the ACK) to sipp's BYE 3 s after the ACK; the last
        // second is silence (the test sends 2 s of tones).
        QVERIFY2(ms >= 2700 && ms <= 3300, qPrintable(QString::number(ms)));
        const double agent = toneDb(decoded->pcm, 2, 0, 48000, 1000, 24000, 48000);
        const double leak = toneDb(decoded->pcm, 2, 0, 48000, 440, 24000, 48000);
        const double customer = toneDb(decoded->pcm, 2, 1, 48000, 440, 24000, 48000);
        QVERIFY2(agent > -25 && customer > -25 && agent - leak >= 30,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(agent).arg(customer).arg(leak)));

        const CapturedCallRow tcp = byCallId.value(QStringLiteral("tcp-update-1"));
        QCOMPARE(tcp.agentId, QStringLiteral("1002")); // from the metadata update
        QCOMPARE(tcp.customerPhone, QStringLiteral("+8613800138002"));
        QCOMPARE(completenessToText(tcp.completeness), QStringLiteral("complete"));
        QCOMPARE(completenessToText(byCallId.value(QStringLiteral("retransmitted-1")).completeness), QStringLiteral("no_rtp"));
    }
};

QTEST_GUILESS_MAIN(TestRecorderSiprec)
#include "tst_recordersiprec.moc"
