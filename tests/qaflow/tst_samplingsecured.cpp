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

#include <QTest>
#include <QUrl>
#include <map>

using namespace cv;

namespace {
const QString kHost = QStringLiteral("ws-7");
const QString kProgram = QStringLiteral("tst_samplingsecured");
} // namespace

class TestSamplingSecured final : public QObject
{
    Q_OBJECT

private:
    struct Person
    {
        std::unique_ptr<Database> db;
        Principal principal;
    };
    Person &as(const QString &name) { return m_people.at(name); }
    QString outcomeAs(const QString &name, const QString &sql, const QVariantList &values = {})
    {
        return SecuredCatalog::outcome(*as(name).db, sql, values);
    }

    std::unique_ptr<SecuredCatalog> m_catalog;
    std::map<QString, Person> m_people;
    RecordingRow m_r1; // agent A1, team T1
    RecordingRow m_r2; // agent A2, team T2

private slots:
    void initTestCase();
    void cleanupTestCase();
    void queuesThroughTheServer();
};

void TestSamplingSecured::initTestCase()
{
    m_catalog = std::make_unique<SecuredCatalog>();
    const auto created = m_catalog->create();
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    for (const QString &sql :
         {QStringLiteral("INSERT INTO teams VALUES ('T1', 'Team 1', 0), ('T2', 'Team 2', 0)"),
          QStringLiteral("INSERT INTO agents VALUES ('A1', 'Agent 1', 'T1'), ('A2', 'Agent 2', 'T2')")}) {
        const auto ran = m_catalog->exec(sql);
        QVERIFY2(ran.ok(), qPrintable(ran.errorMessage()));
    }
    m_r1 = catalogtest::makeRecording(m_catalog->siteId(), QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC));
    m_r1.agentId = QStringLiteral("A1");
    m_r2 = catalogtest::makeRecording(m_catalog->siteId(), QDateTime(QDate(2024, 4, 2), QTime(9, 0), Qt::UTC));
    m_r2.agentId = QStringLiteral("A2");
    QVERIFY(RecordingRepository(m_catalog->superuser()).insert(m_r1).ok());
    QVERIFY(RecordingRepository(m_catalog->superuser()).insert(m_r2).ok());
    struct User
    {
        const char *name, *role, *team, *agent;
    };
    const User users[] = {{"sue", "supervisor", "T1", nullptr},
                          {"sam", "supervisor", "T2", nullptr},
                          {"eve", "qa_evaluator", "T1", nullptr},
                          {"eva", "qa_evaluator", "T1", nullptr},
                          {"ann", "agent", nullptr, "A1"}};
    QUrl url(m_catalog->urlFor(QStringLiteral("nobody"), QByteArrayLiteral("x")));
    url.setUserInfo(QString());
    PgLoginTarget target;
    target.url = url.toString(QUrl::FullyEncoded);
    target.rolePrefix = m_catalog->prefix();
    target.gatePassword = m_catalog->gatePassword();
    for (const User &u : users) {
        const QString name = QString::fromLatin1(u.name);
        auto id = m_catalog->addUser(name, QString::fromLatin1(u.role),
                                     u.team ? QStringList{QString::fromLatin1(u.team)} : QStringList(),
                                     u.agent ? QString::fromLatin1(u.agent) : QString());
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
        auto in = PgLogin(target).login(name, SecuredCatalog::passwordOf(name), kHost, kProgram);
        QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
        QVERIFY(in->db->serverEnforced());
        Person person;
        person.principal = in->session.principal();
        person.db = std::move(in->db);
        m_people.emplace(name, std::move(person));
    }
    auto published = FormLibrary(*as(QStringLiteral("sue")).db)
                         .publish(as(QStringLiteral("sue")).principal, QStringLiteral("call-quality"),
                                  QStringLiteral("Call quality"), QStringLiteral("en"),
                                  QStringLiteral("{\"questions\":[\"Greeting?\"]}"));
    QVERIFY2(published.ok(), qPrintable(published.errorMessage()));
}

void TestSamplingSecured::cleanupTestCase()
{
    m_people.clear();
    m_catalog.reset();
}

void TestSamplingSecured::queuesThroughTheServer()
{
    Person &sue = as(QStringLiteral("sue"));
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
    Person &sam = as(QStringLiteral("sam"));
    auto theirs = QueueGenerator(*sam.db).generate(sam.principal, created->id, from, to);
    QVERIFY2(theirs.ok(), qPrintable(theirs.errorMessage()));
    QCOMPARE(theirs->queued, 0);
    QCOMPARE(theirs->skippedNoEvaluator, 1);
    QCOMPARE(outcomeAs(QStringLiteral("sam"), QStringLiteral("SELECT count(*) FROM work_items")), QStringLiteral("0"));

    Person &eve = as(QStringLiteral("eve"));
    auto mine = WorkQueue(*eve.db).mine(eve.principal);
    QVERIFY2(mine.ok(), qPrintable(mine.errorMessage()));
    QCOMPARE(mine->size(), 1);
    QCOMPARE(mine->first().item.recordingId, m_r1.id);
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
                       {static_cast<qlonglong>(created->id), m_r2.id.toString(QUuid::WithoutBraces)}),
             denied);
    QCOMPARE(outcomeAs(QStringLiteral("eva"), QStringLiteral("SELECT count(*) FROM work_items")), QStringLiteral("0"));
    QCOMPARE(outcomeAs(QStringLiteral("ann"), QStringLiteral("SELECT count(*) FROM cv_sampling_evaluators()")),
             QStringLiteral("0"));
    QCOMPARE(WorkQueue(*as(QStringLiteral("ann")).db).mine(as(QStringLiteral("ann")).principal).error().code,
             ErrorCode::PermissionDenied);
    // A rule of team T2 is not sue's to change in SQL either (row-level security), nor to
    // pull into T1; sam's own works.
    QVERIFY(m_catalog->exec(QStringLiteral("INSERT INTO sampling_rules (name, kind, parameters, team_id, form_id, "
                                           "deadline_days, active, created_by, created_at_ms, updated_at_ms) "
                                           "VALUES ('T2 rule', 'longer_than', '{\"minDurationMs\":1000}', 'T2', "
                                           "'call-quality', 7, true, 'sam', 0, 0)"))
                .ok());
    const QString switchOff = QStringLiteral("WITH u AS (UPDATE sampling_rules SET active = false WHERE name = 'T2 rule' "
                                             "RETURNING 1) SELECT count(*) FROM u");
    QCOMPARE(outcomeAs(QStringLiteral("sue"), switchOff), QStringLiteral("0"));
    QCOMPARE(outcomeAs(QStringLiteral("sue"), QStringLiteral("UPDATE sampling_rules SET team_id = 'T1' WHERE name = 'T2 rule'")),
             QStringLiteral(""));
    QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT team_id FROM sampling_rules WHERE name = 'T2 rule'"))->toString(),
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
