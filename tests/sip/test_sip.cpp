#include "sip/multipartbody.h"
#include "sip/sdpsession.h"
#include "sip/sipmessage.h"
#include "sip/siprecmetadata.h"
#include "sip/sipstreamframer.h"

#include <QTest>

using cv::sip::MultipartBody;
using cv::sip::SdpSession;
using cv::sip::SipMessage;
using cv::sip::SiprecMetadata;
using cv::sip::SipStreamFramer;

namespace {

// Line ends written as \n in the literals below become CRLF, as on the wire.
QByteArray crlf(const char *text)
{
    QByteArray bytes(text);
    bytes.replace("\n", "\r\n");
    return bytes;
}

const char *const kSdpOffer = "v=0\n"
                              "o=alice 2890844526 2890844527 IN IP4 192.0.2.10\n"
                              "s=-\n"
                              "c=IN IP4 192.0.2.10\n"
                              "t=0 0\n"
                              "m=audio 49170 RTP/AVP 8 0 18 101\n"
                              "a=rtpmap:101 telephone-event/8000\n"
                              "a=fmtp:101 0-16\n"
                              "a=ptime:20\n"
                              "a=sendrecv\n";

QByteArray invite()
{
    const QByteArray sdp = crlf(kSdpOffer);
    return crlf(
               "INVITE sip:+8613900000000@pbx.example.com;user=phone SIP/2.0\n"
               "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\n"
               "Via: SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bKnashds8, SIP/2.0/TCP "
               "203.0.113.7;branch=z9hG4bK1\n"
               "Max-Forwards: 70\n"
               "To: <sip:+8613900000000@pbx.example.com>\n"
               "From: \"Zhang, San\" <sip:+8613800000000@pbx.example.com>;tag=1928301774\n"
               "Call-ID: a84b4c76e66710@pc33.example.com\n"
               "CSeq: 314159 INVITE\n"
               "Contact: <sip:alice@192.0.2.10:5060>\n"
               "P-Asserted-Identity: \"Agent 7\" <sip:7007@pbx.example.com>, <tel:+8613800000000>\n"
               "Subject: a call,\n"
               " folded onto two lines\n"
               "Allow: INVITE, ACK, CANCEL, BYE\n"
               "Allow: OPTIONS\n"
               "Content-Type: application/sdp\n"
               "Content-Length: ") +
           QByteArray::number(sdp.size()) + "\r\n\r\n" + sdp;
}

const char *const kMetadata = R"(<?xml version="1.0" encoding="UTF-8"?>
<recording xmlns='urn:ietf:params:xml:ns:recording:1'>
  <datamode>complete</datamode>
  <group group_id="7+OTCyoxTmqmqyA/1weDAg==">
    <associate-time>2010-12-16T23:41:07Z</associate-time>
  </group>
  <session session_id="hVpd7YQgRW2nD22h7q60JQ==">
    <sipSessionID>ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2</sipSessionID>
    <group-ref>7+OTCyoxTmqmqyA/1weDAg==</group-ref>
  </session>
  <participant participant_id="srfBElmCRp2QB23b7Mpk0w==">
    <nameID aor="sip:+8613800000000@pbx.example.com;user=phone">
      <name xml:lang="zh">张三</name>
    </nameID>
  </participant>
  <participant participant_id="zSfPoSvdSDCmU3A3TRDxAw==">
    <nameID aor="tel:+86-139-0000-0000">
      <name xml:lang="en">Customer</name>
    </nameID>
  </participant>
  <stream stream_id="UAAMm5GRQKSCMVvLyl4rFw==" session_id="hVpd7YQgRW2nD22h7q60JQ==">
    <label>96</label>
  </stream>
  <stream stream_id="i1Pz3to5hGk8fuXl+PbwCw==" session_id="hVpd7YQgRW2nD22h7q60JQ==">
    <label>97</label>
  </stream>
  <sessionrecordingassoc session_id="hVpd7YQgRW2nD22h7q60JQ==">
    <associate-time>2010-12-16T23:41:07Z</associate-time>
  </sessionrecordingassoc>
  <participantsessionassoc participant_id="srfBElmCRp2QB23b7Mpk0w==" session_id="hVpd7YQgRW2nD22h7q60JQ==">
    <associate-time>2010-12-16T23:41:07Z</associate-time>
  </participantsessionassoc>
  <participantstreamassoc participant_id="srfBElmCRp2QB23b7Mpk0w==">
    <send>i1Pz3to5hGk8fuXl+PbwCw==</send>
    <recv>UAAMm5GRQKSCMVvLyl4rFw==</recv>
  </participantstreamassoc>
  <participantstreamassoc participant_id="zSfPoSvdSDCmU3A3TRDxAw==">
    <send>UAAMm5GRQKSCMVvLyl4rFw==</send>
    <recv>i1Pz3to5hGk8fuXl+PbwCw==</recv>
  </participantstreamassoc>
</recording>
)";

} // namespace

class TestSip final : public QObject
{
    Q_OBJECT

private slots:
    void inviteWithSdp();
    void compactHeadersAndBareLf();
    void responsesByeCancel();
    void bodyLengths();
    void responseBuildingRoundTrip();
    void malformedMessages();
    void nameAddrForms();
    void tcpFraming();
    void tcpFramingErrorsResync();
    void sdpOffer();
    void sdpVariants();
    void sdpErrors();
    void multipartSiprecInvite();
    void multipartErrors();
    void siprecMetadata();
    void siprecLegacyLayoutAndNumbers();
    void siprecMetadataErrors();
};

