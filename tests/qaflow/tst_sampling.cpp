// Sampling rules and work queues on both backends (docs/qa-workflow.md, "Sampling and work
// queues"): queue generation by each rule on a seeded catalog (exactly which calls; a re-run
// adds nothing; random_per_agent's deterministic pick, also for an agent with fewer than N
// calls; the period's boundaries; calls already evaluated; the team filter; the generating
// supervisor's scope), the balance of assignments and the deadlines, and "my queue", a rule's
// items, starting and reassigning items, with every refusal audited.
#include "authtestsupport.h"
#include "catalogtestsupport.h"
#include "catalog/recordingrepository.h"
#include "qa/evaluationworkflow.h"
#include "qa/queuegenerator.h"
#include "qa/samplingrules.h"
#include "qa/workqueue.h"
#include "qaflowtestsupport.h"
#include "tags/tagname.h"
#include "tags/tagrepository.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QtEndian>
#include <algorithm>

using namespace cv;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

qint64 utc(int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute, second, ms), Qt::UTC)
        .toMSecsSinceEpoch();
}

// The week sampled: Monday 2024-04-01 00:00 UTC up to (not including) Monday 2024-04-08.
const qint64 kWeekStart = utc(4, 1);
const qint64 kWeekEnd = utc(4, 8);

// The documented random_per_agent rank, written again here.
quint64 rank(qint64 ruleId, qint64 periodStart, const QUuid &id)
{
    const QByteArray text = QStringLiteral("%1:%2:%3")
                                .arg(ruleId)
                                .arg(periodStart)
                                .arg(id.toString(QUuid::WithoutBraces))
                                .toUtf8();
    return qFromBigEndian<quint64>(
        QCryptographicHash::hash(text, QCryptographicHash::Sha256).constData());
}

} // namespace

class TestSampling final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    Principal as(const QString &who) const;
    QUuid call(const QString &name, const QString &agent, qint64 startMs, qint64 durationMs,
               std::optional<double> sentiment, const QStringList &tags = {});
    SamplingRule rule(const QString &name, SamplingKind kind, SamplingParameters p,
                      const QStringList &evaluators = {QStringLiteral("u_qa_evaluator")});
    qint64 createRule(const SamplingRule &r);
    // Generates the week as `who`; the report (test failure on error).
    GenerationReport generate(const QString &who, qint64 ruleId);
    // The names of the calls queued by a rule.
    QStringList queued(qint64 ruleId);
    QString nameOf(const QUuid &id) const { return m_names.value(id); }
    void expectOneDenial(qint64 before, const QString &actor, const QString &action,
                         const QString &reason = QString());
    QueueGenerator generator() { return QueueGenerator(db(), m_site.roles.clock.clock()); }
    WorkQueue queue() { return WorkQueue(db(), m_site.roles.clock.clock()); }
    SamplingRules rules() { return SamplingRules(db(), m_site.roles.clock.clock()); }

    qaflowtest::QaSite m_site;
    std::optional<Session> m_bothTeams; // u_supervisor12, a supervisor of T1 and T2
    QHash<QUuid, QString> m_names;
    QHash<QString, QUuid> m_ids;

private slots:
    void sentimentBelow();
    void tagged();
    void longerThanAndPeriodBoundaries();
    void randomPerAgentIsDeterministic();
    void alreadyEvaluatedCallsAreSkipped();
    void teamFilter();
    void scopeOfTheGeneratingSupervisor();
    void assignmentIsBalancedWithDeadlines();
    void generateDueTakesTheCurrentPeriodOfActiveRules();
    void rulesNeedQaManagement();
    void myQueueStartAndSubmit();
    void queueRefusalsAreAudited();
    void reassign();
    void deletingACallRemovesItsItems();
};

