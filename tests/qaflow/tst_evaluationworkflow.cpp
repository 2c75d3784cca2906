// EvaluationWorkflow and EvaluationQueries on both backends (docs/qa-workflow.md): the whole
// state machine with each role allowed or refused as designed (evaluator, the agent of the
// call, another agent, supervisors in and out of the team, auditor, administrators), an
// audit row for every step and every refusal, illegal steps refused, and a re-score that
// keeps the old score in the history.
#include "authtestsupport.h"
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"
#include "qa/evaluationqueries.h"
#include "qa/evaluationworkflow.h"
#include "qaflowtestsupport.h"

#include <QTest>

using namespace cv;

namespace {
constexpr qint64 kWeekMs = 7LL * 24 * 3600 * 1000;
}

class TestEvaluationWorkflow final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    Principal as(const QString &who) const { return m_site.as(who); }
    EvaluationWorkflow workflow() { return EvaluationWorkflow(db(), m_site.roles.clock.clock()); }
    EvaluationQueries queries() { return EvaluationQueries(db()); }
    // A submitted evaluation of the T1 call by u_qa_evaluator with `score`; 0 on failure.
    qint64 submitted(double score);
    // Exactly one 'denied' row by `actor` with `action` since `before`.
    void expectOneDenial(qint64 before, const QString &actor, const QString &action,
                         const QString &reason = QString());
    QString t1() const { return m_site.roles.inT1.id.toString(QUuid::WithoutBraces); }

    qaflowtest::QaSite m_site;

private slots:
    void draftSubmitAcknowledge();
    void disputeAndRescoreKeepsTheHistory();
    void disputeUpheld();
    void draftsBelongToTheirEvaluator();
    void answersAreRefusedByOthers();
    void resolvingIsForSupervisorsOfTheTeam();
    void noOneResolvesADisputeAboutTheirOwnScoring();
    void illegalStepsAreRefused();
    void badInputIsRefusedWithoutAnAuditRow();
    void listings();
};

bool TestEvaluationWorkflow::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    if (siteId.isNull() || !m_site.setUp(db(), siteId))
        return false;
    return m_site.publishCallQuality(db());
}

qint64 TestEvaluationWorkflow::submitted(double score)
{
    const Principal evaluator = as(QStringLiteral("u_qa_evaluator"));
    auto draft = workflow().startDraft(evaluator, m_site.roles.inT1.id,
                                       QStringLiteral("call-quality"), 1);
    if (!draft || !workflow().saveDraft(evaluator, draft->id, QStringLiteral("{}"), QString(), score)
                       .ok() ||
        !workflow().submit(evaluator, draft->id).ok())
        return 0;
    return draft->id;
}

void TestEvaluationWorkflow::expectOneDenial(qint64 before, const QString &actor,
                                             const QString &action, const QString &reason)
{
    const auto rows = authtest::auditRows(db(), before);
    QVERIFY2(rows.size() == 1,
             qPrintable(QStringLiteral("%1 %2: %3 rows").arg(actor, action).arg(rows.size())));
    QCOMPARE(rows.first().actor, actor);
    QCOMPARE(rows.first().action, action);
    QCOMPARE(rows.first().target, t1());
    QCOMPARE(rows.first().result, QStringLiteral("denied"));
    if (!reason.isEmpty())
        QVERIFY2(rows.first().details.contains(QStringLiteral("\"reason\":\"%1\"").arg(reason)),
                 qPrintable(rows.first().details));
}

