// The evaluation pane beside the real player (offscreen, PulseAudio null sink): a default
// form is answered, two answers are pinned to the player's position, clicking a pin seeks
// the player there; the score follows every answer (provisional while questions are open,
// conditional questions appear, a fatal answer zeroes it); the answers with their pins and
// comments survive the stored JSON and load back into the pane.
#include "widgetlookup.h"
#include "playback/playbackengine.h"
#include "playbacktestsupport.h"
#include "player/playerpanel.h"
#include "qa/defaultforms.h"
#include "qa/questioneditor.h"
#include "qa/evaluationpane.h"

#include <QComboBox>
#include <QLabel>
#include <QMediaDevices>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace cv;
using widgettest::child;

class TestEvaluationPane final : public QObject
{
    Q_OBJECT

private:
    static EvaluationForm form(const QString &name)
    {
        auto loaded = DefaultForms::load(name);
        if (!loaded)
            qFatal("%s", qPrintable(loaded.errorMessage()));
        return loaded.takeValue();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("PULSE_SERVER"),
                 "PulseAudio is not running for this test: run it under tests/tools/with-services.sh");
        QVERIFY2(!QMediaDevices::defaultAudioOutput().isNull(), "Qt sees no audio output on PULSE_SERVER");
        QVERIFY(m_english.load(QStringLiteral("callvault_en"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&m_english);
        QVERIFY(m_site.setUp());
    }

    void pinnedAnswersSeekThePlayer()
    {
        PlayerPanel player(*m_site.db, m_site.principal(QStringLiteral("supervisor")), m_site.layout, *m_site.siteKeys);
        player.show();
        player.openRecording(m_site.recording.id);
        PlaybackEngine &engine = player.engine();
        QTRY_COMPARE(engine.state(), PlaybackEngine::State::Stopped);

        EvaluationPane pane;
        pane.setPositionSource([&engine]() -> std::optional<qint64> { return engine.positionMs(); });
        connect(&pane, &EvaluationPane::seekRequested, &engine, &PlaybackEngine::seek);
        pane.setForm(form(QStringLiteral("service-quality-en")));
        pane.resize(500, 900);
        pane.show();
        auto *score = child<QLabel>(pane, QStringLiteral("evaluationScore"));
        QCOMPARE(score->text(), QStringLiteral("Score: — (provisional: 7 questions not answered yet)"));

        engine.seek(4000);
        QTRY_COMPARE(engine.positionMs(), qint64(4000));
        QTest::mouseClick(child<QRadioButton>(pane, QStringLiteral("answer_greeting_yes")), Qt::LeftButton);
        QTest::mouseClick(child<QToolButton>(pane, QStringLiteral("pin_greeting")), Qt::LeftButton);
        auto *greetingChip = child<QToolButton>(pane, QStringLiteral("pinChip_greeting"));
        QVERIFY(greetingChip->isVisible());
        QCOMPARE(greetingChip->text(), QStringLiteral("0:04.000"));
        QCOMPARE(score->text(), QStringLiteral("Score: 100.0 (provisional: 6 questions not answered yet)"));

        engine.seek(12500);
        QTRY_COMPARE(engine.positionMs(), qint64(12500));
        QTest::mouseClick(child<QRadioButton>(pane, QStringLiteral("answer_courtesy_4")), Qt::LeftButton);
        QTest::mouseClick(child<QToolButton>(pane, QStringLiteral("pin_courtesy")), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(pane, QStringLiteral("comment_courtesy")), QStringLiteral("a little rushed"));

        // Clicking a pin seeks the player to it.
        engine.seek(0);
        QTRY_COMPARE(engine.positionMs(), qint64(0));
        QTest::mouseClick(greetingChip, Qt::LeftButton);
        QTRY_VERIFY(std::abs(engine.positionMs() - 4000) <= 100);
        QTest::mouseClick(child<QToolButton>(pane, QStringLiteral("pinChip_courtesy")), Qt::LeftButton);
        QTRY_VERIFY(std::abs(engine.positionMs() - 12500) <= 100);

        // Stored and loaded back.
        const EvaluationAnswers answers = pane.answers();
        QCOMPARE(answers.notes.value(QStringLiteral("greeting")).atMs, std::optional<qint64>(4000));
        QCOMPARE(answers.notes.value(QStringLiteral("courtesy")).atMs, std::optional<qint64>(12500));
        QCOMPARE(answers.notes.value(QStringLiteral("courtesy")).comment, QStringLiteral("a little rushed"));
        auto stored = EvaluationAnswers::fromJson(answers.toJson());
        QVERIFY2(stored, qPrintable(stored.errorMessage()));
        EvaluationPane again;
        again.setForm(pane.form());
        QVERIFY(again.setAnswers(stored.value()));
        QVERIFY(again.answers() == answers);
        QCOMPARE(again.score().total, pane.score().total);
    }

    void conditionalQuestionsAndFatalAnswers()
    {
        EvaluationPane pane;
        pane.setForm(form(QStringLiteral("service-quality-en")));
        pane.show();
        QuestionEditor *followUp = pane.editor(QStringLiteral("follow-up-arranged"));
        QVERIFY(followUp);
        QVERIFY(!followUp->isVisible()); // only after an answer that was not fully accurate
        auto *accuracy = child<QComboBox>(pane, QStringLiteral("answer_accurate-answer"));
        accuracy->setCurrentIndex(accuracy->findData(QStringLiteral("partial")));
        QVERIFY(followUp->isVisible());
        accuracy->setCurrentIndex(accuracy->findData(QStringLiteral("correct")));
        QVERIFY(!followUp->isVisible());

        // The pin without an open call explains itself instead of pinning.
        QTest::mouseClick(child<QToolButton>(pane, QStringLiteral("pin_greeting")), Qt::LeftButton);
        QVERIFY(!child<QToolButton>(pane, QStringLiteral("pinChip_greeting"))->isVisible());
        QVERIFY(child<QLabel>(pane, QStringLiteral("problem_greeting"))->text().contains(QLatin1String("Open the call")));

        EvaluationPane compliance;
        compliance.setForm(form(QStringLiteral("dual-recording-compliance-en")));
        compliance.show();
        QTest::mouseClick(child<QRadioButton>(compliance, QStringLiteral("answer_recording-announced_yes")), Qt::LeftButton);
        QTest::mouseClick(child<QRadioButton>(compliance, QStringLiteral("answer_no-prohibited-promises_no")), Qt::LeftButton);
        QVERIFY(compliance.score().fatal);
        QVERIFY2(child<QLabel>(compliance, QStringLiteral("evaluationScore"))->text().startsWith(
                     QStringLiteral("Score: 0 — a fatal question failed")),
                 qPrintable(child<QLabel>(compliance, QStringLiteral("evaluationScore"))->text()));
        // N/A on a question that allows it leaves it out.
        QTest::mouseClick(child<QCheckBox>(compliance, QStringLiteral("na_cooling-off-explained")), Qt::LeftButton);
        QCOMPARE(compliance.answers().answers.value(QStringLiteral("cooling-off-explained")).kind,
                 Answer::Kind::NotApplicable);
    }

private:
    QTranslator m_english;
    playbacktest::Site m_site;
};

QTEST_MAIN(TestEvaluationPane)
#include "tst_evaluationpane.moc"