bool TestSampling::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    if (siteId.isNull() || !m_site.setUp(db(), siteId))
        return false;
    if (!authtest::addAgent(db(), QStringLiteral("A3"), QStringLiteral("T1")) ||
        authtest::addUser(db(), QStringLiteral("u_supervisor12"),
                          authtest::RoleSite::kRolePassword, QStringLiteral("supervisor"),
                          {QStringLiteral("T1"), QStringLiteral("T2")}) == 0)
        return false;
    auto session = m_site.roles.auth->login(QStringLiteral("u_supervisor12"),
                                            authtest::RoleSite::kRolePassword,
                                            QStringLiteral("ws-7"), QStringLiteral("test"));
    if (!session)
        return false;
    m_bothTeams = session.takeValue();
    m_names.clear();
    m_ids.clear();
    m_names.insert(m_site.roles.inT1.id, QStringLiteral("inT1")); // A1, Apr 1 09:00, 93 s, -0.25
    m_names.insert(m_site.roles.inT2.id, QStringLiteral("inT2")); // A2, Apr 2 09:00, 93 s, -0.25
    m_ids.insert(QStringLiteral("inT1"), m_site.roles.inT1.id);
    m_ids.insert(QStringLiteral("inT2"), m_site.roles.inT2.id);
    const QString complaint = QStringLiteral("complaint");
    const QString vip = QStringLiteral("VIP");
    const bool seeded =
        !call(QStringLiteral("c1"), QStringLiteral("A1"), utc(4, 1, 10), 60'000, 0.5).isNull() &&
        !call(QStringLiteral("c2"), QStringLiteral("A1"), utc(4, 2, 10), 700'000, -0.6, {complaint})
             .isNull() &&
        !call(QStringLiteral("c3"), QStringLiteral("A1"), utc(4, 3, 10), 120'000, -0.1,
              {complaint, vip})
             .isNull() &&
        // The last millisecond of the week and the first of the next.
        !call(QStringLiteral("c4"), QStringLiteral("A1"), kWeekEnd - 1, 610'000, std::nullopt)
             .isNull() &&
        !call(QStringLiteral("c5"), QStringLiteral("A1"), kWeekEnd, 900'000, -0.9, {complaint})
             .isNull() &&
        !call(QStringLiteral("c6"), QStringLiteral("A3"), utc(4, 4, 10), 650'000, 0.2).isNull() &&
        // The last millisecond of the week before.
        !call(QStringLiteral("c7"), QStringLiteral("A3"), kWeekStart - 1, 1'000'000, -0.8,
              {complaint})
             .isNull() &&
        !call(QStringLiteral("c8"), QStringLiteral("A2"), utc(4, 5, 10), 800'000, -0.5, {complaint})
             .isNull() &&
        !call(QStringLiteral("c9"), QStringLiteral("A2"), utc(4, 6, 10), 20'000, 0.0).isNull();
    if (!seeded)
        return false;
    return m_site.publishCallQuality(db());
}

Principal TestSampling::as(const QString &who) const
{
    if (who == QLatin1String("u_supervisor12"))
        return m_bothTeams->principal();
    return m_site.as(who);
}

QUuid TestSampling::call(const QString &name, const QString &agent, qint64 startMs,
                         qint64 durationMs, std::optional<double> sentiment,
                         const QStringList &tags)
{
    const QUuid siteId = m_site.roles.inT1.siteId;
    RecordingRow row = catalogtest::makeRecording(siteId, QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC));
    row.agentId = agent;
    row.durationMs = durationMs;
    row.endedAt = row.startedAt.addMSecs(durationMs);
    row.sentiment = sentiment;
    if (auto r = RecordingRepository(db()).insert(row); !r) {
        qWarning("%s", qPrintable(r.errorMessage()));
        return QUuid();
    }
    TagRepository tagRepository(db());
    for (const QString &tag : tags) {
        auto parsed = TagName::parse(tag);
        auto stored = tagRepository.findOrCreate(parsed.value(), QStringLiteral("u_supervisor"), 0);
        if (!stored || !tagRepository.link(row.id, stored->id, startMs, QStringLiteral("u_supervisor"), 0))
            return QUuid();
    }
    m_names.insert(row.id, name);
    m_ids.insert(name, row.id);
    return row.id;
}

SamplingRule TestSampling::rule(const QString &name, SamplingKind kind, SamplingParameters p,
                                const QStringList &evaluators)
{
    SamplingRule r;
    r.name = name;
    r.kind = kind;
    r.parameters = p;
    r.formId = QStringLiteral("call-quality");
    r.deadlineDays = 5;
    r.evaluators = evaluators;
    return r;
}

qint64 TestSampling::createRule(const SamplingRule &r)
{
    auto created = rules().create(as(QStringLiteral("u_supervisor12")), r);
    [&] { QVERIFY2(created.ok(), qPrintable(created.errorMessage())); }();
    return created.ok() ? created->id : 0;
}

GenerationReport TestSampling::generate(const QString &who, qint64 ruleId)
{
    auto report = generator().generate(as(who), ruleId, kWeekStart, kWeekEnd);
    [&] { QVERIFY2(report.ok(), qPrintable(report.errorMessage())); }();
    return report.ok() ? report.value() : GenerationReport();
}

QStringList TestSampling::queued(qint64 ruleId)
{
    auto items = queue().ofRule(as(QStringLiteral("u_supervisor12")), ruleId);
    [&] { QVERIFY2(items.ok(), qPrintable(items.errorMessage())); }();
    QStringList names;
    if (items.ok()) {
        for (const WorkItemView &v : items.value())
            names << nameOf(v.item.recordingId);
    }
    names.sort();
    return names;
}

void TestSampling::expectOneDenial(qint64 before, const QString &actor, const QString &action,
                                   const QString &reason)
{
    const auto rows = authtest::auditRows(db(), before);
    QVERIFY2(rows.size() == 1,
             qPrintable(QStringLiteral("%1 %2: %3 rows").arg(actor, action).arg(rows.size())));
    QCOMPARE(rows.first().actor, actor);
    QCOMPARE(rows.first().action, action);
    QCOMPARE(rows.first().result, QStringLiteral("denied"));
    if (!reason.isEmpty())
        QVERIFY2(rows.first().details.contains(QStringLiteral("\"reason\":\"%1\"").arg(reason)),
                 qPrintable(rows.first().details));
}

void TestSampling::sentimentBelow()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.threshold = -0.3;
    const qint64 id = createRule(rule(QStringLiteral("Unhappy"), SamplingKind::SentimentBelow, p));
    const qint64 before = authtest::lastAuditId(db());
    const GenerationReport report = generate(QStringLiteral("u_supervisor"), id);
    // T1's calls of the week below -0.3: c2 (-0.6). inT1 is -0.25; c5 and c7 are outside the
    // week; c8 (-0.5) is T2's.
    QCOMPARE(report.queued, 1);
    QCOMPARE(queued(id), QStringList{QStringLiteral("c2")});
    QCOMPARE(report.pickedPerAgent, (QMap<QString, int>{{QStringLiteral("A1"), 1}}));
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().action, QStringLiteral("qa.sampling.generate"));
    QCOMPARE(rows.first().result, QStringLiteral("allowed"));
    QCOMPARE(rows.first().target, QStringLiteral("sampling-rule/%1").arg(id));
    QCOMPARE(rows.first().details, QStringLiteral("{\"count\":1,\"from\":%1,\"rule\":%2,\"to\":%3}")
                                       .arg(kWeekStart)
                                       .arg(id)
                                       .arg(kWeekEnd));
    // Again: nothing new, the queued call is reported as such.
    const GenerationReport again = generate(QStringLiteral("u_supervisor"), id);
    QCOMPARE(again.queued, 0);
    QCOMPARE(again.skippedQueued, 1);
    QCOMPARE(queued(id), QStringList{QStringLiteral("c2")});
}

void TestSampling::tagged()
{
    QVERIFY(setUpSite());
    SamplingParameters any;
    any.tags = QStringList{QStringLiteral("complaint"), QStringLiteral("nothing-has-this")};
    const qint64 anyId = createRule(rule(QStringLiteral("Complaints"), SamplingKind::Tagged, any));
    SamplingParameters all;
    all.tags = QStringList{QStringLiteral("Complaint"), QStringLiteral("vip")}; // case ignored
    all.match = TagMatch::All;
    const qint64 allId = createRule(rule(QStringLiteral("VIP complaints"), SamplingKind::Tagged, all));
    QCOMPARE(generate(QStringLiteral("u_supervisor"), anyId).queued, 2);
    QCOMPARE(queued(anyId), (QStringList{QStringLiteral("c2"), QStringLiteral("c3")}));
    QCOMPARE(generate(QStringLiteral("u_supervisor"), allId).queued, 1);
    QCOMPARE(queued(allId), QStringList{QStringLiteral("c3")});
    QCOMPARE(generate(QStringLiteral("u_supervisor"), anyId).queued, 0);
}

void TestSampling::longerThanAndPeriodBoundaries()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    const qint64 id = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p));
    // T1, at least 10 minutes, in the week: c2, c4 (its last millisecond), c6 (agent A3). Not
    // c5 (the next week's first millisecond) nor c7 (the week before's last).
    QCOMPARE(generate(QStringLiteral("u_supervisor"), id).queued, 3);
    QCOMPARE(queued(id), (QStringList{QStringLiteral("c2"), QStringLiteral("c4"), QStringLiteral("c6")}));
    QCOMPARE(generate(QStringLiteral("u_supervisor"), id).queued, 0);
    // The next week has c5.
    auto next = generator().generate(as(QStringLiteral("u_supervisor")), id, kWeekEnd,
                                     kWeekEnd + 7 * kDayMs);
    QVERIFY2(next.ok(), qPrintable(next.errorMessage()));
    QCOMPARE(next->queued, 1);
    QCOMPARE(queued(id), (QStringList{QStringLiteral("c2"), QStringLiteral("c4"),
                                      QStringLiteral("c5"), QStringLiteral("c6")}));
    auto empty = generator().generate(as(QStringLiteral("u_supervisor")), id, kWeekEnd, kWeekEnd);
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
}

