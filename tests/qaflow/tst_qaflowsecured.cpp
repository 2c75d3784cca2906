// The QA workflow on a server-enforced PostgreSQL catalog (docs/postgres-security.md,
// docs/qa-workflow.md), each person as their own login role through cv::PgLogin:
//   - the whole flow through core (publish, draft, save, submit, dispute, re-score,
//     acknowledge): the steps after the draft go through cv_evaluation_submit / _respond /
//     _resolve, and the audit trail holds the same rows, with the same details, as on SQLite,
//     in one chain that verifies;
//   - what a SQL client cannot do, whatever core would ask: change a submitted evaluation,
//     insert one that is not a draft, write history rows, answer another agent's evaluation,
//     resolve outside the team or one's own evaluation, take a step the state does not allow.
#include "auth/pglogin.h"
#include "catalog/auditlog.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "qa/evaluationqueries.h"
#include "qa/evaluationworkflow.h"
#include "qa/formlibrary.h"
#include "qa/qareportquery.h"
#include "securedcatalog.h"
#include "securedqasite.h"

#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace cv;


class TestQaFlowSecured final : public QObject
{
    Q_OBJECT

private:
    qaflowtest::SecuredPerson &as(const QString &name) { return m_site.as(name); }
    EvaluationWorkflow workflow(const QString &name) { return EvaluationWorkflow(*as(name).db); }
    QString outcomeAs(const QString &name, const QString &sql, const QVariantList &values = {})
    {
        return m_site.outcomeAs(name, sql, values);
    }
    // "actor action result details" of the audit rows after `afterId` (as the superuser).
    QStringList auditAfter(qint64 afterId);
    qint64 lastAuditId();
    // A submitted evaluation of R1 by eve; 0 on failure.
    qint64 submitted(double score);

    qaflowtest::SecuredQaSite m_site;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void wholeFlowThroughTheServer();
    void sqlClientsCannotBypassTheWorkflow();
    void illegalStepsAreRefusedByTheServerToo();
    void reportsAsLoginRoles();
};

void TestQaFlowSecured::initTestCase()
{
    const auto set = m_site.setUp({{"sue", "supervisor", "T1", nullptr},
                          {"sam", "supervisor", "T2", nullptr},
                          {"eve", "qa_evaluator", "T1", nullptr},
                          {"ann", "agent", nullptr, "A1"},
                          {"bob", "agent", nullptr, "A2"},
                          {"aud", "auditor", nullptr, nullptr}},
                                  QStringLiteral("tst_qaflowsecured"));
    QVERIFY2(set.ok(), qPrintable(set.errorMessage()));
    const auto published = m_site.publishCallQuality(QStringLiteral("sue"));
    QVERIFY2(published.ok(), qPrintable(published.errorMessage()));
}

void TestQaFlowSecured::cleanupTestCase()
{
    m_site.tearDown();
}

qint64 TestQaFlowSecured::lastAuditId()
{
    return m_site.catalog->scalar(QStringLiteral("SELECT COALESCE(max(id), 0) FROM audit"))->toLongLong();
}

QStringList TestQaFlowSecured::auditAfter(qint64 afterId)
{
    QSqlQuery query(m_site.catalog->superuser().connection());
    query.prepare(QStringLiteral("SELECT actor, action, result, details FROM audit WHERE id > ? "
                                 "ORDER BY id"));
    query.addBindValue(afterId);
    QStringList rows;
    if (query.exec()) {
        while (query.next())
            rows << QStringLiteral("%1 %2 %3 %4")
                        .arg(query.value(0).toString(), query.value(1).toString(),
                             query.value(2).toString(), query.value(3).toString());
    }
    return rows;
}

qint64 TestQaFlowSecured::submitted(double score)
{
    const Principal &eve = as(QStringLiteral("eve")).principal;
    auto draft = workflow(QStringLiteral("eve")).startDraft(eve, m_site.r1.id, QStringLiteral("call-quality"), 1);
    if (!draft) {
        qWarning("draft: %s", qPrintable(draft.errorMessage()));
        return 0;
    }
    auto saved = workflow(QStringLiteral("eve")).saveDraft(eve, draft->id, QStringLiteral("{\"q\":1}"),
                                                           QStringLiteral("ok"), score);
    auto done = workflow(QStringLiteral("eve")).submit(eve, draft->id);
    if (!saved || !done) {
        qWarning("save/submit: %s %s", qPrintable(saved.errorMessage()), qPrintable(done.errorMessage()));
        return 0;
    }
    return draft->id;
}

