// PlaybackEngine through a real PulseAudio null sink (tests/tools/with-pulseaudio.sh, started
// by the test command): the audit row before the first buffer, position, seek, speed, A-B
// loop, skipped silence, and the refusal of a role without recording.play. Without a
// reachable PulseAudio this test FAILS.
#include "authtestsupport.h"
#include "playback/playbackauthorizer.h"
#include "playback/playbackengine.h"
#include "playbacktestsupport.h"

#include <QAudioDevice>
#include <QElapsedTimer>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QTest>

using namespace cv;
using playbacktest::Site;

namespace {

int playRows(Database &db, const QString &result)
{
    return authtest::countAudit(authtest::auditRows(db), PlaybackAuthorizer::auditAction(), result);
}

} // namespace

class TestPlaybackEngine final : public QObject
{
    Q_OBJECT

private:
    // Waits `ms` of wall time with the event loop running; returns the position then.
    qint64 playFor(PlaybackEngine &engine, int ms)
    {
        QTest::qWait(ms);
        return engine.positionMs();
    }

    std::unique_ptr<PlaybackEngine> startedEngine(qint64 fromMs)
    {
        auto engine = std::make_unique<PlaybackEngine>(*m_site.db, m_site.layout, *m_site.siteKeys);
        if (!engine->load(m_site.principal(QStringLiteral("supervisor")), m_site.recording.id))
            return nullptr;
        engine->seek(fromMs);
        if (auto played = engine->play(); !played) {
            qWarning("play: %s", qPrintable(played.errorMessage()));
            return nullptr;
        }
        return engine;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(
            !qEnvironmentVariableIsEmpty("PULSE_SERVER"),
            "PulseAudio is not running for this test: run it under tests/tools/with-services.sh "
            "(or tests/tools/with-pulseaudio.sh)");
        QVERIFY2(!QMediaDevices::defaultAudioOutput().isNull(),
                 "Qt sees no audio output on PULSE_SERVER");
        QVERIFY(m_site.setUp());
    }