void TestSampling::randomPerAgentIsDeterministic()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.count = 2;
    const qint64 id = createRule(rule(QStringLiteral("Two per agent"), SamplingKind::RandomPerAgent, p));
    // A1 has five calls in the week (inT1, c1, c2, c3, c4): the two of lowest rank. A3 has one
    // (c6; c7 is the week before): fewer than two, so that one.
    QVector<QUuid> a1;
    for (const char *name : {"inT1", "c1", "c2", "c3", "c4"})
        a1 << m_ids.value(QString::fromLatin1(name));
    std::sort(a1.begin(), a1.end(), [&](const QUuid &x, const QUuid &y) {
        return rank(id, kWeekStart, x) < rank(id, kWeekStart, y);
    });
    QStringList expected{nameOf(a1[0]), nameOf(a1[1]), QStringLiteral("c6")};
    expected.sort();
    const GenerationReport report = generate(QStringLiteral("u_supervisor"), id);
    QCOMPARE(report.queued, 3);
    QCOMPARE(report.pickedPerAgent,
             (QMap<QString, int>{{QStringLiteral("A1"), 2}, {QStringLiteral("A3"), 1}}));
    QCOMPARE(queued(id), expected);
    // A re-run picks the same calls: nothing new.
    const GenerationReport again = generate(QStringLiteral("u_supervisor"), id);
    QCOMPARE(again.queued, 0);
    QCOMPARE(again.skippedQueued, 3);
    QCOMPARE(queued(id), expected);
    // A call that arrives later never displaces one already queued, and N stays N.
    QVERIFY(!call(QStringLiteral("late"), QStringLiteral("A1"), utc(4, 7, 12), 30'000, 0.1).isNull());
    QCOMPARE(generate(QStringLiteral("u_supervisor"), id).queued, 0);
    QCOMPARE(queued(id), expected);
}

void TestSampling::alreadyEvaluatedCallsAreSkipped()
{
    QVERIFY(setUpSite());
    // c2 has a submitted evaluation with the rule's form; c6 only a draft (not excluded).
    EvaluationWorkflow workflow(db(), m_site.roles.clock.clock());
    const Principal evaluator = as(QStringLiteral("u_evaluator2"));
    auto done = workflow.startDraft(evaluator, m_ids.value(QStringLiteral("c2")),
                                    QStringLiteral("call-quality"), 1);
    QVERIFY2(done.ok(), qPrintable(done.errorMessage()));
    QVERIFY(workflow.saveDraft(evaluator, done->id, QStringLiteral("{}"), QString(), 70).ok());
    QVERIFY(workflow.submit(evaluator, done->id).ok());
    QVERIFY(workflow.startDraft(evaluator, m_ids.value(QStringLiteral("c6")),
                                QStringLiteral("call-quality"), 1)
                .ok());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    const qint64 id = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p));
    const GenerationReport report = generate(QStringLiteral("u_supervisor"), id);
    QCOMPARE(report.queued, 2);
    QCOMPARE(report.skippedEvaluated, 1);
    QCOMPARE(queued(id), (QStringList{QStringLiteral("c4"), QStringLiteral("c6")}));
}

