// callvault-recorder capturing real sipp calls live on the loopback interface (issue 8,
// "Tests"): the real program, real SIP/RTP from sipp (rtp_stream PCMU, and the A-law speech
// and RFC 2833 digits sipp ships), the result decrypted and checked with opusinfo and
// ffprobe; then kill -9 in the middle of 50 calls and the recovery at the next start.
// Capturing on lo needs root or CAP_NET_RAW: without it the test fails and says so.
#include "recordertestsite.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>

using namespace cv;
using namespace rectest;

namespace {

// Ports of this test only (loopback): SIP of the two sipp ends and their media.
constexpr int kUasSip = 25070, kUacSip = 25071, kUasMedia = 26000, kUacMedia = 27000;

QString binary()
{
    return qEnvironmentVariable("CALLVAULT_BUILD_DIR") + QStringLiteral("/app/recorder/callvault-recorder");
}

QString captureConfig()
{
    // sipp's pcap play gives every call its own media ports above -mp ([auto_media_port]);
    // the filter lets both ranges in.
    return QStringLiteral("interface = lo\nfilter = udp and host 127.0.0.1 and (port %1 or port %2 or portrange %3-%4)\n")
        .arg(kUasSip)
        .arg(kUacSip)
        .arg(kUasMedia)
        .arg(kUacMedia + 999);
}

bool run(const QString &program, const QStringList &args, const QString &dir, int timeoutMs, QByteArray *output = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        qWarning("%s timed out: %s", qPrintable(program), p.readAll().constData());
        return false;
    }
    if (output)
        *output = p.readAll();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(u' ')), p.readAll().constData());
        return false;
    }
    return true;
}

} // namespace

