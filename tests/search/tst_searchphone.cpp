// The catalog's phone columns on both backends: the SQL of migration 005 computes exactly
// what PhoneNumber::normalize computes, for new rows and for rows that existed before the
// migration; and the phone suffix, agent + month, tag + month and score + month searches
// are index ranges (EXPLAIN).
#include "catalog/recordingrepository.h"
#include "catalog/siterepository.h"
#include "catalogtestsupport.h"
#include "search/phonenumber.h"
#include "search/searchbenchmark.h"
#include "search/searchsql.h"
#include "search/syntheticcatalog.h"
#include "searchtestsupport.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QTest>

using namespace cv;

namespace {

// Written forms, and things that are not phone numbers at all.
QStringList corpus()
{
    QStringList forms = {
        QStringLiteral("+86 138 0013 8000"),
        QStringLiteral("+8613800138000"),
        QStringLiteral("008613800138000"),
        QStringLiteral("8613800138000"),
        QStringLiteral("13800138000"),
        QStringLiteral("138-0013-8000"),
        QStringLiteral("138.0013.8000"),
        QStringLiteral("013800138000"),
        QStringLiteral("+86 (0)138 0013 8000"),
        QStringLiteral("021-6123 4567"),
        QStringLiteral("+86 21 6123 4567"),
        QStringLiteral("+86 (0)21 6123 4567"),
        QStringLiteral("0086 21 61234567"),
        QStringLiteral("00860 21 61234567"),
        QStringLiteral("862161234567"),
        QStringLiteral("(021) 6123.4567"),
        QStringLiteral("021/61234567"),
        QStringLiteral("021\t61234567"),
        QStringLiteral("+86 10 6512 3456"),
        QStringLiteral("010-6512 3456"),
        QStringLiteral("8657188881234"),
        QStringLiteral("+86 571 8888 1234"),
        QStringLiteral("+86 400 810 8888"),
        QStringLiteral("400-810-8888"),
        QStringLiteral("+86 800 123 4567"),
        QStringLiteral("+86 10086"),
        QStringLiteral("+86 12345"),
        QStringLiteral("+1 (415) 555-0100"),
        QStringLiteral("001 415 555 0100"),
        QStringLiteral("+852 2123 4567"),
        QStringLiteral("6123 4567"),
        QStringLiteral("8001"),
        QStringLiteral("95588"),
        QStringLiteral("110"),
        QStringLiteral("1"),
        QStringLiteral("0"),
        QStringLiteral("00"),
        QStringLiteral("0086"),
        QStringLiteral("+86"),
        QStringLiteral("+860"),
        QStringLiteral("86"),
        QStringLiteral("+"),
        QStringLiteral(""),
        QStringLiteral(" "),
        QStringLiteral("anonymous"),
        QStringLiteral("++8613800138000"),
        QStringLiteral("138+00138000"),
        QStringLiteral("138\n00138000"),
        QStringLiteral("１３８００１３８０００"),
        QStringLiteral("123456789012345678"),
        QStringLiteral("1234567890123456789"),
        QStringLiteral("+123456789012345678"),
        QStringLiteral("+1234567890123456789"),
        QStringLiteral("00123456789012345678"),
        QStringLiteral("861234567890"),
        QStringLiteral("8601234567890"),
        QStringLiteral("86123456789012"),
        QStringLiteral("012345678901"),
        QStringLiteral("0123456789012"),
        QStringLiteral("' OR 1=1 --"),
        QStringLiteral("13800138000; DROP TABLE recordings"),
    };
    return forms;
}

} // namespace

class TestSearchPhone final : public CatalogTestCase
{
    Q_OBJECT

private:
    // Rows' (customer_phone, customer_phone_norm, customer_phone_rev) as the database has them.
    QVector<QStringList> storedPhones();
    QString explain(const SearchStatement &statement);
    // A small realistic catalog (4000 calls, 40 agents in 4 teams, a year, tags), with
    // planner statistics as a site has them: PostgreSQL analyzed (autovacuum does it),
    // SQLite not (nothing runs ANALYZE there).
    bool seedForPlans();
    void expectNoFullScan(const QString &plan);

private slots:
    void sqlMatchesNormalizer();
    void rowsBeforeTheMigrationAreFilled();
    void phoneFormsFindTheSameCalls();
    void suffixSearchIsAnIndexRange();
    void prefixSearchIsAnIndexRange();
    void agentMonthUsesTheAgentIndex();
    void tagMonthUsesTheTagIndex();
    void teamPageReadsTheTimeIndexInOrder();
    void scoreMonthUsesTheEvaluationIndex();
};