void TestQaFlowSecured::wholeFlowThroughTheServer()
{
    const qint64 before = lastAuditId();
    const qint64 id = submitted(60);
    QVERIFY(id > 0);
    auto afterSubmit = EvaluationRepository(*as(QStringLiteral("eve")).db).find(id);
    QCOMPARE(afterSubmit.value()->state, EvaluationState::Submitted);
    QVERIFY(afterSubmit.value()->submittedAtMs.has_value());
    QVERIFY(afterSubmit.value()->deadlineAtMs.has_value());
    auto disputed = workflow(QStringLiteral("ann"))
                        .dispute(as(QStringLiteral("ann")).principal, id, QStringLiteral("Unfair"));
    QVERIFY2(disputed.ok(), qPrintable(disputed.errorMessage()));
    QCOMPARE(disputed->state, EvaluationState::Disputed);
    auto open = EvaluationQueries(*as(QStringLiteral("sue")).db).openDisputes(as(QStringLiteral("sue")).principal);
    QVERIFY2(open.ok(), qPrintable(open.errorMessage()));
    QCOMPARE(open->size(), 1);
    QCOMPARE(EvaluationQueries(*as(QStringLiteral("sam")).db).openDisputes(as(QStringLiteral("sam")).principal)->size(), 0);
    auto resolved = workflow(QStringLiteral("sue"))
                        .resolve(as(QStringLiteral("sue")).principal, id,
                                 EvaluationWorkflow::Outcome::Rescored, 72.5, QStringLiteral("Partly right"));
    QVERIFY2(resolved.ok(), qPrintable(resolved.errorMessage()));
    QCOMPARE(resolved->state, EvaluationState::Resolved);
    QCOMPARE(resolved->score, std::optional<double>(72.5));
    // The agent sees the outcome and the history.
    auto history = EvaluationQueries(*as(QStringLiteral("ann")).db).history(as(QStringLiteral("ann")).principal, id);
    QVERIFY2(history.ok(), qPrintable(history.errorMessage()));
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(1).actor, QStringLiteral("ann"));
    QCOMPARE(history->at(1).notes, QStringLiteral("Unfair"));
    QCOMPARE(history->at(2).kind, EvaluationEventKind::Rescored);
    QCOMPARE(history->at(2).oldScore, std::optional<double>(60));
    QCOMPARE(history->at(2).newScore, std::optional<double>(72.5));
    // Another one, acknowledged.
    const qint64 second = submitted(90);
    QVERIFY(second > 0);
    QVERIFY(workflow(QStringLiteral("ann")).acknowledge(as(QStringLiteral("ann")).principal, second).ok());
    auto mine = EvaluationQueries(*as(QStringLiteral("ann")).db).mine(as(QStringLiteral("ann")).principal);
    QVERIFY2(mine.ok(), qPrintable(mine.errorMessage()));
    QCOMPARE(mine->size(), 2);
    QCOMPARE(EvaluationQueries(*as(QStringLiteral("bob")).db).mine(as(QStringLiteral("bob")).principal)->size(), 0);

    const QString e = QString::number(id), s = QString::number(second);
    QCOMPARE(auditAfter(before),
             (QStringList{
                 QStringLiteral("eve qa.evaluation.draft allowed {\"evaluation\":%1,\"form\":\"call-quality\",\"formVersion\":1}").arg(e),
                 QStringLiteral("eve qa.evaluation.save allowed {\"evaluation\":%1,\"score\":60}").arg(e),
                 QStringLiteral("eve qa.evaluation.submit allowed {\"evaluation\":%1,\"score\":60}").arg(e),
                 QStringLiteral("ann qa.evaluation.dispute allowed {\"evaluation\":%1}").arg(e),
                 QStringLiteral("sue qa.evaluation.resolve allowed {\"evaluation\":%1,\"newScore\":72.5,\"oldScore\":60,\"outcome\":\"rescored\"}").arg(e),
                 QStringLiteral("eve qa.evaluation.draft allowed {\"evaluation\":%1,\"form\":\"call-quality\",\"formVersion\":1}").arg(s),
                 QStringLiteral("eve qa.evaluation.save allowed {\"evaluation\":%1,\"score\":90}").arg(s),
                 QStringLiteral("eve qa.evaluation.submit allowed {\"evaluation\":%1,\"score\":90}").arg(s),
                 QStringLiteral("ann qa.evaluation.acknowledge allowed {\"evaluation\":%1}").arg(s)}));
    QVERIFY(AuditLog(m_site.catalog->superuser()).verifyChain().ok());
}

