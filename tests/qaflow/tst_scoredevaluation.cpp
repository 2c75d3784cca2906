// ScoredEvaluation on both backends: the score stored with a draft is the one ScoreEngine
// computes from the answers and the evaluation's pinned form version (a real default form),
// never one the client chose; answers to another form version are refused; submitting is
// refused while questions are unanswered (naming them) and a draft whose stored score
// another client falsified is corrected before it is submitted; the evaluation opens for
// its agent once submitted and not while it is someone else's draft.
#include "authtestsupport.h"
#include "catalogtestsupport.h"
#include "qa/defaultforms.h"
#include "qa/evaluationworkflow.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"
#include "qa/scoredevaluation.h"
#include "qaflowtestsupport.h"

#include <QTest>

using namespace cv;

class TestScoredEvaluation final : public CatalogTestCase
{
    Q_OBJECT

private:
    // A migrated site with the built-in English service-quality form published; its draft by
    // the T1 evaluator on the T1 call (agent A1).
    bool setUpDraft();
    Principal as(const QString &who) const { return m_site.as(who); }
    ScoredEvaluation scored() { return ScoredEvaluation(db(), m_site.roles.clock.clock()); }
    EvaluationAnswers answers(const AnswerMap &given) const;
    static AnswerMap complete();

    qaflowtest::QaSite m_site;
    EvaluationForm m_form;
    qint64 m_draft = 0;

private slots:
    void theStoredScoreIsTheEnginesScore();
    void answersToAnotherVersionAreRefused();
    void submittingNeedsEveryAnswer();
    void aFalsifiedScoreIsCorrectedOnSubmit();
    void whoMayOpenIt();
};

bool TestScoredEvaluation::setUpDraft()
{
    const QUuid siteId = migrateWithSite();
    if (siteId.isNull() || !m_site.setUp(db(), siteId))
        return false;
    auto form = DefaultForms::load(QStringLiteral("service-quality-en"));
    if (!form)
        return false;
    FormLibrary library(db(), m_site.roles.clock.clock());
    auto published = FormPublisher(library).publish(as(QStringLiteral("supervisor")), form.takeValue());
    if (!published) {
        qWarning("%s", qPrintable(published.errorMessage()));
        return false;
    }
    auto model = FormPublisher::formOf(published->form);
    if (!model)
        return false;
    m_form = model.takeValue();
    auto draft = EvaluationWorkflow(db(), m_site.roles.clock.clock())
                     .startDraft(as(QStringLiteral("qa_evaluator")), m_site.roles.inT1.id, m_form.id, m_form.version);
    if (!draft) {
        qWarning("%s", qPrintable(draft.errorMessage()));
        return false;
    }
    m_draft = draft->id;
    return true;
}

EvaluationAnswers TestScoredEvaluation::answers(const AnswerMap &given) const
{
    EvaluationAnswers a;
    a.formId = m_form.id;
    a.formVersion = m_form.version;
    a.answers = given;
    a.notes.insert(QStringLiteral("greeting"), AnswerNote{QStringLiteral("warm"), 4000});
    return a;
}

AnswerMap TestScoredEvaluation::complete()
{
    return AnswerMap{{QStringLiteral("greeting"), Answer::yes()},
                     {QStringLiteral("identity-verified"), Answer::yes()},
                     {QStringLiteral("needs-identified"), Answer::scale(5)},
                     {QStringLiteral("accurate-answer"), Answer::choice(QStringLiteral("correct"))},
                     {QStringLiteral("courtesy"), Answer::scale(3)},
                     {QStringLiteral("hold-etiquette"), Answer::notApplicable()},
                     {QStringLiteral("closing"), Answer::yes()}};
}

void TestScoredEvaluation::theStoredScoreIsTheEnginesScore()
{
    QVERIFY(setUpDraft());
    const Principal evaluator = as(QStringLiteral("qa_evaluator"));
    auto fresh = scored().open(evaluator, m_draft);
    QVERIFY2(fresh.ok(), qPrintable(fresh.errorMessage()));
    QVERIFY(fresh->answers.answers.isEmpty());
    QVERIFY(!fresh->score.total);

    const AnswerMap partial{{QStringLiteral("greeting"), Answer::yes()}, {QStringLiteral("courtesy"), Answer::scale(3)}};
    auto saved = scored().save(evaluator, m_draft, answers(partial));
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    const ScoreResult expected = ScoreEngine::score(m_form, partial);
    QVERIFY(expected.total);
    QCOMPARE(saved->row.score, expected.total);
    QCOMPARE(saved->score.unanswered, expected.unanswered);
    // What was stored reads back: answers with their pin.
    auto reopened = scored().open(evaluator, m_draft);
    QVERIFY(reopened.ok());
    QVERIFY(reopened->answers == answers(partial));
    QCOMPARE(reopened->answers.notes.value(QStringLiteral("greeting")).atMs, std::optional<qint64>(4000));
}