QVector<QStringList> TestSearchPhone::storedPhones()
{
    QVector<QStringList> rows;
    QSqlQuery query(db().connection());
    [&] {
        QVERIFY2(query.exec(QStringLiteral(
                     "SELECT customer_phone, customer_phone_norm, customer_phone_rev "
                     "FROM recordings")),
                 qPrintable(query.lastError().text()));
    }();
    while (query.next())
        rows.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return rows;
}

void TestSearchPhone::sqlMatchesNormalizer()
{
    const QUuid site = migrateWithSite();
    QVERIFY(!site.isNull());
    for (const QString &form : corpus())
        QVERIFY(searchtest::addRecording(db(), site, QDateTime::currentDateTimeUtc(),
                                         QStringLiteral("A1"), form, 1000, Direction::Inbound,
                                         std::nullopt)
                    .ok());
    const auto rows = storedPhones();
    QCOMPARE(rows.size(), corpus().size());
    for (const QStringList &row : rows) {
        const QString expected = PhoneNumber::normalize(row.at(0));
        QVERIFY2(
            row.at(1) == expected,
            qPrintable(
                QStringLiteral("'%1': SQL '%2', C++ '%3'").arg(row.at(0), row.at(1), expected)));
        QCOMPARE(row.at(2), PhoneNumber::reversed(expected));
    }
}

void TestSearchPhone::rowsBeforeTheMigrationAreFilled()
{
    // A catalog at version 4 with recordings, migrated up: the rows get their columns.
    const auto toFour = db().migrate(4);
    QVERIFY2(toFour.ok(), qPrintable(toFour.errorMessage()));
    const SiteRow site = catalogtest::makeSite();
    QVERIFY(SiteRepository(db()).insert(site).ok());
    // RecordingRepository writes only the columns it knows, so it works on version 4.
    for (const QString &form : corpus())
        QVERIFY(searchtest::addRecording(db(), site.id, QDateTime::currentDateTimeUtc(),
                                         QStringLiteral("A1"), form, 1000, Direction::Inbound,
                                         std::nullopt)
                    .ok());
    const auto migrated = db().migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.errorMessage()));
    QCOMPARE(db().schemaVersion().value(), Database::latestSchemaVersion());
    const auto rows = storedPhones();
    QCOMPARE(rows.size(), corpus().size());
    for (const QStringList &row : rows) {
        QCOMPARE(row.at(1), PhoneNumber::normalize(row.at(0)));
        QCOMPARE(row.at(2), PhoneNumber::reversed(row.at(1)));
    }
}

void TestSearchPhone::phoneFormsFindTheSameCalls()
{
    const QUuid site = migrateWithSite();
    QVERIFY(!site.isNull());
    // The same mobile and the same Shanghai landline, stored in different forms.
    const QStringList mobile = {QStringLiteral("+86 138 0013 8000"),
                                QStringLiteral("008613800138000"), QStringLiteral("13800138000"),
                                QStringLiteral("138-0013-8000")};
    const QStringList landline = {QStringLiteral("021-6123 4567"),
                                  QStringLiteral("+86 21 6123 4567")};
    QSet<QUuid> mobileIds, landlineIds;
    for (const QString &form : mobile)
        mobileIds.insert(searchtest::addRecording(db(), site, QDateTime::currentDateTimeUtc(),
                                                  QStringLiteral("A1"), form, 1000,
                                                  Direction::Inbound, std::nullopt)
                             .value());
    for (const QString &form : landline)
        landlineIds.insert(searchtest::addRecording(db(), site, QDateTime::currentDateTimeUtc(),
                                                    QStringLiteral("A1"), form, 1000,
                                                    Direction::Inbound, std::nullopt)
                               .value());
    QVERIFY(searchtest::addRecording(db(), site, QDateTime::currentDateTimeUtc(),
                                     QStringLiteral("A1"), QStringLiteral("13900139000"), 1000,
                                     Direction::Inbound, std::nullopt)
                .ok());
    SearchEngine engine(db(), SearchScope::all(), searchtest::searcher());
    const auto find = [&](const QString &text) {
        QSet<QUuid> ids;
        const auto filter = PhoneFilter::parse(text);
        [&] {
            QVERIFY2(filter.ok(), qPrintable(text + QStringLiteral(": ") + filter.errorMessage()));
        }();
        if (!filter)
            return ids;
        SearchQuery q;
        q.phone = filter.value();
        const auto page = engine.firstPage(q, SearchSort(), 100);
        [&] { QVERIFY2(page.ok(), qPrintable(page.errorMessage())); }();
        for (const SearchHit &hit : page->hits)
            ids.insert(hit.id);
        return ids;
    };
    for (const QString &typed :
         mobile + QStringList{QStringLiteral("*8000"), QStringLiteral("1380013*"),
                              QStringLiteral("+86 138*"), QStringLiteral("*0013 8000")})
        QVERIFY2(find(typed) == mobileIds, qPrintable(typed));
    for (const QString &typed :
         landline + QStringList{QStringLiteral("*4567"), QStringLiteral("021*"),
                                QStringLiteral("+86 21 61*"), QStringLiteral("02161234567")})
        QVERIFY2(find(typed) == landlineIds, qPrintable(typed));
}

