// Sampling rules and work queues on a server-enforced PostgreSQL catalog (docs/qa-workflow.md
// "Sampling and work queues", docs/postgres-security.md), each person as their own login role
// through cv::PgLogin: a supervisor names evaluators and generates a queue although they may
// not read accounts (cv_sampling_evaluators), row-level security keeps another team's calls
// out of their queue, the evaluator starts their item (linking it under their own policy);
// and what a SQL client cannot do: hand an item to someone else, queue calls without
// qa.forms.manage, see other people's items, learn who may score without qa.forms.manage.
#include "auth/pglogin.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "qa/formlibrary.h"
#include "qa/queuegenerator.h"
#include "qa/samplingrules.h"
#include "qa/workqueue.h"
#include "securedcatalog.h"
#include "securedqasite.h"

#include <QTest>
#include <QUrl>

using namespace cv;


class TestSamplingSecured final : public QObject
{
    Q_OBJECT

private:
    qaflowtest::SecuredPerson &as(const QString &name) { return m_site.as(name); }
    QString outcomeAs(const QString &name, const QString &sql, const QVariantList &values = {})
    {
        return m_site.outcomeAs(name, sql, values);
    }

    qaflowtest::SecuredQaSite m_site;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void queuesThroughTheServer();
};

void TestSamplingSecured::initTestCase()
{
    const auto set = m_site.setUp({{"sue", "supervisor", "T1", nullptr},
                          {"sam", "supervisor", "T2", nullptr},
                          {"eve", "qa_evaluator", "T1", nullptr},
                          {"eva", "qa_evaluator", "T1", nullptr},
                          {"ann", "agent", nullptr, "A1"}},
                                  QStringLiteral("tst_samplingsecured"));
    QVERIFY2(set.ok(), qPrintable(set.errorMessage()));
    const auto published = m_site.publishCallQuality(QStringLiteral("sue"));
    QVERIFY2(published.ok(), qPrintable(published.errorMessage()));
}

void TestSamplingSecured::cleanupTestCase()
{
    m_site.tearDown();
}

