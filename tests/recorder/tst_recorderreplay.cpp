// callvault-recorder on replayed captures (issue 8, "pcap replay of generated captures"):
// calls written packet by packet (CallScript) into pcap files, replayed through the real
// RecorderService into a real site, and the result read back as an auditor would: the
// captured_calls rows with their completeness codes and leg statistics, and the recordings
// decrypted with the site key and measured (lanes, duration, masked DTMF).
#include "callscript.h"
#include "recorder/callparties.h"
#include "recorder/recorderservice.h"
#include "recordertestsite.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace cv;
using namespace rectest;

namespace {

constexpr qint64 kStartUs = 1'790'000'000'000'000; // 2026-09-21 in capture time
constexpr double kAgentHz = 1000;
constexpr double kCustomerHz = 440;

CallScript inboundCall(const QString &callId)
{
    CallScript::Party customer{QStringLiteral("+8613800138000"), {QHostAddress(QStringLiteral("10.1.0.1")), 5060},
                               {QHostAddress(QStringLiteral("10.1.0.1")), 40000}, kCustomerHz};
    CallScript::Party agent{QStringLiteral("1001"), {QHostAddress(QStringLiteral("10.2.0.2")), 5060},
                            {QHostAddress(QStringLiteral("10.2.0.2")), 30000}, kAgentHz};
    return CallScript(callId, customer, agent, kStartUs);
}

struct Replayed
{
    recorder::RecorderService::RunReport report;
    QVector<CapturedCallRow> rows;
};

} // namespace

class TestRecorderReplay : public QObject
{
    Q_OBJECT

private:
    // Replays `packets` through a RecorderService on `site`.
    bool replay(RecorderTestSite &site, const QVector<WirePacket> &packets, Replayed &out, const SipTransport &sip = {})
    {
        const QString pcap = site.path(QStringLiteral("call.pcap"));
        if (auto w = writePcap(pcap, packets, sip); !w) {
            qWarning("pcap: %s", qPrintable(w.errorMessage()));
            return false;
        }
        auto config = site.config();
        if (!config) {
            qWarning("config: %s", qPrintable(config.errorMessage()));
            return false;
        }
        auto service = recorder::RecorderService::open(config.value());
        if (!service) {
            qWarning("service: %s", qPrintable(service.errorMessage()));
            return false;
        }
        auto report = service.value()->replay(pcap);
        if (!report) {
            qWarning("replay: %s", qPrintable(report.errorMessage()));
            return false;
        }
        out.report = report.value();
        out.rows = site.capturedCalls();
        return true;
    }

private slots:
    void partiesFollowTheExtension_data()
    {
        QTest::addColumn<QString>("caller");
        QTest::addColumn<QString>("callee");
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("direction");
        QTest::newRow("inbound") << "+8613800138000" << "1001" << "1001" << "+8613800138000" << "in";
        QTest::newRow("outbound") << "1002" << "02161234567" << "1002" << "02161234567" << "out";
        QTest::newRow("internal") << "1002" << "1003" << "1002" << "1003" << "internal";
        QTest::newRow("neither") << "+441234567890" << "+8613800138000" << "" << "+441234567890" << "in";
    }

    void partiesFollowTheExtension()
    {
        QFETCH(QString, caller);
        QFETCH(QString, callee);
        const auto p = recorder::CallParties::identify(caller, callee, QRegularExpression(QStringLiteral("^[0-9]{2,6}$")));
        QTEST(p.agentId, "agent");
        QTEST(p.customerPhone, "customer");
        QTEST(p.direction, "direction");
        QCOMPARE(recorder::CallParties::numberOfUri(QStringLiteral("<sip:+8613800138000@gw.example;user=phone>")),
                 QStringLiteral("+8613800138000"));
        QCOMPARE(recorder::CallParties::numberOfUri(QStringLiteral("tel:1001;phone-context=pbx")), QStringLiteral("1001"));
    }