QString TestSearchPhone::explain(const SearchStatement &statement)
{
    QString plan;
    if (!isPostgres()) {
        QSqlQuery query(db().connection());
        [&] { QVERIFY(query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + statement.sql)); }();
        for (const QVariant &value : statement.values)
            query.addBindValue(value);
        [&] { QVERIFY2(query.exec(), qPrintable(query.lastError().text())); }();
        while (query.next())
            plan += query.value(3).toString() + u'\n';
        return plan;
    }
    // PostgreSQL cannot PREPARE an EXPLAIN: the test puts the values in as literals, quoted
    // by the driver (test code with the test's own values).
    QString sql;
    int next = 0;
    for (const QChar c : statement.sql) {
        if (c != u'?') {
            sql += c;
            continue;
        }
        const QVariant value = statement.values.at(next++);
        QSqlField field(QStringLiteral("v"), value.metaType());
        field.setValue(value);
        sql += db().connection().driver()->formatValue(field);
    }
    QSqlQuery query(db().connection());
    [&] {
        QVERIFY2(query.exec(QStringLiteral("EXPLAIN ") + sql),
                 qPrintable(query.lastError().text()));
    }();
    while (query.next())
        plan += query.value(0).toString() + u'\n';
    return plan;
}

bool TestSearchPhone::seedForPlans()
{
    if (!migrateLatest())
        return false;
    SyntheticCatalog::Config config;
    config.rows = 4000;
    config.agents = 40;
    config.teams = 4;
    config.tags = 8;
    config.days = 365;
    SyntheticCatalog catalog(config);
    const auto made = catalog.generate(db(), {});
    [&] { QVERIFY2(made.ok(), qPrintable(made.errorMessage())); }();
    const auto analyzed = SearchBenchmark::analyze(db(), false);
    [&] { QVERIFY2(analyzed.ok(), qPrintable(analyzed.errorMessage())); }();
    return made.ok() && analyzed.ok();
}

void TestSearchPhone::expectNoFullScan(const QString &plan)
{
    QVERIFY2(!plan.contains(QLatin1String("Seq Scan on recordings")), qPrintable(plan));
    QVERIFY2(!plan.contains(QRegularExpression(QStringLiteral("^SCAN (r|recordings)$"),
                                               QRegularExpression::MultilineOption)),
             qPrintable(plan));
}

void TestSearchPhone::suffixSearchIsAnIndexRange()
{
    QVERIFY(seedForPlans());
    SearchQuery q;
    q.phone = PhoneFilter(PhoneMatch::Suffix, QStringLiteral("8000"));
    q.statuses = {RecordingStatus::Normal};
    const SearchSqlBuilder builder(db().kind(), SearchScope::teams({QStringLiteral("team-01")}),
                                   {});
    for (const auto &statement : {builder.page(q, SearchSort(), nullptr, 51), builder.count(q)}) {
        QVERIFY(statement.ok());
        QVERIFY(!statement->sql.contains(QLatin1String("LIKE")));
        const QString plan = explain(statement.value());
        QVERIFY2(plan.contains(QLatin1String("recordings_phone_rev")), qPrintable(plan));
        if (isPostgres()) {
            QVERIFY2(plan.contains(QLatin1String("customer_phone_rev >= '0008'")) &&
                         plan.contains(QLatin1String("customer_phone_rev < '0009'")),
                     qPrintable(plan));
        } else {
            QVERIFY2(
                plan.contains(QLatin1String("SEARCH r USING INDEX recordings_phone_rev "
                                            "(customer_phone_rev>? AND customer_phone_rev<?)")),
                qPrintable(plan));
        }
        expectNoFullScan(plan);
    }
}