void TestSip::inviteWithSdp()
{
    auto parsed = SipMessage::parse(invite());
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const SipMessage &m = parsed.value();
    QVERIFY(m.isRequest());
    QCOMPARE(m.method(), QByteArray("INVITE"));
    QCOMPARE(m.requestUri(), QByteArray("sip:+8613900000000@pbx.example.com;user=phone"));
    QCOMPARE(m.callId(), QByteArray("a84b4c76e66710@pc33.example.com"));
    QCOMPARE(m.cseq().number, quint32(314159));
    QCOMPARE(m.cseq().method, QByteArray("INVITE"));
    QCOMPARE(m.header("CALL-ID"), m.callId());
    QCOMPARE(m.header("i"), m.callId()); // compact form of the same header
    // Via: two lines, the second a comma list: three values, first value first.
    const QList<QByteArray> vias = m.headerValues("via");
    QCOMPARE(vias.size(), 3);
    QCOMPARE(m.header("v"),
             QByteArray("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport"));
    QCOMPARE(vias[2], QByteArray("SIP/2.0/TCP 203.0.113.7;branch=z9hG4bK1"));
    QCOMPARE(m.headerValues("allow").size(), 5);
    // A folded line is joined; Subject is not a list header, its comma stays.
    QCOMPARE(m.header("subject"), QByteArray("a call, folded onto two lines"));
    QCOMPARE(m.headerValues("s").size(), 1);
    const auto from = m.from();
    QCOMPARE(from.displayName, QByteArray("Zhang, San"));
    QCOMPARE(from.user, QByteArray("+8613800000000"));
    QCOMPARE(from.host, QByteArray("pbx.example.com"));
    QCOMPARE(from.tag, QByteArray("1928301774"));
    QCOMPARE(m.to().user, QByteArray("+8613900000000"));
    QVERIFY(m.to().tag.isEmpty());
    const auto pai = m.pAssertedIdentity();
    QVERIFY(pai.has_value());
    QCOMPARE(pai->displayName, QByteArray("Agent 7"));
    QCOMPARE(pai->user, QByteArray("7007"));
    QCOMPARE(m.pAssertedIdentities().size(), 2);
    QCOMPARE(m.pAssertedIdentities()[1].user, QByteArray("+8613800000000"));
    QCOMPARE(m.mediaType(), QByteArray("application/sdp"));
    QCOMPARE(m.body(), crlf(kSdpOffer));
    auto sdp = SdpSession::parse(m.body());
    QVERIFY(sdp.ok());
    QCOMPARE(sdp.value().media.size(), 1);
}