    void configRefusesBadValuesByName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("named");
        QTest::newRow("jitter") << "[capture]\njitter_ms = 5\n" << "capture/jitter_ms";
        QTest::newRow("typo") << "[capture]\nrtp_timeout = 5\n" << "capture/rtp_timeout";
        QTest::newRow("pattern") << "[capture]\nagent_pattern = ([0-9\n" << "capture/agent_pattern";
        QTest::newRow("token in clear") << "[tokens]\npbx = secret-token\n" << "tokens/pbx";
        QTest::newRow("port without cert") << QStringLiteral("[control]\nport = 8443\n[tokens]\npbx = %1\n").arg(QString(64, u'a'))
                                           << "control/certificate";
        QTest::newRow("complexity") << "[encoder]\ncomplexity = 11\n" << "encoder/complexity";
    }

    void configRefusesBadValuesByName()
    {
        QFETCH(QString, text);
        QFETCH(QString, named);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("r.conf")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        f.close();
        auto config = recorder::RecorderConfig::load(f.fileName());
        QVERIFY(!config.ok());
        QVERIFY2(config.errorMessage().contains(named), qPrintable(config.errorMessage()));
    }

    void sampleConfigIsValidAndShipped()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("r.conf")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(recorder::RecorderConfig::sampleText().toUtf8());
        f.close();
        auto config = recorder::RecorderConfig::load(f.fileName());
        QVERIFY2(config.ok(), qPrintable(config.errorMessage()));
        QCOMPARE(config->jitterMs, 80);
        QCOMPARE(config->complexity, 5);
        QFile shipped(QStringLiteral(CALLVAULT_SOURCE_DIR "/packaging/recorder.conf.sample"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(shipped.readAll()), recorder::RecorderConfig::sampleText());
    }

    void answeredCallIsOneStereoRecording()
    {
        RecorderTestSite site;
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        CallScript call = inboundCall(QStringLiteral("call-complete@pbx"));
        call.invite(300);
        call.rtp(true, 320, 4320);
        call.rtp(false, 320, 4320);
        call.bye(4330);
        Replayed r;
        QVERIFY(replay(site, call.packets(), r));
        QCOMPARE(r.rows.size(), 1);
        const CapturedCallRow &row = r.rows.first();
        QCOMPARE(completenessToText(row.completeness), QStringLiteral("complete"));
        QCOMPARE(row.sipCallId, QStringLiteral("call-complete@pbx"));
        QCOMPARE(row.agentId, QStringLiteral("1001"));
        QCOMPARE(row.customerPhone, QStringLiteral("+8613800138000"));
        QCOMPARE(row.direction, Direction::Inbound);
        QCOMPARE(row.node, QStringLiteral("test-recorder"));
        QVERIFY(row.recordingId.has_value());
        const QJsonObject legs = row.details.value(QStringLiteral("legs")).toObject();
        QCOMPARE(legs.value(QStringLiteral("agent")).toObject().value(QStringLiteral("packets")).toInt(), 200);
        QCOMPARE(legs.value(QStringLiteral("customer")).toObject().value(QStringLiteral("packets")).toInt(), 200);

        auto decoded = site.decode(*row.recordingId);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->row.agentId, QStringLiteral("1001"));
        QCOMPARE(decoded->row.channels, 2);
        QCOMPARE(decoded->row.sampleRate, 8000);
        // 4.0 s of audio was sent each way; the recording holds it within 100 ms.
        const qint64 ms = decoded->frames() * 1000 / 48000;
        QVERIFY2(std::abs(ms - 4000) <= 100, qPrintable(QString::number(ms)));
        // Agent left, customer right, each lane at least 30 dB above the other's tone.
        const qint64 from = 48000, count = 48000 * 2;
        const double agentLeft = toneDb(decoded->pcm, 2, 0, 48000, kAgentHz, from, count);
        const double customerLeft = toneDb(decoded->pcm, 2, 0, 48000, kCustomerHz, from, count);
        const double customerRight = toneDb(decoded->pcm, 2, 1, 48000, kCustomerHz, from, count);
        const double agentRight = toneDb(decoded->pcm, 2, 1, 48000, kAgentHz, from, count);
        QVERIFY2(agentLeft > -20 && agentLeft - customerLeft >= 30, qPrintable(QStringLiteral("%1 %2").arg(agentLeft).arg(customerLeft)));
        QVERIFY2(customerRight > -20 && customerRight - agentRight >= 30,
                 qPrintable(QStringLiteral("%1 %2").arg(customerRight).arg(agentRight)));
    }

    void faultsKeepTimeAndLanes_data()
    {
        QTest::addColumn<int>("payloadType");
        QTest::addColumn<double>("loss");
        QTest::addColumn<int>("reorderEvery");
        QTest::addColumn<int>("ssrcChangeAtMs");
        QTest::addColumn<bool>("hold");
        QTest::newRow("PCMA") << 8 << 0.0 << 0 << -1 << false;
        QTest::newRow("G.722") << 9 << 0.0 << 0 << -1 << false;
        QTest::newRow("10% loss") << 0 << 0.1 << 0 << -1 << false;
        QTest::newRow("reordering") << 0 << 0.0 << 5 << -1 << false;
        QTest::newRow("SSRC change") << 0 << 0.0 << 0 << 2000 << false;
        QTest::newRow("hold and resume") << 0 << 0.0 << 0 << -1 << true;
    }

    void faultsKeepTimeAndLanes()
    {
        QFETCH(int, payloadType);
        QFETCH(double, loss);
        QFETCH(int, reorderEvery);
        QFETCH(int, ssrcChangeAtMs);
        QFETCH(bool, hold);
        RecorderTestSite site;
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        CallScript call = inboundCall(QStringLiteral("call-faults@pbx"));
        call.invite(300, "RTP/AVP", payloadType);
        CallScript::Rtp options;
        options.payloadType = payloadType;
        options.lossRate = loss;
        options.reorderEvery = reorderEvery;
        options.ssrcChangeAtMs = ssrcChangeAtMs;
        if (hold) {
            // The customer (caller) holds from 1.5 s to 3.5 s: nothing from them meanwhile.
            call.reinvite(1500, true);
            call.rtp(true, 320, 1500, options);
            call.reinvite(3500, false);
            call.rtp(true, 3520, 4320, options);
        } else {
            call.rtp(true, 320, 4320, options);
        }
        call.rtp(false, 320, 4320, options);
        call.bye(4330);
        Replayed r;
        QVERIFY(replay(site, call.packets(), r));
        QCOMPARE(r.rows.size(), 1);
        const CapturedCallRow &row = r.rows.first();
        QCOMPARE(completenessToText(row.completeness), QStringLiteral("complete"));
        const QJsonObject customer =
            row.details.value(QStringLiteral("legs")).toObject().value(QStringLiteral("customer")).toObject();
        if (loss > 0)
            QVERIFY2(customer.value(QStringLiteral("lost")).toInt() >= 10, QJsonDocument(customer).toJson().constData());
        if (reorderEvery > 0)
            QVERIFY2(customer.value(QStringLiteral("outOfOrder")).toInt() > 0, QJsonDocument(customer).toJson().constData());
        if (ssrcChangeAtMs >= 0)
            QCOMPARE(customer.value(QStringLiteral("ssrcChanges")).toInt(), 1);
        auto decoded = site.decode(*row.recordingId);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        // Time is kept across holds, gaps, loss and new sources: still 4 s.
        const qint64 ms = decoded->frames() * 1000 / 48000;
        QVERIFY2(std::abs(ms - 4000) <= 100, qPrintable(QString::number(ms)));
        // The customer's tone is on the right in the last second, after whatever happened.
        const qint64 from = 48000 * 3, count = 48000 * 3 / 4;
        const double right = toneDb(decoded->pcm, 2, 1, 48000, kCustomerHz, from, count);
        const double left = toneDb(decoded->pcm, 2, 0, 48000, kCustomerHz, from, count);
        QVERIFY2(right > -25 && right - left >= 30, qPrintable(QStringLiteral("%1 %2").arg(right).arg(left)));
        if (hold) {
            // During the hold the customer's lane is silent.
            const double held = toneDb(decoded->pcm, 2, 1, 48000, kCustomerHz, 48000 * 2, 48000);
            QVERIFY2(held < -50, qPrintable(QString::number(held)));
        }
    }

    void signallingOverFragmentsAndTcp_data()
    {
        QTest::addColumn<int>("fragmentAbove");
        QTest::addColumn<bool>("tcp");
        QTest::newRow("fragmented INVITE (IPv4, 200-byte fragments)") << 200 << false;
        QTest::newRow("SIP over TCP, messages split across segments") << 0 << true;
    }

    void signallingOverFragmentsAndTcp()
    {
        QFETCH(int, fragmentAbove);
        QFETCH(bool, tcp);
        RecorderTestSite site;
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        CallScript call = inboundCall(QStringLiteral("call-transport@pbx"));
        call.invite(300);
        call.rtp(true, 320, 2320);
        call.rtp(false, 320, 2320);
        call.bye(2330);
        Replayed r;
        QVERIFY(replay(site, call.packets(), r, SipTransport{fragmentAbove, tcp}));
        QVERIFY2(r.report.counters.sipMessages >= 6, qPrintable(QString::number(r.report.counters.sipMessages)));
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(completenessToText(r.rows.first().completeness), QStringLiteral("complete"));
        QCOMPARE(r.rows.first().customerPhone, QStringLiteral("+8613800138000"));
        auto decoded = site.decode(*r.rows.first().recordingId);
        QVERIFY(decoded.ok());
        QVERIFY(std::abs(decoded->frames() * 1000 / 48000 - 2000) <= 100);
    }

    void everyCallGetsItsCompleteness_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("completeness");
        QTest::addColumn<bool>("recorded");
        QTest::newRow("no RTP") << "no_rtp" << "no_rtp" << false;
        QTest::newRow("cancelled") << "cancel" << "not_answered" << false;
        QTest::newRow("SRTP") << "srtp" << "encrypted_srtp" << false;
        QTest::newRow("one-way") << "one_way" << "one_way_rtp" << true;
        QTest::newRow("G.729") << "g729" << "codec_unsupported" << true;
    }

    void everyCallGetsItsCompleteness()
    {
        QFETCH(QString, kind);
        QFETCH(bool, recorded);
        RecorderTestSite site;
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        CallScript call = inboundCall(QStringLiteral("call-") + kind);
        if (kind == QLatin1String("cancel")) {
            call.invite(-1);
            call.cancel(2000);
        } else if (kind == QLatin1String("srtp")) {
            call.invite(300, "RTP/SAVP");
            call.rtp(true, 320, 2320); // SRTP on the wire looks like RTP with a scrambled payload
            call.rtp(false, 320, 2320);
            call.bye(2400);
        } else {
            const int pt = kind == QLatin1String("g729") ? 18 : 0;
            call.invite(300, "RTP/AVP", pt);
            CallScript::Rtp options;
            options.payloadType = pt;
            if (kind != QLatin1String("no_rtp")) {
                call.rtp(false, 320, 2320, options);
                if (kind == QLatin1String("g729"))
                    call.rtp(true, 320, 2320, options);
            }
            call.bye(2400);
        }
        Replayed r;
        QVERIFY(replay(site, call.packets(), r));
        QCOMPARE(r.rows.size(), 1);
        QTEST(completenessToText(r.rows.first().completeness), "completeness");
        QCOMPARE(r.rows.first().recordingId.has_value(), recorded);
        QVERIFY(!r.rows.first().details.value(QStringLiteral("reason")).toString().isEmpty());
        // Nothing of an unrecorded call stays in the spool.
        QDir spool(site.directory() + QStringLiteral("/spool"));
        QCOMPARE(spool.entryList(QDir::Files), QStringList());
    }

    void rtpTimeoutEndsACallWithoutBye()
    {
        // The BYE was never seen (a lost packet, a mirror port that missed it): the call ends
        // rtp_timeout_s (5 s here) after its last RTP, not at the end of the capture.
        RecorderTestSite site;
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        CallScript call = inboundCall(QStringLiteral("call-no-bye@pbx"));
        call.invite(300);
        call.rtp(true, 320, 2320);
        call.rtp(false, 320, 2320);
        // Another call much later keeps the capture's clock going.
        CallScript later = inboundCall(QStringLiteral("call-later@pbx"));
        later.invite(-1);
        later.cancel(200);
        QVector<WirePacket> packets = call.packets();
        for (WirePacket p : later.packets()) {
            p.timestampUs += 30'000'000;
            packets << p;
        }
        Replayed r;
        QVERIFY(replay(site, packets, r));
        QCOMPARE(r.rows.size(), 2);
        const CapturedCallRow &row = r.rows.last(); // newest first: the first call is last
        QCOMPARE(row.sipCallId, QStringLiteral("call-no-bye@pbx"));
        QCOMPARE(completenessToText(row.completeness), QStringLiteral("complete"));
        const qint64 lasted = row.startedAt.msecsTo(row.endedAt);
        QVERIFY2(lasted >= 7000 && lasted <= 9000, qPrintable(QString::number(lasted)));
        // ...and its audio at the last packet, without the timeout's silence.
        auto decoded = site.decode(*row.recordingId);
        QVERIFY(decoded.ok());
        const qint64 ms = decoded->frames() * 1000 / 48000;
        QVERIFY2(ms >= 1900 && ms <= 2300, qPrintable(QString::number(ms)));
        QCOMPARE(completenessToText(r.rows.first().completeness), QStringLiteral("not_answered"));
    }

    void fullDiskRefusesNewCallsWithAReason()
    {
        // min_free_mb (9 TB) far above this disk: the disk alarm is on from the start, so the call is
        // not recorded, and its row says why.
        RecorderTestSite site({}, QStringLiteral("warn_free_mb = 9000000\nmin_free_mb = 9000000\n"));
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        CallScript call = inboundCall(QStringLiteral("call-disk@pbx"));
        call.invite(300);
        call.rtp(true, 320, 1320);
        call.rtp(false, 320, 1320);
        call.bye(1330);
        Replayed r;
        QVERIFY(replay(site, call.packets(), r));
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(completenessToText(r.rows.first().completeness), QStringLiteral("disk_error"));
        QVERIFY(!r.rows.first().recordingId.has_value());
        QCOMPARE(r.rows.first().details.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("refused")).toString(),
                 QStringLiteral("disk"));
    }

    void telephoneEventsAreMaskedNotStored()
    {
        RecorderTestSite site;
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        CallScript call = inboundCall(QStringLiteral("call-dtmf@pbx"));
        call.invite(300);
        // The customer speaks, types a digit (RFC 4733, 200 ms) at 2.0 s, speaks again.
        call.rtp(true, 320, 2000);
        call.telephoneEvent(true, 2000, 200, 5);
        call.rtp(true, 2220, 4320);
        call.rtp(false, 320, 4320);
        call.bye(4330);
        Replayed r;
        QVERIFY(replay(site, call.packets(), r));
        QCOMPARE(r.rows.size(), 1);
        const CapturedCallRow &row = r.rows.first();
        const QJsonArray spans = row.details.value(QStringLiteral("maskedSpans")).toArray();
        QVERIFY2(!spans.isEmpty(), QJsonDocument(row.details).toJson().constData());
        const QJsonObject span = spans.first().toObject();
        // Call time starts at the first RTP packet (320 ms after the INVITE).
        QVERIFY2(std::abs(span.value(QStringLiteral("startMs")).toInt() - 1680) <= 60, QJsonDocument(span).toJson().constData());
        QVERIFY2(span.value(QStringLiteral("endMs")).toInt() >= span.value(QStringLiteral("startMs")).toInt() + 150,
                 QJsonDocument(span).toJson().constData());
        QVERIFY(span.value(QStringLiteral("cause")).toString().contains(QStringLiteral("dtmf")));
        // The digit is nowhere in the row.
        QVERIFY(!QJsonDocument(row.details).toJson().contains("\"event\""));
    }
};

QTEST_GUILESS_MAIN(TestRecorderReplay)
#include "tst_recorderreplay.moc"