void TestSamplingSecured::queuesThroughTheServer()
{
    qaflowtest::SecuredPerson &sue = as(QStringLiteral("sue"));
    // Naming evaluators works although sue reads no accounts: the server says who may score.
    auto candidates = SamplingRules(*sue.db).evaluatorCandidates(sue.principal);
    QVERIFY2(candidates.ok(), qPrintable(candidates.errorMessage()));
    QCOMPARE(candidates.value(), (QStringList{QStringLiteral("eva"), QStringLiteral("eve")}));
    SamplingRule rule;
    rule.name = QStringLiteral("Everything over a second");
    rule.kind = SamplingKind::LongerThan;
    rule.parameters.minDurationMs = 1000;
    rule.formId = QStringLiteral("call-quality");
    rule.evaluators = {QStringLiteral("eve")};
    auto created = SamplingRules(*sue.db).create(sue.principal, rule);
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    SamplingRule refused = rule;
    refused.name = QStringLiteral("To an agent");
    refused.evaluators = {QStringLiteral("ann")};
    QCOMPARE(SamplingRules(*sue.db).create(sue.principal, refused).error().code, ErrorCode::InvalidArgument);

    const qint64 from = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 to = from + 7LL * 24 * 3600 * 1000;
    auto report = QueueGenerator(*sue.db).generate(sue.principal, created->id, from, to);
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->queued, 1); // R1; R2 is T2's and the server does not show it to sue
    QCOMPARE(report->assignedPerEvaluator, (QMap<QString, int>{{QStringLiteral("eve"), 1}}));
    // T2's supervisor sees R2, but eve may not score it.
    qaflowtest::SecuredPerson &sam = as(QStringLiteral("sam"));
    auto theirs = QueueGenerator(*sam.db).generate(sam.principal, created->id, from, to);
    QVERIFY2(theirs.ok(), qPrintable(theirs.errorMessage()));
    QCOMPARE(theirs->queued, 0);
    QCOMPARE(theirs->skippedNoEvaluator, 1);
    QCOMPARE(outcomeAs(QStringLiteral("sam"), QStringLiteral("SELECT count(*) FROM work_items")), QStringLiteral("0"));

    qaflowtest::SecuredPerson &eve = as(QStringLiteral("eve"));
    auto mine = WorkQueue(*eve.db).mine(eve.principal);
    QVERIFY2(mine.ok(), qPrintable(mine.errorMessage()));
    QCOMPARE(mine->size(), 1);
    QCOMPARE(mine->first().item.recordingId, m_site.r1.id);
    QCOMPARE(mine->first().item.ruleName, rule.name);
    const qint64 itemId = mine->first().item.id;
    auto draft = WorkQueue(*eve.db).start(eve.principal, itemId);
    QVERIFY2(draft.ok(), qPrintable(draft.errorMessage()));
    mine = WorkQueue(*eve.db).mine(eve.principal);
    QVERIFY(mine.ok());
    QCOMPARE(mine->first().state, WorkItemState::InProgress);
    QCOMPARE(mine->first().item.evaluationId, std::optional<qint64>(draft->id));

    // What SQL clients cannot do.
    const QString denied = QStringLiteral("error 42501");
    const QVariantList item{static_cast<qlonglong>(itemId)};
    QCOMPARE(outcomeAs(QStringLiteral("eve"), QStringLiteral("UPDATE work_items SET evaluator = 'eva' WHERE id = ?"), item),
             denied);
    QCOMPARE(outcomeAs(QStringLiteral("eve"), QStringLiteral("UPDATE work_items SET deadline_at_ms = 0 WHERE id = ?"), item),
             denied);
    QCOMPARE(outcomeAs(QStringLiteral("eve"),
                       QStringLiteral("INSERT INTO work_items (rule_id, recording_id, evaluator, form_id, form_version, "
                                      "period_start_ms, assigned_at_ms, deadline_at_ms) VALUES (?, ?, 'eve', "
                                      "'call-quality', 1, 0, 0, 0)"),
                       {static_cast<qlonglong>(created->id), m_site.r2.id.toString(QUuid::WithoutBraces)}),
             denied);
    QCOMPARE(outcomeAs(QStringLiteral("eva"), QStringLiteral("SELECT count(*) FROM work_items")), QStringLiteral("0"));
    QCOMPARE(outcomeAs(QStringLiteral("ann"), QStringLiteral("SELECT count(*) FROM cv_sampling_evaluators()")),
             QStringLiteral("0"));
    QCOMPARE(WorkQueue(*as(QStringLiteral("ann")).db).mine(as(QStringLiteral("ann")).principal).error().code,
             ErrorCode::PermissionDenied);
    // A rule of team T2 is not sue's to change in SQL either (row-level security), nor to
    // pull into T1; sam's own works.
    QVERIFY(m_site.catalog->exec(QStringLiteral("INSERT INTO sampling_rules (name, kind, parameters, team_id, form_id, "
                                           "deadline_days, active, created_by, created_at_ms, updated_at_ms) "
                                           "VALUES ('T2 rule', 'longer_than', '{\"minDurationMs\":1000}', 'T2', "
                                           "'call-quality', 7, true, 'sam', 0, 0)"))
                .ok());
    const QString switchOff = QStringLiteral("WITH u AS (UPDATE sampling_rules SET active = false WHERE name = 'T2 rule' "
                                             "RETURNING 1) SELECT count(*) FROM u");
    QCOMPARE(outcomeAs(QStringLiteral("sue"), switchOff), QStringLiteral("0"));
    QCOMPARE(outcomeAs(QStringLiteral("sue"), QStringLiteral("UPDATE sampling_rules SET team_id = 'T1' WHERE name = 'T2 rule'")),
             QStringLiteral(""));
    QCOMPARE(m_site.catalog->scalar(QStringLiteral("SELECT team_id FROM sampling_rules WHERE name = 'T2 rule'"))->toString(),
             QStringLiteral("T2"));
    QCOMPARE(outcomeAs(QStringLiteral("sam"), switchOff), QStringLiteral("1"));
    // The supervisor reassigns (the draft stays eve's).
    auto moved = WorkQueue(*sue.db).reassign(sue.principal, itemId, QStringLiteral("eva"));
    QVERIFY2(moved.ok(), qPrintable(moved.errorMessage()));
    QCOMPARE(moved->item.evaluator, QStringLiteral("eva"));
    QCOMPARE(moved->state, WorkItemState::Open);
}

QTEST_GUILESS_MAIN(TestSamplingSecured)
#include "tst_samplingsecured.moc"