void TestSip::compactHeadersAndBareLf()
{
    // A compact-form message with bare LF line ends, as some embedded stacks send.
    const QByteArray bytes = "\r\n\r\nINVITE sip:bob@example.com SIP/2.0\n"
                             "v: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa\n"
                             "f: <sip:alice@example.com>;tag=88\n"
                             "t: Bob <sip:bob@example.com>\n"
                             "i: compact-1@10.0.0.1\n"
                             "CSeq: 1 INVITE\n"
                             "m: <sip:alice@10.0.0.1>\n"
                             "k: 100rel, timer\n"
                             "c: application/sdp\n"
                             "l: 4\n"
                             "\n"
                             "v=0\nthis is beyond Content-Length";
    auto parsed = SipMessage::parse(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const SipMessage &m = parsed.value();
    QCOMPARE(m.header("Call-ID"), QByteArray("compact-1@10.0.0.1"));
    QCOMPARE(m.header("Via"), QByteArray("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKa"));
    QCOMPARE(m.from().tag, QByteArray("88"));
    QCOMPARE(m.to().displayName, QByteArray("Bob"));
    QCOMPARE(m.header("contact"), QByteArray("<sip:alice@10.0.0.1>"));
    QCOMPARE(m.headerValues("supported"), (QList<QByteArray>{"100rel", "timer"}));
    QCOMPARE(m.contentType(), QByteArray("application/sdp"));
    QCOMPARE(m.body(), QByteArray("v=0\n")); // cut at Content-Length
}

void TestSip::responsesByeCancel()
{
    const QByteArray ok =
        crlf("SIP/2.0 200 OK\n"
             "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;received=192.0.2.10\n"
             "To: <sip:+8613900000000@pbx.example.com>;tag=a6c85cf\n"
             "From: <sip:+8613800000000@pbx.example.com>;tag=1928301774\n"
             "Call-ID: a84b4c76e66710@pc33.example.com\n"
             "CSeq: 314159 INVITE\n"
             "Contact: <sip:bob@192.0.2.4>\n"
             "Content-Length: 0\n\n");
    auto response = SipMessage::parse(ok);
    QVERIFY2(response.ok(), qPrintable(response.errorMessage()));
    QVERIFY(!response.value().isRequest());
    QCOMPARE(response.value().statusCode(), 200);
    QCOMPARE(response.value().reasonPhrase(), QByteArray("OK"));
    QCOMPARE(response.value().to().tag, QByteArray("a6c85cf"));
    QCOMPARE(response.value().cseq().method, QByteArray("INVITE"));
    QVERIFY(response.value().body().isEmpty());

    const QByteArray reason = crlf("SIP/2.0 486 Busy Here Right Now\n"
                                   "Via: SIP/2.0/UDP h;branch=z9hG4bKx\n"
                                   "To: <sip:b@h>;tag=x\nFrom: <sip:a@h>;tag=y\nCall-ID: c\n"
                                   "CSeq: 2 INVITE\nContent-Length: 0\n\n");
    QCOMPARE(SipMessage::parse(reason).value().reasonPhrase(), QByteArray("Busy Here Right Now"));

    const QByteArray bye = crlf("BYE sip:alice@192.0.2.10:5060 SIP/2.0\n"
                                "Via: SIP/2.0/TCP 192.0.2.4;branch=z9hG4bKnashds10\n"
                                "Max-Forwards: 70\n"
                                "From: <sip:+8613900000000@pbx.example.com>;tag=a6c85cf\n"
                                "To: <sip:+8613800000000@pbx.example.com>;tag=1928301774\n"
                                "Call-ID: a84b4c76e66710@pc33.example.com\n"
                                "CSeq: 231 BYE\n"
                                "Reason: Q.850;cause=16;text=\"Normal call clearing\"\n"
                                "Content-Length: 0\n\n");
    auto byeParsed = SipMessage::parse(bye);
    QVERIFY(byeParsed.ok());
    QCOMPARE(byeParsed.value().method(), QByteArray("BYE"));
    QCOMPARE(byeParsed.value().cseq().number, quint32(231));
    QCOMPARE(byeParsed.value().header("reason"),
             QByteArray("Q.850;cause=16;text=\"Normal call clearing\""));

    const QByteArray cancel = crlf("CANCEL sip:+8613900000000@pbx.example.com SIP/2.0\n"
                                   "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds\n"
                                   "Max-Forwards: 70\n"
                                   "To: <sip:+8613900000000@pbx.example.com>\n"
                                   "From: <sip:+8613800000000@pbx.example.com>;tag=1928301774\n"
                                   "Call-ID: a84b4c76e66710@pc33.example.com\n"
                                   "CSeq: 314159 CANCEL\n\n");
    auto cancelParsed = SipMessage::parse(cancel);
    QVERIFY2(cancelParsed.ok(), qPrintable(cancelParsed.errorMessage()));
    QCOMPARE(cancelParsed.value().method(), QByteArray("CANCEL"));
    QCOMPARE(cancelParsed.value().cseq().number, quint32(314159));
}

void TestSip::bodyLengths()
{
    const QByteArray head =
        crlf("MESSAGE sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bKm\n"
             "To: <sip:b@h>\nFrom: <sip:a@h>;tag=1\nCall-ID: m1\nCSeq: 1 MESSAGE\n");
    // No Content-Length (allowed on UDP): the body is the rest of the datagram.
    auto noLength = SipMessage::parse(head + "\r\nhello");
    QVERIFY(noLength.ok());
    QCOMPARE(noLength.value().body(), QByteArray("hello"));
    // Longer than declared: cut.
    auto longer = SipMessage::parse(head + "Content-Length: 3\r\n\r\nhello");
    QVERIFY(longer.ok());
    QCOMPARE(longer.value().body(), QByteArray("hel"));
    // Shorter than declared: the message was cut, an error.
    auto shorter = SipMessage::parse(head + "Content-Length: 30\r\n\r\nhello");
    QVERIFY(!shorter.ok());
    QVERIFY(shorter.errorMessage().contains(QStringLiteral("Content-Length")));
    // Two different lengths, or one that is no number: errors.
    QVERIFY(!SipMessage::parse(head + "Content-Length: 3\r\nl: 4\r\n\r\nhello").ok());
    QVERIFY(!SipMessage::parse(head + "Content-Length: -1\r\n\r\nhello").ok());
    QVERIFY(!SipMessage::parse(head + "Content-Length: 3x\r\n\r\nhello").ok());
    // No blank line and no body: tolerated (some UDP senders end with the last header).
    auto noBlank = SipMessage::parse(head);
    QVERIFY(noBlank.ok());
    QVERIFY(noBlank.value().body().isEmpty());
}

void TestSip::responseBuildingRoundTrip()
{
    auto request = SipMessage::parse(invite());
    QVERIFY(request.ok());
    SipMessage trying = SipMessage::response(request.value(), 100, "Trying", "srs-tag");
    QCOMPARE(trying.to().tag, QByteArray()); // 100 Trying is not tagged
    SipMessage ok = SipMessage::response(request.value(), 200, "OK", "srs-tag");
    ok.addHeader("Contact", "<sip:srs@192.0.2.99:5060>");
    const QByteArray answer = crlf("v=0\no=srs 1 1 IN IP4 192.0.2.99\ns=-\nc=IN IP4 192.0.2.99\n"
                                   "t=0 0\nm=audio 30000 RTP/AVP 8\na=recvonly\n");
    ok.setBody(answer, "application/sdp");
    const QByteArray wire = ok.serialize();
    QVERIFY(wire.startsWith("SIP/2.0 200 OK\r\n"));
    QVERIFY(wire.contains(
        QByteArray("Content-Length: " + QByteArray::number(answer.size()) + "\r\n\r\n")));

    auto reparsed = SipMessage::parse(wire);
    QVERIFY2(reparsed.ok(), qPrintable(reparsed.errorMessage()));
    const SipMessage &r = reparsed.value();
    QCOMPARE(r.statusCode(), 200);
    QCOMPARE(r.headerValues("via"), request.value().headerValues("via"));
    QCOMPARE(r.callId(), request.value().callId());
    QCOMPARE(r.cseq().number, request.value().cseq().number);
    QCOMPARE(r.cseq().method, QByteArray("INVITE"));
    QCOMPARE(r.from().tag, QByteArray("1928301774"));
    QCOMPARE(r.to().tag, QByteArray("srs-tag"));
    QCOMPARE(r.to().user, QByteArray("+8613900000000"));
    QCOMPARE(r.body(), answer);
    QCOMPARE(r.mediaType(), QByteArray("application/sdp"));
    QVERIFY(!r.hasHeader("p-asserted-identity")); // only the dialog headers are copied
    QVERIFY(!r.hasHeader("subject"));

    // setHeader replaces every line of the header, compact forms included.
    SipMessage built = SipMessage::request("OPTIONS", "sip:srs@example.com");
    built.addHeader("Via", "SIP/2.0/UDP a;branch=z9hG4bK1");
    built.addHeader("v", "SIP/2.0/UDP b;branch=z9hG4bK2");
    built.setHeader("Via", "SIP/2.0/UDP c;branch=z9hG4bK3");
    QCOMPARE(built.headerValues("via"), QList<QByteArray>{"SIP/2.0/UDP c;branch=z9hG4bK3"});
    // A value with a line break cannot inject a header.
    built.setHeader("Subject", "x\r\nEvil: 1");
    built.addHeader("From", "<sip:a@b>;tag=1");
    built.addHeader("To", "<sip:srs@example.com>");
    built.addHeader("Call-ID", "o1");
    built.addHeader("CSeq", "1 OPTIONS");
    auto options = SipMessage::parse(built.serialize());
    QVERIFY2(options.ok(), qPrintable(options.errorMessage()));
    QVERIFY(!options.value().hasHeader("evil"));
    QCOMPARE(options.value().method(), QByteArray("OPTIONS"));
}

void TestSip::malformedMessages()
{
    const QByteArray good = invite();
    QVERIFY(SipMessage::parse(good).ok());
    const QList<QByteArray> bad = {
        {},
        "\r\n\r\n",
        "HELLO\r\n\r\n",
        QByteArray(good).replace("SIP/2.0\r\n", "SIP/3.0\r\n"),
        QByteArray(good).replace("Call-ID:", "X-Call-ID:"),
        QByteArray(good).replace("CSeq: 314159 INVITE", "CSeq: INVITE"),
        QByteArray(good).replace("CSeq: 314159 INVITE", "CSeq: 99999999999 INVITE"),
        QByteArray(good).replace("From: ", "X-From: "),
        QByteArray(good).replace("To: <sip:+8613900000000@pbx.example.com>", "To: <sip:+86139"),
        QByteArray(good).replace("Max-Forwards: 70", "Max Forwards: 70"),
        "SIP/2.0 99 Too Low\r\nCall-ID: x\r\nCSeq: 1 A\r\nFrom: <sip:a@b>\r\nTo: <sip:a@b>\r\n\r\n",
        "SIP/2.0 2000 OK\r\n\r\n",
        " folded-first: x\r\n",
        good.left(good.size() - 10), // body cut short
        QByteArray(SipMessage::kMaxMessageBytes + 1, 'A'),
    };
    for (const QByteArray &bytes : bad) {
        auto parsed = SipMessage::parse(bytes);
        QVERIFY2(!parsed.ok(), bytes.left(60).constData());
        QVERIFY(!parsed.errorMessage().isEmpty());
        QCOMPARE(parsed.error().code, cv::ErrorCode::Format);
    }
    // 200 headers are allowed, 201 are not.
    QByteArray many = crlf(
        "OPTIONS sip:a@b SIP/2.0\nCall-ID: x\nCSeq: 1 OPTIONS\nFrom: <sip:a@b>\nTo: <sip:a@b>\n");
    for (int i = 0; i < 196; ++i)
        many += "X-H: " + QByteArray::number(i) + "\r\n";
    QVERIFY(SipMessage::parse(many + "\r\n").ok());
    QVERIFY(!SipMessage::parse(many + "X-H: last\r\n\r\n").ok());
}

void TestSip::nameAddrForms()
{
    auto plain = SipMessage::parseNameAddr("sip:alice@example.com;tag=abc");
    QVERIFY(plain.has_value());
    QCOMPARE(plain->uri, QByteArray("sip:alice@example.com"));
    QCOMPARE(plain->tag, QByteArray("abc"));
    auto quoted = SipMessage::parseNameAddr(
        R"("A \"quoted\" <name>" <sips:bob:secret@[2001:db8::1]:5061;transport=tls>;TAG=x9)");
    QVERIFY(quoted.has_value());
    QCOMPARE(quoted->displayName, QByteArray("A \"quoted\" <name>"));
    QCOMPARE(quoted->user, QByteArray("bob"));
    QCOMPARE(quoted->host, QByteArray("2001:db8::1"));
    QCOMPARE(quoted->tag, QByteArray("x9"));
    auto tel = SipMessage::parseNameAddr("<tel:+8613800000000;phone-context=+86>");
    QVERIFY(tel.has_value());
    QCOMPARE(tel->user, QByteArray("+8613800000000"));
    QVERIFY(tel->host.isEmpty());
    auto escaped = SipMessage::parseNameAddr("<sip:%2B8613800000000@h>");
    QCOMPARE(escaped->user, QByteArray("+8613800000000"));
    auto hostOnly = SipMessage::parseNameAddr("<sip:pbx.example.com:5060>");
    QCOMPARE(hostOnly->host, QByteArray("pbx.example.com"));
    QVERIFY(hostOnly->user.isEmpty());
    QVERIFY(!SipMessage::parseNameAddr("").has_value());
    QVERIFY(!SipMessage::parseNameAddr("\"unterminated <sip:a@b>").has_value());
    QVERIFY(!SipMessage::parseNameAddr("<sip:@>").has_value());
    QVERIFY(!SipMessage::parseNameAddr("no uri here").has_value());
}

void TestSip::tcpFraming()
{
    const QByteArray a = invite();
    const QByteArray b = crlf("SIP/2.0 180 Ringing\nVia: SIP/2.0/TCP h;branch=z9hG4bKx\n"
                              "To: <sip:b@h>;tag=x\nFrom: <sip:a@h>;tag=y\nCall-ID: c\n"
                              "CSeq: 1 INVITE\n\n"); // no Content-Length: no body
    const QByteArray c = crlf("ACK sip:b@h SIP/2.0\nVia: SIP/2.0/TCP h;branch=z9hG4bKy\n"
                              "To: <sip:b@h>;tag=x\nFrom: <sip:a@h>;tag=y\nCall-ID: c\n"
                              "CSeq: 1 ACK\nl: 0\n\n");
    const QByteArray stream = "\r\n\r\n" + a + "\r\n\r\n" + b + c; // CRLF keep-alives between
    // Fed in every chunk size from 1 byte to the whole stream, the same three messages come out.
    for (int chunk : {1, 2, 7, 64, 500, int(stream.size())}) {
        SipStreamFramer framer;
        QList<QByteArray> messages;
        for (int at = 0; at < stream.size(); at += chunk) {
            framer.append(stream.mid(at, chunk));
            for (;;) {
                auto next = framer.next();
                QVERIFY(next.ok());
                if (!next.value())
                    break;
                messages.append(*next.value());
            }
        }
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[0], a);
        QCOMPARE(messages[1], b);
        QCOMPARE(messages[2], c);
        QCOMPARE(framer.buffered(), qsizetype(0));
        QVERIFY(SipMessage::parse(messages[0]).ok());
    }
}