void TestQaFlowSecured::sqlClientsCannotBypassTheWorkflow()
{
    const qint64 id = submitted(50);
    QVERIFY(id > 0);
    const QVariantList ids{static_cast<qlonglong>(id)};
    const QString denied = QStringLiteral("error 42501");
    // The evaluator: a submitted evaluation is no longer theirs to change, and nothing but a
    // draft goes in.
    QCOMPARE(outcomeAs(QStringLiteral("eve"), QStringLiteral("WITH u AS (UPDATE evaluations SET score = 1 "
                                                             "WHERE id = ? RETURNING 1) SELECT count(*) FROM u"), ids),
             QStringLiteral("0"));
    QCOMPARE(outcomeAs(QStringLiteral("eve"), QStringLiteral("UPDATE evaluations SET state = 'resolved' WHERE id = ?"), ids),
             denied);
    QCOMPARE(outcomeAs(QStringLiteral("eve"), QStringLiteral("UPDATE evaluations SET deadline_at_ms = 0 WHERE id = ?"), ids),
             denied);
    QCOMPARE(outcomeAs(QStringLiteral("eve"),
                       QStringLiteral("INSERT INTO evaluations (recording_id, started_at_ms, form_id, form_version, "
                                      "evaluator, state, score, created_at_ms, submitted_at_ms) VALUES (?, ?, 'f', 1, "
                                      "'eve', 'submitted', 100, 0, 0)"),
                       {m_site.r1.id.toString(QUuid::WithoutBraces), m_site.r1.startedAt.toMSecsSinceEpoch()}),
             denied);
    // No one writes history rows or forms' old versions directly.
    for (const QString &who : {QStringLiteral("eve"), QStringLiteral("ann"), QStringLiteral("sue")}) {
        QCOMPARE(outcomeAs(who, QStringLiteral("INSERT INTO evaluation_events (evaluation_id, at_ms, actor, kind) "
                                               "VALUES (?, 0, 'x', 'acknowledged')"), ids),
                 denied);
        QCOMPARE(outcomeAs(who, QStringLiteral("UPDATE evaluation_forms SET definition = '{}'")), denied);
    }
    // The agent cannot set the state by hand; another agent, the evaluator and the auditor
    // cannot answer it through the function either.
    QCOMPARE(outcomeAs(QStringLiteral("ann"), QStringLiteral("UPDATE evaluations SET state = 'acknowledged' WHERE id = ?"), ids),
             denied);
    const QString respond = QStringLiteral("SELECT cv_evaluation_respond(?, false, '', NULL, '', '')");
    for (const QString &who : {QStringLiteral("bob"), QStringLiteral("eve"), QStringLiteral("aud"), QStringLiteral("sue")})
        QCOMPARE(outcomeAs(who, respond, ids), denied);
    // Core does not even see the call of another agent (row-level security).
    QCOMPARE(workflow(QStringLiteral("bob")).acknowledge(as(QStringLiteral("bob")).principal, id).error().code,
             ErrorCode::NotFound);
    // Resolving: not by the evaluator, not outside the team, not by the agent.
    QVERIFY(workflow(QStringLiteral("ann")).dispute(as(QStringLiteral("ann")).principal, id, QStringLiteral("no")).ok());
    const QString resolve = QStringLiteral("SELECT cv_evaluation_resolve(?, true, 99, 'notes', '', '')");
    for (const QString &who : {QStringLiteral("eve"), QStringLiteral("sam"), QStringLiteral("ann"), QStringLiteral("aud")})
        QCOMPARE(outcomeAs(who, resolve, ids), denied);
    QCOMPARE(m_site.catalog->scalar(QStringLiteral("SELECT state || ':' || score FROM evaluations WHERE id = ?"), ids)->toString(),
             QStringLiteral("disputed:50"));
    // Bad values are refused by the server too.
    QCOMPARE(outcomeAs(QStringLiteral("sue"), QStringLiteral("SELECT cv_evaluation_resolve(?, true, 101, 'n', '', '')"), ids),
             QStringLiteral("error 22023"));
    QCOMPARE(outcomeAs(QStringLiteral("sue"), QStringLiteral("SELECT cv_evaluation_resolve(?, false, NULL, ' ', '', '')"), ids),
             QStringLiteral("error 22023"));
    // Forms: published by qa.forms.manage under one's own name only.
    const QString form = QStringLiteral("INSERT INTO evaluation_forms VALUES ('sneaky', 1, 'S', 'en', '{}', 0, ?)");
    QCOMPARE(outcomeAs(QStringLiteral("eve"), form, {QStringLiteral("eve")}), denied);
    QCOMPARE(outcomeAs(QStringLiteral("sue"), form, {QStringLiteral("sam")}), denied);
    QCOMPARE(outcomeAs(QStringLiteral("aud"), QStringLiteral("SELECT count(*) FROM evaluation_forms")),
             QStringLiteral("0"));
}

