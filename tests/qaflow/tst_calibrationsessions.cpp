// CalibrationSessions on both backends: a supervisor starts a session on two calls with the
// built-in service-quality form and three evaluators; scores stay blind (a participant reads
// only their own answers; the progress says who scored how many calls, never what); the
// reveal needs two evaluators who scored every call, happens once, by the session's creator,
// and compares only complete evaluators (per-question agreement as CalibrationReveal computes
// it from the stored answers, totals as ScoreEngine's); scores freeze after it. Who may do
// what, with the audit rows (the score's row never carries the score).
#include "authtestsupport.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "qa/calibrationsessions.h"
#include "qa/defaultforms.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"
#include "qa/scoreengine.h"
#include "qaflowtestsupport.h"
#include "servicequalityanswers.h"

#include <QTest>

using namespace cv;

class TestCalibrationSessions final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    Principal as(const QString &who) const { return m_site.as(who); }
    CalibrationSessions sessions() { return CalibrationSessions(db(), m_site.roles.clock.clock()); }
    EvaluationAnswers answers(const AnswerMap &given) const
    {
        EvaluationAnswers a;
        a.formId = m_form.id;
        a.formVersion = m_form.version;
        a.answers = given;
        return a;
    }
    static AnswerMap sheet(int courtesy, const QString &accuracy) { return qatest::serviceQualityAnswers(courtesy, accuracy); }
    Result<CalibrationSessionRow> start()
    {
        return sessions().create(as(QStringLiteral("supervisor")), QStringLiteral("  April calibration "), m_form.id,
                                 m_form.version, {m_site.roles.inT1.id, m_second.id},
                                 {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_evaluator2"),
                                  QStringLiteral("u_evaluator3"), QStringLiteral("u_qa_evaluator")});
    }

    qaflowtest::QaSite m_site;
    EvaluationForm m_form;
    RecordingRow m_second; // a second T1 call

private slots:
    void aSessionIsBlindUntilItsCreatorRevealsIt();
    void creatingIsCheckedAndAudited();
    void onlyMembersSeeIt();
};

bool TestCalibrationSessions::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    if (siteId.isNull() || !m_site.setUp(db(), siteId))
        return false;
    // A third evaluator, who never scores here.
    if (authtest::addUser(db(), QStringLiteral("u_evaluator3"), "not used", QStringLiteral("qa_evaluator"),
                          {QStringLiteral("T1")}) == 0)
        return false;
    m_second = catalogtest::makeRecording(siteId, QDateTime(QDate(2024, 4, 3), QTime(10, 0), Qt::UTC));
    m_second.agentId = QStringLiteral("A1");
    if (!RecordingRepository(db()).insert(m_second).ok())
        return false;
    auto form = DefaultForms::load(QStringLiteral("service-quality-en"));
    FormLibrary library(db(), m_site.roles.clock.clock());
    auto published = FormPublisher(library).publish(as(QStringLiteral("supervisor")), form.takeValue());
    if (!published)
        return false;
    auto model = FormPublisher::formOf(published->form);
    if (!model)
        return false;
    m_form = model.takeValue();
    return true;
}

