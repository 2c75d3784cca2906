// The evaluation filters on both backends: "has evaluation" and "score range" on the
// hand-known catalog (drafts never count, bounds inclusive, several evaluations on one call
// show it once), with time ranges, tags and the searcher's scope, paged across page
// boundaries in every order with a count that agrees (and can be cancelled); and the
// evaluations table of migration 007 itself (its checks, the cascade, the upgrade from
// version 6).
#include "catalog/agentrepository.h"
#include "catalog/auditlog.h"
#include "catalog/recordingrepository.h"
#include "catalog/siterepository.h"
#include "catalogtestsupport.h"
#include "searchtestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include "catalog/migrator.h"

#include <QTest>
#include <atomic>
#include <functional>

using namespace cv;
using namespace searchtest;

namespace {

QStringList list(const char *names)
{
    return QString::fromLatin1(names).split(u' ', Qt::SkipEmptyParts);
}

// The evaluations on top of seedKnown's r1..r10, and why each is there.
struct Evaluation
{
    const char *recording;
    const char *state;
    std::optional<double> score;
};
const Evaluation kEvaluations[] = {
    {"r1", "submitted", 85},       // a score bound exactly
    {"r2", "draft", std::nullopt}, // only a draft: "no evaluation"
    {"r3", "submitted", 40},       // two evaluations, far apart: no range 41..89 matches
    {"r3", "acknowledged", 90},
    {"r4", "draft", 95},     // a draft with a score still counts for nothing
    {"r5", "disputed", 100}, // the top of the scale
    {"r6", "resolved", 0},   // the bottom of the scale
    {"r7", "submitted", 60},
    {"r9", "submitted", 70.5},
    // r8, r10: never evaluated
};

} // namespace

class TestSearchEvaluation final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool seed();
    void expect(const QString &what, const SearchQuery &query, const char *expected,
                const SearchScope &scope = SearchScope::all());

    Known m_known;

private slots:
    void hasEvaluation();
    void scoreRange();
    void combinedWithTimeTagsAndScope();
    void pagesAcrossBoundariesWithTheFilter();
    void filtersAreAudited();
    void invalidFiltersAreRefused();
    void tableKeepsItsRules();
    void upgradeFromVersion6();
};

bool TestSearchEvaluation::seed()
{
    const QUuid site = migrateWithSite();
    if (site.isNull())
        return false;
    auto known = seedKnown(db(), site);
    [&] { QVERIFY2(known.ok(), qPrintable(known.errorMessage())); }();
    if (!known)
        return false;
    m_known = known.takeValue();
    for (const Evaluation &e : kEvaluations) {
        const QString name = QString::fromLatin1(e.recording);
        const auto added = addEvaluation(db(), m_known.ids.value(name), m_known.started.value(name),
                                         QString::fromLatin1(e.state), e.score);
        [&] { QVERIFY2(added.ok(), qPrintable(added.errorMessage())); }();
        if (!added)
            return false;
    }
    return true;
}

void TestSearchEvaluation::expect(const QString &what, const SearchQuery &query,
                                  const char *expected, const SearchScope &scope)
{
    expectMatches(db(), m_known, what, query, list(expected), scope);
}

void TestSearchEvaluation::hasEvaluation()
{
    QVERIFY(seed());
    SearchQuery q;
    q.hasEvaluation = true;
    expect(QStringLiteral("has (drafts do not count)"), q, "r1 r3 r5 r6 r7 r9");
    if (QTest::currentTestFailed())
        return;
    q.hasEvaluation = false;
    expect(QStringLiteral("has none (a draft is none)"), q, "r2 r4 r8 r10");
}