class TestRecorderSipp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_sipp; // scenarios, audio and pcap/ for sipp

    // Starts callvault-recorder on `site` and waits until it captures.
    bool startRecorder(RecorderTestSite &site, QProcess &recorder)
    {
        recorder.setProcessChannelMode(QProcess::MergedChannels);
        dieWithTest(recorder);
        recorder.start(binary(), {QStringLiteral("--config"), site.configPath()});
        QByteArray log;
        for (int i = 0; i < 600 && !log.contains("capturing on"); ++i) { // up to 60 s: start-up recovery comes first
            if (recorder.state() == QProcess::NotRunning)
                break;
            recorder.waitForReadyRead(100);
            log += recorder.readAll();
        }
        if (!log.contains("capturing on")) {
            qWarning("callvault-recorder did not start capturing (live capture on lo needs root or CAP_NET_RAW): %s",
                     log.constData());
            return false;
        }
        return true;
    }

    // Starts sipp's answering side (scenario `uas`) for `calls` calls.
    bool startSippServer(QProcess &server, const QString &uas, int calls)
    {
        server.setWorkingDirectory(m_sipp.path());
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral("sipp"), {QStringLiteral("-sf"), uas, QStringLiteral("-i"), QStringLiteral("127.0.0.1"),
                                              QStringLiteral("-p"), QString::number(kUasSip), QStringLiteral("-mp"),
                                              QString::number(kUasMedia), QStringLiteral("-m"), QString::number(calls),
                                              QStringLiteral("-nostdin")});
        if (!server.waitForStarted())
            return false;
        QTest::qWait(300); // listening before the first INVITE
        return true;
    }

    // sipp's calling side: `calls` calls with scenario `uac`, `concurrent` at a time (all
    // started within a second), each talking `talkMs` (the scenario's <pause/>).
    QStringList clientArgs(const QString &uac, int calls, int concurrent, int talkMs) const
    {
        return {QStringLiteral("-sf"), uac, QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(kUacSip), QStringLiteral("-mp"), QString::number(kUacMedia), QStringLiteral("-m"),
                QString::number(calls), QStringLiteral("-l"), QString::number(concurrent), QStringLiteral("-r"),
                QString::number(concurrent), QStringLiteral("-d"), QString::number(talkMs), QStringLiteral("-nostdin"),
                QStringLiteral("127.0.0.1:%1").arg(kUasSip)};
    }

    bool startSippClient(QProcess &client, const QString &uac, int calls, int concurrent, int talkMs)
    {
        client.setWorkingDirectory(m_sipp.path());
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(QStringLiteral("sipp"), clientArgs(uac, calls, concurrent, talkMs));
        return client.waitForStarted();
    }

    // Runs `calls` sipp calls one after the other (rtp_stream uses one media port for all of
    // sipp's calls) with UAC scenario `uac` and UAS `uas`, each talking for `talkMs`.
    bool sippCalls(const QString &uac, const QString &uas, int calls, int talkMs)
    {
        QProcess server;
        if (!startSippServer(server, uas, calls))
            return false;
        const bool ok = run(QStringLiteral("sipp"), clientArgs(uac, calls, 1, talkMs), m_sipp.path(), 60000);
        if (!server.waitForFinished(10000)) {
            server.kill();
            server.waitForFinished();
        }
        return ok;
    }

    void stopRecorder(QProcess &recorder)
    {
        recorder.terminate(); // SIGTERM: open calls end, the catalog queue drains
        QVERIFY2(recorder.waitForFinished(60000), "callvault-recorder did not stop on SIGTERM");
        const QByteArray log = recorder.readAll();
        QVERIFY2(recorder.exitStatus() == QProcess::NormalExit && recorder.exitCode() == 0, log.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(binary()), qPrintable(binary()));
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sipp")).isEmpty(), "sipp (package sip-tester) is needed");
        for (const char *f : {"uac_pcmu.xml", "uas_pcmu.xml", "uac_pcap.xml", "uas_pcma.xml", "uas_pcap.xml"})
            QVERIFY(QFile::copy(QStringLiteral(CALLVAULT_SOURCE_DIR "/tests/recorder/sipp/") + QLatin1String(f),
                                m_sipp.filePath(QLatin1String(f))));
        QVERIFY(QFile::link(QStringLiteral("/usr/share/sip-tester"), m_sipp.filePath(QStringLiteral("pcap"))));
        // What each side says: steady tones, so each lane's content is measurable.
        QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-c"),
                                            QStringLiteral("1"), QStringLiteral("-e"), QStringLiteral("u-law"), QStringLiteral("customer.wav"),
                                            QStringLiteral("synth"), QStringLiteral("4"), QStringLiteral("sine"), QStringLiteral("440"),
                                            QStringLiteral("vol"), QStringLiteral("0.3")},
                    m_sipp.path(), 10000));
        for (const auto &[name, encoding] : {std::pair{"agent.wav", "u-law"}, {"agent-alaw.wav", "a-law"}})
            QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-c"),
                                                QStringLiteral("1"), QStringLiteral("-e"), QLatin1String(encoding), QLatin1String(name),
                                                QStringLiteral("synth"), QStringLiteral("8"), QStringLiteral("sine"), QStringLiteral("1000"),
                                                QStringLiteral("vol"), QStringLiteral("0.3")},
                        m_sipp.path(), 10000));
    }

    void sippCallsAreRecordedLive()
    {
        RecorderTestSite site(QStringLiteral("[capture]\n") + captureConfig());
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        QProcess recorder;
        QVERIFY(startRecorder(site, recorder));
        QVERIFY(sippCalls(QStringLiteral("uac_pcmu.xml"), QStringLiteral("uas_pcmu.xml"), 2, 4000));
        QVERIFY(sippCalls(QStringLiteral("uac_pcap.xml"), QStringLiteral("uas_pcma.xml"), 1, 0));
        QTest::qWait(500);
        stopRecorder(recorder);

        const QVector<CapturedCallRow> rows = site.capturedCalls();
        QCOMPARE(rows.size(), 3);
        int pcapCalls = 0;
        for (const CapturedCallRow &row : rows) {
            QCOMPARE(completenessToText(row.completeness), QStringLiteral("complete"));
            QCOMPARE(row.agentId, QStringLiteral("1001"));
            QCOMPARE(row.customerPhone, QStringLiteral("+8613800138000"));
            QVERIFY(row.recordingId.has_value());
            const QString ogg = site.path(row.recordingId->toString(QUuid::WithoutBraces) + QStringLiteral(".opus"));
            QVERIFY(site.writeOgg(*row.recordingId, ogg).ok());
            QByteArray info;
            QVERIFY(run(QStringLiteral("opusinfo"), {ogg}, site.path({}), 10000, &info));
            QVERIFY2(info.contains("Channels: 2") && info.contains("Original sample rate: 8000"), info.constData());
            QByteArray probe;
            QVERIFY(run(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                                                    QStringLiteral("format=duration:stream=channels,codec_name"),
                                                    QStringLiteral("-of"), QStringLiteral("default=nw=1"), ogg},
                        site.path({}), 10000, &probe));
            QVERIFY2(probe.contains("codec_name=opus") && probe.contains("channels=2"), probe.constData());
            const double seconds = QRegularExpression(QStringLiteral("duration=([0-9.]+)"))
                                       .match(QString::fromLatin1(probe))
                                       .captured(1)
                                       .toDouble();
            const QJsonArray spans = row.details.value(QStringLiteral("maskedSpans")).toArray();
            if (!spans.isEmpty()) {
                // The sipp A-law call: ~4.7 s of speech, a digit at ~5 s, masked.
                ++pcapCalls;
                QVERIFY2(seconds > 5.0 && seconds < 7.0, probe.constData());
                QVERIFY(spans.first().toObject().value(QStringLiteral("cause")).toString().contains(QStringLiteral("dtmf")));
                continue;
            }
            // The rtp_stream calls: 4 s of audio each way, the recording within 100 ms.
            QVERIFY2(std::abs(seconds - 4.0) <= 0.1, probe.constData());
            auto decoded = site.decode(*row.recordingId);
            QVERIFY(decoded.ok());
            const double agent = toneDb(decoded->pcm, 2, 0, 48000, 1000, 48000, 96000);
            const double leak = toneDb(decoded->pcm, 2, 0, 48000, 440, 48000, 96000);
            const double customer = toneDb(decoded->pcm, 2, 1, 48000, 440, 48000, 96000);
            QVERIFY2(agent > -25 && customer > -25 && agent - leak >= 30,
                     qPrintable(QStringLiteral("%1 %2 %3").arg(agent).arg(customer).arg(leak)));
        }
        QCOMPARE(pcapCalls, 1);
    }

    void controlApiDrivesALiveCall()
    {
        // The control API of the running recorder (TLS 1.3, a bearer token): list the live
        // call, pause and resume it (a masked span, no audio), tag it, attach a CRM ticket,
        // read /metrics; an unknown call is 404 and a wrong token 401.
        QTemporaryDir tls;
        QVERIFY(run(QStringLiteral("openssl"),
                    {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ed25519"),
                     QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                     QStringLiteral("/CN=localhost"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                     QStringLiteral("-keyout"), tls.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                     tls.filePath(QStringLiteral("cert.pem"))},
                    tls.path(), 20000));
        const QByteArray token = "recorder-test-token-0123456789abcdef";
        const QString digest = QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
        RecorderTestSite site(QStringLiteral("[capture]\n%1[control]\nport = 25443\ncertificate = %2\nprivate_key = %3\n"
                                             "[tokens]\ntest = %4\n")
                                  .arg(captureConfig(), tls.filePath(QStringLiteral("cert.pem")),
                                       tls.filePath(QStringLiteral("key.pem")), digest));
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        QFile header(tls.filePath(QStringLiteral("auth")));
        QVERIFY(header.open(QIODevice::WriteOnly));
        header.write("Authorization: Bearer " + token + "\n");
        header.close();
        const auto api = [&](const QString &method, const QString &path, const QString &body = {}) {
            QStringList args = {QStringLiteral("-s"), QStringLiteral("--tlsv1.3"), QStringLiteral("--cacert"),
                                tls.filePath(QStringLiteral("cert.pem")), QStringLiteral("-H"),
                                QStringLiteral("@") + header.fileName(), QStringLiteral("-X"), method,
                                QStringLiteral("-w"), QStringLiteral("\n%{http_code}")};
            if (!body.isEmpty())
                args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json") << QStringLiteral("-d") << body;
            args << QStringLiteral("https://127.0.0.1:25443") + path;
            QByteArray out;
            run(QStringLiteral("curl"), args, tls.path(), 10000, &out);
            return out;
        };
        QProcess recorder;
        QVERIFY(startRecorder(site, recorder));
        QProcess server, client;
        QVERIFY(startSippServer(server, QStringLiteral("uas_pcmu.xml"), 1));
        QVERIFY(startSippClient(client, QStringLiteral("uac_pcmu.xml"), 1, 1, 4000));
        QTest::qWait(1000);
        const QByteArray list = api(QStringLiteral("GET"), QStringLiteral("/api/v1/calls"));
        QVERIFY2(list.endsWith("\n200"), list.constData());
        const QJsonArray calls = QJsonDocument::fromJson(list.left(list.lastIndexOf('\n'))).object().value(QStringLiteral("calls")).toArray();
        QCOMPARE(calls.size(), 1);
        const QString callId = calls.first().toObject().value(QStringLiteral("call_id")).toString();
        QVERIFY(!callId.isEmpty());
        const QString path = QStringLiteral("/api/v1/calls/") + QString::fromLatin1(QUrl::toPercentEncoding(callId));
        QVERIFY2(api(QStringLiteral("POST"), path + QStringLiteral("/pause")).endsWith("\n200"), "pause");
        QTest::qWait(1000);
        QVERIFY2(api(QStringLiteral("POST"), path + QStringLiteral("/resume")).endsWith("\n200"), "resume");
        QVERIFY(api(QStringLiteral("POST"), path + QStringLiteral("/tags"), QStringLiteral("{\"tags\":[\"vip\"]}")).endsWith("\n200"));
        QVERIFY(api(QStringLiteral("POST"), path + QStringLiteral("/metadata"), QStringLiteral("{\"crm_ticket_id\":\"T-42\"}"))
                    .endsWith("\n200"));
        QVERIFY(api(QStringLiteral("POST"), QStringLiteral("/api/v1/calls/no-such-call/pause")).endsWith("\n404"));
        const QByteArray metrics = api(QStringLiteral("GET"), QStringLiteral("/metrics"));
        QVERIFY2(metrics.contains("callvault_recorder_active_calls 1"), metrics.constData());
        QVERIFY2(metrics.contains("callvault_recorder_rtp_packets_total") && metrics.contains("callvault_recorder_rtp_lost_total"),
                 metrics.constData());
        header.open(QIODevice::WriteOnly);
        header.write("Authorization: Bearer wrong-token-0123456789abcdef\n");
        header.close();
        QVERIFY(api(QStringLiteral("GET"), QStringLiteral("/api/v1/calls")).endsWith("\n401"));
        QVERIFY(client.waitForFinished(20000));
        QVERIFY(server.waitForFinished(10000));
        QTest::qWait(300);
        stopRecorder(recorder);

        const QVector<CapturedCallRow> rows = site.capturedCalls();
        QCOMPARE(rows.size(), 1);
        const QJsonObject details = rows.first().details;
        QCOMPARE(details.value(QStringLiteral("tags")).toArray(), QJsonArray{QStringLiteral("vip")});
        QCOMPARE(details.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("crm_ticket_id")).toString(),
                 QStringLiteral("T-42"));
        QJsonObject paused;
        for (const QJsonValue &span : details.value(QStringLiteral("maskedSpans")).toArray()) {
            if (span.toObject().value(QStringLiteral("cause")).toString() == QLatin1String("paused"))
                paused = span.toObject();
        }
        const qint64 length = paused.value(QStringLiteral("endMs")).toInteger() - paused.value(QStringLiteral("startMs")).toInteger();
        QVERIFY2(length >= 800 && length <= 1500, QJsonDocument(details).toJson().constData());
        // No audio in the paused span, both lanes.
        auto decoded = site.decode(*rows.first().recordingId);
        QVERIFY(decoded.ok());
        const qint64 from = (paused.value(QStringLiteral("startMs")).toInteger() + 100) * 48;
        const qint64 count = (length - 200) * 48;
        QVERIFY(toneDb(decoded->pcm, 2, 0, 48000, 1000, from, count) < -60);
        QVERIFY(toneDb(decoded->pcm, 2, 1, 48000, 440, from, count) < -60);
        QVERIFY(toneDb(decoded->pcm, 2, 0, 48000, 1000, from + count + 48000, 24000) > -25);
    }

    void reloadKeepsRunningAndStopFinishesOpenCalls()
    {
        RecorderTestSite site(QStringLiteral("[capture]\n") + captureConfig());
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        QProcess recorder;
        QVERIFY(startRecorder(site, recorder));
        const auto reloadAndWait = [&](const QByteArray &expected) {
            ::kill(static_cast<pid_t>(recorder.processId()), SIGHUP);
            QByteArray log;
            for (int i = 0; i < 50 && !log.contains(expected); ++i) {
                recorder.waitForReadyRead(100);
                log += recorder.readAll();
            }
            return log;
        };
        // A broken file is refused and the recorder keeps running on the old one...
        QFile conf(site.configPath());
        QVERIFY(conf.open(QIODevice::Append));
        conf.write("[encoder]\ncomplexity = 42\n");
        conf.close();
        QByteArray log = reloadAndWait("not reloaded");
        QVERIFY2(log.contains("encoder/complexity") && recorder.state() == QProcess::Running, log.constData());
        // ...a good one is taken.
        QVERIFY(conf.open(QIODevice::ReadWrite));
        QByteArray text = conf.readAll();
        text.replace("complexity = 42", "complexity = 1");
        conf.resize(0);
        conf.write(text);
        conf.close();
        log = reloadAndWait("configuration reloaded");
        QVERIFY2(log.contains("configuration reloaded"), log.constData());

        // SIGTERM during a call: the open call is finished and cataloged with what it has.
        QProcess server, client;
        QVERIFY(startSippServer(server, QStringLiteral("uas_pcmu.xml"), 1));
        QVERIFY(startSippClient(client, QStringLiteral("uac_pcmu.xml"), 1, 1, 6000));
        QTest::qWait(2500);
        stopRecorder(recorder);
        client.kill();
        server.kill();
        client.waitForFinished();
        server.waitForFinished();
        const QVector<CapturedCallRow> rows = site.capturedCalls();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(completenessToText(rows.first().completeness), QStringLiteral("complete"));
        auto decoded = site.decode(*rows.first().recordingId);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->row.status, RecordingStatus::Normal);
        const qint64 ms = decoded->frames() * 1000 / 48000;
        QVERIFY2(ms >= 1000 && ms <= 3000, qPrintable(QString::number(ms)));
        QCOMPARE(QDir(site.directory() + QStringLiteral("/spool")).entryList(QDir::Files), QStringList());
    }

    void killDuringFiftyCallsRecoversThemAll()
    {
        RecorderTestSite site(QStringLiteral("[capture]\n") + captureConfig());
        QVERIFY2(site.error().isEmpty(), qPrintable(site.error()));
        QProcess recorder;
        QVERIFY(startRecorder(site, recorder));
        // 50 calls of about 6 s (speech both ways from sipp's pcaps, each call its own media
        // ports); the recorder is killed while all of them are recording.
        QProcess server, client;
        QVERIFY(startSippServer(server, QStringLiteral("uas_pcap.xml"), 50));
        QVERIFY(startSippClient(client, QStringLiteral("uac_pcap.xml"), 50, 50, 0));
        // Every call recording (its spool file exists from its first packet), then 2 s more of
        // audio for each: the kill comes in the middle of all 50. Polled, not timed: on a
        // loaded machine sipp takes longer to start its calls.
        const QDir spool(site.directory() + QStringLiteral("/spool"));
        QElapsedTimer waited;
        waited.start();
        while (spool.entryList({QStringLiteral("*.cvr")}, QDir::Files).size() < 50 && waited.elapsed() < 20000)
            QTest::qWait(100);
        QTest::qWait(2000);
        ::kill(static_cast<pid_t>(recorder.processId()), SIGKILL);
        QVERIFY(recorder.waitForFinished(5000));
        // On a heavily loaded machine sipp may still be retrying a few of its calls: nearly all
        // must be recording, and every one that was must come back.
        const int recording = int(spool.entryList({QStringLiteral("*.cvr")}, QDir::Files).size());
        const int seen = int(spool.entryList({QStringLiteral("*.call.json")}, QDir::Files).size());
        QVERIFY2(recording >= 45 && seen >= recording, qPrintable(QStringLiteral("%1 recording, %2 seen").arg(recording).arg(seen)));
        client.kill();
        server.kill();
        client.waitForFinished();
        server.waitForFinished();

        // The next start recovers every one of them, each with its call's row.
        QProcess again;
        QVERIFY(startRecorder(site, again));
        stopRecorder(again);
        const QVector<CapturedCallRow> rows = site.capturedCalls();
        QCOMPARE(rows.size(), seen); // every call seen has its row...
        int recovered = 0;
        for (const CapturedCallRow &row : rows) {
            if (!row.recordingId)
                continue; // a call killed before its first packet: a row, no audio
            ++recovered;
            QCOMPARE(completenessToText(row.completeness), QStringLiteral("recovered"));
            QVERIFY(row.recordingId.has_value());
            QVERIFY(!row.sipCallId.isEmpty());
            auto decoded = site.decode(*row.recordingId);
            QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
            QCOMPARE(decoded->row.status, RecordingStatus::Recovered);
            // Each call had at least 2 s of audio when the recorder was killed; at most the
            // last second (an 800 ms chunk) is lost.
            const qint64 ms = decoded->frames() * 1000 / 48000;
            QVERIFY2(ms >= 1000 && ms <= 8000, qPrintable(QString::number(ms)));
        }
        QCOMPARE(recovered, recording); // ...and every recording its audio
        QCOMPARE(QDir(site.directory() + QStringLiteral("/spool")).entryList(QDir::Files), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestRecorderSipp)
#include "tst_recordersipp.moc"