void TestSampling::teamFilter()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    SamplingRule t2 = rule(QStringLiteral("Long calls of T2"), SamplingKind::LongerThan, p,
                           {QStringLiteral("u_qa_evaluator"), QStringLiteral("u_all_evaluator")});
    t2.teamId = QStringLiteral("T2");
    // An evaluator who reaches T2 (the default qa_evaluator covers T1 only).
    QVERIFY(authtest::addUser(db(), QStringLiteral("u_all_evaluator"),
                              authtest::RoleSite::kRolePassword, QStringLiteral("qa_evaluator"),
                              {QStringLiteral("T1"), QStringLiteral("T2")}) != 0);
    const qint64 t2Id = createRule(t2);
    const qint64 anyId = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p,
                                         {QStringLiteral("u_all_evaluator")}));
    QCOMPARE(generate(QStringLiteral("u_supervisor12"), t2Id).queued, 1);
    QCOMPARE(queued(t2Id), QStringList{QStringLiteral("c8")});
    // c8 went to the one evaluator who may score it.
    auto items = queue().ofRule(as(QStringLiteral("u_supervisor12")), t2Id);
    QVERIFY(items.ok());
    QCOMPARE(items->first().item.evaluator, QStringLiteral("u_all_evaluator"));
    QCOMPARE(generate(QStringLiteral("u_supervisor12"), anyId).queued, 4);
    QCOMPARE(queued(anyId), (QStringList{QStringLiteral("c2"), QStringLiteral("c4"),
                                         QStringLiteral("c6"), QStringLiteral("c8")}));
}

