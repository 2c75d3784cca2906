// core/rtp: packet parsing, payload decoders (G.711, G.722, Opus + PLC), and the stereo
// call assembler (two legs aligned, equal lanes, RFC 4733 and in-band DTMF masked).
// The leg receiver's timeline has its own tests: test_legreceiver.cpp.

#include "../audio/dtmfsignal.h"
#include "audio/dtmfdetector.h"
#include "legsim.h"
#include "rtp/callaudioassembler.h"
#include "rtp/legreceiver.h"
#include "rtp/payloaddecoder.h"
#include "rtp/rtppacket.h"
#include "rtp/telephoneevent.h"
#include "rtpsim.h"

#include <QRegularExpression>
#include <QTest>
#include <opus.h>
#include <spandsp/g722.h>

using namespace cv;
using namespace cv::rtp;
using namespace cv::test;

class TestRtpMedia final : public QObject
{
    Q_OBJECT

private slots:
    void parsesPackets();
    void rejectsMalformedPackets();
    void parsesTelephoneEventsAndFormats();
    void g711DecodesKnownValues();
    void g722DecodesATone();
    void opusDecodesAndConceals_data();
    void opusDecodesAndConceals();
    void unsupportedCodecIsNamed();

    void rfc4733EventIsMasked();
    void assemblerAlignsTwoLegs();
    void assemblerMasksInbandDtmf();
    void assemblerAt16kHzWithG722();
};

void TestRtpMedia::parsesPackets()
{
    // V=2, P, X, CC=2, M, PT=0; two CSRCs, a one-word extension, 3 bytes of padding.
    QByteArray bytes = rtpPacket(0, 0xfffe, 0xfffffff0u, 0xdeadbeefu, QByteArray());
    bytes[0] = char(0x80 | 0x20 | 0x10 | 0x02);
    bytes[1] = char(0x80);
    bytes += QByteArray::fromHex("0000000100000002"); // CSRCs
    bytes += QByteArray::fromHex("bede0001aabbccdd"); // extension, 1 word
    bytes += QByteArray("abcde");
    bytes += QByteArray::fromHex("000003"); // padding incl. count
    const auto p =
        RtpPacket::parse(reinterpret_cast<const uchar *>(bytes.constData()), int(bytes.size()));
    QVERIFY(p);
    QCOMPARE(p->payloadType, 0);
    QVERIFY(p->marker);
    QCOMPARE(p->sequence, quint16(0xfffe));
    QCOMPARE(p->timestamp, 0xfffffff0u);
    QCOMPARE(p->ssrc, 0xdeadbeefu);
    QCOMPARE(p->csrcCount, 2);
    QVERIFY(p->hasExtension);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(p->payload), p->payloadSize),
             QByteArray("abcde"));
    QVERIFY(RtpPacket::looksLikeRtp(reinterpret_cast<const uchar *>(bytes.constData()),
                                    int(bytes.size())));

    // An empty payload is valid RTP (a keep-alive).
    const QByteArray empty = rtpPacket(8, 1, 2, 3, QByteArray());
    const auto e =
        RtpPacket::parse(reinterpret_cast<const uchar *>(empty.constData()), int(empty.size()));
    QVERIFY(e);
    QCOMPARE(e->payloadSize, 0);
}

void TestRtpMedia::rejectsMalformedPackets()
{
    auto bad = [](const QByteArray &b) {
        return !RtpPacket::parse(reinterpret_cast<const uchar *>(b.constData()), int(b.size()));
    };
    const QByteArray good = rtpPacket(0, 1, 2, 3, QByteArray(160, 'x'));
    QVERIFY(bad(good.left(11)));
    QVERIFY(bad(QByteArray()));
    QByteArray v1 = good;
    v1[0] = char(0x40);
    QVERIFY(bad(v1));
    QByteArray csrc = good.left(16);
    csrc[0] = char(0x8f); // 15 CSRCs announced, 1 present
    QVERIFY(bad(csrc));
    QByteArray ext = good.left(12) + QByteArray::fromHex("bede0009") + QByteArray(8, 'x');
    ext[0] = char(0x90);
    QVERIFY(bad(ext));
    QByteArray pad0 = good;
    pad0[0] = char(0xa0);
    pad0[pad0.size() - 1] = char(0);
    QVERIFY(bad(pad0));
    QByteArray padBig = rtpPacket(0, 1, 2, 3, QByteArray::fromHex("0102ff"));
    padBig[0] = char(0xa0);
    QVERIFY(bad(padBig));
    // RTCP sender report (PT 200 reads as RTP PT 72 with the marker set) is not RTP.
    QByteArray rtcp = good;
    rtcp[1] = char(200);
    QVERIFY(!RtpPacket::looksLikeRtp(reinterpret_cast<const uchar *>(rtcp.constData()),
                                     int(rtcp.size())));
}