void TestSip::tcpFramingErrorsResync()
{
    const QByteArray good = crlf("BYE sip:b@h SIP/2.0\nVia: SIP/2.0/TCP h;branch=z9hG4bKz\n"
                                 "To: <sip:b@h>;tag=x\nFrom: <sip:a@h>;tag=y\nCall-ID: c\n"
                                 "CSeq: 2 BYE\nContent-Length: 0\n\n");
    // A declared body over 64 KiB: error, then the next message is found again.
    SipStreamFramer framer;
    framer.append(crlf("INFO sip:b@h SIP/2.0\nContent-Length: 999999\n\n") + "junk\r\n" + good);
    auto first = framer.next();
    QVERIFY(!first.ok());
    QVERIFY(first.errorMessage().contains(QStringLiteral("larger")));
    QVERIFY(framer.discardedBytes() > 0);
    framer.append(good);
    auto second = framer.next();
    QVERIFY(second.ok());
    QVERIFY(second.value().has_value());
    QCOMPARE(*second.value(), good);

    // A header block that never ends within 64 KiB.
    SipStreamFramer endless;
    endless.append("INFO sip:b@h SIP/2.0\r\n");
    for (int i = 0; i < 3000; ++i)
        endless.append("X-Filler: 0123456789012345678901234\r\n");
    auto overflow = endless.next();
    QVERIFY(!overflow.ok());
    QVERIFY(overflow.errorMessage().contains(QStringLiteral("header block")));
    QCOMPARE(endless.buffered(), qsizetype(0));

    // An invalid Content-Length.
    SipStreamFramer invalid;
    invalid.append(crlf("INFO sip:b@h SIP/2.0\nContent-Length: many\n\n") + good);
    QVERIFY(!invalid.next().ok());
    auto after = invalid.next();
    QVERIFY(after.ok() && after.value().has_value());
    QCOMPARE(*after.value(), good);

    // reset() (a TCP gap): the half message before it is dropped, the stream is found again
    // mid-way at the next start line.
    SipStreamFramer gap;
    gap.append(good.left(30));
    gap.reset();
    gap.append(good.mid(50) + good);
    auto resumed = gap.next();
    QVERIFY(resumed.ok() && resumed.value().has_value());
    QCOMPARE(*resumed.value(), good);
}