void TestSearchPhone::prefixSearchIsAnIndexRange()
{
    QVERIFY(seedForPlans());
    SearchQuery q;
    q.phone = PhoneFilter(PhoneMatch::Prefix, QStringLiteral("+86 21 6123"));
    const SearchSqlBuilder builder(db().kind(), SearchScope::all(), {});
    const auto statement = builder.count(q);
    QVERIFY(statement.ok());
    const QString plan = explain(statement.value());
    QVERIFY2(plan.contains(QLatin1String("recordings_phone_norm")), qPrintable(plan));
    if (!isPostgres())
        QVERIFY2(plan.contains(QLatin1String("customer_phone_norm>? AND customer_phone_norm<?")),
                 qPrintable(plan));
    else
        QVERIFY2(plan.contains(QLatin1String("customer_phone_norm >= '0216123'")),
                 qPrintable(plan));
    expectNoFullScan(plan);
}

void TestSearchPhone::agentMonthUsesTheAgentIndex()
{
    QVERIFY(seedForPlans());
    SearchQuery q;
    q.agentIds = {QStringLiteral("A0005")};
    q.from = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    q.to = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC);
    const SearchSqlBuilder builder(db().kind(), SearchScope::teams({QStringLiteral("team-01")}),
                                   {});
    const auto statement = builder.page(q, SearchSort(), nullptr, 51);
    QVERIFY(statement.ok());
    const QString plan = explain(statement.value());
    QVERIFY2(plan.contains(QLatin1String("recordings_agent_started_at")), qPrintable(plan));
    if (!isPostgres())
        QVERIFY2(plan.contains(QLatin1String("agent_id=? AND started_at_ms>? AND started_at_ms<?")),
                 qPrintable(plan));
    else
        QVERIFY2(plan.contains(QLatin1String("started_at_ms >= '1709251200000'")) ||
                     plan.contains(QLatin1String("started_at_ms >= 1709251200000")),
                 qPrintable(plan));
    expectNoFullScan(plan);
}

void TestSearchPhone::tagMonthUsesTheTagIndex()
{
    QVERIFY(seedForPlans());
    SearchQuery q;
    q.tagIds = {2};
    q.from = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    q.to = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC);
    const SearchSqlBuilder builder(db().kind(), SearchScope::teams({QStringLiteral("team-01")}),
                                   {});
    for (const auto &statement : {builder.page(q, SearchSort(), nullptr, 51), builder.count(q)}) {
        QVERIFY(statement.ok());
        const QString plan = explain(statement.value());
        QVERIFY2(plan.contains(QLatin1String("recording_tags_tag_started_at")), qPrintable(plan));
        expectNoFullScan(plan);
    }
}

void TestSearchPhone::teamPageReadsTheTimeIndexInOrder()
{
    // The supervisor's default list: their teams' calls, newest first, no filter. The page
    // must come from reading the time index backwards, not from sorting every call of the
    // teams (SQLite is told so; PostgreSQL finds it from its statistics).
    QVERIFY(seedForPlans());
    const SearchSqlBuilder builder(db().kind(), SearchScope::teams({QStringLiteral("team-01")}),
                                   {});
    const auto statement = builder.page(SearchQuery(), SearchSort(), nullptr, 51);
    QVERIFY(statement.ok());
    const QString plan = explain(statement.value());
    if (isPostgres())
        QVERIFY2(plan.contains(QLatin1String("Index Scan Backward using recordings_started_at")),
                 qPrintable(plan));
    else
        QVERIFY2(plan.contains(QLatin1String("SCAN r USING INDEX recordings_started_at")),
                 qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")) && !plan.contains(QLatin1String("Sort")),
             qPrintable(plan));
}

void TestSearchPhone::scoreMonthUsesTheEvaluationIndex()
{
    // Scored calls of a month: a range of the partial index evaluations_counted (drafts are
    // not in it), never a scan of the recordings; the page and the count alike.
    QVERIFY(seedForPlans());
    SearchQuery q;
    q.minScore = 60;
    q.maxScore = 85;
    q.from = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    q.to = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC);
    const SearchSqlBuilder builder(db().kind(), SearchScope::teams({QStringLiteral("team-01")}),
                                   {});
    for (const auto &statement : {builder.page(q, SearchSort(), nullptr, 51), builder.count(q)}) {
        QVERIFY(statement.ok());
        QVERIFY(statement->sql.contains(QLatin1String("e.state <> 'draft'")));
        const QString plan = explain(statement.value());
        QVERIFY2(plan.contains(QLatin1String("evaluations_counted")), qPrintable(plan));
        if (!isPostgres())
            QVERIFY2(plan.contains(QLatin1String(
                         "SEARCH e USING INDEX evaluations_counted (started_at_ms>? AND "
                         "started_at_ms<?)")),
                     qPrintable(plan));
        expectNoFullScan(plan);
    }
}

QTEST_GUILESS_MAIN(TestSearchPhone)
#include "tst_searchphone.moc"