void TestRtpMedia::parsesTelephoneEventsAndFormats()
{
    const QByteArray ev = telephoneEvent(5, true, 1600);
    const auto e = TelephoneEvent::parse(reinterpret_cast<const uchar *>(ev.constData()), 4);
    QVERIFY(e);
    QVERIFY(e->end);
    QCOMPARE(e->duration, 1600);
    QCOMPARE(e->volume, 10);
    QVERIFY(!TelephoneEvent::parse(reinterpret_cast<const uchar *>(ev.constData()), 3));

    QCOMPARE(PayloadFormat::forStaticType(0)->encoding, QByteArray("PCMU"));
    QCOMPARE(PayloadFormat::forStaticType(8)->encoding, QByteArray("PCMA"));
    QCOMPARE(PayloadFormat::forStaticType(9)->clockRate, 8000); // G.722's RTP clock
    QVERIFY(!PayloadFormat::forStaticType(96));
    const auto opus = PayloadFormat::fromRtpmap("opus/48000/2");
    QVERIFY(opus);
    QCOMPARE(opus->clockRate, 48000);
    QCOMPARE(opus->channels, 2);
    QVERIFY(PayloadFormat::fromRtpmap("telephone-event/8000")->isTelephoneEvent());
    QVERIFY(!PayloadFormat::fromRtpmap("opus"));
    QVERIFY(!PayloadFormat::fromRtpmap("opus/-1"));
}

void TestRtpMedia::g711DecodesKnownValues()
{
    // G.711 reference points: µ-law 0x00 = -32124, 0x80 = +32124, 0xff = 0;
    // A-law 0xd5 = +8, 0x55 = -8, 0xaa = +32256, 0x2a = -32256.
    auto decodeWith = [](const char *codec, const QByteArray &bytes, int rate) {
        auto decoder = PayloadDecoder::create(PayloadFormat{codec, 8000, 1}, rate);
        QVector<qint16> out;
        if (decoder)
            decoder.value()->decode(reinterpret_cast<const uchar *>(bytes.constData()),
                                    int(bytes.size()), out);
        return out;
    };
    QCOMPARE(decodeWith("PCMU", QByteArray::fromHex("0080ff"), 8000),
             (QVector<qint16>{-32124, 32124, 0}));
    QCOMPARE(decodeWith("pcma", QByteArray::fromHex("d555aa2a"), 8000),
             (QVector<qint16>{8, -8, 32256, -32256}));

    // A 1 kHz tone through µ-law: SNR above 30 dB; at 16 kHz twice the samples, same tone.
    const double f[] = {1000.0};
    const QVector<qint16> tone = sineTones(8000, 1, 1600, f, 8000);
    const QVector<qint16> out8 = decodeWith("PCMU", ulaw(tone.constData(), int(tone.size())), 8000);
    QCOMPARE(out8.size(), tone.size());
    double noise = 0;
    for (qsizetype i = 0; i < tone.size(); ++i)
        noise += double(out8[i] - tone[i]) * (out8[i] - tone[i]);
    const double snr = 10 * std::log10((8000.0 * 8000.0 / 2) / (noise / double(tone.size())));
    QVERIFY2(snr > 30, qPrintable(QString::number(snr)));
    const QVector<qint16> out16 =
        decodeWith("PCMU", ulaw(tone.constData(), int(tone.size())), 16000);
    QCOMPARE(out16.size(), 2 * tone.size());
    QCOMPARE(strongest(out16, 160, out16.size(), 16000, {500.0, 1000.0, 2000.0, 7000.0}), 1000.0);
}

