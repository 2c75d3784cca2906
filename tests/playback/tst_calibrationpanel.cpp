// Calibration in the workstation (offscreen, SQLite site with a real recording): a supervisor
// starts a session on the call with two evaluators; each scores it blind in the evaluation
// pane (the progress shows counts, never scores); the reveal is refused until both have
// scored, then shows the comparison to the creator and to the evaluators; an agent has no
// calibration page.
#include "authtestsupport.h"
#include "playbacktestsupport.h"
#include "qa/calibrationpanel.h"
#include "qa/calibrationrevealview.h"
#include "qa/defaultforms.h"
#include "qa/evaluationpane.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"
#include "qa/qualitypanel.h"
#include "servicequalityanswers.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace cv;

class TestCalibrationPanel final : public QObject
{
    Q_OBJECT

private:
    EvaluationAnswers sheet(int courtesy) const { return qatest::serviceQualitySheet(m_form, courtesy); }
    // Answers the service-quality form as an evaluator does, by clicking (= sheet(courtesy)).
    static void answer(EvaluationPane &pane, int courtesy)
    {
        for (const QString &name : {QStringLiteral("answer_greeting_yes"), QStringLiteral("answer_identity-verified_yes"),
                                    QStringLiteral("answer_needs-identified_4"),
                                    QStringLiteral("answer_courtesy_%1").arg(courtesy), QStringLiteral("na_hold-etiquette"),
                                    QStringLiteral("answer_closing_yes")})
            QTest::mouseClick(pane.findChild<QAbstractButton *>(name), Qt::LeftButton);
        auto *accuracy = pane.findChild<QComboBox *>(QStringLiteral("answer_accurate-answer"));
        accuracy->setCurrentIndex(accuracy->findData(QStringLiteral("correct")));
    }
    static bool fails(const char *what, const QString &detail)
    {
        qWarning("%s: %s", what, qPrintable(detail));
        return false;
    }
    bool scoreAs(const QString &role, int courtesy)
    {
        CalibrationPanel panel(*m_site.db, m_site.principal(role));
        if (panel.sessionList()->count() != 1)
            return fails("sessions listed", QString::number(panel.sessionList()->count()));
        panel.sessionList()->setCurrentRow(0);
        auto *save = panel.findChild<QPushButton *>(QStringLiteral("saveCalibrationScoreButton"));
        if (save->isEnabled())
            return fails("save enabled before any answer", panel.statusText());
        answer(*panel.pane(), courtesy);
        if (!save->isEnabled() || !(panel.pane()->answers() == sheet(courtesy)))
            return fails("save disabled after answering", panel.statusText());
        save->click();
        return panel.statusText().startsWith(QLatin1String("Your score of call 1 is saved")) ||
               fails("saving", panel.statusText());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_english.load(QStringLiteral("callvault_en"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&m_english);
        QVERIFY(m_site.setUp());
        QVERIFY(authtest::addUser(*m_site.db, QStringLiteral("u_second"), "not used", QStringLiteral("qa_evaluator"),
                                  {QStringLiteral("T1")}) > 0);
        FormLibrary library(*m_site.db);
        auto published = FormPublisher(library).publish(m_site.principal(QStringLiteral("supervisor")),
                                                        DefaultForms::load(QStringLiteral("service-quality-en")).takeValue());
        QVERIFY2(published.ok(), qPrintable(published.errorMessage()));
        m_form = FormPublisher::formOf(published->form).takeValue();
    }

    void aBlindSessionAndItsReveal()
    {
        CalibrationPanel supervisor(*m_site.db, m_site.principal(QStringLiteral("supervisor")));
        QVERIFY(supervisor.findChild<QPushButton *>(QStringLiteral("newCalibrationButton"))->isVisibleTo(&supervisor));
        QVERIFY(supervisor.statusText().startsWith(QLatin1String("No calibration session yet")));
        // Nothing selected in Recordings: told what to do.
        supervisor.setCallSelection([] { return QVector<QUuid>(); });
        supervisor.findChild<QPushButton *>(QStringLiteral("newCalibrationButton"))->click();
        QCOMPARE(supervisor.statusText(), QStringLiteral("Select the calls to calibrate on in Recordings first."));
        QVERIFY(!supervisor.createSession(QStringLiteral("Solo"), m_form.id, m_form.version, {m_site.recording.id},
                                          {QStringLiteral("u_qa_evaluator")}));
        QVERIFY(supervisor.statusText().contains(QLatin1String("2 to")));
        QVERIFY(supervisor.createSession(QStringLiteral("December calibration"), m_form.id, m_form.version,
                                         {m_site.recording.id}, {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_second")}));
        QCOMPARE(supervisor.sessionList()->count(), 1);
        QCOMPARE(supervisor.sessionList()->item(0)->text(), QStringLiteral("December calibration — 1 call, blind"));
        QVERIFY(supervisor.progressText().contains(QLatin1String("u_qa_evaluator 0/1")));
        auto *revealButton = supervisor.findChild<QPushButton *>(QStringLiteral("revealCalibrationButton"));
        QVERIFY(!revealButton->isEnabled()); // nobody has scored: the button says why
        QVERIFY(revealButton->toolTip().startsWith(QLatin1String("Two evaluators at least")));
        QVERIFY(!supervisor.reveal());
        QVERIFY(supervisor.statusText().contains(QLatin1String("Two evaluators at least")));

        QVERIFY(scoreAs(QStringLiteral("qa_evaluator"), 5));
        // Blind: the evaluator sees counts, not the other's score.
        CalibrationPanel second(*m_site.db, m_site.principal(QStringLiteral("second")));
        second.sessionList()->setCurrentRow(0);
        QVERIFY2(second.progressText().contains(QLatin1String("u_qa_evaluator 1/1")), qPrintable(second.progressText()));
        QVERIFY(!second.findChild<QPushButton *>(QStringLiteral("revealCalibrationButton"))->isVisibleTo(&second));
        QVERIFY(scoreAs(QStringLiteral("second"), 2));

        // The Play button asks the main window to play the call.
        QSignalSpy play(&second, &CalibrationPanel::playRequested);
        second.findChild<QPushButton *>(QStringLiteral("playCalibrationCallButton"))->click();
        QCOMPARE(play.count(), 1);
        QCOMPARE(play.at(0).at(0).toUuid(), m_site.recording.id);
        supervisor.findChild<QPushButton *>(QStringLiteral("refreshCalibrationButton"))->click();
        QVERIFY2(supervisor.progressText().contains(QLatin1String("u_second 1/1")), qPrintable(supervisor.progressText()));
        QVERIFY(revealButton->isEnabled());
        QVERIFY(supervisor.reveal());
        auto *pages = supervisor.findChild<QStackedWidget *>();
        QVERIFY(pages);
        QCOMPARE(pages->currentWidget(), supervisor.revealView());
        auto *totals = supervisor.revealView()->findChild<QTableWidget *>(QStringLiteral("calibrationTotals"));
        QVERIFY(totals);
        QCOMPARE(totals->rowCount(), 1);
        QCOMPARE(supervisor.sessionList()->item(0)->text(), QStringLiteral("December calibration — 1 call, revealed"));

        // The evaluators now see the comparison too; nothing is editable any more.
        CalibrationPanel after(*m_site.db, m_site.principal(QStringLiteral("qa_evaluator")));
        after.sessionList()->setCurrentRow(0);
        QCOMPARE(after.findChild<QStackedWidget *>()->currentWidget(), after.revealView());
        QVERIFY(!after.findChild<QPushButton *>(QStringLiteral("saveCalibrationScoreButton"))->isEnabled());
    }

    void anAgentHasNoCalibrationPage()
    {
        QualityPanel agent(*m_site.db, m_site.principal(QStringLiteral("agent")));
        QVERIFY(!agent.calibration());
        QualityPanel evaluator(*m_site.db, m_site.principal(QStringLiteral("qa_evaluator")));
        QVERIFY(evaluator.calibration());
        QVERIFY(evaluator.hasPages());
    }

private:
    QTranslator m_english;
    playbacktest::Site m_site;
    EvaluationForm m_form;
};

QTEST_MAIN(TestCalibrationPanel)
#include "tst_calibrationpanel.moc"