void TestSampling::scopeOfTheGeneratingSupervisor()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.threshold = -0.3;
    // Evaluators reach both teams, so only the generating supervisor's scope limits.
    QVERIFY(authtest::addUser(db(), QStringLiteral("u_all_evaluator"),
                              authtest::RoleSite::kRolePassword, QStringLiteral("qa_evaluator"),
                              {QStringLiteral("T1"), QStringLiteral("T2")}) != 0);
    const qint64 id = createRule(rule(QStringLiteral("Unhappy"), SamplingKind::SentimentBelow, p,
                                      {QStringLiteral("u_all_evaluator")}));
    // The supervisor of T2 queues T2's c8 and none of T1's calls (c2).
    QCOMPARE(generate(QStringLiteral("u_supervisor2"), id).queued, 1);
    QCOMPARE(queued(id), QStringList{QStringLiteral("c8")});
    // A rule filtered to T1 generated by T2's supervisor queues nothing.
    SamplingRule t1 = rule(QStringLiteral("Unhappy T1"), SamplingKind::SentimentBelow, p,
                           {QStringLiteral("u_all_evaluator")});
    t1.teamId = QStringLiteral("T1");
    const qint64 t1Id = createRule(t1);
    QCOMPARE(generate(QStringLiteral("u_supervisor2"), t1Id).queued, 0);
    QCOMPARE(queued(t1Id), QStringList());
}

void TestSampling::assignmentIsBalancedWithDeadlines()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    const QStringList two{QStringLiteral("u_qa_evaluator"), QStringLiteral("u_evaluator2")};
    const qint64 id = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p, two));
    const qint64 now = m_site.roles.clock.now;
    const GenerationReport report = generate(QStringLiteral("u_supervisor"), id);
    // By the calls' start: c2, c6, c4; to the least loaded, ties in name order.
    QCOMPARE(report.assignedPerEvaluator,
             (QMap<QString, int>{{QStringLiteral("u_evaluator2"), 2},
                                 {QStringLiteral("u_qa_evaluator"), 1}}));
    auto items = queue().ofRule(as(QStringLiteral("supervisor")), id);
    QVERIFY(items.ok());
    QHash<QString, QString> byCall;
    for (const WorkItemView &v : items.value()) {
        byCall.insert(nameOf(v.item.recordingId), v.item.evaluator);
        QCOMPARE(v.item.assignedAtMs, now);
        QCOMPARE(v.item.deadlineAtMs, now + 5 * kDayMs);
        QCOMPARE(v.item.periodStartMs, kWeekStart);
        QCOMPARE(v.item.formId, QStringLiteral("call-quality"));
        QCOMPARE(v.item.formVersion, 1);
        QCOMPARE(v.state, WorkItemState::Open);
        QVERIFY(!v.overdue);
    }
    QCOMPARE(byCall.value(QStringLiteral("c2")), QStringLiteral("u_evaluator2"));
    QCOMPARE(byCall.value(QStringLiteral("c6")), QStringLiteral("u_qa_evaluator"));
    QCOMPARE(byCall.value(QStringLiteral("c4")), QStringLiteral("u_evaluator2"));
    // A second rule counts the open items of the first: its one call goes to u_qa_evaluator.
    SamplingParameters unhappy;
    unhappy.threshold = -0.3;
    const qint64 second = createRule(rule(QStringLiteral("Unhappy"), SamplingKind::SentimentBelow,
                                          unhappy, two));
    QCOMPARE(generate(QStringLiteral("u_supervisor"), second).assignedPerEvaluator,
             (QMap<QString, int>{{QStringLiteral("u_qa_evaluator"), 1}}));
    // Overdue once the deadline has passed.
    m_site.roles.clock.now = now + 5 * kDayMs + 1;
    auto late = queue().ofRule(as(QStringLiteral("supervisor")), id);
    QVERIFY(late.ok());
    for (const WorkItemView &v : late.value())
        QVERIFY(v.overdue);
}

