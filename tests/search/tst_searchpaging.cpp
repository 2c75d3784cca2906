// Keyset pages on both backends: every order with ties (same start, duration, sentiment,
// no sentiment) pages without repeating or skipping a row; pages stay stable while rows are
// inserted and deleted between them; counts can be cancelled.
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "searchtestsupport.h"

#include <QSet>
#include <QTest>
#include <algorithm>

using namespace cv;
using namespace searchtest;

namespace {

struct Row
{
    QUuid id;
    qint64 startedMs;
    qint64 durationMs;
    std::optional<double> sentiment;
};

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// The order the engine promises: key, then id, both in the sort's direction; recordings
// without sentiment last in both directions.
QVector<QUuid> expectedOrder(QVector<Row> rows, const SearchSort &sort)
{
    const bool asc = sort.order == SearchSort::Order::Ascending;
    std::sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
        if (sort.key == SearchSort::Key::Sentiment &&
            a.sentiment.has_value() != b.sentiment.has_value())
            return a.sentiment.has_value();
        double ka = 0, kb = 0;
        switch (sort.key) {
        case SearchSort::Key::Time:
            ka = double(a.startedMs);
            kb = double(b.startedMs);
            break;
        case SearchSort::Key::Duration:
            ka = double(a.durationMs);
            kb = double(b.durationMs);
            break;
        case SearchSort::Key::Sentiment:
            ka = a.sentiment.value_or(0);
            kb = b.sentiment.value_or(0);
            break;
        }
        if (ka != kb)
            return asc ? ka < kb : ka > kb;
        return asc ? idText(a.id) < idText(b.id) : idText(a.id) > idText(b.id);
    });
    QVector<QUuid> ids;
    for (const Row &row : rows)
        ids.append(row.id);
    return ids;
}

QVector<QUuid> idsOf(const QVector<SearchHit> &hits)
{
    QVector<QUuid> ids;
    for (const SearchHit &hit : hits)
        ids.append(hit.id);
    return ids;
}

} // namespace

class TestSearchPaging final : public CatalogTestCase
{
    Q_OBJECT

private:
    QUuid m_site;
    QDateTime m_t0 = QDateTime(QDate(2024, 6, 1), QTime(9, 0), Qt::UTC);

    bool add(QVector<Row> *rows, qint64 startOffsetMs, qint64 durationMs,
             std::optional<double> sentiment, const QUuid &id = QUuid());

private slots:
    void everyOrderWithTies();
    void pagesStableUnderInsertsAndDeletes();
    void cursorFromTokenContinues();
    void countCancelledBeforeItStarts();
};

bool TestSearchPaging::add(QVector<Row> *rows, qint64 startOffsetMs, qint64 durationMs,
                           std::optional<double> sentiment, const QUuid &id)
{
    RecordingRow row = catalogtest::makeRecording(m_site, m_t0.addMSecs(startOffsetMs));
    if (!id.isNull())
        row.id = id;
    row.durationMs = durationMs;
    row.endedAt = row.startedAt.addMSecs(durationMs);
    row.sentiment = sentiment;
    const auto inserted = RecordingRepository(db()).insert(row);
    [&] { QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage())); }();
    if (rows)
        rows->append({row.id, row.startedAt.toMSecsSinceEpoch(), durationMs, sentiment});
    return inserted.ok();
}

void TestSearchPaging::everyOrderWithTies()
{
    m_site = migrateWithSite();
    QVERIFY(!m_site.isNull());
    // 4 start times x 3 durations x 4 sentiments (one of them "none"), 24 rows: every key
    // has many ties.
    QVector<Row> rows;
    // Values that need all 17 digits to survive a round trip through SQL text.
    const std::optional<double> sentiments[] = {std::nullopt, -0.123456789012345, 0.0, 0.987654321};
    for (int i = 0; i < 24; ++i)
        QVERIFY(add(&rows, (i % 4) * 60'000, 30'000 * (1 + i % 3), sentiments[(i / 3) % 4]));

    SearchEngine engine(db(), SearchScope::all(), searcher());
    for (auto key :
         {SearchSort::Key::Time, SearchSort::Key::Duration, SearchSort::Key::Sentiment}) {
        for (auto order : {SearchSort::Order::Descending, SearchSort::Order::Ascending}) {
            const SearchSort sort{key, order};
            const QVector<QUuid> expected = expectedOrder(rows, sort);
            for (int pageSize : {1, 3, 5, 7, 24, 50}) {
                const auto got = allPages(engine, SearchQuery(), sort, pageSize);
                QVERIFY2(got.ok(), qPrintable(got.errorMessage()));
                const QVector<QUuid> ids = idsOf(got.value());
                QVERIFY2(
                    ids == expected,
                    qPrintable(QStringLiteral("%1, pages of %2").arg(sort.toText()).arg(pageSize)));
            }
        }
    }
}

