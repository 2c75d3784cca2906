// Evaluating a call beside the real player, through the workflow, as each role sees it
// (offscreen, PulseAudio null sink, SQLite catalog): a supervisor publishes the built-in
// forms; an evaluator starts an evaluation of the call, answers it with two answers pinned
// to the player's moments, cannot submit it until it is complete, submits it (the stored
// score is the one core computes); a pin's click seeks the player; the agent of the call
// sees it read-only with its pins and disputes it; the supervisor finds it among the open
// disputes and re-scores it; the agent sees the outcome in the history. Each role sees
// only the steps it may take.
#include "widgetlookup.h"
#include "playback/playbackengine.h"
#include "playbacktestsupport.h"
#include "player/playerpanel.h"
#include "qa/callevaluationspanel.h"
#include "qa/evaluationlistview.h"
#include "qa/evaluationpane.h"
#include "qa/evaluationrepository.h"
#include "qa/formdesigner.h"
#include "qa/formspanel.h"
#include "qa/qualitypanel.h"
#include "qa/queuegenerator.h"
#include "qa/samplingrules.h"
#include "qa/workqueuemodel.h"
#include "qa/workqueueview.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMediaDevices>
#include <QPushButton>
#include <QRadioButton>
#include <QCheckBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace cv;
using widgettest::child;

class TestCallEvaluations final : public QObject
{
    Q_OBJECT

private:
    static void click(QWidget &w, const QString &name)
    {
        QTest::mouseClick(child<QAbstractButton>(w, name), Qt::LeftButton);
    }