void TestQaFlowSecured::illegalStepsAreRefusedByTheServerToo()
{
    const qint64 id = submitted(80);
    QVERIFY(id > 0);
    const QVariantList ids{static_cast<qlonglong>(id)};
    const QString changed = QStringLiteral("error 40001");
    // Resolving an undisputed one, submitting twice.
    QCOMPARE(outcomeAs(QStringLiteral("sue"), QStringLiteral("SELECT cv_evaluation_resolve(?, false, NULL, 'n', '', '')"), ids),
             changed);
    QCOMPARE(outcomeAs(QStringLiteral("eve"), QStringLiteral("SELECT cv_evaluation_submit(?, NULL, '', '')"), ids),
             changed);
    QVERIFY(workflow(QStringLiteral("ann")).acknowledge(as(QStringLiteral("ann")).principal, id).ok());
    QCOMPARE(outcomeAs(QStringLiteral("ann"), QStringLiteral("SELECT cv_evaluation_respond(?, true, 'late', NULL, '', '')"), ids),
             changed);
    // Through core: the refusal is a Conflict, audited as a denial (the client's row).
    const qint64 before = lastAuditId();
    auto again = workflow(QStringLiteral("ann")).dispute(as(QStringLiteral("ann")).principal, id, QStringLiteral("late"));
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    const QStringList rows = auditAfter(before);
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows.first().startsWith(QLatin1String("ann qa.evaluation.dispute denied ")), qPrintable(rows.first()));
    QVERIFY2(rows.first().contains(QLatin1String("\"reason\":\"state acknowledged\"")), qPrintable(rows.first()));
    // Acknowledging a draft.
    auto draft = workflow(QStringLiteral("eve")).startDraft(as(QStringLiteral("eve")).principal, m_site.r1.id,
                                                            QStringLiteral("call-quality"), 1);
    QVERIFY(draft.ok());
    QCOMPARE(outcomeAs(QStringLiteral("ann"), QStringLiteral("SELECT cv_evaluation_respond(?, false, '', NULL, '', '')"),
                       {static_cast<qlonglong>(draft->id)}),
             changed);
    // Submitting without a score.
    QCOMPARE(outcomeAs(QStringLiteral("eve"), QStringLiteral("SELECT cv_evaluation_submit(?, NULL, '', '')"),
                       {static_cast<qlonglong>(draft->id)}),
             QStringLiteral("error 22023"));
}

// QA reports (docs/qa-reports.md) as the users' own login roles: the report's SQL reads what
// the server lets each role read, the scope holds (row-level security and core agree), the
// export's audit row goes through the server, and an agent is refused.
void TestQaFlowSecured::reportsAsLoginRoles()
{
    ReportFilter april;
    april.fromMs = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    april.toMs = QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const auto counted = [&](const char *agent) {
        return m_site.catalog
            ->scalar(QStringLiteral("SELECT count(*) FROM evaluations e JOIN recordings r ON r.id = "
                                    "e.recording_id WHERE e.state <> 'draft' AND r.agent_id = ?"),
                     {QString::fromLatin1(agent)})
            ->toInt();
    };
    if (counted("A1") == 0)
        QVERIFY(submitted(75) > 0);
    const int a1 = counted("A1");
    auto sue = QaReportQuery(*as(QStringLiteral("sue")).db).run(as(QStringLiteral("sue")).principal, april);
    QVERIFY2(sue, qPrintable(sue.errorMessage()));
    QCOMPARE(sue->overall.count, a1);
    QCOMPARE(sue->agents.size(), 1);
    QCOMPARE(sue->agents.at(0).id, QStringLiteral("A1"));
    QCOMPARE(sue->agents.at(0).name, QStringLiteral("Agent 1"));
    auto sam = QaReportQuery(*as(QStringLiteral("sam")).db).run(as(QStringLiteral("sam")).principal, april);
    QVERIFY2(sam, qPrintable(sam.errorMessage()));
    QCOMPARE(sam->overall.count, counted("A2")); // none of T1's

    const qint64 before = lastAuditId();
    auto exported = QaReportQuery(*as(QStringLiteral("sue")).db)
                        .recordExport(as(QStringLiteral("sue")).principal, sue.value(),
                                      QaReportQuery::ExportFormat::Csv);
    QVERIFY2(exported, qPrintable(exported.errorMessage()));
    auto ann = QaReportQuery(*as(QStringLiteral("ann")).db).run(as(QStringLiteral("ann")).principal, april);
    QVERIFY(!ann);
    QCOMPARE(ann.error().code, ErrorCode::PermissionDenied);
    const QStringList rows = auditAfter(before);
    QCOMPARE(rows.size(), 2);
    QVERIFY2(rows.at(0).startsWith(QStringLiteral("sue qa.report.export allowed {\"evaluations\":%1,\"format\":\"csv\"")
                                       .arg(a1)),
             qPrintable(rows.at(0)));
    QVERIFY2(rows.at(1).startsWith(QStringLiteral("ann qa.report.view denied")), qPrintable(rows.at(1)));
    QVERIFY(AuditLog(m_site.catalog->superuser()).verifyChain().ok());
}

QTEST_GUILESS_MAIN(TestQaFlowSecured)
#include "tst_qaflowsecured.moc"