void TestEvaluationWorkflow::draftSubmitAcknowledge()
{
    QVERIFY(setUpSite());
    auto &clock = m_site.roles.clock;
    const Principal evaluator = as(QStringLiteral("u_qa_evaluator"));
    const qint64 before = authtest::lastAuditId(db());
    auto draft = workflow().startDraft(evaluator, m_site.roles.inT1.id,
                                       QStringLiteral("call-quality"), 1);
    QVERIFY2(draft.ok(), qPrintable(draft.errorMessage()));
    QCOMPARE(draft->state, EvaluationState::Draft);
    QCOMPARE(draft->evaluator, QStringLiteral("u_qa_evaluator"));
    QCOMPARE(draft->startedAtMs, m_site.roles.inT1.startedAt.toMSecsSinceEpoch());
    QVERIFY(!draft->score);
    QCOMPARE(draft->answers, QStringLiteral("{}"));
    QCOMPARE(draft->createdAtMs, clock.now);
    clock.advanceMinutes(3);
    const QString answers =
        QStringLiteral("{\"q1\":{\"answer\":\"yes\",\"pinnedMs\":4200}}");
    auto saved = workflow().saveDraft(evaluator, draft->id, answers,
                                      QStringLiteral("Good greeting.\n客户满意"), 82.5);
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    QCOMPARE(saved->answers, answers);
    QCOMPARE(saved->comment, QStringLiteral("Good greeting.\n客户满意"));
    QCOMPARE(saved->score, std::optional<double>(82.5));
    QCOMPARE(saved->updatedAtMs, clock.now);
    clock.advanceMinutes(1);
    auto done = workflow().submit(evaluator, draft->id);
    QVERIFY2(done.ok(), qPrintable(done.errorMessage()));
    QCOMPARE(done->state, EvaluationState::Submitted);
    QCOMPARE(done->submittedAtMs, std::optional<qint64>(clock.now));
    QCOMPARE(done->deadlineAtMs, std::optional<qint64>(clock.now + kWeekMs));
    clock.advanceMinutes(60);
    auto seen = workflow().acknowledge(as(QStringLiteral("agent")), draft->id);
    QVERIFY2(seen.ok(), qPrintable(seen.errorMessage()));
    QCOMPARE(seen->state, EvaluationState::Acknowledged);
    QVERIFY(!seen->deadlineAtMs); // nothing is due any more
    QCOMPARE(seen->score, std::optional<double>(82.5));

    const auto rows = authtest::auditRows(db(), before);
    QStringList actions;
    for (const auto &row : rows) {
        actions << row.action;
        QCOMPARE(row.result, QStringLiteral("allowed"));
        QCOMPARE(row.target, t1());
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("qa.evaluation.draft"),
                                   QStringLiteral("qa.evaluation.save"),
                                   QStringLiteral("qa.evaluation.submit"),
                                   QStringLiteral("qa.evaluation.acknowledge")}));
    const QString id = QString::number(draft->id);
    QCOMPARE(rows.at(0).details, QStringLiteral("{\"evaluation\":%1,\"form\":\"call-quality\","
                                                "\"formVersion\":1}").arg(id));
    QCOMPARE(rows.at(1).details, QStringLiteral("{\"evaluation\":%1,\"score\":82.5}").arg(id));
    QCOMPARE(rows.at(2).details, QStringLiteral("{\"evaluation\":%1,\"score\":82.5}").arg(id));
    QCOMPARE(rows.at(3).actor, QStringLiteral("u_agent"));
    QCOMPARE(rows.at(3).details, QStringLiteral("{\"evaluation\":%1}").arg(id));
    QVERIFY(!rows.at(1).details.contains(QLatin1String("客户"))); // comments stay out of the trail

    auto history = queries().history(as(QStringLiteral("agent")), draft->id);
    QVERIFY2(history.ok(), qPrintable(history.errorMessage()));
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).kind, EvaluationEventKind::Submitted);
    QCOMPARE(history->at(0).actor, QStringLiteral("u_qa_evaluator"));
    QCOMPARE(history->at(0).newScore, std::optional<double>(82.5));
    QCOMPARE(history->at(1).kind, EvaluationEventKind::Acknowledged);
    QCOMPARE(history->at(1).actor, QStringLiteral("u_agent"));
    QCOMPARE(history->at(1).atMs, clock.now);
    QVERIFY(AuditLog(db()).verifyChain().ok());
}