void TestSip::sdpOffer()
{
    auto parsed = SdpSession::parse(crlf(kSdpOffer));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const SdpSession &sdp = parsed.value();
    QCOMPARE(sdp.sessionId, QByteArray("2890844526"));
    QCOMPARE(sdp.sessionVersion, QByteArray("2890844527"));
    QCOMPARE(sdp.originAddress, QHostAddress(QStringLiteral("192.0.2.10")));
    QCOMPARE(sdp.connection, QHostAddress(QStringLiteral("192.0.2.10")));
    QCOMPARE(sdp.media.size(), 1);
    const auto &m = sdp.media[0];
    QCOMPARE(m.media, QByteArray("audio"));
    QCOMPARE(m.port, quint16(49170));
    QCOMPARE(m.protocol, QByteArray("RTP/AVP"));
    QCOMPARE(m.payloadTypes, (QList<int>{8, 0, 18, 101}));
    QCOMPARE(m.rtpMaps.size(), 4);
    QCOMPARE(m.rtpMaps[0].encoding, QByteArray("PCMA")); // static, no rtpmap line
    QCOMPARE(m.rtpMaps[1].encoding, QByteArray("PCMU"));
    QCOMPARE(m.rtpMaps[2].encoding, QByteArray("G729"));
    QCOMPARE(m.rtpMap(101)->encoding, QByteArray("telephone-event"));
    QCOMPARE(m.rtpMap(101)->fmtp, QByteArray("0-16"));
    QCOMPARE(m.telephoneEventPayloadType, 101);
    QCOMPARE(m.connection, QHostAddress(QStringLiteral("192.0.2.10")));
    QCOMPARE(m.direction, SdpSession::Direction::SendRecv);
    QCOMPARE(m.ptime, 20);
    QVERIFY(!m.encrypted);
    QVERIFY(!m.holdAddress());
    QVERIFY(!m.disabled());
}

