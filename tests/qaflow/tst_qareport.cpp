// QaReportQuery and QaReportCsv on both backends, on the hand-worked catalog of reportseed.h
// (docs/qa-reports.md): averages per agent / team / form, trend buckets at week and month
// boundaries, the critical-fail and dispute rates (a disputed-then-re-scored evaluation
// counts as disputed, with its new score), drafts left out, the scope of a supervisor of one
// team, the refusal of other roles (audited as qa.report.view) and the export audit row.
#include "authtestsupport.h"
#include "catalogtestsupport.h"
#include "qa/qareportcsv.h"
#include "qa/qareportquery.h"
#include "reportseed.h"

#include <QTest>

using namespace cv;

namespace {

const ReportGroup *find(const QVector<ReportGroup> &groups, const QString &id)
{
    for (const ReportGroup &g : groups)
        if (g.id == id)
            return &g;
    return nullptr;
}

const ReportQuestion *question(const QaReport &report, const QString &formId, const QString &id)
{
    for (const ReportQuestion &q : report.questions)
        if (q.formId == formId && q.questionId == id)
            return &q;
    return nullptr;
}

ReportFilter april(ReportGrouping grouping = ReportGrouping::Week)
{
    ReportFilter f;
    f.fromMs = qaflowtest::ReportSite::utc(4, 1, 0, 0).toMSecsSinceEpoch();
    f.toMs = qaflowtest::ReportSite::utc(5, 1, 0, 0).toMSecsSinceEpoch();
    f.grouping = grouping;
    return f;
}

} // namespace

class TestQaReport final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite()
    {
        const QUuid siteId = migrateWithSite();
        return !siteId.isNull() && m_seed.setUp(db(), siteId);
    }
    Result<QaReport> run(const QString &who, const ReportFilter &filter)
    {
        const Principal p = who == QLatin1String("all") ? m_seed.supervisorOfAll() : m_seed.site.as(who);
        return QaReportQuery(db()).run(p, filter);
    }

    qaflowtest::ReportSite m_seed;

private slots:
    void figuresOfTheWholeSite();
    void weekAndMonthBuckets();
    void questionsAndCriticalFails();
    void filters();
    void scopeOfASupervisorOfOneTeam();
    void othersAreRefusedAndAudited();
    void exportIsAudited();
    void csv();
    void csvQuoting();
    void bucketsAcrossDaylightSaving();
};

void TestQaReport::figuresOfTheWholeSite()
{
    QVERIFY(setUpSite());
    auto report = run(QStringLiteral("all"), april());
    QVERIFY2(report, qPrintable(report.errorMessage()));
    // Drafts (e4) and March (e7) left out; e3 counts with its new score 60.
    QCOMPARE(report->overall.count, 5);
    QCOMPARE(report->overall.average(), std::optional<double>(82.0));
    QCOMPARE(report->overall.minScore, std::optional<double>(50.0));
    QCOMPARE(report->overall.maxScore, std::optional<double>(100.0));
    QCOMPARE(report->overall.disputed, 2);
    QCOMPARE(report->overall.disputeRate(), std::optional<double>(0.4));

    QCOMPARE(report->agents.size(), 2);
    QCOMPARE(report->agents.at(0).id, QStringLiteral("A1")); // by name: "Alice Wong" < "王芳"
    const ReportGroup *a1 = find(report->agents, QStringLiteral("A1"));
    QCOMPARE(a1->name, QStringLiteral("Alice Wong"));
    QCOMPARE(a1->teamId, QStringLiteral("T1"));
    QCOMPARE(a1->count, 3);
    QCOMPARE(a1->average(), std::optional<double>(70.0));
    QCOMPARE(a1->minScore, std::optional<double>(50.0));
    QCOMPARE(a1->disputed, 1);
    QCOMPARE(a1->answersRead, 3);
    QCOMPARE(a1->criticalFailed, 1);
    const ReportGroup *a2 = find(report->agents, QStringLiteral("A2"));
    QCOMPARE(a2->name, QStringLiteral("王芳"));
    QCOMPARE(a2->teamName, QStringLiteral("二组"));
    QCOMPARE(a2->count, 2);
    QCOMPARE(a2->average(), std::optional<double>(100.0));
    QCOMPARE(a2->disputeRate(), std::optional<double>(0.5));
    QCOMPARE(a2->criticalFailRate(), std::optional<double>(0.0));

    QCOMPARE(report->teams.size(), 2);
    const ReportGroup *t2 = find(report->teams, QStringLiteral("T2"));
    QCOMPARE(t2->name, QStringLiteral("二组"));
    QCOMPARE(t2->count, 2);
    QCOMPARE(find(report->teams, QStringLiteral("T1"))->average(), std::optional<double>(70.0));

    QCOMPARE(report->forms.size(), 2);
    const ReportGroup *service = find(report->forms, QStringLiteral("service"));
    QCOMPARE(service->name, QStringLiteral("Service quality"));
    QCOMPARE(service->count, 4);
    QCOMPARE(service->average(), std::optional<double>(77.5));
    QCOMPARE(service->disputed, 2);
    QCOMPARE(service->criticalFailed, 1);
    QCOMPARE(find(report->forms, QStringLiteral("sales"))->average(), std::optional<double>(100.0));
    QCOMPARE(report->unreadAnswers, 0);
}