void TestSearchPaging::pagesStableUnderInsertsAndDeletes()
{
    m_site = migrateWithSite();
    QVERIFY(!m_site.isNull());
    QVector<Row> original;
    // 20 calls a minute apart, plus two that start with the 10th (ties).
    for (int i = 0; i < 20; ++i)
        QVERIFY(add(&original, i * 60'000, 60'000, 0.1));
    QVERIFY(add(&original, 10 * 60'000, 60'000, 0.1));
    QVERIFY(add(&original, 10 * 60'000, 60'000, 0.1));

    SearchEngine engine(db(), SearchScope::all(), searcher());
    const SearchSort newestFirst;
    const auto first = engine.firstPage(SearchQuery(), newestFirst, 5);
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    QVERIFY(first->next.has_value());
    const QVector<QUuid> expected = expectedOrder(original, newestFirst);
    QCOMPARE(idsOf(first->hits), expected.mid(0, 5));
    const QUuid cursorId = first->next->lastId();
    const qint64 cursorMs = first->next->lastKey().integer;
    QCOMPARE(cursorMs, m_t0.addSecs(15 * 60).toMSecsSinceEpoch());

    // Between the pages: calls before the cursor (newer; they belong to page 1 now), calls
    // in the same millisecond as the cursor row on either side of its id, calls after it.
    QVector<Row> before;
    QVector<Row> after;
    QVERIFY(add(&before, 30 * 60'000, 1000, 0.0));
    QVERIFY(add(&before, 17 * 60'000, 1000, 0.0));
    QVERIFY(add(&before, 15 * 60'000, 1000, 0.0,
                QUuid(QStringLiteral("ffffffff-ffff-4fff-bfff-ffffffffffff"))));
    QVERIFY(add(&after, 15 * 60'000, 1000, 0.0,
                QUuid(QStringLiteral("00000000-0000-4000-8000-000000000001"))));
    QVERIFY(add(&after, 3 * 60'000, 1000, 0.0));
    QVERIFY(add(&after, -60'000, 1000, 0.0));
    // And rows deleted: one not yet shown, and the cursor row itself.
    const QUuid deleted = expected.at(8);
    QVERIFY(
        backend()
            .execRaw(QStringLiteral("DELETE FROM recordings WHERE id = '%1'").arg(idText(deleted)))
            .ok());
    QVERIFY(
        backend()
            .execRaw(QStringLiteral("DELETE FROM recordings WHERE id = '%1'").arg(idText(cursorId)))
            .ok());

    QVector<QUuid> rest;
    auto page = engine.nextPage(*first->next);
    for (int guard = 0; guard < 100; ++guard) {
        QVERIFY2(page.ok(), qPrintable(page.errorMessage()));
        rest += idsOf(page->hits);
        if (!page->next)
            break;
        page = engine.nextPage(*page->next);
    }
    // Exactly the rows after the cursor, in order: the original ones not yet shown (minus the
    // deleted one) merged with the new ones that sort after the cursor.
    QVector<Row> remaining;
    for (const Row &row : original) {
        if (!idsOf(first->hits).contains(row.id) && row.id != deleted)
            remaining.append(row);
    }
    remaining += after;
    QCOMPARE(rest, expectedOrder(remaining, newestFirst));
    const QVector<QUuid> firstIds = idsOf(first->hits);
    const QSet<QUuid> shown(firstIds.begin(), firstIds.end());
    for (const QUuid &id : rest)
        QVERIFY(!shown.contains(id));
    for (const Row &row : before)
        QVERIFY(!rest.contains(row.id));
}

void TestSearchPaging::cursorFromTokenContinues()
{
    m_site = migrateWithSite();
    QVERIFY(!m_site.isNull());
    QVector<Row> rows;
    for (int i = 0; i < 9; ++i)
        QVERIFY(add(&rows, i * 1000, 1000 * (i % 2),
                    i % 3 ? std::optional<double>(i / 10.0) : std::nullopt));
    SearchEngine engine(db(), SearchScope::all(), searcher());
    const SearchSort sort{SearchSort::Key::Sentiment, SearchSort::Order::Descending};
    QVector<QUuid> seen;
    auto page = engine.firstPage(SearchQuery(), sort, 2);
    while (true) {
        QVERIFY2(page.ok(), qPrintable(page.errorMessage()));
        seen += idsOf(page->hits);
        if (!page->next)
            break;
        // Through its text form, as a command line or a URL carries it.
        const auto cursor =
            SearchCursor::fromToken(page->next->toToken(), engine.options().maxPageSize);
        QVERIFY2(cursor.ok(), qPrintable(cursor.errorMessage()));
        page = engine.nextPage(cursor.value());
    }
    QCOMPARE(seen, expectedOrder(rows, sort));
}

void TestSearchPaging::countCancelledBeforeItStarts()
{
    m_site = migrateWithSite();
    QVERIFY(!m_site.isNull());
    QVERIFY(add(nullptr, 0, 1000, 0.0));
    SearchEngine engine(db(), SearchScope::all(), searcher());
    std::atomic<bool> cancel{true};
    const auto count = engine.count(SearchQuery(), &cancel);
    QVERIFY(!count.ok());
    QCOMPARE(count.error().code, ErrorCode::Cancelled);
    cancel = false;
    const auto again = engine.count(SearchQuery(), &cancel);
    QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
    QCOMPARE(again.value(), qint64(1));
}

QTEST_GUILESS_MAIN(TestSearchPaging)
#include "tst_searchpaging.moc"
