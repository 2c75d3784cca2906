// The player panel offscreen, over a real PulseAudio null sink: a refused role sees a
// disabled play button with the reason (and the refusal is audited), the waveform seeks on
// click, the keys drive the engine, B bookmarks, and the recording's status is shown.
#include "authtestsupport.h"
#include "playback/playbackauthorizer.h"
#include "playbacktestsupport.h"
#include "player/playerpanel.h"
#include "player/waveformview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace cv;
using playbacktest::Site;

class TestPlayerPanel final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PlayerPanel> shownPanel(Site &site, const QString &role)
    {
        auto panel = std::make_unique<PlayerPanel>(*site.db, site.principal(role), site.layout,
                                                   *site.siteKeys);
        panel->resize(900, 300);
        panel->show();
        if (!QTest::qWaitForWindowActive(panel.get()))
            qWarning("the panel's window did not become active");
        panel->openRecording(site.recording.id);
        return panel;
    }

    template <typename T> static T *child(QWidget &panel, const char *name)
    {
        auto *w = panel.findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(
            !qEnvironmentVariableIsEmpty("PULSE_SERVER"),
            "PulseAudio is not running for this test: run it under tests/tools/with-services.sh");
        QVERIFY2(!QMediaDevices::defaultAudioOutput().isNull(),
                 "Qt sees no audio output on PULSE_SERVER");
        QVERIFY(m_site.setUp());
    }

    void refusedRoleSeesWhyAndIsAudited()
    {
        const auto rowsBefore = authtest::auditRows(*m_site.db).size();
        auto panel = shownPanel(m_site, QStringLiteral("auditor"));
        auto *play = child<QPushButton>(*panel, "playButton");
        QVERIFY(play->isVisible()); // never silently hidden
        QVERIFY(!play->isEnabled());
        auto *message = child<QLabel>(*panel, "playerMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("may not play")),
                 qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("play recordings")) ||
                message->text().contains(QStringLiteral("recording.play")));
        QVERIFY(!play->toolTip().isEmpty());
        const auto rows = authtest::auditRows(*m_site.db).mid(rowsBefore);
        QCOMPARE(
            authtest::countAudit(rows, PlaybackAuthorizer::auditAction(), QStringLiteral("denied")),
            1);
        QCOMPARE(authtest::countAudit(rows, PlaybackAuthorizer::auditAction(),
                                      QStringLiteral("allowed")),
                 0);
        // The key does nothing either.
        QTest::keyClick(panel.get(), Qt::Key_Space);
        QTest::qWait(100);
        QCOMPARE(panel->engine().state(), PlaybackEngine::State::Denied);
        QCOMPARE(authtest::countAudit(authtest::auditRows(*m_site.db).mid(rowsBefore),
                                      PlaybackAuthorizer::auditAction(), QStringLiteral("allowed")),
                 0);
    }

    void keysDriveThePlayer()
    {
        auto panel = shownPanel(m_site, QStringLiteral("supervisor"));
        PlaybackEngine &engine = panel->engine();
        auto *play = child<QPushButton>(*panel, "playButton");
        QVERIFY(play->isEnabled());
        QCOMPARE(child<QLabel>(*panel, "recordingStatus")->text(), QStringLiteral("Complete"));

        QTest::keyClick(panel.get(), Qt::Key_Space);
        QTRY_COMPARE(engine.state(), PlaybackEngine::State::Playing);
        QCOMPARE(play->text(), QStringLiteral("Pause"));
        QTRY_VERIFY_WITH_TIMEOUT(engine.positionMs() > 200, 3000);

        QTest::keyClick(panel.get(), Qt::Key_Right);
        QVERIFY2(engine.positionMs() >= 5000, qPrintable(QString::number(engine.positionMs())));
        QTest::keyClick(panel.get(), Qt::Key_Left);
        QVERIFY2(engine.positionMs() < 2000, qPrintable(QString::number(engine.positionMs())));

        QTest::keyClick(panel.get(), Qt::Key_BracketRight);
        QCOMPARE(engine.speed(), 1.25);
        QCOMPARE(child<QComboBox>(*panel, "speedBox")->currentData().toDouble(), 1.25);
        QTest::keyClick(panel.get(), Qt::Key_BracketLeft);
        QTest::keyClick(panel.get(), Qt::Key_BracketLeft);
        QCOMPARE(engine.speed(), 0.75);
        QTest::keyClick(panel.get(), Qt::Key_L); // while playing: faster
        QCOMPARE(engine.speed(), 1.0);

        QTest::keyClick(panel.get(), Qt::Key_K);
        QCOMPARE(engine.state(), PlaybackEngine::State::Paused);
        engine.seek(12000);
        QTest::keyClick(panel.get(), Qt::Key_J);
        QCOMPARE(engine.positionMs(), qint64(2000));
        QTest::keyClick(panel.get(), Qt::Key_L);
        QCOMPARE(engine.state(), PlaybackEngine::State::Playing);
        QTest::keyClick(panel.get(), Qt::Key_Space);
        QCOMPARE(engine.state(), PlaybackEngine::State::Paused);
    }

    void bKeyBookmarksThePosition()
    {
        auto panel = shownPanel(m_site, QStringLiteral("supervisor"));
        panel->engine().seek(7000);
        QSignalSpy added(panel.get(), &PlayerPanel::bookmarkAdded);
        child<QLineEdit>(*panel, "bookmarkNote")->setText(QStringLiteral("客户要求退款"));
        QTest::keyClick(panel.get(), Qt::Key_B);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().at(1).toLongLong(), qint64(7000));
        QVERIFY(child<QLineEdit>(*panel, "bookmarkNote")->text().isEmpty());
        const auto rows = authtest::auditRows(*m_site.db);
        QCOMPARE(rows.last().action, QStringLiteral("bookmark.add"));
        // The marker is on the timeline, with the note as its tooltip.
        auto *wave = child<WaveformView>(*panel, "waveform");
        const QString tip = wave->bookmarkToolTipAt(wave->xAt(7000));
        QVERIFY2(tip.contains(QStringLiteral("客户要求退款")) && tip.contains(QStringLiteral("0:07.000")),
                 qPrintable(tip));
        QVERIFY(wave->bookmarkToolTipAt(wave->xAt(1000)).isEmpty());
    }

    void clickOnTheWaveformSeeks()
    {
        auto panel = shownPanel(m_site, QStringLiteral("supervisor"));
        auto *wave = child<WaveformView>(*panel, "waveform");
        QTRY_VERIFY(wave->width() > 200);
        const int x = wave->xAt(15000);
        QTest::mouseClick(wave, Qt::LeftButton, Qt::NoModifier, QPoint(x, wave->height() / 2));
        QVERIFY2(std::abs(panel->engine().positionMs() - 15000) <= 200,
                 qPrintable(QString::number(panel->engine().positionMs())));
        QVERIFY(child<QLabel>(*panel, "positionLabel")->text().startsWith(QStringLiteral("0:1")));
        // Zoomed in twice, the same time sits elsewhere on screen and still seeks exactly.
        wave->zoomIn();
        wave->zoomIn();
        QCOMPARE(wave->zoom(), 4.0);
        QTest::mouseClick(wave, Qt::LeftButton, Qt::NoModifier, QPoint(wave->xAt(16000), 5));
        QVERIFY2(std::abs(panel->engine().positionMs() - 16000) <= 100,
                 qPrintable(QString::number(panel->engine().positionMs())));
    }

    void recoveredStatusShownAndWaveformComputed()
    {
        Site recovered;
        QVERIFY(recovered.setUp(RecordingStatus::Recovered));
        auto panel = shownPanel(recovered, QStringLiteral("supervisor"));
        QCOMPARE(child<QLabel>(*panel, "recordingStatus")->text(), QStringLiteral("Recovered"));
        QCOMPARE(panel->engine().peaks().bucketCount(), 0);
        QTest::keyClick(panel.get(), Qt::Key_Space);
        QTRY_COMPARE(panel->engine().state(), PlaybackEngine::State::Playing);
        // No stored peaks: computed by decoding once playback (and its audit) started.
        QTRY_VERIFY_WITH_TIMEOUT(panel->engine().peaks().bucketCount() > 300, 5000);
        QVERIFY(panel->engine().peaks().lanes.size() == 2);
    }

    void speaksChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("callvault"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&translator);
        auto panel = shownPanel(m_site, QStringLiteral("auditor"));
        QCOMPARE(child<QCheckBox>(*panel, "skipSilenceCheck")->text(), QStringLiteral("跳过静音"));
        QVERIFY(child<QLabel>(*panel, "playerMessage")
                    ->text()
                    .startsWith(QStringLiteral("您无权播放")));
        QCoreApplication::removeTranslator(&translator);
    }

private:
    Site m_site;
};

QTEST_MAIN(TestPlayerPanel)
#include "tst_playerpanel.moc"
