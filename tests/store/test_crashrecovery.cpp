// A writer killed with SIGKILL at random moments (amounts of audio fed): `recover` must yield a playable recording
// each time, missing at most the last second of the audio fed (issue: Foundation, tests).
#include "storetesthelpers.h"

#include "catalog/keyrepository.h"
#include "catalog/recordingrepository.h"
#include "store/containerreader.h"
#include "store/spoolrecovery.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace cv;

class TestCrashRecovery final : public QObject
{
    Q_OBJECT

private slots:
    void killedWriterIsRecovered_data()
    {
        QTest::addColumn<int>("fedMs");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        // Fixed seed: random kill moments that are the same on every run. A moment is an amount
        // of audio the writer has reported fed, not wall time: on a busy machine a wall-clock
        // moment may come before the first durable chunk, and the test would check nothing.
        QRandomGenerator rng(20261128);
        const int rates[] = {8000, 16000, 48000};
        for (int i = 0; i < 21; ++i) {
            const int fedMs = 1200 + static_cast<int>(rng.bounded(8000u));
            QTest::addRow("kill %d after %d ms of audio", i, fedMs) << fedMs << rates[i % 3] << (i % 2 ? 1 : 2);
        }
    }

    void killedWriterIsRecovered()
    {
        QFETCH(int, fedMs);
        QFETCH(int, rate);
        QFETCH(int, channels);
        auto key = crypto::X25519KeyPair::generate();
        QVERIFY(key.ok());
        QTemporaryDir dir;
        StorageLayout layout{dir.path()};
        const QString writer = qEnvironmentVariable("CALLVAULT_BUILD_DIR") + QStringLiteral("/tests/store/cvr_crashwriter");
        QVERIFY2(QFile::exists(writer), qPrintable(writer));

        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(writer, {layout.spoolDirectory(), QString::fromLatin1(key->publicKey().toHex()),
                               QString::number(rate), QString::number(channels)});
        QVERIFY(process.waitForStarted());
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        const auto lastFed = [&output] {
            const qsizetype at = output.lastIndexOf("fed ");
            const qsizetype end = at < 0 ? -1 : output.indexOf('\n', at);
            return end < 0 ? qint64(0) : output.mid(at + 4, end - at - 4).toLongLong();
        };
        while (lastFed() < fedMs && timer.elapsed() < 60000 && process.state() == QProcess::Running) {
            process.waitForReadyRead(10);
            output += process.readAllStandardOutput();
        }
        QCOMPARE(process.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished(5000));
        output += process.readAllStandardOutput();
        const QList<QByteArray> lines = output.trimmed().split('\n');
        QVERIFY2(!lines.isEmpty() && lines.last().startsWith("fed "), output.right(200).constData());
        // The writer may have handed over one more block (and be inside another) unprinted.
        const qint64 fedAtKill = lines.last().mid(4).toLongLong() + 40;

        QUuid siteId;
        auto db = cvtest::openSqliteCatalog(dir.path(), &siteId);
        AuditEvent audit;
        audit.actor = QStringLiteral("test");
        auto items = SpoolRecovery(layout, *db).recoverAll(siteId, audit);
        QVERIFY2(items.ok(), qPrintable(items.errorMessage()));
        QCOMPARE(items->size(), 1);
        const SpoolRecovery::Item &item = items->first();
        QVERIFY2(item.outcome == SpoolRecovery::Item::Outcome::Recovered, qPrintable(item.message));
        QVERIFY2(fedAtKill - item.recoveredMs <= 1000,
                 qPrintable(QStringLiteral("fed %1 ms, recovered %2 ms").arg(fedAtKill).arg(item.recoveredMs)));

        // The catalog row is marked recovered, the sidecar is gone, and the audio plays.
        auto row = RecordingRepository(*db).find(item.id);
        QVERIFY(row.ok() && row.value().has_value());
        QCOMPARE(row.value()->status, RecordingStatus::Recovered);
        QCOMPARE(row.value()->durationMs, item.recoveredMs);
        QVERIFY(QDir(layout.spoolDirectory()).entryList(QDir::Files).isEmpty());
        auto keyRow = KeyRepository(*db).find(item.id);
        QVERIFY(keyRow.ok() && keyRow.value().has_value());
        const QByteArray wrapped = keyRow.value()->wrappedKey;
        const SecretBytes dataKey = cvtest::unwrap(wrapped, key.value(), item.id);
        const QString path = layout.absolutePath(row.value()->storagePath);
        auto reader = ContainerReader::open(path, dataKey.clone());
        QVERIFY(reader.ok());
        QVERIFY(reader.value()->verify().ok());
        int decodedChannels = 0, originalRate = 0;
        const qint64 decoded = cvtest::decodedMs(path, dataKey, &decodedChannels, &originalRate);
        QVERIFY2(decoded >= fedAtKill - 1000,
                 qPrintable(QStringLiteral("fed %1 ms, decoded %2 ms").arg(fedAtKill).arg(decoded)));
        QCOMPARE(decodedChannels, channels);
        QCOMPARE(originalRate, rate);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "test_crashrecovery.moc"