void TestSip::sdpVariants()
{
    // Old-style hold: c=0.0.0.0.
    auto hold =
        SdpSession::parse("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                          "m=audio 4000 RTP/AVP 0\r\n");
    QVERIFY(hold.ok());
    QVERIFY(hold.value().media[0].holdAddress());
    // sendonly at session level, inactive and recvonly per media; media c= overrides.
    auto directions =
        SdpSession::parse(crlf("v=0\no=- 1 2 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\n"
                               "a=sendonly\n"
                               "m=audio 4000 RTP/AVP 0\n"
                               "m=audio 4002 RTP/AVP 8\nc=IN IP4 10.0.0.2\na=inactive\n"
                               "m=audio 4004 RTP/AVP 9\na=recvonly\n"
                               "m=video 0 RTP/AVP 96\n"));
    QVERIFY2(directions.ok(), qPrintable(directions.errorMessage()));
    const auto &media = directions.value().media;
    QCOMPARE(media.size(), 4);
    QCOMPARE(media[0].direction, SdpSession::Direction::SendOnly);
    QCOMPARE(media[1].direction, SdpSession::Direction::Inactive);
    QCOMPARE(media[1].connection, QHostAddress(QStringLiteral("10.0.0.2")));
    QCOMPARE(media[0].connection, QHostAddress(QStringLiteral("10.0.0.1")));
    QCOMPARE(media[2].direction, SdpSession::Direction::RecvOnly);
    QCOMPARE(media[2].rtpMaps[0].encoding, QByteArray("G722"));
    QVERIFY(media[3].disabled());
    QVERIFY(media[3].rtpMaps.isEmpty()); // 96 without rtpmap: unknown

    // SRTP: SAVP profile, or a=crypto on RTP/AVP (SDES), or DTLS-SRTP.
    auto savp = SdpSession::parse(
        crlf("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\n"
             "m=audio 5000 RTP/SAVP 0\n"
             "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\n"
             "m=audio 5002 RTP/AVP 0\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:x\n"
             "m=audio 5004 UDP/TLS/RTP/SAVPF 111\na=rtpmap:111 opus/48000/2\n"
             "a=fmtp:111 minptime=10;useinbandfec=1\na=rtcp-mux\n"));
    QVERIFY2(savp.ok(), qPrintable(savp.errorMessage()));
    for (const auto &m : savp.value().media)
        QVERIFY(m.encrypted);
    const auto &opus = savp.value().media[2].rtpMaps[0];
    QCOMPARE(opus.encoding, QByteArray("opus"));
    QCOMPARE(opus.clockRate, 48000);
    QCOMPARE(opus.channels, 2);
    QCOMPARE(opus.fmtp, QByteArray("minptime=10;useinbandfec=1"));
    QVERIFY(savp.value().media[2].rtcpMux);

    // IPv6, a label (SIPREC), two telephone-event rates (the 8 kHz one is chosen), a=rtcp.
    auto v6 = SdpSession::parse(
        crlf("v=0\no=- 7 7 IN IP6 2001:db8::7\ns=-\nt=0 0\n"
             "m=audio 6000 RTP/AVP 9 96 97\nc=IN IP6 2001:db8::7\n"
             "a=rtpmap:96 telephone-event/16000\na=rtpmap:97 telephone-event/8000\n"
             "a=label:97\na=rtcp:6003 IN IP6 2001:db8::7\n"));
    QVERIFY2(v6.ok(), qPrintable(v6.errorMessage()));
    const auto &m6 = v6.value().media[0];
    QCOMPARE(m6.connection, QHostAddress(QStringLiteral("2001:db8::7")));
    QCOMPARE(m6.label, QByteArray("97"));
    QCOMPARE(m6.telephoneEventPayloadType, 97);
    QCOMPARE(m6.rtcpPort, 6003);
    QVERIFY(!m6.holdAddress());
    auto v6hold = SdpSession::parse("v=0\nc=IN IP6 ::\nm=audio 1 RTP/AVP 0\n");
    QVERIFY(v6hold.ok());
    QVERIFY(v6hold.value().media[0].holdAddress());
    // A host name in c= is kept as written.
    auto named = SdpSession::parse("v=0\nc=IN IP4 media.example.com\nm=audio 1 RTP/AVP 0\n");
    QVERIFY(named.ok());
    QVERIFY(named.value().media[0].connection.isNull());
    QCOMPARE(named.value().media[0].connectionHost, QByteArray("media.example.com"));
    // Non-RTP media may use token formats.
    auto msrp = SdpSession::parse("v=0\nc=IN IP4 1.2.3.4\nm=message 7394 TCP/MSRP *\n");
    QVERIFY(msrp.ok());
    QVERIFY(msrp.value().media[0].payloadTypes.isEmpty());
}

void TestSip::sdpErrors()
{
    const QList<QByteArray> bad = {
        {},
        "o=- 1 1 IN IP4 h\nv=0\n", // v= not first
        "v=1\n",                   // wrong version
        "v=0\nthis is not sdp\n",  // not x=value
        "v=0\no=only three fields\n",
        "v=0\nc=IN IP4\n",
        "v=0\nc=IN IP4 2001:db8::1\nm=audio 1 RTP/AVP 0\n",  // IPv6 address with IP4
        "v=0\nc=IN IP4 1.2.3.4\nm=audio 70000 RTP/AVP 0\n",  // port out of range
        "v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP 128\n", // payload type out of range
        "v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP x\n",
        "v=0\nc=IN IP4 1.2.3.4\nm=audio 4000\n",
        "v=0\nm=audio 4000 RTP/AVP 0\n", // RTP with no address at all
        "v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP 96\na=rtpmap:96 opus\n",
        "v=0\nc=IN IP4 1.2.3.4\nm=audio 4000 RTP/AVP 96\na=rtpmap:96 opus/0\n",
        QByteArray(SdpSession::kMaxBodyBytes + 1, 'v'),
    };
    for (const QByteArray &body : bad) {
        auto parsed = SdpSession::parse(body);
        QVERIFY2(!parsed.ok(), body.left(60).constData());
        QVERIFY(!parsed.errorMessage().isEmpty());
    }
    QByteArray manyMedia = "v=0\nc=IN IP4 1.2.3.4\n";
    for (int i = 0; i < SdpSession::kMaxMedia + 1; ++i)
        manyMedia += "m=audio 4000 RTP/AVP 0\n";
    QVERIFY(!SdpSession::parse(manyMedia).ok());
}

void TestSip::multipartSiprecInvite()
{
    const QByteArray sdp = crlf(
        "v=0\no=SRC 1 1 IN IP4 198.51.100.5\ns=SIPREC\nc=IN IP4 198.51.100.5\nt=0 0\n"
        "m=audio 10000 RTP/AVP 0 101\na=rtpmap:101 telephone-event/8000\na=label:96\na=sendonly\n"
        "m=audio 10002 RTP/AVP 0 101\na=rtpmap:101 telephone-event/8000\na=label:97\na=sendonly\n");
    const QByteArray body = "--uniqueBoundary\r\n"
                            "Content-Type: application/sdp\r\n\r\n" +
                            sdp +
                            "\r\n--uniqueBoundary\r\n"
                            "Content-Type: application/rs-metadata+xml\r\n"
                            "Content-Disposition: recording-session\r\n\r\n" +
                            QByteArray(kMetadata) +
                            "\r\n--uniqueBoundary--\r\nepilogue ignored\r\n";
    const QByteArray type = "multipart/mixed;boundary=\"uniqueBoundary\"";
    QCOMPARE(MultipartBody::boundary(type), QByteArray("uniqueBoundary"));
    QCOMPARE(MultipartBody::boundary("multipart/mixed; charset=x; boundary=abc"),
             QByteArray("abc"));
    auto parts = MultipartBody::parse(type, body);
    QVERIFY2(parts.ok(), qPrintable(parts.errorMessage()));
    QCOMPARE(parts.value().size(), 2);
    const auto *sdpPart = MultipartBody::find(parts.value(), "application/sdp");
    const auto *xmlPart = MultipartBody::find(parts.value(), "APPLICATION/RS-METADATA+XML");
    QVERIFY(sdpPart && xmlPart);
    QCOMPARE(sdpPart->body, sdp);
    QCOMPARE(xmlPart->body, QByteArray(kMetadata));
    QCOMPARE(xmlPart->headers.value("content-disposition"), QByteArray("recording-session"));

    // The whole chain a SIPREC server runs: INVITE -> multipart -> SDP labels -> metadata.
    auto sessionSdp = SdpSession::parse(sdpPart->body);
    QVERIFY(sessionSdp.ok());
    auto metadata = SiprecMetadata::parse(xmlPart->body);
    QVERIFY2(metadata.ok(), qPrintable(metadata.errorMessage()));
    QStringList numbers;
    for (const auto &m : sessionSdp.value().media) {
        const auto *stream = metadata.value().streamByLabel(m.label);
        QVERIFY(stream);
        const auto *sender = metadata.value().senderOf(stream->id);
        QVERIFY(sender);
        numbers.append(SiprecMetadata::numberOf(*sender));
    }
    QCOMPARE(numbers,
             (QStringList{QStringLiteral("+8613900000000"), QStringLiteral("+8613800000000")}));

    // Without a close delimiter, and with LF line ends, the parts are still found.
    const QByteArray loose = "preamble\n--b1\nContent-Type: text/plain\n\none\n--b1\n\ntwo";
    auto looseParts = MultipartBody::parse("multipart/mixed; boundary=b1", loose);
    QVERIFY2(looseParts.ok(), qPrintable(looseParts.errorMessage()));
    QCOMPARE(looseParts.value().size(), 2);
    QCOMPARE(looseParts.value()[0].body, QByteArray("one"));
    QCOMPARE(looseParts.value()[1].body, QByteArray("two"));
    QVERIFY(looseParts.value()[1].contentType.isEmpty());
}

void TestSip::multipartErrors()
{
    QVERIFY(!MultipartBody::parse("application/sdp", "--b\r\n\r\nx\r\n--b--").ok());
    QVERIFY(!MultipartBody::parse("multipart/mixed", "--b\r\n\r\nx\r\n--b--").ok());
    QVERIFY(!MultipartBody::parse("multipart/mixed;boundary=\"\"", "--\r\n\r\nx").ok());
    QVERIFY(!MultipartBody::parse("multipart/mixed;boundary=zz", "--b\r\n\r\nx\r\n--b--").ok());
    QVERIFY(!MultipartBody::parse("multipart/mixed;boundary=b", "--b\r\nno blank line").ok());
    QVERIFY(!MultipartBody::parse("multipart/mixed;boundary=b", "--b\r\nbad header\r\n\r\nx").ok());
    QVERIFY(!MultipartBody::parse("multipart/mixed;boundary=b", "--b--\r\n").ok());
    QByteArray many;
    for (int i = 0; i < MultipartBody::kMaxParts + 1; ++i)
        many += "--b\r\n\r\npart\r\n";
    QVERIFY(!MultipartBody::parse("multipart/mixed;boundary=b", many).ok());
    // A boundary in the middle of a line is content, not a delimiter.
    auto inline_ =
        MultipartBody::parse("multipart/mixed;boundary=b", "--b\r\n\r\nx --b y\r\n--b--");
    QVERIFY(inline_.ok());
    QCOMPARE(inline_.value()[0].body, QByteArray("x --b y"));
}

void TestSip::siprecMetadata()
{
    auto parsed = SiprecMetadata::parse(kMetadata);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const SiprecMetadata &m = parsed.value();
    QVERIFY(m.complete);
    QCOMPARE(m.sessions.size(), 1);
    QCOMPARE(m.sessions[0].id, QByteArray("hVpd7YQgRW2nD22h7q60JQ=="));
    QCOMPARE(
        m.sessions[0].sipSessionId,
        QStringLiteral("ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2"));
    QCOMPARE(m.participants.size(), 2);
    const auto *agent = m.participant("srfBElmCRp2QB23b7Mpk0w==");
    QVERIFY(agent);
    QCOMPARE(agent->name, QStringLiteral("张三"));
    QCOMPARE(agent->aors,
             QStringList{QStringLiteral("sip:+8613800000000@pbx.example.com;user=phone")});
    QCOMPARE(SiprecMetadata::numberOf(*agent), QStringLiteral("+8613800000000"));
    QCOMPARE(agent->send, QList<QByteArray>{"i1Pz3to5hGk8fuXl+PbwCw=="});
    QCOMPARE(agent->recv, QList<QByteArray>{"UAAMm5GRQKSCMVvLyl4rFw=="});
    const auto *customer = m.participant("zSfPoSvdSDCmU3A3TRDxAw==");
    QCOMPARE(SiprecMetadata::numberOf(*customer), QStringLiteral("+8613900000000"));
    QCOMPARE(m.streams.size(), 2);
    QCOMPARE(m.streamByLabel("96")->id, QByteArray("UAAMm5GRQKSCMVvLyl4rFw=="));
    QCOMPARE(m.streamByLabel("97")->sessionId, QByteArray("hVpd7YQgRW2nD22h7q60JQ=="));
    QCOMPARE(m.senderOf("UAAMm5GRQKSCMVvLyl4rFw==")->id, customer->id);
    QCOMPARE(m.associations.size(), 2);
    QVERIFY(!m.streamByLabel("98"));
}

void TestSip::siprecLegacyLayoutAndNumbers()
{
    // The draft layout: send/recv and aor inside participant, dataMode spelled in camel case.
    const QByteArray legacy = R"(<?xml version="1.0"?>
<recording xmlns="urn:ietf:params:xml:ns:recording">
  <dataMode>partial</dataMode>
  <participant participant_id="p1">
    <aor>sip:8001@10.1.1.1</aor><name>Agent</name>
    <send>s1</send><recv>s2</recv>
  </participant>
  <stream stream_id="s1" session_id="x"><label>1</label></stream>
  <participantstreamassoc participant_id="p-from-earlier"><send>s9</send></participantstreamassoc>
</recording>)";
    auto parsed = SiprecMetadata::parse(legacy);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QVERIFY(!parsed.value().complete);
    const auto &p = parsed.value().participants[0];
    QCOMPARE(SiprecMetadata::numberOf(p), QStringLiteral("8001"));
    QCOMPARE(p.name, QStringLiteral("Agent"));
    QCOMPARE(parsed.value().senderOf("s1")->id, QByteArray("p1"));

    QCOMPARE(SiprecMetadata::numberOfAor(QStringLiteral("tel:+1-202-555-0100;ext=12")),
             QStringLiteral("+12025550100"));
    QCOMPARE(SiprecMetadata::numberOfAor(QStringLiteral("<sips:%2B4930123:pw@h>")),
             QStringLiteral("+4930123"));
    QCOMPARE(SiprecMetadata::numberOfAor(QStringLiteral("sip:1000;isub=5@h")),
             QStringLiteral("1000"));
    QVERIFY(SiprecMetadata::numberOfAor(QStringLiteral("sip:pbx.example.com")).isEmpty());
    QVERIFY(SiprecMetadata::numberOfAor(QStringLiteral("mailto:a@b")).isEmpty());
    SiprecMetadata::Participant both;
    both.aors = {QStringLiteral("sip:alice@example.com"), QStringLiteral("tel:+86 10 1234 5678")};
    QCOMPARE(SiprecMetadata::numberOf(both), QStringLiteral("+861012345678")); // tel: preferred
}