void TestSampling::generateDueTakesTheCurrentPeriodOfActiveRules()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    const qint64 id = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p));
    SamplingParameters daily;
    daily.threshold = -0.3;
    daily.period = SamplingPeriod::Day;
    const qint64 dayId = createRule(rule(QStringLiteral("Unhappy today"), SamplingKind::SentimentBelow, daily));
    SamplingParameters off;
    off.count = 1;
    const qint64 offId = createRule(rule(QStringLiteral("Off"), SamplingKind::RandomPerAgent, off));
    QVERIFY(rules().setActive(as(QStringLiteral("supervisor")), offId, false).ok());
    // Wednesday 2024-04-03: the week of April 1, and April 3 for the daily rule.
    auto reports = generator().generateDue(as(QStringLiteral("u_supervisor")), utc(4, 3, 15));
    QVERIFY2(reports.ok(), qPrintable(reports.errorMessage()));
    QCOMPARE(reports->size(), 2);
    QCOMPARE(queued(id), (QStringList{QStringLiteral("c2"), QStringLiteral("c4"), QStringLiteral("c6")}));
    QCOMPARE(queued(dayId), QStringList()); // c2 (-0.6) is April 2's
    QCOMPARE(queued(offId), QStringList());
    auto tuesday = generator().generateDue(as(QStringLiteral("u_supervisor")), utc(4, 2, 23, 59));
    QVERIFY(tuesday.ok());
    QCOMPARE(queued(dayId), QStringList{QStringLiteral("c2")});
    // Generating an inactive rule by hand is refused.
    auto refused = generator().generate(as(QStringLiteral("u_supervisor")), offId, kWeekStart, kWeekEnd);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
}

void TestSampling::rulesNeedQaManagement()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.count = 3;
    const SamplingRule r = rule(QStringLiteral("Three per agent"), SamplingKind::RandomPerAgent, p);
    for (const QString &who : {QStringLiteral("qa_evaluator"), QStringLiteral("agent"),
                               QStringLiteral("admin"), QStringLiteral("auditor")}) {
        const qint64 before = authtest::lastAuditId(db());
        auto refused = rules().create(as(who), r);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        expectOneDenial(before, QStringLiteral("u_") + who, QStringLiteral("qa.sampling.rule.create"));
        QVERIFY(refused.errorMessage().contains(QLatin1String("manage sampling rules")));
    }
    // A supervisor of T1 may not filter a rule to T2.
    SamplingRule other = r;
    other.teamId = QStringLiteral("T2");
    qint64 before = authtest::lastAuditId(db());
    QCOMPARE(rules().create(as(QStringLiteral("supervisor")), other).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_supervisor"), QStringLiteral("qa.sampling.rule.create"),
                    QStringLiteral("team outside scope"));
    // Values are checked after the permission and write no row.
    before = authtest::lastAuditId(db());
    SamplingRule bad = r;
    bad.evaluators = {QStringLiteral("u_agent")};
    QCOMPARE(rules().create(as(QStringLiteral("supervisor")), bad).error().code, ErrorCode::InvalidArgument);
    bad = r;
    bad.formId = QStringLiteral("unpublished");
    QCOMPARE(rules().create(as(QStringLiteral("supervisor")), bad).error().code, ErrorCode::InvalidArgument);
    bad = r;
    bad.deadlineDays = 0;
    QCOMPARE(rules().create(as(QStringLiteral("supervisor")), bad).error().code, ErrorCode::InvalidArgument);
    bad = r;
    bad.parameters.count = 0;
    QCOMPARE(rules().create(as(QStringLiteral("supervisor")), bad).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
    // Created, renamed, switched off: each audited.
    auto created = rules().create(as(QStringLiteral("supervisor")), r);
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    QCOMPARE(created->createdBy, QStringLiteral("u_supervisor"));
    QCOMPARE(rules().create(as(QStringLiteral("supervisor")), r).error().code, ErrorCode::Conflict);
    SamplingRule renamed = created.value();
    renamed.name = QStringLiteral("Three per agent, daily");
    renamed.parameters.period = SamplingPeriod::Day;
    auto updated = rules().update(as(QStringLiteral("supervisor")), renamed);
    QVERIFY2(updated.ok(), qPrintable(updated.errorMessage()));
    QCOMPARE(updated->parameters.period, SamplingPeriod::Day);
    QVERIFY(!rules().setActive(as(QStringLiteral("supervisor")), created->id, false)->active);
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("qa.sampling.rule.create"), QStringLiteral("allowed")), 1);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("qa.sampling.rule.update"), QStringLiteral("allowed")), 2);
    QVERIFY(rows.last().details.contains(QLatin1String("\"active\":false")));
    // Another team's rule is not a T1 supervisor's to change, switch off, or pull into T1.
    SamplingRule theirs = r;
    theirs.name = QStringLiteral("Team 2 sample");
    theirs.teamId = QStringLiteral("T2");
    auto made = rules().create(as(QStringLiteral("u_supervisor2")), theirs);
    QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
    SamplingRule moved = made.value();
    moved.teamId.clear();
    qint64 mark = authtest::lastAuditId(db());
    QCOMPARE(rules().update(as(QStringLiteral("supervisor")), moved).error().code, ErrorCode::PermissionDenied);
    expectOneDenial(mark, QStringLiteral("u_supervisor"), QStringLiteral("qa.sampling.rule.update"),
                    QStringLiteral("team outside scope"));
    mark = authtest::lastAuditId(db());
    QCOMPARE(rules().setActive(as(QStringLiteral("supervisor")), made->id, false).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(mark, QStringLiteral("u_supervisor"), QStringLiteral("qa.sampling.rule.update"),
                    QStringLiteral("team outside scope"));
    QVERIFY(rules().find(as(QStringLiteral("u_supervisor2")), made->id)->active);
    // Every rule is listed (a queue names its rule); only one's own teams' rules change.
    auto listed = rules().list(as(QStringLiteral("supervisor")));
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 2);
    // Generating is QA management too.
    before = authtest::lastAuditId(db());
    auto generated = generator().generate(as(QStringLiteral("qa_evaluator")), created->id, kWeekStart, kWeekEnd);
    QCOMPARE(generated.error().code, ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_qa_evaluator"), QStringLiteral("qa.sampling.generate"));
}