    EvaluationRow stored(qint64 id)
    {
        auto row = EvaluationRepository(*m_site.db).find(id);
        if (!row || !row.value())
            qFatal("no evaluation %lld", id);
        return *row.value();
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

    void aSupervisorPublishesTheBuiltInForms()
    {
        QualityPanel quality(*m_site.db, m_site.principal(QStringLiteral("supervisor")));
        QVERIFY(quality.forms());
        QVERIFY(quality.disputes());
        QVERIFY(!quality.myEvaluations()); // no agent
        FormsPanel &forms = *quality.forms();
        QCOMPARE(forms.formList()->count(), 0);
        QVERIFY(forms.publishDefaults());
        QCOMPARE(forms.formList()->count(), 4);
        QCOMPARE(forms.statusText(), QStringLiteral("Published 4 built-in forms."));
        QVERIFY(forms.publishDefaults());
        QCOMPARE(forms.statusText(), QStringLiteral("The built-in forms are already published."));

        // An edit publishes a new version; publishing it again changes nothing.
        QVERIFY(forms.editForm(QStringLiteral("service-quality-en")));
        EvaluationForm edited = forms.designer()->form();
        edited.title = QStringLiteral("Service quality (2027)");
        forms.designer()->setForm(edited);
        QVERIFY(forms.publish());
        QCOMPARE(forms.statusText(), QStringLiteral("Published service-quality-en version 2."));
        QVERIFY(forms.publish());
        QVERIFY(forms.statusText().contains(QLatin1String("nothing was published")));

        // A role without qa.forms.manage has no Forms page.
        QualityPanel evaluator(*m_site.db, m_site.principal(QStringLiteral("qa_evaluator")));
        QVERIFY(!evaluator.forms());
    }

    void anEvaluatorScoresTheCallWithPinnedAnswers()
    {
        const Principal evaluator = m_site.principal(QStringLiteral("qa_evaluator"));
        PlayerPanel player(*m_site.db, evaluator, m_site.layout, *m_site.siteKeys);
        player.show();
        player.openRecording(m_site.recording.id);
        PlaybackEngine &engine = player.engine();
        QTRY_COMPARE(engine.state(), PlaybackEngine::State::Stopped);

        CallEvaluationsPanel panel(*m_site.db, evaluator);
        panel.setPositionSource([&engine]() -> std::optional<qint64> { return engine.positionMs(); });
        connect(&panel, &CallEvaluationsPanel::seekRequested, &engine, &PlaybackEngine::seek);
        panel.resize(600, 1000);
        panel.show();
        panel.setRecording(m_site.recording.id);
        QCOMPARE(child<QLabel>(panel, QStringLiteral("evaluationInfo"))->text(),
                 QStringLiteral("This call has no evaluation yet."));
        auto *forms = child<QComboBox>(panel, QStringLiteral("evaluationFormChoice"));
        QCOMPARE(forms->count(), 4);
        // English forms first (the workstation speaks English here), each at its latest version.
        QVERIFY(forms->itemData(0).toStringList().value(0).endsWith(QLatin1String("-en")));
        QVERIFY(forms->itemData(1).toStringList().value(0).endsWith(QLatin1String("-en")));
        const int serviceQuality = forms->findData(QStringList{QStringLiteral("service-quality-en"), QStringLiteral("2")});
        QVERIFY(serviceQuality >= 0);
        QCOMPARE(forms->itemText(serviceQuality), QStringLiteral("Service quality (2027) (version 2)"));
        forms->setCurrentIndex(serviceQuality);
        click(panel, QStringLiteral("startEvaluationButton"));
        QVERIFY(panel.openedEvaluation());
        const qint64 id = *panel.openedEvaluation();
        QCOMPARE(stored(id).formVersion, 2);
        QCOMPARE(stored(id).state, EvaluationState::Draft);
        EvaluationPane &pane = *panel.pane();
        auto *submit = child<QPushButton>(panel, QStringLiteral("submitEvaluationButton"));
        QVERIFY(submit->isVisible());
        QVERIFY(!submit->isEnabled());
        QVERIFY(!child<QPushButton>(panel, QStringLiteral("acknowledgeEvaluationButton"))->isVisible());
        QVERIFY(!child<QPushButton>(panel, QStringLiteral("resolveEvaluationButton"))->isVisible());

        engine.seek(4000);
        QTRY_COMPARE(engine.positionMs(), qint64(4000));
        click(pane, QStringLiteral("answer_greeting_yes"));
        click(pane, QStringLiteral("pin_greeting"));
        engine.seek(12500);
        QTRY_COMPARE(engine.positionMs(), qint64(12500));
        click(pane, QStringLiteral("answer_courtesy_4"));
        click(pane, QStringLiteral("pin_courtesy"));
        // Saved half-done: the stored score is core's provisional one, the pins are kept.
        click(panel, QStringLiteral("saveEvaluationButton"));
        QVERIFY2(panel.message().startsWith(QLatin1String("Draft saved")), qPrintable(panel.message()));
        QCOMPARE(stored(id).score, pane.score().total);
        QVERIFY(stored(id).answers.contains(QLatin1String("\"atMs\":12500")));
        QVERIFY(!panel.submit()); // the button is disabled; core refuses too
        QVERIFY2(panel.message().contains(QLatin1String("still unanswered")), qPrintable(panel.message()));
        QCOMPARE(stored(id).state, EvaluationState::Draft);

        click(pane, QStringLiteral("answer_identity-verified_yes"));
        click(pane, QStringLiteral("answer_needs-identified_5"));
        auto *accuracy = child<QComboBox>(pane, QStringLiteral("answer_accurate-answer"));
        accuracy->setCurrentIndex(accuracy->findData(QStringLiteral("correct")));
        click(pane, QStringLiteral("na_hold-etiquette"));
        click(pane, QStringLiteral("answer_closing_yes"));
        QVERIFY2(pane.score().isComplete(), qPrintable(pane.score().unanswered.join(u',')));
        QVERIFY(submit->isEnabled());
        const std::optional<double> expected = pane.score().total;
        QVERIFY(expected && *expected > 90 && *expected < 100); // courtesy 4 of 5
        click(panel, QStringLiteral("submitEvaluationButton"));
        QVERIFY2(panel.message().startsWith(QLatin1String("Submitted with score")), qPrintable(panel.message()));
        const EvaluationRow submitted = stored(id);
        QCOMPARE(submitted.state, EvaluationState::Submitted);
        QVERIFY(submitted.score && std::abs(*submitted.score - *expected) < 1e-9);
        QVERIFY(submitted.deadlineAtMs.has_value());
        QVERIFY(!submit->isVisible()); // no longer a draft: read-only
        QCOMPARE(child<QListWidget>(panel, QStringLiteral("evaluationHistory"))->count(), 1);

        // A pin's click seeks the player.
        engine.seek(0);
        QTRY_COMPARE(engine.positionMs(), qint64(0));
        click(pane, QStringLiteral("pinChip_courtesy"));
        QTRY_VERIFY(std::abs(engine.positionMs() - 12500) <= 100);
        click(pane, QStringLiteral("pinChip_greeting"));
        QTRY_VERIFY(std::abs(engine.positionMs() - 4000) <= 100);
        m_evaluation = id;
    }

    void aSampledCallOpensFromTheQueue()
    {
        // A supervisor's rule samples the call (longer than 10 s) for the evaluator.
        SamplingRule rule;
        rule.name = QStringLiteral("Long calls");
        rule.kind = SamplingKind::LongerThan;
        rule.parameters.minDurationMs = 10000;
        rule.formId = QStringLiteral("dual-recording-compliance-en");
        rule.evaluators = {QStringLiteral("u_qa_evaluator")};
        const Principal supervisor = m_site.principal(QStringLiteral("supervisor"));
        auto created = SamplingRules(*m_site.db).create(supervisor, rule);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        const qint64 started = m_site.recording.startedAt.toMSecsSinceEpoch();
        auto generated = QueueGenerator(*m_site.db).generate(supervisor, created->id, started - 1000, started + 1000);
        QVERIFY2(generated.ok(), qPrintable(generated.errorMessage()));

        QualityPanel quality(*m_site.db, m_site.principal(QStringLiteral("qa_evaluator")));
        QVERIFY(quality.myQueue());
        QVERIFY(!quality.samplingRules()); // the evaluator does not manage rules
        QTRY_COMPARE(quality.myQueue()->model()->rowCount(), 1);
        QSignalSpy opened(&quality, &QualityPanel::evaluationActivated);
        quality.myQueue()->activateRow(0);
        QTRY_COMPARE(opened.count(), 1);
        const qint64 draft = opened.at(0).at(0).toLongLong();
        QCOMPARE(opened.at(0).at(1).toUuid(), m_site.recording.id);
        QCOMPARE(stored(draft).formId, QStringLiteral("dual-recording-compliance-en"));
        QCOMPARE(stored(draft).state, EvaluationState::Draft);
        // Opening it again reopens the same draft.
        QVERIFY(quality.startWorkItem(quality.myQueue()->model()->itemAt(0)->item.id));
        QCOMPARE(opened.at(1).at(0).toLongLong(), draft);
        QualityPanel supervisorPanel(*m_site.db, supervisor);
        QVERIFY(supervisorPanel.samplingRules());
    }

    void theAgentDisputesTheSupervisorRescores()
    {
        QVERIFY(m_evaluation > 0);
        const Principal agent = m_site.principal(QStringLiteral("agent"));
        {
            QualityPanel quality(*m_site.db, agent);
            QVERIFY(quality.myEvaluations());
            QVERIFY(!quality.disputes());
            QCOMPARE(quality.myEvaluations()->table()->rowCount(), 1);
            QSignalSpy opened(&quality, &QualityPanel::evaluationActivated);
            quality.myEvaluations()->table()->setCurrentCell(0, 0);
            click(*quality.myEvaluations(), QStringLiteral("openEvaluationButton"));
            QCOMPARE(opened.count(), 1);
            QCOMPARE(opened.at(0).at(0).toLongLong(), m_evaluation);
            QCOMPARE(opened.at(0).at(1).toUuid(), m_site.recording.id);
        }
        CallEvaluationsPanel panel(*m_site.db, agent);
        panel.show();
        panel.setRecording(m_site.recording.id);
        QCOMPARE(panel.openedEvaluation(), std::optional<qint64>(m_evaluation));
        QVERIFY(!child<QComboBox>(panel, QStringLiteral("evaluationFormChoice"))->isVisible()); // agents do not score
        QVERIFY(!child<QPushButton>(panel, QStringLiteral("submitEvaluationButton"))->isVisible());
        QVERIFY(child<QPushButton>(panel, QStringLiteral("acknowledgeEvaluationButton"))->isVisible());
        QVERIFY(child<QPushButton>(panel, QStringLiteral("disputeEvaluationButton"))->isVisible());
        // Read-only, with the evaluator's pins.
        QVERIFY(child<QToolButton>(*panel.pane(), QStringLiteral("pinChip_courtesy"))->isVisible());
        QVERIFY(!child<QRadioButton>(*panel.pane(), QStringLiteral("answer_courtesy_5"))->isEnabled());
        QVERIFY(!panel.dispute(QString())); // a reason is required
        QVERIFY(panel.dispute(QStringLiteral("I did offer a call-back at 0:15")));
        QCOMPARE(stored(m_evaluation).state, EvaluationState::Disputed);
        QVERIFY(!child<QPushButton>(panel, QStringLiteral("disputeEvaluationButton"))->isVisible());

        // The supervisor finds it among the open disputes; its evaluator may not judge it.
        const Principal supervisor = m_site.principal(QStringLiteral("supervisor"));
        QualityPanel quality(*m_site.db, supervisor);
        QCOMPARE(quality.disputes()->table()->rowCount(), 1);
        QCOMPARE(quality.disputes()->table()->item(0, EvaluationListView::State)->text(), QStringLiteral("disputed"));
        CallEvaluationsPanel evaluatorView(*m_site.db, m_site.principal(QStringLiteral("qa_evaluator")));
        evaluatorView.show();
        evaluatorView.setRecording(m_site.recording.id);
        QVERIFY(evaluatorView.openEvaluation(m_evaluation));
        QVERIFY(!child<QPushButton>(evaluatorView, QStringLiteral("resolveEvaluationButton"))->isVisible());

        CallEvaluationsPanel judge(*m_site.db, supervisor);
        judge.show();
        judge.setRecording(m_site.recording.id);
        QVERIFY(child<QPushButton>(judge, QStringLiteral("resolveEvaluationButton"))->isVisible());
        QVERIFY(judge.resolve(true, 100.0, QStringLiteral("The call-back was offered; full marks.")));
        QCOMPARE(stored(m_evaluation).state, EvaluationState::Resolved);
        QCOMPARE(stored(m_evaluation).score, std::optional<double>(100.0));
        quality.refresh();
        QCOMPARE(quality.disputes()->table()->rowCount(), 0);

        // The agent sees the outcome.
        panel.setRecording(m_site.recording.id);
        auto *history = child<QListWidget>(panel, QStringLiteral("evaluationHistory"));
        QCOMPARE(history->count(), 3);
        QVERIFY2(history->item(2)->text().contains(QLatin1String("re-scored it from")) &&
                     history->item(2)->text().contains(QLatin1String("full marks")),
                 qPrintable(history->item(2)->text()));
        QVERIFY(!child<QPushButton>(panel, QStringLiteral("acknowledgeEvaluationButton"))->isVisible());
    }

private:
    QTranslator m_english;
    playbacktest::Site m_site;
    qint64 m_evaluation = 0;
};

QTEST_MAIN(TestCallEvaluations)
#include "tst_callevaluations.moc"