void TestEvaluationWorkflow::disputeAndRescoreKeepsTheHistory()
{
    QVERIFY(setUpSite());
    const qint64 id = submitted(60);
    QVERIFY(id > 0);
    auto &clock = m_site.roles.clock;
    clock.advanceMinutes(10);
    const qint64 before = authtest::lastAuditId(db());
    auto disputed = workflow().dispute(as(QStringLiteral("agent")), id,
                                       QStringLiteral("The customer hung up; I could not close."));
    QVERIFY2(disputed.ok(), qPrintable(disputed.errorMessage()));
    QCOMPARE(disputed->state, EvaluationState::Disputed);
    QCOMPARE(disputed->deadlineAtMs, std::optional<qint64>(clock.now + kWeekMs));
    clock.advanceMinutes(10);
    auto resolved = workflow().resolve(as(QStringLiteral("supervisor")), id,
                                       EvaluationWorkflow::Outcome::Rescored, 75,
                                       QStringLiteral("Closing did not apply."));
    QVERIFY2(resolved.ok(), qPrintable(resolved.errorMessage()));
    QCOMPARE(resolved->state, EvaluationState::Resolved);
    QCOMPARE(resolved->score, std::optional<double>(75));
    QVERIFY(!resolved->deadlineAtMs);
    QCOMPARE(resolved->submittedAtMs.has_value(), true);

    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).action, QStringLiteral("qa.evaluation.dispute"));
    QCOMPARE(rows.at(0).actor, QStringLiteral("u_agent"));
    QCOMPARE(rows.at(0).details, QStringLiteral("{\"evaluation\":%1}").arg(id));
    QCOMPARE(rows.at(1).action, QStringLiteral("qa.evaluation.resolve"));
    QCOMPARE(rows.at(1).actor, QStringLiteral("u_supervisor"));
    QCOMPARE(rows.at(1).details,
             QStringLiteral("{\"evaluation\":%1,\"newScore\":75,\"oldScore\":60,\"outcome\":"
                            "\"rescored\"}")
                 .arg(id));

    // The agent sees the outcome: the new score and the history with both scores.
    auto mine = queries().mine(as(QStringLiteral("agent")));
    QVERIFY2(mine.ok(), qPrintable(mine.errorMessage()));
    QCOMPARE(mine->size(), 1);
    QCOMPARE(mine->first().state, EvaluationState::Resolved);
    QCOMPARE(mine->first().score, std::optional<double>(75));
    auto history = queries().history(as(QStringLiteral("agent")), id);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(1).kind, EvaluationEventKind::Disputed);
    QCOMPARE(history->at(1).notes, QStringLiteral("The customer hung up; I could not close."));
    QCOMPARE(history->at(2).kind, EvaluationEventKind::Rescored);
    QCOMPARE(history->at(2).actor, QStringLiteral("u_supervisor"));
    QCOMPARE(history->at(2).oldScore, std::optional<double>(60));
    QCOMPARE(history->at(2).newScore, std::optional<double>(75));
    QCOMPARE(history->at(2).notes, QStringLiteral("Closing did not apply."));
    QVERIFY(AuditLog(db()).verifyChain().ok());
}

void TestEvaluationWorkflow::disputeUpheld()
{
    QVERIFY(setUpSite());
    const qint64 id = submitted(40);
    QVERIFY(id > 0);
    QVERIFY(workflow().dispute(as(QStringLiteral("agent")), id, QStringLiteral("Unfair")).ok());
    const qint64 before = authtest::lastAuditId(db());
    auto resolved = workflow().resolve(as(QStringLiteral("supervisor")), id,
                                       EvaluationWorkflow::Outcome::Upheld, std::nullopt,
                                       QStringLiteral("The script was not followed."));
    QVERIFY2(resolved.ok(), qPrintable(resolved.errorMessage()));
    QCOMPARE(resolved->state, EvaluationState::Resolved);
    QCOMPARE(resolved->score, std::optional<double>(40));
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().details,
             QStringLiteral("{\"evaluation\":%1,\"outcome\":\"upheld\"}").arg(id));
    auto history = queries().history(as(QStringLiteral("supervisor")), id);
    QCOMPARE(history->last().kind, EvaluationEventKind::Resolved);
    QVERIFY(!history->last().oldScore);
    QCOMPARE(history->last().newScore, std::optional<double>(40));
}