void TestCalibrationSessions::aSessionIsBlindUntilItsCreatorRevealsIt()
{
    QVERIFY(setUpSite());
    auto session = start();
    QVERIFY2(session.ok(), qPrintable(session.errorMessage()));
    QCOMPARE(session->title, QStringLiteral("April calibration"));
    QCOMPARE(session->participants,
             (QStringList{QStringLiteral("u_evaluator2"), QStringLiteral("u_evaluator3"), QStringLiteral("u_qa_evaluator")}));
    const qint64 id = session->id;
    const QUuid call1 = m_site.roles.inT1.id;
    const QUuid call2 = m_second.id;
    const Principal ev1 = as(QStringLiteral("qa_evaluator"));
    const Principal ev2 = as(QStringLiteral("u_evaluator2"));
    const Principal sup = as(QStringLiteral("supervisor"));

    // Incomplete answers are refused; complete ones are kept, one per call and evaluator.
    AnswerMap partial = sheet(5, QStringLiteral("correct"));
    partial.remove(QStringLiteral("closing"));
    auto refused = sessions().score(ev1, id, call1, answers(partial));
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY(sessions().score(ev1, id, call1, answers(sheet(5, QStringLiteral("correct")))).ok());
    QVERIFY(sessions().score(ev1, id, call2, answers(sheet(4, QStringLiteral("correct")))).ok());
    QVERIFY(sessions().score(ev2, id, call1, answers(sheet(3, QStringLiteral("partial")))).ok());
    // Scoring again replaces.
    QVERIFY(sessions().score(ev2, id, call1, answers(sheet(5, QStringLiteral("partial")))).ok());

    // Blind: each reads their own; the progress has counts only.
    auto own = sessions().myAnswers(ev2, id);
    QVERIFY(own.ok());
    QCOMPARE(own->size(), 1);
    QVERIFY(own->value(call1) == answers(sheet(5, QStringLiteral("partial"))));
    auto progress = sessions().progress(sup, id);
    QVERIFY2(progress.ok(), qPrintable(progress.errorMessage()));
    QCOMPARE(progress->scoredCalls.value(QStringLiteral("u_qa_evaluator")), 2);
    QCOMPARE(progress->scoredCalls.value(QStringLiteral("u_evaluator2")), 1);
    QCOMPARE(progress->scoredCalls.value(QStringLiteral("u_evaluator3")), 0);
    QVERIFY(!progress->complete());
    QCOMPARE(sessions().outcome(ev1, id).error().code, ErrorCode::PermissionDenied);

    // The reveal needs two complete evaluators, and only the creator reveals.
    QCOMPARE(sessions().reveal(sup, id).error().code, ErrorCode::InvalidArgument);
    QVERIFY(sessions().score(ev2, id, call2, answers(sheet(4, QStringLiteral("correct")))).ok());
    QCOMPARE(sessions().reveal(ev1, id).error().code, ErrorCode::PermissionDenied);
    const qint64 before = authtest::lastAuditId(db());
    auto revealed = sessions().reveal(sup, id);
    QVERIFY2(revealed.ok(), qPrintable(revealed.errorMessage()));
    QCOMPARE(revealed->evaluators, (QStringList{QStringLiteral("u_evaluator2"), QStringLiteral("u_qa_evaluator")}));
    QCOMPARE(revealed->incomplete, QStringList{QStringLiteral("u_evaluator3")});
    // Call 1: courtesy 5 vs 5 agree, accuracy correct vs partial disagree; call 2 agrees on all.
    const CalibrationReveal &reveal = revealed->reveal;
    auto question = [&reveal](const QString &questionId) {
        for (const QuestionAgreement &q : reveal.questions) {
            if (q.questionId == questionId)
                return q;
        }
        qFatal("no question %s", qPrintable(questionId));
    };
    QCOMPARE(question(QStringLiteral("courtesy")).agreement, 1.0);
    QCOMPARE(question(QStringLiteral("accurate-answer")).agreement, 0.5);
    QVERIFY(question(QStringLiteral("accurate-answer")).disputed);
    QCOMPARE(reveal.totals.size(), 2);
    const double ev2Call1 = *ScoreEngine::score(m_form, sheet(5, QStringLiteral("partial"))).total;
    const double ev1Call1 = *ScoreEngine::score(m_form, sheet(5, QStringLiteral("correct"))).total;
    QCOMPARE(reveal.totals.at(0), (QVector<double>{ev2Call1, ev1Call1}));
    QCOMPARE(reveal.spread.at(0), ev1Call1 - ev2Call1);
    QCOMPARE(reveal.spread.at(1), 0.0);
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("qa.calibration.reveal"), QStringLiteral("allowed")), 1);

    // After the reveal: everyone in it reads the outcome; nothing changes any more.
    auto seen = sessions().outcome(ev1, id);
    QVERIFY2(seen.ok(), qPrintable(seen.errorMessage()));
    QCOMPARE(seen->reveal.totals, reveal.totals);
    QCOMPARE(sessions().reveal(sup, id).error().code, ErrorCode::Conflict);
    const qint64 frozen = authtest::lastAuditId(db());
    QCOMPARE(sessions().score(ev1, id, call1, answers(sheet(1, QStringLiteral("incorrect")))).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(authtest::countAudit(authtest::auditRows(db(), frozen), QStringLiteral("qa.calibration.score"),
                                  QStringLiteral("denied")),
             1);
}