    void auditRowComesBeforeTheFirstBuffer()
    {
        PlaybackEngine engine(*m_site.db, m_site.layout, *m_site.siteKeys);
        int rowsAtFirstBuffer = -1;
        int hookCalls = 0;
        engine.setBeforeFirstBuffer([&] {
            ++hookCalls;
            rowsAtFirstBuffer = playRows(*m_site.db, QStringLiteral("allowed"));
        });
        const int before = playRows(*m_site.db, QStringLiteral("allowed"));
        QVERIFY(
            engine.load(m_site.principal(QStringLiteral("supervisor")), m_site.recording.id).ok());
        QCOMPARE(playRows(*m_site.db, QStringLiteral("allowed")), before); // opening is not playing
        QCOMPARE(engine.state(), PlaybackEngine::State::Stopped);
        QVERIFY2(engine.play().ok(), qPrintable(engine.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(hookCalls, 1, 5000);
        QCOMPARE(rowsAtFirstBuffer, before + 1);
        // Pause and resume belong to the same play: no second row, no second hook.
        engine.pause();
        QVERIFY(engine.play().ok());
        QTest::qWait(200);
        QCOMPARE(hookCalls, 1);
        QCOMPARE(playRows(*m_site.db, QStringLiteral("allowed")), before + 1);
        const auto last = authtest::auditRows(*m_site.db).last();
        QCOMPARE(last.action, PlaybackAuthorizer::auditAction());
        QCOMPARE(last.actor, QStringLiteral("u_supervisor"));
        QCOMPARE(last.target, m_site.recording.id.toString(QUuid::WithoutBraces));
    }

    void positionAdvancesInRealTime()
    {
        auto engine = startedEngine(1000);
        QVERIFY(engine);
        QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > 1100, 3000); // sound is flowing
        const qint64 from = engine->positionMs();
        QElapsedTimer wall;
        wall.start();
        const qint64 to = playFor(*engine, 1000);
        const double rate = double(to - from) / double(wall.elapsed());
        QVERIFY2(rate > 0.75 && rate < 1.25,
                 qPrintable(QStringLiteral("%1 ms in %2 ms").arg(to - from).arg(wall.elapsed())));
        QCOMPARE(engine->state(), PlaybackEngine::State::Playing);
    }

    void seekLandsWithin100ms()
    {
        auto engine = startedEngine(0);
        QVERIFY(engine);
        QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > 300, 3000);
        for (qint64 target : {15000, 4000, 7500}) {
            engine->seek(target);
            QVERIFY2(std::abs(engine->positionMs() - target) <= 100,
                     qPrintable(QString::number(engine->positionMs())));
            // And it plays on from there, not from where it was.
            QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > target + 300, 3000);
            QVERIFY2(engine->positionMs() < target + 1500,
                     qPrintable(QString::number(engine->positionMs())));
        }
    }

    void speedChangeKeepsPlaying()
    {
        auto engine = startedEngine(1000);
        QVERIFY(engine);
        QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > 1200, 3000);
        engine->setSpeed(2.0);
        QCOMPARE(engine->speed(), 2.0);
        QTest::qWait(300); // let the device's buffer of 1x audio drain
        qint64 from = engine->positionMs();
        QElapsedTimer wall;
        wall.start();
        qint64 to = playFor(*engine, 1500);
        double rate = double(to - from) / double(wall.elapsed());
        QVERIFY2(
            rate > 1.6 && rate < 2.4,
            qPrintable(QStringLiteral("2x: %1 ms in %2 ms").arg(to - from).arg(wall.elapsed())));
        engine->setSpeed(0.5);
        QTest::qWait(300);
        from = engine->positionMs();
        wall.restart();
        to = playFor(*engine, 1000);
        rate = double(to - from) / double(wall.elapsed());
        QVERIFY2(
            rate > 0.35 && rate < 0.65,
            qPrintable(QStringLiteral("0.5x: %1 ms in %2 ms").arg(to - from).arg(wall.elapsed())));
        engine->setSpeed(9.0); // clamped
        QCOMPARE(engine->speed(), PlaybackEngine::kMaxSpeed);
        QCOMPARE(engine->state(), PlaybackEngine::State::Playing);
    }

    void abLoopLoops()
    {
        auto engine = startedEngine(2000);
        QVERIFY(engine);
        QVERIFY(engine->setLoop(2000, 3000).ok());
        QVERIFY(!engine->setLoop(3000, 3000).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > 2050, 3000); // the device has started
        qint64 highest = 0;
        bool wrapped = false;
        QElapsedTimer wall;
        wall.start();
        while (wall.elapsed() < 2500 && !(wrapped && highest > 2800)) {
            QTest::qWait(25);
            const qint64 p = engine->positionMs();
            if (qEnvironmentVariableIsSet("CALLVAULT_TEST_TRACE"))
                qInfo() << wall.elapsed() << p;
            QVERIFY2(p >= 1900 && p <= 3150, qPrintable(QString::number(p)));
            if (highest > 2800 && p < 2400)
                wrapped = true;
            highest = std::max(highest, p);
        }
        QVERIFY2(wrapped, "the position never went back from B to A");
        engine->clearLoop();
        QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > 3300, 3000);
    }

    void skipSilenceJumpsTheGap()
    {
        auto engine = startedEngine(9200);
        QVERIFY(engine);
        engine->setSkipSilence(true);
        QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > 9300, 3000); // the device has started
        QElapsedTimer wall;
        wall.start();
        QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > Site::kGapToMs - 200, 3000);
        // 0.95 s of tone and 0.5 s of kept pause, not the 3 s gap.
        QVERIFY2(wall.elapsed() < 2200, qPrintable(QString::number(wall.elapsed())));
    }

    void playsToTheEnd()
    {
        auto engine = startedEngine(Site::kDurationMs - 600);
        QVERIFY(engine);
        QSignalSpy finished(engine.get(), &PlaybackEngine::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
        QCOMPARE(engine->state(), PlaybackEngine::State::Stopped);
        QCOMPARE(engine->positionMs(), engine->durationMs());
        QVERIFY(engine->play().ok()); // from the start again
        QTRY_VERIFY_WITH_TIMEOUT(engine->positionMs() > 100 && engine->positionMs() < 2000, 3000);
    }

    void roleWithoutPlayIsRefusedAndAudited()
    {
        PlaybackEngine engine(*m_site.db, m_site.layout, *m_site.siteKeys);
        bool firstBuffer = false;
        engine.setBeforeFirstBuffer([&] { firstBuffer = true; });
        const int denied = playRows(*m_site.db, QStringLiteral("denied"));
        const int allowed = playRows(*m_site.db, QStringLiteral("allowed"));
        auto loaded = engine.load(m_site.principal(QStringLiteral("auditor")), m_site.recording.id);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(engine.state(), PlaybackEngine::State::Denied);
        QVERIFY(!engine.errorString().isEmpty());
        QCOMPARE(playRows(*m_site.db, QStringLiteral("denied")), denied + 1);
        auto played = engine.play();
        QVERIFY(!played.ok());
        QCOMPARE(played.error().code, ErrorCode::PermissionDenied);
        QTest::qWait(200);
        QVERIFY(!firstBuffer);
        QCOMPARE(playRows(*m_site.db, QStringLiteral("allowed")), allowed);
    }

private:
    Site m_site;
};

QTEST_GUILESS_MAIN(TestPlaybackEngine)
#include "tst_playbackengine.moc"
