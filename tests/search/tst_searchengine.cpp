// SearchEngine on both backends: every filter alone and combined on a hand-known catalog,
// the searcher's scope, and the audit row of every search.
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"
#include "searchtestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <functional>

using namespace cv;
using namespace searchtest;

namespace {

QStringList list(const char *names)
{
    return QString::fromLatin1(names).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TestSearchEngine final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool seed();
    // Runs `query` in `scope`, all rows in one page, and compares the row names (as a set)
    // and the count with `expected`.
    void expect(const QString &what, const SearchQuery &query, const QStringList &expected,
                const SearchScope &scope = SearchScope::all(), SentimentBands bands = {});

    Known m_known;

private slots:
    void singleFilters();
    void combinedFilters();
    void configurableSentimentBands();
    void scopeRestrictsResults();
    void emptyScopeSeesNothing();
    void hitCarriesListColumns();
    void everySearchIsAudited();
    void invalidQueryIsRefusedAndNotAudited();
    void pageSizeLimits();
};

bool TestSearchEngine::seed()
{
    const QUuid site = migrateWithSite();
    if (site.isNull())
        return false;
    auto known = seedKnown(db(), site);
    [&] { QVERIFY2(known.ok(), qPrintable(known.errorMessage())); }();
    if (!known)
        return false;
    m_known = known.takeValue();
    return true;
}

void TestSearchEngine::expect(const QString &what, const SearchQuery &query,
                              const QStringList &expected, const SearchScope &scope,
                              SentimentBands bands)
{
    expectMatches(db(), m_known, what, query, expected, scope, bands);
}

void TestSearchEngine::singleFilters()
{
    QVERIFY(seed());
    const QDateTime t0 = m_known.t0;
    struct Case
    {
        const char *what;
        std::function<void(SearchQuery &)> set;
        const char *expected;
    };
    const auto phone = [](PhoneMatch match, const char *typed) {
        return [=](SearchQuery &q) { q.phone = PhoneFilter(match, QString::fromUtf8(typed)); };
    };
    const Case cases[] = {
        {"no filter", [](SearchQuery &) {}, "r1 r2 r3 r4 r5 r6 r7 r8 r9 r10"},
        {"first day (end exclusive)",
         [&](SearchQuery &q) {
             q.from = t0;
             q.to = t0.addDays(1);
         },
         "r1 r2 r3 r10"},
        {"from only", [&](SearchQuery &q) { q.from = t0.addDays(32); }, "r6 r7 r8 r9"},
        {"to only", [&](SearchQuery &q) { q.to = t0.addMSecs(3'600'000 + 1); }, "r1 r10"},
        {"agent", [](SearchQuery &q) { q.agentIds = {QStringLiteral("A1")}; }, "r1 r2 r9"},
        {"agents",
         [](SearchQuery &q) {
             q.agentIds = {QStringLiteral("A1"), QStringLiteral("A3")};
         },
         "r1 r2 r5 r6 r9"},
        {"agent not in directory", [](SearchQuery &q) { q.agentIds = {QStringLiteral("A9")}; },
         "r8"},
        {"agent unknown", [](SearchQuery &q) { q.agentIds = {QStringLiteral("A7")}; }, ""},
        {"agent name 王", [](SearchQuery &q) { q.agentName = QStringLiteral("王"); },
         "r1 r2 r7 r9 r10"},
        {"agent name 芳", [](SearchQuery &q) { q.agentName = QStringLiteral("芳"); },
         "r3 r4 r7 r10"},
        {"agent name any case", [](SearchQuery &q) { q.agentName = QStringLiteral("zHANG"); },
         "r5 r6"},
        {"agent name no match", [](SearchQuery &q) { q.agentName = QStringLiteral("Li Fang"); },
         ""},
        {"team", [](SearchQuery &q) { q.teams = {QStringLiteral("T1")}; }, "r1 r2 r3 r4 r9"},
        {"teams",
         [](SearchQuery &q) {
             q.teams = {QStringLiteral("T2"), QStringLiteral("T3")};
         },
         "r5 r6 r7 r10"},
        {"phone +86 spaced", phone(PhoneMatch::Exact, "+86 138 0013 8000"), "r1 r2"},
        {"phone 0086", phone(PhoneMatch::Exact, "008613800138000"), "r1 r2"},
        {"phone national", phone(PhoneMatch::Exact, "13800138000"), "r1 r2"},
        {"phone dashed", phone(PhoneMatch::Exact, "138-0013-8000"), "r1 r2"},
        {"phone 86 no plus", phone(PhoneMatch::Exact, "8613800138000"), "r1 r2"},
        {"landline national", phone(PhoneMatch::Exact, "021-6123 4567"), "r3 r4 r10"},
        {"landline E.164", phone(PhoneMatch::Exact, "+86 21 6123 4567"), "r3 r4 r10"},
        {"abroad", phone(PhoneMatch::Exact, "001 415 555 0100"), "r7"},
        {"suffix 8000", phone(PhoneMatch::Suffix, "8000"), "r1 r2"},
        {"suffix 4567", phone(PhoneMatch::Suffix, "4567"), "r3 r4 r10"},
        {"suffix 9000", phone(PhoneMatch::Suffix, "9000"), "r5"},
        {"suffix 0100", phone(PhoneMatch::Suffix, "0100"), "r7"},
        {"suffix whole number", phone(PhoneMatch::Suffix, "13800138000"), "r1 r2"},
        {"suffix 9999", phone(PhoneMatch::Suffix, "9999"), "r9"},
        {"prefix 1380013", phone(PhoneMatch::Prefix, "1380013"), "r1 r2 r9"},
        {"prefix +86 138 0013", phone(PhoneMatch::Prefix, "+86 138 0013"), "r1 r2 r9"},
        {"prefix 021", phone(PhoneMatch::Prefix, "021"), "r3 r4 r10"},
        {"prefix +86 21", phone(PhoneMatch::Prefix, "+86 21"), "r3 r4 r10"},
        {"prefix 139", phone(PhoneMatch::Prefix, "139"), "r5"},
        {"prefix abroad", phone(PhoneMatch::Prefix, "+1 415"), "r7"},
        {"prefix 999 (no successor)", phone(PhoneMatch::Prefix, "999"), ""},
        {"direction in", [](SearchQuery &q) { q.directions = {Direction::Inbound}; },
         "r1 r3 r4 r7 r8 r9"},
        {"direction out", [](SearchQuery &q) { q.directions = {Direction::Outbound}; },
         "r2 r5 r10"},
        {"out or internal",
         [](SearchQuery &q) {
             q.directions = {Direction::Outbound, Direction::Internal};
         },
         "r2 r5 r6 r10"},
        {"min duration 120 s (inclusive)", [](SearchQuery &q) { q.minDurationMs = 120'000; },
         "r2 r4 r5 r7 r9"},
        {"max duration 60 s (inclusive)", [](SearchQuery &q) { q.maxDurationMs = 60'000; },
         "r1 r3 r6 r8"},
        {"duration 45..61 s",
         [](SearchQuery &q) {
             q.minDurationMs = 45'000;
             q.maxDurationMs = 61'000;
         },
         "r1 r6 r10"},
        {"sentiment -0.5..0",
         [](SearchQuery &q) {
             q.minSentiment = -0.5;
             q.maxSentiment = 0.0;
         },
         "r1 r2 r5 r8"},
        {"sentiment >= 0.3", [](SearchQuery &q) { q.minSentiment = 0.3; }, "r3 r6 r7"},
        {"negative", [](SearchQuery &q) { q.sentimentLabel = SentimentLabel::Negative; },
         "r1 r8 r9"},
        {"neutral (edges included)",
         [](SearchQuery &q) { q.sentimentLabel = SentimentLabel::Neutral; }, "r2 r5 r6 r10"},
        {"positive", [](SearchQuery &q) { q.sentimentLabel = SentimentLabel::Positive; }, "r3 r7"},
        {"status recovered", [](SearchQuery &q) { q.statuses = {RecordingStatus::Recovered}; },
         "r3"},
        {"status unfinished", [](SearchQuery &q) { q.statuses = {RecordingStatus::Unfinished}; },
         "r5"},
        {"status normal", [](SearchQuery &q) { q.statuses = {RecordingStatus::Normal}; },
         "r1 r2 r4 r6 r7 r8 r9 r10"},
        {"tag 投诉", [&](SearchQuery &q) { q.tagIds = {m_known.complaintTag}; }, "r1 r3 r7"},
        {"tags any",
         [&](SearchQuery &q) {
             q.tagIds = {m_known.complaintTag, m_known.praiseTag};
         },
         "r1 r3 r6 r7"},
        {"tags all",
         [&](SearchQuery &q) {
             q.tagIds = {m_known.complaintTag, m_known.praiseTag};
             q.tagMatch = TagMatch::All;
         },
         "r3"},
        {"tag unknown", [](SearchQuery &q) { q.tagIds = {987654}; }, ""},
    };
    for (const Case &c : cases) {
        SearchQuery q;
        c.set(q);
        expect(QString::fromUtf8(c.what), q, list(c.expected));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestSearchEngine::combinedFilters()
{
    QVERIFY(seed());
    const QDateTime t0 = m_known.t0;
    SearchQuery q;
    q.teams = {QStringLiteral("T1")};
    q.directions = {Direction::Inbound};
    q.from = t0;
    q.to = t0.addDays(2);
    expect(QStringLiteral("team + direction + time"), q, list("r1 r3 r4"));

    q = SearchQuery();
    q.phone = PhoneFilter(PhoneMatch::Suffix, QStringLiteral("4567"));
    q.sentimentLabel = SentimentLabel::Positive;
    expect(QStringLiteral("suffix + positive"), q, list("r3"));

    q = SearchQuery();
    q.agentName = QStringLiteral("王");
    q.sentimentLabel = SentimentLabel::Negative;
    expect(QStringLiteral("name + negative"), q, list("r1 r9"));

    q = SearchQuery();
    q.tagIds = {m_known.complaintTag};
    q.from = t0;
    q.to = t0.addDays(1);
    expect(QStringLiteral("tag + first day"), q, list("r1 r3"));

    q = SearchQuery();
    q.agentIds = {QStringLiteral("A1"), QStringLiteral("A2")};
    q.phone = PhoneFilter(PhoneMatch::Prefix, QStringLiteral("1380013"));
    q.minDurationMs = 100'000;
    q.statuses = {RecordingStatus::Normal};
    expect(QStringLiteral("agents + prefix + duration + status"), q, list("r2 r9"));

    q = SearchQuery();
    q.teams = {QStringLiteral("T3")};
    q.agentIds = {QStringLiteral("A1")};
    expect(QStringLiteral("contradicting filters"), q, {});

    q = SearchQuery();
    q.from = t0.addDays(30);
    q.directions = {Direction::Inbound};
    q.maxDurationMs = 500'000;
    q.minSentiment = -1.0;
    q.maxSentiment = 0.0;
    q.agentName = QStringLiteral("王");
    expect(QStringLiteral("five filters"), q, list("r9"));
}

void TestSearchEngine::configurableSentimentBands()
{
    QVERIFY(seed());
    SearchQuery q;
    q.sentimentLabel = SentimentLabel::Negative;
    SentimentBands strict;
    strict.negativeBelow = -0.6;
    strict.positiveAbove = 0.5;
    expect(QStringLiteral("negative below -0.6"), q, list("r9"), SearchScope::all(), strict);
    q.sentimentLabel = SentimentLabel::Positive;
    expect(QStringLiteral("positive above 0.5"), q, list("r3"), SearchScope::all(), strict);
    q.sentimentLabel = SentimentLabel::Neutral;
    expect(QStringLiteral("neutral -0.6..0.5"), q, list("r1 r2 r5 r6 r7 r8 r10"),
           SearchScope::all(), strict);
}

void TestSearchEngine::scopeRestrictsResults()
{
    QVERIFY(seed());
    const SearchScope t1 = SearchScope::teams({QStringLiteral("T1")});
    expect(QStringLiteral("team scope"), SearchQuery(), list("r1 r2 r3 r4 r9"), t1);
    expect(QStringLiteral("two-team scope"), SearchQuery(), list("r1 r2 r3 r4 r5 r6 r9"),
           SearchScope::teams({QStringLiteral("T1"), QStringLiteral("T2")}));
    SearchQuery q;
    q.teams = {QStringLiteral("T2")};
    expect(QStringLiteral("a filter cannot widen the scope (team)"), q, {}, t1);
    q = SearchQuery();
    q.agentIds = {QStringLiteral("A3"), QStringLiteral("A1")};
    expect(QStringLiteral("a filter cannot widen the scope (agent)"), q, list("r1 r2 r9"), t1);
    q = SearchQuery();
    q.phone = PhoneFilter(PhoneMatch::Exact, QStringLiteral("021-6123 4567"));
    expect(QStringLiteral("phone within team scope"), q, list("r3 r4"), t1);
    expect(QStringLiteral("agent scope"), SearchQuery(), list("r5 r6"),
           SearchScope::agent(QStringLiteral("A3")));
    expect(QStringLiteral("agent outside the directory"), SearchQuery(), list("r8"),
           SearchScope::agent(QStringLiteral("A9")));
    q = SearchQuery();
    q.agentIds = {QStringLiteral("A1")};
    expect(QStringLiteral("agent scope and another agent"), q, {},
           SearchScope::agent(QStringLiteral("A3")));
    expect(QStringLiteral("unknown team"), SearchQuery(), {},
           SearchScope::teams({QStringLiteral("T9")}));
}

void TestSearchEngine::emptyScopeSeesNothing()
{
    QVERIFY(seed());
    expect(QStringLiteral("no teams"), SearchQuery(), {}, SearchScope::teams({}));
    expect(QStringLiteral("no agent id"), SearchQuery(), {}, SearchScope::agent(QString()));
}

void TestSearchEngine::hitCarriesListColumns()
{
    QVERIFY(seed());
    SearchEngine engine(db(), SearchScope::all(), searcher());
    SearchQuery q;
    q.agentIds = {QStringLiteral("A2")};
    q.statuses = {RecordingStatus::Recovered};
    const auto page = engine.firstPage(q, SearchSort(), 10);
    QVERIFY2(page.ok(), qPrintable(page.errorMessage()));
    QCOMPARE(page->hits.size(), 1);
    const SearchHit &hit = page->hits.first();
    QCOMPARE(hit.id, m_known.ids.value(QStringLiteral("r3")));
    QCOMPARE(hit.startedAt, m_known.t0.addSecs(3 * 3600));
    QCOMPARE(hit.startedAt.timeSpec(), Qt::UTC);
    QCOMPARE(hit.endedAt, hit.startedAt.addSecs(30));
    QCOMPARE(hit.durationMs, qint64(30000));
    QCOMPARE(hit.direction, Direction::Inbound);
    QCOMPARE(hit.agentId, QStringLiteral("A2"));
    QCOMPARE(hit.agentName, QStringLiteral("李芳"));
    QCOMPARE(hit.team, QStringLiteral("T1"));
    QCOMPARE(hit.customerPhone, QStringLiteral("021-6123 4567"));
    QCOMPARE(hit.sentiment.value(), 0.6);
    QCOMPARE(hit.status, RecordingStatus::Recovered);
    QCOMPARE(hit.tier, QStringLiteral("hot"));
    QCOMPARE(hit.sizeBytes, qint64(1234567));
    // An agent outside the directory: no name, no team.
    q = SearchQuery();
    q.agentIds = {QStringLiteral("A9")};
    const auto r8 = engine.firstPage(q, SearchSort(), 10);
    QVERIFY(r8.ok() && r8->hits.size() == 1);
    QCOMPARE(r8->hits.first().agentName, QString());
    QCOMPARE(r8->hits.first().team, QString());
    QVERIFY(r8->hits.first().sentiment.has_value());
    QVERIFY(r8->hits.first().customerPhone.isEmpty());
}

void TestSearchEngine::everySearchIsAudited()
{
    QVERIFY(seed());
    AuditLog audit(db());
    const auto before = audit.list(1000, 0);
    QVERIFY(before.ok());
    SearchEngine engine(db(), SearchScope::teams({QStringLiteral("T1")}), searcher());
    SearchQuery q;
    q.phone = PhoneFilter(PhoneMatch::Suffix, QStringLiteral("8000"));
    q.from = m_known.t0;
    q.directions = {Direction::Inbound, Direction::Outbound};
    const auto page =
        engine.firstPage(q, SearchSort{SearchSort::Key::Duration, SearchSort::Order::Ascending}, 1);
    QVERIFY2(page.ok(), qPrintable(page.errorMessage()));
    QCOMPARE(page->hits.size(), 1);
    QVERIFY(page->next.has_value());
    QVERIFY(engine.nextPage(*page->next).ok());
    QVERIFY(engine.count(q).ok());

    const auto after = audit.list(1000, 0);
    QVERIFY(after.ok());
    QCOMPARE(after->size(), before->size() + 3);
    const QStringList ops = {QStringLiteral("count"), QStringLiteral("next"),
                             QStringLiteral("first")};
    for (int i = 0; i < 3; ++i) {
        const AuditRow &row = after->at(i); // newest first
        QCOMPARE(row.action, QStringLiteral("recording.search"));
        QCOMPARE(row.actor, QStringLiteral("supervisor-1"));
        QCOMPARE(row.host, QStringLiteral("ws-07"));
        QCOMPARE(row.program, QStringLiteral("callvault"));
        QVERIFY(row.allowed);
        const QJsonObject details = QJsonDocument::fromJson(row.details.toUtf8()).object();
        QCOMPARE(details.value(QLatin1String("op")).toString(), ops.at(i));
        QCOMPARE(details.value(QLatin1String("filters")).toObject(), q.toJson());
        QCOMPARE(details.value(QLatin1String("scope")).toObject(),
                 SearchScope::teams({QStringLiteral("T1")}).toJson());
        if (i > 0) {
            QCOMPARE(details.value(QLatin1String("sort")).toString(),
                     QStringLiteral("duration:asc"));
            QCOMPARE(details.value(QLatin1String("pageSize")).toInt(), 1);
        }
        // The filters, never the results.
        for (const QUuid &id : m_known.ids)
            QVERIFY(!row.details.contains(id.toString(QUuid::WithoutBraces)));
    }
    QVERIFY(audit.verifyChain().ok());
}

void TestSearchEngine::invalidQueryIsRefusedAndNotAudited()
{
    QVERIFY(seed());
    AuditLog audit(db());
    const qint64 before = audit.list(1000, 0)->size();
    SearchEngine engine(db(), SearchScope::all(), searcher());
    SearchQuery q;
    q.minDurationMs = 10;
    q.maxDurationMs = 1;
    const auto page = engine.firstPage(q, SearchSort(), 10);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, ErrorCode::InvalidArgument);
    const auto count = engine.count(q);
    QVERIFY(!count.ok());
    QCOMPARE(count.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(audit.list(1000, 0)->size(), before);
}

void TestSearchEngine::pageSizeLimits()
{
    QVERIFY(seed());
    SearchEngine engine(db(), SearchScope::all(), searcher());
    QCOMPARE(engine.firstPage(SearchQuery(), SearchSort(), 0).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(engine.firstPage(SearchQuery(), SearchSort(), engine.options().maxPageSize + 1)
                 .error()
                 .code,
             ErrorCode::InvalidArgument);
    const auto one = engine.firstPage(SearchQuery(), SearchSort(), 1);
    QVERIFY(one.ok());
    QCOMPARE(one->hits.size(), 1);
    const auto exact = engine.firstPage(SearchQuery(), SearchSort(), 10);
    QVERIFY(exact.ok());
    QCOMPARE(exact->hits.size(), 10);
    QVERIFY(!exact->next.has_value()); // exactly ten rows: no empty next page
}

QTEST_GUILESS_MAIN(TestSearchEngine)
#include "tst_searchengine.moc"