void TestSampling::myQueueStartAndSubmit()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    const qint64 id = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p));
    QCOMPARE(generate(QStringLiteral("u_supervisor"), id).queued, 3);
    const Principal evaluator = as(QStringLiteral("qa_evaluator"));
    auto mine = queue().mine(evaluator);
    QVERIFY2(mine.ok(), qPrintable(mine.errorMessage()));
    QCOMPARE(mine->size(), 3);
    const WorkItemView first = mine->first();
    QCOMPARE(first.item.ruleName, QStringLiteral("Long calls"));
    QCOMPARE(nameOf(first.item.recordingId), QStringLiteral("c2"));
    QCOMPARE(first.item.agentId, QStringLiteral("A1"));
    QCOMPARE(first.item.durationMs, 700'000);
    QCOMPARE(first.item.startedAtMs, utc(4, 2, 10));
    // Nobody else has a queue yet.
    auto other = queue().mine(as(QStringLiteral("u_evaluator2")));
    QVERIFY(other.ok());
    QVERIFY(other->isEmpty());

    const qint64 before = authtest::lastAuditId(db());
    auto draft = queue().start(evaluator, first.item.id);
    QVERIFY2(draft.ok(), qPrintable(draft.errorMessage()));
    QCOMPARE(draft->recordingId, first.item.recordingId);
    QCOMPARE(draft->formId, QStringLiteral("call-quality"));
    QCOMPARE(draft->formVersion, 1);
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().action, QStringLiteral("qa.evaluation.draft"));
    // Starting again returns the same draft.
    auto again = queue().start(evaluator, first.item.id);
    QVERIFY(again.ok());
    QCOMPARE(again->id, draft->id);
    mine = queue().mine(evaluator);
    QVERIFY(mine.ok());
    QCOMPARE(mine->first().state, WorkItemState::InProgress);
    QCOMPARE(mine->first().item.evaluationId, std::optional<qint64>(draft->id));
    // Submitted: done, off "my queue", shown done to the supervisor.
    EvaluationWorkflow workflow(db(), m_site.roles.clock.clock());
    QVERIFY(workflow.saveDraft(evaluator, draft->id, QStringLiteral("{}"), QString(), 88).ok());
    QVERIFY(workflow.submit(evaluator, draft->id).ok());
    mine = queue().mine(evaluator);
    QVERIFY(mine.ok());
    QCOMPARE(mine->size(), 2);
    auto all = queue().ofRule(as(QStringLiteral("supervisor")), id);
    QVERIFY(all.ok());
    int done = 0;
    for (const WorkItemView &v : all.value()) {
        if (v.item.id == first.item.id) {
            QCOMPARE(v.state, WorkItemState::Done);
            ++done;
        }
    }
    QCOMPARE(done, 1);
    QCOMPARE(workItemStateName(WorkItemState::InProgress), QStringLiteral("in_progress"));
}

void TestSampling::queueRefusalsAreAudited()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    const qint64 id = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p));
    QCOMPARE(generate(QStringLiteral("u_supervisor"), id).queued, 3);
    // "My queue" needs recording.score.
    for (const QString &who : {QStringLiteral("supervisor"), QStringLiteral("agent"),
                               QStringLiteral("admin")}) {
        const qint64 before = authtest::lastAuditId(db());
        QCOMPARE(queue().mine(as(who)).error().code, ErrorCode::PermissionDenied);
        expectOneDenial(before, QStringLiteral("u_") + who, QStringLiteral("qa.workitem.mine"));
    }
    // A rule's items need qa.forms.manage.
    qint64 before = authtest::lastAuditId(db());
    QCOMPARE(queue().ofRule(as(QStringLiteral("qa_evaluator")), id).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_qa_evaluator"), QStringLiteral("qa.workitem.list"));
    // Someone else's item.
    auto mine = queue().mine(as(QStringLiteral("qa_evaluator")));
    QVERIFY(mine.ok() && !mine->isEmpty());
    const WorkItemView item = mine->first();
    before = authtest::lastAuditId(db());
    QCOMPARE(queue().start(as(QStringLiteral("u_evaluator2")), item.item.id).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_evaluator2"), QStringLiteral("qa.workitem.start"),
                    QStringLiteral("not the assignee"));
    QCOMPARE(authtest::auditRows(db(), before).first().target,
             item.item.recordingId.toString(QUuid::WithoutBraces));
    QCOMPARE(queue().start(as(QStringLiteral("qa_evaluator")), 999999).error().code,
             ErrorCode::NotFound);
}