void TestRtpMedia::g722DecodesATone()
{
    const double f[] = {1000.0};
    const QVector<qint16> tone = sineTones(16000, 1, 16000, f, 10000);
    g722_encode_state_t *enc = g722_encode_init(nullptr, 64000, 0);
    QVERIFY(enc);
    QByteArray encoded(tone.size() / 2, '\0');
    const int bytes = g722_encode(enc, reinterpret_cast<uint8_t *>(encoded.data()),
                                  tone.constData(), int(tone.size()));
    g722_encode_free(enc);
    QCOMPARE(bytes, int(tone.size() / 2));

    for (int rate : {8000, 16000}) {
        auto decoder = PayloadDecoder::create(*PayloadFormat::forStaticType(9), rate);
        QVERIFY2(decoder, qPrintable(decoder.errorMessage()));
        QVector<qint16> out;
        // 20 ms packets (160 bytes), as a phone sends them.
        for (int at = 0; at < bytes; at += 160)
            QCOMPARE(decoder.value()->decode(
                         reinterpret_cast<const uchar *>(encoded.constData()) + at, 160, out),
                     rate == 8000 ? 160 : 320);
        QCOMPARE(out.size(), qsizetype(rate)); // one second
        const qsizetype settle = rate / 10;
        const double inDb = levelDb(tone, 1600, tone.size());
        const double outDb = levelDb(out, settle, out.size());
        QVERIFY2(std::abs(inDb - outDb) < 1.5,
                 qPrintable(QStringLiteral("%1 vs %2 dB").arg(outDb).arg(inDb)));
        QCOMPARE(strongest(out, settle, out.size(), rate,
                           {500.0, 800.0, 1000.0, 1250.0, 2000.0, 3000.0}),
                 1000.0);
        QVector<qint16> gap;
        decoder.value()->conceal(80, gap);
        QCOMPARE(gap, QVector<qint16>(80, 0));
    }
}

void TestRtpMedia::opusDecodesAndConceals_data()
{
    QTest::addColumn<int>("channels");
    QTest::newRow("mono") << 1;
    QTest::newRow("stereo") << 2;
}

void TestRtpMedia::opusDecodesAndConceals()
{
    QFETCH(int, channels);
    int err = 0;
    OpusEncoder *enc = opus_encoder_create(48000, channels, OPUS_APPLICATION_VOIP, &err);
    QVERIFY(enc && err == OPUS_OK);
    const double freqs[] = {1000.0, 1000.0};
    const QVector<qint16> tone = sineTones(48000, channels, 48000, freqs, 10000);

    auto decoder = PayloadDecoder::create(PayloadFormat{"opus", 48000, 2}, 8000);
    QVERIFY2(decoder, qPrintable(decoder.errorMessage()));
    QVector<qint16> out;
    uchar packet[1500];
    for (int frame = 0; frame < 50; ++frame) {
        const int n =
            opus_encode(enc, tone.constData() + frame * 960 * channels, 960, packet, sizeof packet);
        QVERIFY(n > 0);
        QCOMPARE(decoder.value()->decode(packet, n, out), 160);
    }
    opus_encoder_destroy(enc);
    QCOMPARE(out.size(), qsizetype(8000));
    QCOMPARE(strongest(out, 800, out.size(), 8000, {500.0, 800.0, 1000.0, 1250.0, 2000.0}), 1000.0);
    const double inDb = levelDb(tone, 4800 * channels, tone.size());
    const double outDb = levelDb(out, 800, out.size());
    QVERIFY2(std::abs(inDb - outDb) < 3.0,
             qPrintable(QStringLiteral("%1 vs %2 dB").arg(outDb).arg(inDb)));

    // PLC carries the tone on for a short loss, exactly as many samples as asked.
    QVector<qint16> plc;
    decoder.value()->conceal(250, plc);
    QCOMPARE(plc.size(), qsizetype(250));
    QVERIFY(rms(plc.constData(), 160, 1, 0) > 1000);

    const uchar garbage[] = {0xff, 0xff, 0xff};
    QVector<qint16> none;
    QCOMPARE(decoder.value()->decode(garbage, 0, none), -1);
    QVERIFY(none.isEmpty());
}