void TestQaReport::weekAndMonthBuckets()
{
    QVERIFY(setUpSite());
    auto weeks = run(QStringLiteral("all"), april());
    QVERIFY2(weeks, qPrintable(weeks.errorMessage()));
    // Mondays 1, 8, 15, 22, 29 April: Sunday 23:59 is still the first week, Monday 00:00 the next.
    QCOMPARE(weeks->trend.size(), 5);
    const int days[] = {1, 8, 15, 22, 29};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(weeks->trend.at(i).startMs, qaflowtest::ReportSite::utc(4, days[i], 0, 0).toMSecsSinceEpoch());
    QCOMPARE(weeks->trend.at(0).count, 3); // e1 100, e2 50, e5 100
    QCOMPARE(weeks->trend.at(0).scoreSum, 250.0);
    QCOMPARE(weeks->trend.at(1).count, 1); // e3, re-scored
    QCOMPARE(weeks->trend.at(1).average(), std::optional<double>(60.0));
    QCOMPARE(weeks->trend.at(2).average(), std::optional<double>(100.0));
    QCOMPARE(weeks->trend.at(3).count, 0);
    QVERIFY(!weeks->trend.at(3).average());

    ReportFilter spring = april(ReportGrouping::Month);
    spring.fromMs = qaflowtest::ReportSite::utc(3, 1, 0, 0).toMSecsSinceEpoch();
    auto months = run(QStringLiteral("all"), spring);
    QVERIFY2(months, qPrintable(months.errorMessage()));
    QCOMPARE(months->trend.size(), 2);
    QCOMPARE(months->trend.at(0).count, 1); // e7, 31 March 23:30
    QCOMPARE(months->trend.at(0).average(), std::optional<double>(90.0));
    QCOMPARE(months->trend.at(1).startMs, qaflowtest::ReportSite::utc(4, 1, 0, 0).toMSecsSinceEpoch());
    QCOMPARE(months->trend.at(1).count, 5);
    QCOMPARE(months->trend.at(1).average(), std::optional<double>(82.0));
    QCOMPARE(months->overall.count, 6);

    // In Shanghai (UTC+8) 31 March 23:30 UTC is already 1 April; the period (UTC bounds) now
    // also touches May there (1 May 00:00-08:00 local).
    spring.timeZone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    QVERIFY(spring.timeZone.isValid());
    auto shanghai = run(QStringLiteral("all"), spring);
    QVERIFY2(shanghai, qPrintable(shanghai.errorMessage()));
    QCOMPARE(shanghai->trend.size(), 3);
    QCOMPARE(shanghai->trend.at(1).startMs,
             QDateTime(QDate(2024, 4, 1), QTime(0, 0), spring.timeZone).toMSecsSinceEpoch());
    QCOMPARE(shanghai->trend.at(1).count, 6);
}

void TestQaReport::questionsAndCriticalFails()
{
    QVERIFY(setUpSite());
    auto report = run(QStringLiteral("all"), april());
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->questions.size(), 3); // sales s1, service q1, q2
    const ReportQuestion *q1 = question(report.value(), QStringLiteral("service"), QStringLiteral("q1"));
    QVERIFY(q1);
    QCOMPARE(q1->shown, 4);
    QCOMPARE(q1->answered, 4);
    QCOMPARE(q1->averageFraction(), std::optional<double>(0.75));
    QVERIFY(!q1->failRate()); // not critical
    const ReportQuestion *q2 = question(report.value(), QStringLiteral("service"), QStringLiteral("q2"));
    QVERIFY(q2->critical);
    QCOMPARE(q2->answered, 3);
    QCOMPARE(q2->notApplicable, 1);
    QCOMPARE(q2->failed, 1);
    QCOMPARE(q2->failRate(), std::optional<double>(1.0 / 3.0));
    const ReportQuestion *s1 = question(report.value(), QStringLiteral("sales"), QStringLiteral("s1"));
    QCOMPARE(s1->answered, 1);
    QCOMPARE(s1->averageFraction(), std::optional<double>(1.0));
}