void TestScoredEvaluation::answersToAnotherVersionAreRefused()
{
    QVERIFY(setUpDraft());
    EvaluationAnswers other = answers(complete());
    other.formVersion = m_form.version + 1;
    auto refused = scored().save(as(QStringLiteral("qa_evaluator")), m_draft, other);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    other.formVersion = m_form.version;
    other.formId = QStringLiteral("dual-recording-compliance-en");
    QVERIFY(!scored().save(as(QStringLiteral("qa_evaluator")), m_draft, other).ok());
    // An answer that does not fit its question is refused at submit, named.
    AnswerMap misfit = complete();
    misfit.insert(QStringLiteral("courtesy"), Answer::scale(9));
    QVERIFY(scored().save(as(QStringLiteral("qa_evaluator")), m_draft, answers(misfit)).ok());
    auto submit = scored().submit(as(QStringLiteral("qa_evaluator")), m_draft);
    QVERIFY(!submit.ok());
    QVERIFY2(submit.errorMessage().contains(QLatin1String("courtesy")), qPrintable(submit.errorMessage()));
}

void TestScoredEvaluation::submittingNeedsEveryAnswer()
{
    QVERIFY(setUpDraft());
    const Principal evaluator = as(QStringLiteral("qa_evaluator"));
    AnswerMap twoMissing = complete();
    twoMissing.remove(QStringLiteral("closing"));
    twoMissing.remove(QStringLiteral("courtesy"));
    QVERIFY(scored().save(evaluator, m_draft, answers(twoMissing)).ok());
    auto refused = scored().submit(evaluator, m_draft);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(refused.errorMessage(),
             QStringLiteral("Evaluation %1 cannot be submitted: 2 questions are still unanswered (courtesy, closing).")
                 .arg(m_draft));
    QCOMPARE(scored().open(evaluator, m_draft)->row.state, EvaluationState::Draft);

    QVERIFY(scored().save(evaluator, m_draft, answers(complete())).ok());
    auto submitted = scored().submit(evaluator, m_draft);
    QVERIFY2(submitted.ok(), qPrintable(submitted.errorMessage()));
    QCOMPARE(submitted->row.state, EvaluationState::Submitted);
    // greeting, identity and closing yes; needs 5/5, accurate "correct", courtesy 3/5, hold N/A:
    // the engine's figure, whatever it is, is what is stored.
    const ScoreResult expected = ScoreEngine::score(m_form, complete());
    QVERIFY(expected.isComplete());
    QCOMPARE(submitted->row.score, expected.total);
    QVERIFY(*expected.total < 100.0);
}

void TestScoredEvaluation::aFalsifiedScoreIsCorrectedOnSubmit()
{
    QVERIFY(setUpDraft());
    const Principal evaluator = as(QStringLiteral("qa_evaluator"));
    // Another client stores complete answers with a score they do not give.
    auto forged = EvaluationWorkflow(db(), m_site.roles.clock.clock())
                      .saveDraft(evaluator, m_draft, QString::fromUtf8(answers(complete()).toJson()), QString(), 12.0);
    QVERIFY2(forged.ok(), qPrintable(forged.errorMessage()));
    QCOMPARE(forged->score, std::optional<double>(12.0));
    const qint64 before = authtest::lastAuditId(db());
    auto submitted = scored().submit(evaluator, m_draft);
    QVERIFY2(submitted.ok(), qPrintable(submitted.errorMessage()));
    QCOMPARE(submitted->row.score, ScoreEngine::score(m_form, complete()).total);
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 2); // the corrected save, then the submit
    QCOMPARE(rows.at(0).action, QStringLiteral("qa.evaluation.save"));
    QCOMPARE(rows.at(1).action, QStringLiteral("qa.evaluation.submit"));
}

void TestScoredEvaluation::whoMayOpenIt()
{
    QVERIFY(setUpDraft());
    // Someone else's draft is not shown, to the agent nor to a second evaluator.
    QCOMPARE(scored().open(as(QStringLiteral("agent")), m_draft).error().code, ErrorCode::NotFound);
    QCOMPARE(scored().open(as(QStringLiteral("u_evaluator2")), m_draft).error().code, ErrorCode::NotFound);
    // Nor may anyone else save it.
    QVERIFY(!scored().save(as(QStringLiteral("u_evaluator2")), m_draft, answers(complete())).ok());
    QVERIFY(scored().save(as(QStringLiteral("qa_evaluator")), m_draft, answers(complete())).ok());
    QVERIFY(scored().submit(as(QStringLiteral("qa_evaluator")), m_draft).ok());
    auto agentView = scored().open(as(QStringLiteral("agent")), m_draft);
    QVERIFY2(agentView.ok(), qPrintable(agentView.errorMessage()));
    QVERIFY(agentView->answers == answers(complete()));
    // The agent of another call does not see it (denied, audited).
    const qint64 before = authtest::lastAuditId(db());
    QVERIFY(!scored().open(as(QStringLiteral("u_agent2")), m_draft).ok());
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).action, QStringLiteral("qa.evaluation.open"));
    QCOMPARE(rows.at(0).result, QStringLiteral("denied"));
}

QTEST_GUILESS_MAIN(TestScoredEvaluation)
#include "tst_scoredevaluation.moc"