void TestRtpMedia::unsupportedCodecIsNamed()
{
    auto gsm = PayloadDecoder::create(PayloadFormat{"GSM", 8000, 1}, 8000);
    QVERIFY(!gsm);
    QCOMPARE(gsm.error().code, ErrorCode::Unsupported);
    QVERIFY(gsm.errorMessage().contains(QStringLiteral("GSM")));
    QVERIFY(!PayloadDecoder::create(PayloadFormat{"PCMU", 8000, 1}, 11025));

    // A leg whose codec is unsupported says so and counts the packets.
    LegReceiver leg(options());
    QHash<int, PayloadFormat> formats;
    formats.insert(3, PayloadFormat{"GSM", 8000, 1});
    leg.setPayloadFormats(formats);
    QVector<Arrival> arrivals;
    for (int k = 0; k < 10; ++k)
        arrivals.append(Arrival{kOrigin + k * 20000, rtpPacket(3, quint16(k), quint32(k * 160), 7,
                                                               QByteArray(33, 'g'))});
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("codec GSM/8000")));
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, kOrigin + 400000);
    QCOMPARE(pcm.size(), qsizetype(3200));
    QVERIFY(silentBetween(pcm, 0, pcm.size()));
    QVERIFY(leg.decoderError());
    QCOMPARE(leg.decoderError()->code, ErrorCode::Unsupported);
    QCOMPARE(leg.statistics().undecodable, qint64(10));
}

void TestRtpMedia::rfc4733EventIsMasked()
{
    // Audio all through; a key press at 1.0 s of the stream lasting 200 ms (RFC 4733 sends
    // updates every 50 ms and the end packet three times).
    const StreamSpec spec;
    QVector<Arrival> arrivals = levelStream(spec);
    const quint32 eventTs = spec.ts0 + 50 * kPtime;
    const qint64 eventUs = spec.firstUs + 50 * 20000;
    QVector<Arrival> events;
    for (int step = 1; step <= 4; ++step) {
        events.append(Arrival{eventUs + (step - 1) * 50000,
                              rtpPacket(101, 0, eventTs, spec.ssrc,
                                        telephoneEvent(5, false, step * 400), step == 1)});
    }
    for (int i = 0; i < 3; ++i)
        events.append(
            Arrival{eventUs + 200000 + i * 20000,
                    rtpPacket(101, 0, eventTs, spec.ssrc, telephoneEvent(5, true, 1600))});
    // The agent's stream carries audio and events under one SSRC and one numbering; the
    // customer's PBX forwards the same key press on its own stream.
    for (const Arrival &e : std::as_const(events)) {
        Arrival copy = e;
        copy.leg = 1;
        copy.bytes[8] = char(0x0a);
        arrivals.append(copy);
    }
    arrivals += events;
    sortArrivals(arrivals);
    quint16 agentSeq = spec.seq0;
    quint16 customerSeq = 7;
    for (Arrival &a : arrivals) {
        const quint16 seq = a.leg == 0 ? agentSeq++ : customerSeq++;
        a.bytes[2] = char(seq >> 8);
        a.bytes[3] = char(seq & 0xff);
    }

    CallAudioAssembler call(options());
    const QVector<qint16> stereo =
        drive(call, arrivals, kOrigin, kOrigin + 2'500'000, [&](const Arrival &a) {
            const auto p = RtpPacket::parse(reinterpret_cast<const uchar *>(a.bytes.constData()),
                                            int(a.bytes.size()));
            (a.leg == 0 ? call.agent() : call.customer()).push(a.us, *p);
        });
    QCOMPARE(stereo.size(), qsizetype(2 * 20000));
    QVector<qint16> left;
    for (qsizetype i = 0; i < stereo.size(); i += 2)
        left.append(stereo[i]);
    // The agent's audio under the event (1.0 s .. 1.2 s + 20 ms guard) is silence ...
    const qint64 eventPos = 4 + 50 * kPtime;
    QVERIFY(silentBetween(left, eventPos, eventPos + 1600 + 160));
    // ... and the audio around it is untouched.
    QVERIFY(packetAt(left, 4, 49));
    QVERIFY(packetAt(left, 4, 62));
    const QVector<audio::MaskedSpan> spans = call.maskedSpans();
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans[0].cause, QStringLiteral("dtmf-rfc4733"));
    QCOMPARE(spans[0].startMs, eventPos / 8);
    QCOMPARE(spans[0].endMs, (eventPos + 1600 + 160 + 7) / 8);
    QCOMPARE(call.agent().statistics().dtmfEvents, 1);
    QCOMPARE(call.customer().statistics().dtmfEvents, 1);
}