void TestQaReport::filters()
{
    QVERIFY(setUpSite());
    ReportFilter f = april();
    f.teamId = QStringLiteral("T1");
    auto t1 = run(QStringLiteral("all"), f);
    QVERIFY2(t1, qPrintable(t1.errorMessage()));
    QCOMPARE(t1->overall.count, 3);
    QCOMPARE(t1->agents.size(), 1);
    f = april();
    f.agentId = QStringLiteral("A2");
    auto a2 = run(QStringLiteral("all"), f);
    QVERIFY2(a2, qPrintable(a2.errorMessage()));
    QCOMPARE(a2->overall.count, 2);
    f = april();
    f.formId = QStringLiteral("sales");
    auto sales = run(QStringLiteral("all"), f);
    QVERIFY2(sales, qPrintable(sales.errorMessage()));
    QCOMPARE(sales->overall.count, 1);
    QCOMPARE(sales->questions.size(), 1);
    f = april();
    f.agentId = QStringLiteral("' OR '1'='1");
    auto injected = run(QStringLiteral("all"), f);
    QVERIFY2(injected, qPrintable(injected.errorMessage()));
    QCOMPARE(injected->overall.count, 0);
    f = april();
    f.toMs = f.fromMs;
    auto empty = run(QStringLiteral("all"), f);
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
}

void TestQaReport::scopeOfASupervisorOfOneTeam()
{
    QVERIFY(setUpSite());
    auto t2 = run(QStringLiteral("u_supervisor2"), april());
    QVERIFY2(t2, qPrintable(t2.errorMessage()));
    QCOMPARE(t2->overall.count, 2);
    QCOMPARE(t2->agents.size(), 1);
    QCOMPARE(t2->agents.at(0).id, QStringLiteral("A2"));
    // Asking for T1's team or agent explicitly does not widen the scope.
    ReportFilter f = april();
    f.agentId = QStringLiteral("A1");
    auto a1 = run(QStringLiteral("u_supervisor2"), f);
    QVERIFY2(a1, qPrintable(a1.errorMessage()));
    QCOMPARE(a1->overall.count, 0);
    // A QA evaluator of T1 (recording.score) sees T1.
    auto evaluator = run(QStringLiteral("qa_evaluator"), april());
    QVERIFY2(evaluator, qPrintable(evaluator.errorMessage()));
    QCOMPARE(evaluator->overall.count, 3);
    QCOMPARE(evaluator->overall.average(), std::optional<double>(70.0));
}

void TestQaReport::othersAreRefusedAndAudited()
{
    QVERIFY(setUpSite());
    for (const QString &role : {QStringLiteral("agent"), QStringLiteral("admin"), QStringLiteral("auditor")}) {
        const qint64 before = authtest::lastAuditId(db());
        auto report = run(role, april());
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::PermissionDenied);
        const auto rows = authtest::auditRows(db(), before);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).actor, QStringLiteral("u_") + role);
        QCOMPARE(rows.at(0).action, QStringLiteral("qa.report.view"));
        QCOMPARE(rows.at(0).target, QStringLiteral("qa.reports"));
        QCOMPARE(rows.at(0).result, QStringLiteral("denied"));
    }
    // Viewing a report writes no row.
    const qint64 before = authtest::lastAuditId(db());
    QVERIFY(run(QStringLiteral("supervisor"), april()));
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
}

void TestQaReport::exportIsAudited()
{
    QVERIFY(setUpSite());
    ReportFilter f = april();
    f.teamId = QStringLiteral("T2");
    auto report = run(QStringLiteral("all"), f);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const qint64 before = authtest::lastAuditId(db());
    auto recorded = QaReportQuery(db()).recordExport(m_seed.supervisorOfAll(), report.value(),
                                                     QaReportQuery::ExportFormat::Pdf);
    QVERIFY2(recorded, qPrintable(recorded.errorMessage()));
    auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).action, QStringLiteral("qa.report.export"));
    QCOMPARE(rows.at(0).result, QStringLiteral("allowed"));
    QCOMPARE(rows.at(0).actor, QStringLiteral("u_supervisor_all"));
    QCOMPARE(rows.at(0).details,
             QStringLiteral("{\"evaluations\":2,\"format\":\"pdf\",\"from\":%1,\"grouping\":\"week\","
                            "\"team\":\"T2\",\"to\":%2}")
                 .arg(f.fromMs)
                 .arg(f.toMs));
    const qint64 denied = authtest::lastAuditId(db());
    QVERIFY(!QaReportQuery(db()).recordExport(m_seed.site.as(QStringLiteral("agent")), report.value(),
                                              QaReportQuery::ExportFormat::Csv));
    rows = authtest::auditRows(db(), denied);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).action, QStringLiteral("qa.report.export"));
    QCOMPARE(rows.at(0).result, QStringLiteral("denied"));
}