void TestSip::siprecMetadataErrors()
{
    const QByteArray good(kMetadata);
    const QList<QByteArray> bad = {
        {},
        "not xml",
        "<other/>",
        "<recording><participant participant_id='a'>", // not closed
        QByteArray(good).replace("participant_id=\"zSfPoSvdSDCmU3A3TRDxAw==\">\n    <nameID",
                                 "participant_id=\"\">\n    <nameID"),
        QByteArray(good).replace("<stream stream_id=\"UAAMm5GRQKSCMVvLyl4rFw==\"", "<stream"),
        QByteArray(good).replace("zSfPoSvdSDCmU3A3TRDxAw==",
                                 "srfBElmCRp2QB23b7Mpk0w=="), // duplicate id
        QByteArray(good).replace("<send>UAAMm5GRQKSCMVvLyl4rFw==</send>", "<send>nope</send>"),
        QByteArray(good).replace("<datamode>complete</datamode>", "<datamode>sometimes</datamode>"),
        QByteArray(good).replace("<label>96</label>", "<label>96<b/></label>"),
        good + "<recording/>",
        "<recording><datamode>complete</datamode></recording>", // complete but nobody in it
        // A DTD is refused before any entity could be defined, let alone expanded.
        "<?xml version='1.0'?><!DOCTYPE recording [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b "
        "'&a;&a;&a;&a;'>]>"
        "<recording><participant participant_id='&b;'/></recording>",
        "<?xml version='1.0'?><!DOCTYPE recording SYSTEM 'file:///etc/passwd'><recording/>",
        "<recording><participant participant_id='&undefined;'/></recording>",
        QByteArray(SiprecMetadata::kMaxBytes + 1, ' '),
    };
    for (const QByteArray &xml : bad) {
        auto parsed = SiprecMetadata::parse(xml);
        QVERIFY2(!parsed.ok(), xml.left(80).constData());
        QVERIFY(
            parsed.errorMessage().startsWith(QStringLiteral("Invalid SIPREC recording metadata")));
    }
    QByteArray many = "<recording>";
    for (int i = 0; i < SiprecMetadata::kMaxObjects + 1; ++i)
        many += "<participant participant_id='p" + QByteArray::number(i) + "'/>";
    many += "</recording>";
    QVERIFY(!SiprecMetadata::parse(many).ok());
}

QTEST_GUILESS_MAIN(TestSip)
#include "test_sip.moc"