void TestRtpMedia::assemblerAlignsTwoLegs()
{
    // Two legs with unrelated timestamps, starting at different times, with different
    // network delays; at wall time 1.5 s both sides carry a 100 ms 1 kHz burst.
    const qint64 burstUs = kOrigin + 1'500'000;
    auto legStream = [&](quint32 ssrc, quint32 ts0, qint64 firstUs, qint64 delayUs, int leg) {
        QVector<Arrival> out;
        for (qint64 sent = firstUs; sent < kOrigin + 3'000'000; sent += 20000) {
            QVector<qint16> pcm(kPtime, 0);
            for (int i = 0; i < kPtime; ++i) {
                const qint64 t = sent + qint64(i) * 125;
                if (t >= burstUs && t < burstUs + 100000)
                    pcm[i] = qint16(8000 * std::sin(2 * M_PI * 1000.0 * double(t - burstUs) / 1e6));
            }
            const int k = int((sent - firstUs) / 20000);
            out.append(Arrival{sent + delayUs,
                               rtpPacket(0, quint16(k), ts0 + quint32(k) * kPtime, ssrc,
                                         ulaw(pcm.constData(), kPtime)),
                               leg});
        }
        return out;
    };
    QVector<Arrival> arrivals = legStream(1, 123456, kOrigin + 200'000, 3000, 0);
    arrivals += legStream(2, 4000000000u, kOrigin + 1'300'000, 15000, 1);
    CallAudioAssembler call(options());
    const QVector<qint16> stereo = drive(
        call, arrivals, kOrigin, kOrigin + 3'200'000,
        [&](const Arrival &a) {
            const auto p = RtpPacket::parse(reinterpret_cast<const uchar *>(a.bytes.constData()),
                                            int(a.bytes.size()));
            (a.leg == 0 ? call.agent() : call.customer()).push(a.us, *p);
        },
        7000 /* pulls at odd moments */);
    QCOMPARE(stereo.size(), qsizetype(2 * 25600));
    QCOMPARE(call.framesOut(), qint64(25600));
    QCOMPARE(call.delayUs(), qint64(140000));
    auto onset = [&](int channel) {
        for (qsizetype i = channel; i < stereo.size(); i += 2) {
            if (std::abs(stereo[i]) > 2000)
                return qint64(i / 2);
        }
        return qint64(-1);
    };
    const qint64 left = onset(0);
    const qint64 right = onset(1);
    QVERIFY(left > 0 && right > 0);
    // Each lands at its arrival time; the difference is the 12 ms delay difference, well
    // inside one 20 ms frame.
    QVERIFY2(std::abs(left - right) <= kPtime,
             qPrintable(QStringLiteral("%1 vs %2").arg(left).arg(right)));
    QVERIFY(std::abs(left - 12024) <= 16);
    QVERIFY(call.maskedSpans().isEmpty());
}

void TestRtpMedia::assemblerMasksInbandDtmf()
{
    // The customer keys digits in-band (no RFC 4733): 80 ms tones at 1.0 s and 1.3 s.
    QVector<qint16> customer(8000 * 2, 0);
    addNoise(customer, 40);
    addDtmf(customer, 8000, 8000, 640, 2, 1);
    addDtmf(customer, 8000, 10400, 640, 0, 3);
    QVERIFY(audio::DtmfDetector::containsDtmf(customer.constData(), int(customer.size()), 8000));
    QVector<Arrival> arrivals;
    for (int k = 0; k < 100; ++k) {
        arrivals.append(Arrival{kOrigin + qint64(k) * 20000,
                                rtpPacket(0, quint16(k), quint32(k * kPtime), 5,
                                          ulaw(customer.constData() + k * kPtime, kPtime)),
                                1});
    }
    CallAudioAssembler call(options());
    const QVector<qint16> stereo =
        drive(call, arrivals, kOrigin, kOrigin + 2'000'000, [&](const Arrival &a) {
            const auto p = RtpPacket::parse(reinterpret_cast<const uchar *>(a.bytes.constData()),
                                            int(a.bytes.size()));
            call.customer().push(a.us, *p);
        });
    QCOMPARE(stereo.size(), qsizetype(2 * 16000));
    QVector<qint16> right;
    for (qsizetype i = 1; i < stereo.size(); i += 2)
        right.append(stereo[i]);
    QVERIFY(!audio::DtmfDetector::containsDtmf(right.constData(), int(right.size()), 8000));
    QVERIFY(rms(right.constData() + 4000, 2000, 1, 0) > 10); // the line noise is still there
    const QVector<audio::MaskedSpan> spans = call.maskedSpans();
    QCOMPARE(spans.size(), 2);
    for (const audio::MaskedSpan &s : spans)
        QCOMPARE(s.cause, QStringLiteral("dtmf-inband"));
    QVERIFY(spans[0].startMs <= 1000 && spans[0].endMs >= 1080);
    QVERIFY(spans[1].startMs <= 1300 && spans[1].endMs >= 1380);
}

void TestRtpMedia::assemblerAt16kHzWithG722()
{
    // The seat recorder's rate: a wideband G.722 agent leg (1 kHz tone, 20 ms packets), a
    // customer leg that sends nothing (one-way audio). 2 s of call = 32000 frames.
    const double f[] = {1000.0};
    const QVector<qint16> tone = sineTones(16000, 1, 32000, f, 10000);
    g722_encode_state_t *enc = g722_encode_init(nullptr, 64000, 0);
    QVERIFY(enc);
    QVector<Arrival> arrivals;
    for (int k = 0; k < 100; ++k) {
        QByteArray payload(160, '\0');
        g722_encode(enc, reinterpret_cast<uint8_t *>(payload.data()), tone.constData() + k * 320,
                    320);
        arrivals.append(Arrival{kOrigin + qint64(k) * 20000,
                                rtpPacket(9, quint16(k), quint32(k * 160), 3, payload)});
    }
    g722_encode_free(enc);
    LegReceiver::Options o = options();
    o.outputRate = 16000;
    CallAudioAssembler call(o);
    QCOMPARE(call.outputRate(), 16000);
    const QVector<qint16> stereo =
        drive(call, arrivals, kOrigin, kOrigin + 2'000'000, [&](const Arrival &a) {
            const auto p = RtpPacket::parse(reinterpret_cast<const uchar *>(a.bytes.constData()),
                                            int(a.bytes.size()));
            call.agent().push(a.us, *p);
        });
    QCOMPARE(stereo.size(), qsizetype(2 * 32000));
    QVector<qint16> left;
    QVector<qint16> right;
    for (qsizetype i = 0; i < stereo.size(); i += 2) {
        left.append(stereo[i]);
        right.append(stereo[i + 1]);
    }
    QCOMPARE(strongest(left, 3200, 30000, 16000, {500.0, 1000.0, 2000.0, 5000.0}), 1000.0);
    QVERIFY(std::abs(levelDb(left, 3200, 30000) - levelDb(tone, 3200, 30000)) < 1.5);
    QVERIFY(silentBetween(right, 0, right.size()));
    QVERIFY(call.agent().hasMedia());
    QVERIFY(!call.customer().hasMedia());
}

QTEST_GUILESS_MAIN(TestRtpMedia)
#include "test_rtp_media.moc"