void TestQaReport::csv()
{
    QVERIFY(setUpSite());
    auto report = run(QStringLiteral("all"), april());
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const QByteArray bytes = QaReportCsv::toCsv(report.value());
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.at(0), QStringLiteral("Agents"));
    QCOMPARE(lines.at(1), QStringLiteral("Agent id,Agent,Team,Evaluations,Average score,Lowest,Highest,"
                                         "Dispute rate (%),Critical fail rate (%)"));
    QCOMPARE(lines.at(2), QStringLiteral("A1,Alice Wong,T1,3,70.00,50.00,100.00,33.3,33.3"));
    QCOMPARE(lines.at(3), QStringLiteral("A2,王芳,二组,2,100.00,100.00,100.00,50.0,0.0"));
    QVERIFY(lines.contains(QStringLiteral(
        "service,1,q1,\"Greeted the caller, \"\"warmly\"\"\",,4,4,0,75.0,")));
    QVERIFY(lines.contains(QStringLiteral("service,1,q2,Identity check,critical,4,3,1,66.7,33.3")));
    QVERIFY(lines.contains(QStringLiteral("2024-04-01,2024-04-07,3,83.33")));
    QVERIFY(lines.contains(QStringLiteral("2024-04-22,2024-04-28,0,")));
}

void TestQaReport::csvQuoting()
{
    QCOMPARE(QaReportCsv::field(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(QaReportCsv::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(QaReportCsv::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(QaReportCsv::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    QCOMPARE(QaReportCsv::field(QStringLiteral("cr\rhere")), QStringLiteral("\"cr\rhere\""));
    // Formula-like text stays text in a spreadsheet.
    QCOMPARE(QaReportCsv::field(QStringLiteral("=HYPERLINK(\"x\")")), QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""));
    QCOMPARE(QaReportCsv::field(QStringLiteral("+86 138")), QStringLiteral("'+86 138"));
    QCOMPARE(QaReportCsv::field(QStringLiteral("@sum")), QStringLiteral("'@sum"));
    QCOMPARE(QaReportCsv::field(QStringLiteral("-1")), QStringLiteral("'-1"));
    QCOMPARE(QaReportCsv::field(QStringLiteral("王芳，客服")), QStringLiteral("王芳，客服")); // a full-width comma is text
    QCOMPARE(QaReportCsv::record({QStringLiteral("x"), QString(), QStringLiteral("y,z")}),
             QStringLiteral("x,,\"y,z\""));
}

void TestQaReport::bucketsAcrossDaylightSaving()
{
    // Berlin moves to summer time on Sunday 31 March 2024: that week has 167 hours, and the
    // next one starts at Monday 00:00 CEST (22:00 UTC), not 23:00 UTC.
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    QVERIFY(berlin.isValid());
    const qint64 sunday = QDateTime(QDate(2024, 3, 31), QTime(12, 0), berlin).toMSecsSinceEpoch();
    const qint64 start = reportBucketStart(sunday, ReportGrouping::Week, berlin);
    QCOMPARE(start, QDateTime(QDate(2024, 3, 24), QTime(23, 0), Qt::UTC).toMSecsSinceEpoch());
    const qint64 next = reportNextBucket(start, ReportGrouping::Week, berlin);
    QCOMPARE(next, QDateTime(QDate(2024, 3, 31), QTime(22, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(next - start, qint64(167) * 3600 * 1000);
    QCOMPARE(reportNextBucket(QDateTime(QDate(2024, 3, 1), QTime(0, 0), berlin).toMSecsSinceEpoch(),
                              ReportGrouping::Month, berlin),
             QDateTime(QDate(2024, 4, 1), QTime(0, 0), berlin).toMSecsSinceEpoch());
    ReportFilter f;
    f.fromMs = start;
    f.toMs = start + (qint64(ReportFilter::kMaxDays) + 1) * 24 * 3600 * 1000;
    QCOMPARE(f.check().error().code, ErrorCode::InvalidArgument); // too long a period
}

QTEST_GUILESS_MAIN(TestQaReport)
#include "tst_qareport.moc"