void TestEvaluationWorkflow::draftsBelongToTheirEvaluator()
{
    QVERIFY(setUpSite());
    // Starting a draft: recording.score on the call, within the scope.
    for (const QString &who : {QStringLiteral("supervisor"), QStringLiteral("agent"),
                               QStringLiteral("auditor"), QStringLiteral("admin")}) {
        const qint64 before = authtest::lastAuditId(db());
        QCOMPARE(workflow()
                     .startDraft(as(who), m_site.roles.inT1.id, QStringLiteral("call-quality"), 1)
                     .error()
                     .code,
                 ErrorCode::PermissionDenied);
        expectOneDenial(before, QStringLiteral("u_") + who, QStringLiteral("qa.evaluation.draft"),
                        QStringLiteral("permission not granted"));
    }
    const qint64 beforeT2 = authtest::lastAuditId(db());
    QCOMPARE(workflow()
                 .startDraft(as(QStringLiteral("qa_evaluator")), m_site.roles.inT2.id,
                             QStringLiteral("call-quality"), 1)
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    const auto outside = authtest::auditRows(db(), beforeT2);
    QCOMPARE(outside.size(), 1);
    QVERIFY(outside.first().details.contains(QLatin1String("outside scope")));
    // Another evaluator of the team may neither change nor submit someone else's draft.
    auto draft = workflow().startDraft(as(QStringLiteral("qa_evaluator")), m_site.roles.inT1.id,
                                       QStringLiteral("call-quality"), 1);
    QVERIFY(draft.ok());
    const Principal other = as(QStringLiteral("u_evaluator2"));
    qint64 before = authtest::lastAuditId(db());
    QCOMPARE(workflow().saveDraft(other, draft->id, QStringLiteral("{}"), QString(), 10).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_evaluator2"), QStringLiteral("qa.evaluation.save"),
                    QStringLiteral("not the evaluator"));
    before = authtest::lastAuditId(db());
    QCOMPARE(workflow().submit(other, draft->id).error().code, ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_evaluator2"), QStringLiteral("qa.evaluation.submit"),
                    QStringLiteral("not the evaluator"));
    QCOMPARE(EvaluationRepository(db()).find(draft->id).value()->state, EvaluationState::Draft);
}

void TestEvaluationWorkflow::answersAreRefusedByOthers()
{
    QVERIFY(setUpSite());
    const qint64 id = submitted(70);
    QVERIFY(id > 0);
    struct Refusal
    {
        QString who;
        QString reason;
    };
    const QVector<Refusal> refusals = {
        {QStringLiteral("u_agent2"), QStringLiteral("outside scope")}, // another agent's call
        {QStringLiteral("supervisor"), QStringLiteral("permission not granted")},
        {QStringLiteral("qa_evaluator"), QStringLiteral("permission not granted")},
        {QStringLiteral("auditor"), QStringLiteral("permission not granted")},
        {QStringLiteral("admin"), QStringLiteral("permission not granted")},
    };
    for (const Refusal &r : refusals) {
        const QString actor = r.who.startsWith(QLatin1String("u_")) ? r.who : QStringLiteral("u_") + r.who;
        qint64 before = authtest::lastAuditId(db());
        QCOMPARE(workflow().acknowledge(as(r.who), id).error().code, ErrorCode::PermissionDenied);
        expectOneDenial(before, actor, QStringLiteral("qa.evaluation.acknowledge"), r.reason);
        before = authtest::lastAuditId(db());
        QCOMPARE(workflow().dispute(as(r.who), id, QStringLiteral("no")).error().code,
                 ErrorCode::PermissionDenied);
        expectOneDenial(before, actor, QStringLiteral("qa.evaluation.dispute"), r.reason);
    }
    // A site that grants evaluation.acknowledge to a wider role: still only the call's agent.
    QVERIFY(backend()
                .execRaw(QStringLiteral("INSERT INTO role_permissions (role, permission) VALUES "
                                        "('supervisor', 'evaluation.acknowledge')"))
                .ok());
    const qint64 before = authtest::lastAuditId(db());
    QCOMPARE(workflow().acknowledge(as(QStringLiteral("supervisor")), id).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_supervisor"),
                    QStringLiteral("qa.evaluation.acknowledge"),
                    QStringLiteral("not the agent of the call"));
    QCOMPARE(EvaluationRepository(db()).find(id).value()->state, EvaluationState::Submitted);
}

void TestEvaluationWorkflow::resolvingIsForSupervisorsOfTheTeam()
{
    QVERIFY(setUpSite());
    const qint64 id = submitted(50);
    QVERIFY(id > 0);
    QVERIFY(workflow().dispute(as(QStringLiteral("agent")), id, QStringLiteral("why")).ok());
    const QVector<QPair<QString, QString>> refusals = {
        {QStringLiteral("u_supervisor2"), QStringLiteral("outside scope")},
        {QStringLiteral("agent"), QStringLiteral("permission not granted")},
        {QStringLiteral("qa_evaluator"), QStringLiteral("permission not granted")},
        {QStringLiteral("auditor"), QStringLiteral("permission not granted")},
        {QStringLiteral("admin"), QStringLiteral("permission not granted")},
    };
    for (const auto &[who, reason] : refusals) {
        const QString actor = who.startsWith(QLatin1String("u_")) ? who : QStringLiteral("u_") + who;
        const qint64 before = authtest::lastAuditId(db());
        QCOMPARE(workflow()
                     .resolve(as(who), id, EvaluationWorkflow::Outcome::Rescored, 99,
                              QStringLiteral("x"))
                     .error()
                     .code,
                 ErrorCode::PermissionDenied);
        expectOneDenial(before, actor, QStringLiteral("qa.evaluation.resolve"), reason);
    }
    auto row = EvaluationRepository(db()).find(id);
    QCOMPARE(row.value()->state, EvaluationState::Disputed);
    QCOMPARE(row.value()->score, std::optional<double>(50));
}

void TestEvaluationWorkflow::noOneResolvesADisputeAboutTheirOwnScoring()
{
    QVERIFY(setUpSite());
    // A site where supervisors also score.
    QVERIFY(backend()
                .execRaw(QStringLiteral("INSERT INTO role_permissions (role, permission) VALUES "
                                        "('supervisor', 'recording.score')"))
                .ok());
    const Principal sup = as(QStringLiteral("supervisor"));
    auto draft = workflow().startDraft(sup, m_site.roles.inT1.id, QStringLiteral("call-quality"), 1);
    QVERIFY2(draft.ok(), qPrintable(draft.errorMessage()));
    QVERIFY(workflow().saveDraft(sup, draft->id, QStringLiteral("{}"), QString(), 30).ok());
    QVERIFY(workflow().submit(sup, draft->id).ok());
    QVERIFY(workflow().dispute(as(QStringLiteral("agent")), draft->id, QStringLiteral("no")).ok());
    const qint64 before = authtest::lastAuditId(db());
    QCOMPARE(workflow()
                 .resolve(sup, draft->id, EvaluationWorkflow::Outcome::Upheld, std::nullopt,
                          QStringLiteral("fine"))
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_supervisor"), QStringLiteral("qa.evaluation.resolve"),
                    QStringLiteral("own evaluation"));
}

void TestEvaluationWorkflow::illegalStepsAreRefused()
{
    QVERIFY(setUpSite());
    const Principal evaluator = as(QStringLiteral("qa_evaluator"));
    const Principal agent = as(QStringLiteral("agent"));
    const Principal sup = as(QStringLiteral("supervisor"));
    auto draft = workflow().startDraft(evaluator, m_site.roles.inT1.id,
                                       QStringLiteral("call-quality"), 1);
    QVERIFY(draft.ok());
    QVERIFY(workflow().saveDraft(evaluator, draft->id, QStringLiteral("{}"), QString(), 55).ok());
    const qint64 id = draft->id;
    const auto refusedAs = [&](auto &&step, const QString &actor, const QString &action,
                               const QString &state) {
        const qint64 before = authtest::lastAuditId(db());
        const Result<EvaluationRow> result = step();
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QVERIFY2(result.errorMessage().contains(QStringLiteral("is %1").arg(state)),
                 qPrintable(result.errorMessage()));
        expectOneDenial(before, actor, action, QStringLiteral("state ") + state);
    };
    // A draft is neither acknowledged, disputed nor resolved.
    refusedAs([&] { return workflow().acknowledge(agent, id); }, QStringLiteral("u_agent"),
              QStringLiteral("qa.evaluation.acknowledge"), QStringLiteral("draft"));
    refusedAs([&] { return workflow().dispute(agent, id, QStringLiteral("x")); },
              QStringLiteral("u_agent"), QStringLiteral("qa.evaluation.dispute"),
              QStringLiteral("draft"));
    refusedAs([&] {
        return workflow().resolve(sup, id, EvaluationWorkflow::Outcome::Upheld, std::nullopt,
                                  QStringLiteral("x"));
    }, QStringLiteral("u_supervisor"), QStringLiteral("qa.evaluation.resolve"),
              QStringLiteral("draft"));
    QVERIFY(workflow().submit(evaluator, id).ok());
    // Submitted: not twice, no more saving, and no resolution without a dispute.
    refusedAs([&] { return workflow().submit(evaluator, id); }, QStringLiteral("u_qa_evaluator"),
              QStringLiteral("qa.evaluation.submit"), QStringLiteral("submitted"));
    refusedAs([&] { return workflow().saveDraft(evaluator, id, QStringLiteral("{}"), QString(), 99); },
              QStringLiteral("u_qa_evaluator"), QStringLiteral("qa.evaluation.save"),
              QStringLiteral("submitted"));
    refusedAs([&] {
        return workflow().resolve(sup, id, EvaluationWorkflow::Outcome::Upheld, std::nullopt,
                                  QStringLiteral("x"));
    }, QStringLiteral("u_supervisor"), QStringLiteral("qa.evaluation.resolve"),
              QStringLiteral("submitted"));
    QVERIFY(workflow().acknowledge(agent, id).ok());
    // Acknowledged is final.
    refusedAs([&] { return workflow().dispute(agent, id, QStringLiteral("changed my mind")); },
              QStringLiteral("u_agent"), QStringLiteral("qa.evaluation.dispute"),
              QStringLiteral("acknowledged"));
    refusedAs([&] { return workflow().acknowledge(agent, id); }, QStringLiteral("u_agent"),
              QStringLiteral("qa.evaluation.acknowledge"), QStringLiteral("acknowledged"));
    // Resolved is final too.
    const qint64 other = submitted(20);
    QVERIFY(workflow().dispute(agent, other, QStringLiteral("x")).ok());
    QVERIFY(workflow()
                .resolve(sup, other, EvaluationWorkflow::Outcome::Upheld, std::nullopt,
                         QStringLiteral("ok"))
                .ok());
    refusedAs([&] {
        return workflow().resolve(sup, other, EvaluationWorkflow::Outcome::Rescored, 90,
                                  QStringLiteral("again"));
    }, QStringLiteral("u_supervisor"), QStringLiteral("qa.evaluation.resolve"),
              QStringLiteral("resolved"));
    refusedAs([&] { return workflow().dispute(agent, other, QStringLiteral("again")); },
              QStringLiteral("u_agent"), QStringLiteral("qa.evaluation.dispute"),
              QStringLiteral("resolved"));
    QCOMPARE(queries().history(sup, other)->size(), 3); // submitted, disputed, resolved
    QCOMPARE(EvaluationRepository(db()).find(other).value()->score, std::optional<double>(20));
}

void TestEvaluationWorkflow::badInputIsRefusedWithoutAnAuditRow()
{
    QVERIFY(setUpSite());
    const Principal evaluator = as(QStringLiteral("qa_evaluator"));
    auto draft = workflow().startDraft(evaluator, m_site.roles.inT1.id,
                                       QStringLiteral("call-quality"), 1);
    QVERIFY(draft.ok());
    const qint64 before = authtest::lastAuditId(db());
    QCOMPARE(workflow().submit(evaluator, draft->id).error().code, ErrorCode::InvalidArgument);
    for (const QString &answers : {QStringLiteral("[1]"), QStringLiteral("{"), QString()})
        QCOMPARE(workflow().saveDraft(evaluator, draft->id, answers, QString(), 1).error().code,
                 ErrorCode::InvalidArgument);
    for (double score : {-1.0, 100.5, std::nan(""), HUGE_VAL})
        QCOMPARE(workflow().saveDraft(evaluator, draft->id, QStringLiteral("{}"), QString(), score)
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
    QCOMPARE(workflow()
                 .saveDraft(evaluator, draft->id, QStringLiteral("{}"),
                            QStringLiteral("a") + QChar(0), 1)
                 .error()
                 .code,
             ErrorCode::InvalidArgument);
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
    QVERIFY(workflow().saveDraft(evaluator, draft->id, QStringLiteral("{}"), QString(), 90).ok());
    QVERIFY(workflow().submit(evaluator, draft->id).ok());
    const Principal agent = as(QStringLiteral("agent"));
    const qint64 afterSubmit = authtest::lastAuditId(db());
    for (const QString &reason : {QString(), QStringLiteral("   \n")})
        QCOMPARE(workflow().dispute(agent, draft->id, reason).error().code,
                 ErrorCode::InvalidArgument);
    QVERIFY(workflow().dispute(agent, draft->id, QStringLiteral("too low")).ok());
    const Principal sup = as(QStringLiteral("supervisor"));
    using O = EvaluationWorkflow::Outcome;
    QCOMPARE(workflow().resolve(sup, draft->id, O::Rescored, std::nullopt, QStringLiteral("n")).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(workflow().resolve(sup, draft->id, O::Rescored, 101, QStringLiteral("n")).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(workflow().resolve(sup, draft->id, O::Upheld, 50, QStringLiteral("n")).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(workflow().resolve(sup, draft->id, O::Upheld, std::nullopt, QString()).error().code,
             ErrorCode::InvalidArgument);
    const auto rows = authtest::auditRows(db(), afterSubmit);
    QCOMPARE(rows.size(), 1); // only the dispute
    QCOMPARE(workflow().acknowledge(agent, 987654).error().code, ErrorCode::NotFound);
}

void TestEvaluationWorkflow::listings()
{
    QVERIFY(setUpSite());
    const qint64 disputedId = submitted(45);
    QVERIFY(disputedId > 0);
    QVERIFY(workflow().dispute(as(QStringLiteral("agent")), disputedId, QStringLiteral("x")).ok());
    m_site.roles.clock.advanceMinutes(1);
    const qint64 openId = submitted(88);
    auto draft = workflow().startDraft(as(QStringLiteral("qa_evaluator")), m_site.roles.inT1.id,
                                       QStringLiteral("call-quality"), 1);
    QVERIFY(draft.ok());
    // The call's evaluations: drafts only to their evaluator.
    auto forEvaluator = queries().ofRecording(as(QStringLiteral("qa_evaluator")), m_site.roles.inT1.id);
    QVERIFY2(forEvaluator.ok(), qPrintable(forEvaluator.errorMessage()));
    QCOMPARE(forEvaluator->size(), 3);
    auto forSupervisor = queries().ofRecording(as(QStringLiteral("supervisor")), m_site.roles.inT1.id);
    QCOMPARE(forSupervisor->size(), 2);
    QCOMPARE(queries().history(as(QStringLiteral("supervisor")), draft->id).error().code,
             ErrorCode::NotFound);
    qint64 before = authtest::lastAuditId(db());
    QCOMPARE(queries().ofRecording(as(QStringLiteral("u_agent2")), m_site.roles.inT1.id).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_agent2"), QStringLiteral("qa.evaluation.list"),
                    QStringLiteral("outside scope"));
    // The agent's own: not drafts, newest first, with states and deadlines.
    auto mine = queries().mine(as(QStringLiteral("agent")));
    QVERIFY2(mine.ok(), qPrintable(mine.errorMessage()));
    QCOMPARE(mine->size(), 2);
    QCOMPARE(mine->at(0).id, openId);
    QCOMPARE(mine->at(0).state, EvaluationState::Submitted);
    QVERIFY(mine->at(0).deadlineAtMs.has_value());
    QCOMPARE(mine->at(1).state, EvaluationState::Disputed);
    QCOMPARE(queries().mine(as(QStringLiteral("u_agent2")))->size(), 0);
    // Open disputes: the team's supervisor sees it, the other team's does not.
    auto open = queries().openDisputes(as(QStringLiteral("supervisor")));
    QVERIFY2(open.ok(), qPrintable(open.errorMessage()));
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().id, disputedId);
    QCOMPARE(open->first().agentId, QStringLiteral("A1"));
    QCOMPARE(queries().openDisputes(as(QStringLiteral("u_supervisor2")))->size(), 0);
    // Refusals, audited.
    for (const QString &who : {QStringLiteral("auditor"), QStringLiteral("qa_evaluator")}) {
        before = authtest::lastAuditId(db());
        QCOMPARE(queries().mine(as(who)).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(queries().openDisputes(as(who)).error().code, ErrorCode::PermissionDenied);
        const auto rows = authtest::auditRows(db(), before);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).action, QStringLiteral("qa.evaluation.mine"));
        QCOMPARE(rows.at(1).action, QStringLiteral("qa.evaluation.disputes"));
        QCOMPARE(rows.at(1).result, QStringLiteral("denied"));
    }
}

QTEST_GUILESS_MAIN(TestEvaluationWorkflow)
#include "tst_evaluationworkflow.moc"