void TestSearchEvaluation::scoreRange()
{
    QVERIFY(seed());
    struct Case
    {
        const char *what;
        std::optional<double> min;
        std::optional<double> max;
        const char *expected;
    };
    const Case cases[] = {
        {"at least 85 (inclusive; the draft's 95 ignored)", 85, std::nullopt, "r1 r3 r5"},
        {"at most 40 (inclusive)", std::nullopt, 40, "r3 r6"},
        {"40..60, both bounds inclusive", 40, 60, "r3 r7"},
        {"exactly 85", 85, 85, "r1"},
        {"exactly 100", 100, 100, "r5"},
        {"exactly 0", 0, 0, "r6"},
        {"the whole scale", 0, 100, "r1 r3 r5 r6 r7 r9"},
        {"70.5 is not rounded", 70.4, 70.6, "r9"},
        // r3 has 40 and 90: one evaluation must lie within both bounds.
        {"between r3's two scores", 41, 89, "r1 r7 r9"},
        {"above every score but the top", 100.0 - 1e-9, std::nullopt, "r5"},
        {"nothing scored there", 95, 99.5, ""},
    };
    for (const Case &c : cases) {
        SearchQuery q;
        q.minScore = c.min;
        q.maxScore = c.max;
        expect(QString::fromUtf8(c.what), q, c.expected);
        if (QTest::currentTestFailed())
            return;
        // "has evaluation" adds nothing to a score range.
        q.hasEvaluation = true;
        expect(QString::fromUtf8(c.what) + QStringLiteral(" + has evaluation"), q, c.expected);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestSearchEvaluation::combinedWithTimeTagsAndScope()
{
    QVERIFY(seed());
    const QDateTime t0 = m_known.t0;
    const SearchScope t1 = SearchScope::teams({QStringLiteral("T1")});
    struct Case
    {
        const char *what;
        std::function<void(SearchQuery &)> set;
        const char *expected;
        SearchScope scope;
    };
    const auto firstDay = [t0](SearchQuery &q) {
        q.from = t0;
        q.to = t0.addDays(1);
    };
    const Case cases[] = {
        {"first day, evaluated",
         [&](SearchQuery &q) {
             firstDay(q);
             q.hasEvaluation = true;
         },
         "r1 r3", SearchScope::all()},
        {"first day, not evaluated",
         [&](SearchQuery &q) {
             firstDay(q);
             q.hasEvaluation = false;
         },
         "r2 r10", SearchScope::all()},
        {"first day, 80 and more",
         [&](SearchQuery &q) {
             firstDay(q);
             q.minScore = 80;
         },
         "r1 r3", SearchScope::all()},
        {"from day 30, at most 65",
         [t0](SearchQuery &q) {
             q.from = t0.addDays(30);
             q.maxScore = 65;
         },
         "r6 r7", SearchScope::all()},
        {"tag 投诉, at most 50",
         [&](SearchQuery &q) {
             q.tagIds = {m_known.complaintTag};
             q.maxScore = 50;
         },
         "r3", SearchScope::all()},
        {"team scope, evaluated", [](SearchQuery &q) { q.hasEvaluation = true; }, "r1 r3 r9", t1},
        {"team scope, 80..100",
         [](SearchQuery &q) {
             q.minScore = 80;
             q.maxScore = 100;
         },
         "r1 r3", t1},
        {"team scope, not evaluated", [](SearchQuery &q) { q.hasEvaluation = false; }, "r2 r4", t1},
        // r5 (100) is A3's, outside the scope of A1's team.
        {"a score cannot widen the scope", [](SearchQuery &q) { q.minScore = 100; }, "", t1},
        {"agent scope, not evaluated", [](SearchQuery &q) { q.hasEvaluation = false; }, "",
         SearchScope::agent(QStringLiteral("A3"))},
        {"agent scope, 0..50", [](SearchQuery &q) { q.maxScore = 50; }, "r6",
         SearchScope::agent(QStringLiteral("A3"))},
        {"team filter + direction + score",
         [](SearchQuery &q) {
             q.teams = {QStringLiteral("T1")};
             q.directions = {Direction::Inbound};
             q.minScore = 70;
         },
         "r1 r3 r9", SearchScope::all()},
    };
    for (const Case &c : cases) {
        SearchQuery q;
        c.set(q);
        expect(QString::fromUtf8(c.what), q, c.expected, c.scope);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestSearchEvaluation::pagesAcrossBoundariesWithTheFilter()
{
    const QUuid site = migrateWithSite();
    QVERIFY(!site.isNull());
    // 60 calls of one agent in one day, three per start time (ties for every order), with
    // and without sentiment. Every fourth call matches 70..80 with one or two of its up to
    // three evaluations; the others between them have scores just outside the range, or a
    // draft inside it; the odd ones have none.
    const QDateTime t0(QDate(2024, 5, 6), QTime(9, 0), Qt::UTC);
    QSet<QUuid> expected;
    for (int i = 0; i < 60; ++i) {
        const QDateTime at = t0.addSecs(60 * (i / 3));
        const std::optional<double> sentiment =
            i % 5 == 0 ? std::nullopt : std::optional<double>((i % 7) / 10.0);
        auto id = addRecording(db(), site, at, QStringLiteral("A1"), QStringLiteral("13800138000"),
                               1000 * (30 + i % 4), Direction::Inbound, sentiment);
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
        if (i % 2 == 1)
            continue;
        const bool matching = i % 4 == 0;
        const double inside[] = {70.0 + i % 11, 80, 69.5};
        const double outside[] = {69.5, 80.5, 5};
        for (int e = 0; e < 1 + i % 3; ++e) {
            const double score = matching ? inside[e] : outside[e];
            QVERIFY(addEvaluation(db(), id.value(), at, QStringLiteral("submitted"), score).ok());
        }
        if (!matching)
            QVERIFY(addEvaluation(db(), id.value(), at, QStringLiteral("draft"), 75).ok());
        else
            expected.insert(id.value());
    }
    QVERIFY2(expected.size() > 7, "the data gives fewer matches than one page");
    // With a time range the evaluations drive the query (IN), without it every recording is
    // probed (EXISTS): both must page alike.
    SearchQuery withoutTime;
    withoutTime.minScore = 70;
    withoutTime.maxScore = 80;
    SearchQuery withTime = withoutTime;
    withTime.from = t0;
    withTime.to = t0.addDays(1);
    SearchEngine engine(db(), SearchScope::teams({QStringLiteral("T1")}), searcher());
    QVERIFY(AgentRepository(db())
                .upsert({QStringLiteral("A1"), QStringLiteral("王伟"), QStringLiteral("T1")})
                .ok());
    for (const SearchQuery &q : {withTime, withoutTime}) {
        for (const auto key :
             {SearchSort::Key::Time, SearchSort::Key::Duration, SearchSort::Key::Sentiment}) {
            for (const auto order : {SearchSort::Order::Descending, SearchSort::Order::Ascending}) {
                const SearchSort sort{key, order};
                const auto hits = allPages(engine, q, sort, 3);
                QVERIFY2(hits.ok(), qPrintable(hits.errorMessage()));
                QSet<QUuid> seen;
                for (const SearchHit &hit : hits.value()) {
                    QVERIFY2(!seen.contains(hit.id),
                             qPrintable(sort.toText() + QStringLiteral(" repeats a row")));
                    seen.insert(hit.id);
                }
                QVERIFY2(seen == expected, qPrintable(sort.toText()));
                const auto count = engine.count(q);
                QVERIFY(count.ok());
                QCOMPARE(count.value(), qint64(hits->size()));
            }
        }
        // The count stays cancellable with the filter, and the connection usable after it.
        std::atomic<bool> cancel{true};
        QCOMPARE(engine.count(q, &cancel).error().code, ErrorCode::Cancelled);
        cancel = false;
        QCOMPARE(engine.count(q, &cancel).value(), qint64(expected.size()));
    }
}

void TestSearchEvaluation::filtersAreAudited()
{
    QVERIFY(seed());
    SearchEngine engine(db(), SearchScope::all(), searcher());
    SearchQuery q;
    q.minScore = 60;
    q.maxScore = 90.5;
    QVERIFY(engine.count(q).ok());
    const auto rows = AuditLog(db()).list(1, 0);
    QVERIFY(rows.ok() && rows->size() == 1);
    const QJsonObject details = QJsonDocument::fromJson(rows->first().details.toUtf8()).object();
    const QJsonObject filters = details.value(QLatin1String("filters")).toObject();
    QCOMPARE(filters.keys(), (QStringList{QStringLiteral("maxScore"), QStringLiteral("minScore")}));
    QCOMPARE(filters.value(QLatin1String("minScore")).toDouble(), 60.0);
    QCOMPARE(filters.value(QLatin1String("maxScore")).toDouble(), 90.5);
}

void TestSearchEvaluation::invalidFiltersAreRefused()
{
    QVERIFY(seed());
    const qint64 before = AuditLog(db()).list(1000, 0)->size();
    SearchEngine engine(db(), SearchScope::all(), searcher());
    SearchQuery inverted;
    inverted.minScore = 90;
    inverted.maxScore = 80;
    SearchQuery outside;
    outside.maxScore = 101;
    SearchQuery notANumber;
    notANumber.minScore = std::numeric_limits<double>::quiet_NaN();
    SearchQuery contradiction;
    contradiction.hasEvaluation = false;
    contradiction.minScore = 1;
    for (const SearchQuery &q : {inverted, outside, notANumber, contradiction}) {
        const auto page = engine.firstPage(q, SearchSort(), 10);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(engine.count(q).error().code, ErrorCode::InvalidArgument);
    }
    QCOMPARE(AuditLog(db()).list(1000, 0)->size(), before); // nothing read, nothing audited
}

void TestSearchEvaluation::tableKeepsItsRules()
{
    QVERIFY(seed());
    const QUuid r7 = m_known.ids.value(QStringLiteral("r7"));
    const QDateTime at = m_known.started.value(QStringLiteral("r7"));
    QVERIFY(!addEvaluation(db(), r7, at, QStringLiteral("closed"), 50).ok());
    QVERIFY(!addEvaluation(db(), r7, at, QStringLiteral("submitted"), 100.5).ok());
    QVERIFY(!addEvaluation(db(), r7, at, QStringLiteral("submitted"), -0.5).ok());
    QVERIFY(!addEvaluation(db(), r7, at, QStringLiteral("submitted"), 50, QString()).ok());
    QVERIFY(!addEvaluation(db(), QUuid::createUuid(), at, QStringLiteral("submitted"), 50).ok());
    if (isPostgres()) // SQLite stores a NaN as NULL; PostgreSQL would keep it
        QVERIFY(!addEvaluation(db(), r7, at, QStringLiteral("submitted"),
                               std::numeric_limits<double>::quiet_NaN())
                     .ok());
    // form_version starts at 1; a form id is never empty.
    for (const char *values : {"'f', 0", "'', 1"}) {
        const QString insert =
            QStringLiteral("INSERT INTO evaluations (recording_id, started_at_ms, form_id, "
                           "form_version, evaluator, state, created_at_ms) SELECT id, "
                           "started_at_ms, %1, 'qa', 'draft', 0 FROM recordings")
                .arg(QLatin1String(values));
        QVERIFY2(!backend().execRaw(insert).ok(), values);
    }
    // Deleting (crypto-shredding) a recording takes its evaluations along.
    QVERIFY(backend()
                .execRaw(QStringLiteral("DELETE FROM recordings WHERE id IN (SELECT recording_id "
                                        "FROM evaluations WHERE score = 40)"))
                .ok());
    SearchQuery q;
    q.hasEvaluation = true;
    expect(QStringLiteral("after r3 was deleted"), q, "r1 r5 r6 r7 r9");
}

void TestSearchEvaluation::upgradeFromVersion6()
{
    // A catalog of version 6 with a recording: migration 007 adds the table beside it.
    const auto six = db().migrate(6);
    QVERIFY2(six.ok(), qPrintable(six.errorMessage()));
    const SiteRow site = catalogtest::makeSite();
    QVERIFY(SiteRepository(db()).insert(site).ok());
    const QDateTime at(QDate(2024, 2, 29), QTime(23, 59), Qt::UTC);
    const RecordingRow row = catalogtest::makeRecording(site.id, at);
    QVERIFY(RecordingRepository(db()).insert(row).ok());
    const auto latest = db().migrate();
    QVERIFY2(latest.ok(), qPrintable(latest.errorMessage()));
    QCOMPARE(db().schemaVersion().value(), Migrator::latestVersion());
    QVERIFY(addEvaluation(db(), row.id, at, QStringLiteral("submitted"), 77).ok());
    SearchEngine engine(db(), SearchScope::all(), searcher());
    SearchQuery q;
    q.minScore = 77;
    const auto page = engine.firstPage(q, SearchSort(), 10);
    QVERIFY2(page.ok(), qPrintable(page.errorMessage()));
    QCOMPARE(page->hits.size(), 1);
    QCOMPARE(page->hits.first().id, row.id);
}

QTEST_GUILESS_MAIN(TestSearchEvaluation)
#include "tst_searchevaluation.moc"