void TestSampling::reassign()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    const qint64 id = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p));
    QCOMPARE(generate(QStringLiteral("u_supervisor"), id).queued, 3);
    auto mine = queue().mine(as(QStringLiteral("qa_evaluator")));
    QVERIFY(mine.ok() && mine->size() == 3);
    const qint64 itemId = mine->first().item.id;
    const QString target = mine->first().item.recordingId.toString(QUuid::WithoutBraces);
    // Evaluators do not hand their work on; T2's supervisor does not reach a T1 call.
    qint64 before = authtest::lastAuditId(db());
    QCOMPARE(queue().reassign(as(QStringLiteral("qa_evaluator")), itemId,
                              QStringLiteral("u_evaluator2")).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_qa_evaluator"), QStringLiteral("qa.workitem.reassign"));
    before = authtest::lastAuditId(db());
    QCOMPARE(queue().reassign(as(QStringLiteral("u_supervisor2")), itemId,
                              QStringLiteral("u_evaluator2")).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("u_supervisor2"), QStringLiteral("qa.workitem.reassign"),
                    QStringLiteral("outside scope"));
    // Not to someone who may not score the call.
    QCOMPARE(queue().reassign(as(QStringLiteral("supervisor")), itemId, QStringLiteral("u_agent"))
                 .error().code,
             ErrorCode::InvalidArgument);
    // The item was started: the new evaluator starts afresh.
    QVERIFY(queue().start(as(QStringLiteral("qa_evaluator")), itemId).ok());
    before = authtest::lastAuditId(db());
    auto moved = queue().reassign(as(QStringLiteral("supervisor")), itemId, QStringLiteral("u_evaluator2"));
    QVERIFY2(moved.ok(), qPrintable(moved.errorMessage()));
    QCOMPARE(moved->item.evaluator, QStringLiteral("u_evaluator2"));
    QCOMPARE(moved->state, WorkItemState::Open);
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().action, QStringLiteral("qa.workitem.reassign"));
    QCOMPARE(rows.first().result, QStringLiteral("allowed"));
    QCOMPARE(rows.first().target, target);
    QCOMPARE(rows.first().details,
             QStringLiteral("{\"from\":\"u_qa_evaluator\",\"item\":%1,\"to\":\"u_evaluator2\"}").arg(itemId));
    QCOMPARE(queue().mine(as(QStringLiteral("qa_evaluator")))->size(), 2);
    auto theirs = queue().start(as(QStringLiteral("u_evaluator2")), itemId);
    QVERIFY2(theirs.ok(), qPrintable(theirs.errorMessage()));
    QCOMPARE(theirs->evaluator, QStringLiteral("u_evaluator2"));
}

void TestSampling::deletingACallRemovesItsItems()
{
    QVERIFY(setUpSite());
    SamplingParameters p;
    p.minDurationMs = 600'000;
    const qint64 id = createRule(rule(QStringLiteral("Long calls"), SamplingKind::LongerThan, p));
    QCOMPARE(generate(QStringLiteral("u_supervisor"), id).queued, 3);
    // Crypto-shredding deletes the recording row: its work item goes with it (and its
    // evaluation, whose link would otherwise be set to NULL).
    QVERIFY(queue().start(as(QStringLiteral("qa_evaluator")), queue().mine(as(QStringLiteral("qa_evaluator")))->first().item.id).ok());
    QSqlQuery remove(db().connection());
    QVERIFY(remove.prepare(QStringLiteral("DELETE FROM recordings WHERE id = ?")));
    remove.addBindValue(m_ids.value(QStringLiteral("c2")).toString(QUuid::WithoutBraces));
    QVERIFY2(remove.exec(), qPrintable(remove.lastError().text()));
    QCOMPARE(queued(id), (QStringList{QStringLiteral("c4"), QStringLiteral("c6")}));
    QCOMPARE(authtest::countRows(db(), QStringLiteral("work_items")), 2);
}

QTEST_GUILESS_MAIN(TestSampling)
#include "tst_sampling.moc"