void TestCalibrationSessions::creatingIsCheckedAndAudited()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    auto candidates = sessions().candidates(sup);
    QVERIFY2(candidates.ok(), qPrintable(candidates.errorMessage()));
    QVERIFY(candidates->contains(QStringLiteral("u_qa_evaluator")));
    QVERIFY(candidates->contains(QStringLiteral("u_evaluator2")));
    QVERIFY(!candidates->contains(QStringLiteral("u_agent")));
    QVERIFY(!candidates->contains(QStringLiteral("u_auditor")));

    const qint64 before = authtest::lastAuditId(db());
    // An evaluator may not start one (qa.forms.manage), denied and audited.
    QCOMPARE(sessions()
                 .create(as(QStringLiteral("qa_evaluator")), QStringLiteral("x"), m_form.id, m_form.version,
                         {m_site.roles.inT1.id}, {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_evaluator2")})
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    // A call outside the supervisor's teams is denied, audited.
    QCOMPARE(sessions()
                 .create(sup, QStringLiteral("x"), m_form.id, m_form.version, {m_site.roles.inT2.id},
                         {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_evaluator2")})
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    const auto denials = authtest::auditRows(db(), before);
    QCOMPARE(authtest::countAudit(denials, QStringLiteral("qa.calibration.create"), QStringLiteral("denied")), 2);

    // Bad input: one evaluator, an agent as evaluator, no calls, an unknown form version.
    const QVector<QUuid> calls{m_site.roles.inT1.id};
    QCOMPARE(sessions().create(sup, QStringLiteral("x"), m_form.id, m_form.version, calls,
                               {QStringLiteral("u_qa_evaluator")}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(sessions().create(sup, QStringLiteral("x"), m_form.id, m_form.version, calls,
                               {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_agent")}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(sessions().create(sup, QStringLiteral("x"), m_form.id, m_form.version, {},
                               {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_evaluator2")}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(sessions().create(sup, QStringLiteral("x"), m_form.id, m_form.version + 5, calls,
                               {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_evaluator2")}).error().code,
             ErrorCode::NotFound);
    // An evaluator of another team could not play the call: refused, naming them.
    QVERIFY(authtest::addUser(db(), QStringLiteral("u_evaluatorT2"), "not used", QStringLiteral("qa_evaluator"),
                              {QStringLiteral("T2")}) > 0);
    auto outside = sessions().create(sup, QStringLiteral("x"), m_form.id, m_form.version, calls,
                                     {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_evaluatorT2")});
    QCOMPARE(outside.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(outside.errorMessage().contains(QLatin1String("u_evaluatorT2 may not score call")),
             qPrintable(outside.errorMessage()));
    QCOMPARE(authtest::countRows(db(), QStringLiteral("calibration_sessions")), 0);

    auto made = start();
    QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("qa.calibration.create"), QStringLiteral("allowed")), 1);
}

void TestCalibrationSessions::onlyMembersSeeIt()
{
    QVERIFY(setUpSite());
    auto session = start();
    QVERIFY(session.ok());
    const qint64 id = session->id;
    QCOMPARE(sessions().mine(as(QStringLiteral("u_evaluator2")))->size(), 1);
    QCOMPARE(sessions().mine(as(QStringLiteral("u_supervisor2")))->size(), 0);
    const qint64 before = authtest::lastAuditId(db());
    QCOMPARE(sessions().progress(as(QStringLiteral("u_supervisor2")), id).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(sessions().score(as(QStringLiteral("u_supervisor2")), id, m_site.roles.inT1.id,
                              answers(sheet(5, QStringLiteral("correct")))).error().code,
             ErrorCode::PermissionDenied);
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("qa.calibration.open"), QStringLiteral("denied")), 1);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("qa.calibration.score"), QStringLiteral("denied")), 1);
    QCOMPARE(sessions().progress(as(QStringLiteral("supervisor")), 9999).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestCalibrationSessions)
#include "tst_calibrationsessions.moc"
