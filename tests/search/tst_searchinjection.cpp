// SQL injection corpus through every text input of a search, on both backends: quotes,
// comments, UNION, stacked queries, NUL, 100 kB strings, invalid UTF-8. Each search either
// finds nothing or is refused as invalid input with a plain message; no SQL error reaches
// the caller, and the catalog is unchanged afterwards.
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"
#include "searchtestsupport.h"

#include <QSqlQuery>
#include <QTest>
#include <functional>

using namespace cv;
using namespace searchtest;

namespace {

QStringList payloads()
{
    QStringList list = {
        QStringLiteral("' OR '1'='1"),
        QStringLiteral("' OR 1=1 --"),
        QStringLiteral("\" OR \"\"=\""),
        QStringLiteral("'; DROP TABLE recordings; --"),
        QStringLiteral("A1'; DELETE FROM audit; --"),
        QStringLiteral("A1' /* comment */ OR 'x'='x"),
        QStringLiteral("' UNION SELECT id, name, password_hash, role, 1, 1, 1, 1, 1, 1, 1, 1, 1 "
                       "FROM users --"),
        QStringLiteral("A1' UNION ALL SELECT NULL --"),
        QStringLiteral("1; SELECT pg_sleep(5)"),
        QStringLiteral("A1); UPDATE recordings SET status = 'recovered'; --"),
        QStringLiteral("$$; DROP TABLE recordings; $$"),
        QStringLiteral("' || (SELECT password_hash FROM users LIMIT 1) || '"),
        QStringLiteral("%"),
        QStringLiteral("_"),
        QStringLiteral("%' OR 1=1 --"),
        QStringLiteral("\\"),
        QStringLiteral("\\'; DROP TABLE agents; --"),
        QStringLiteral("E'\\x27'"),
        QStringLiteral("王伟'; --"),
        QStringLiteral("A1") + QChar(0) + QStringLiteral("' OR 1=1 --"),
        QString(QChar(0)),
        QString::fromUtf8("\xff\xfe' OR 1=1 \xc0\xaf --"),         // invalid UTF-8, decoded
        QStringLiteral("A") + QChar(0xD800) + QStringLiteral("'"), // lone surrogate
        QStringLiteral("' OR 1=1 --").repeated(20),                // 220 characters: accepted
        QStringLiteral("'").repeated(100 * 1024),                  // 100 kB
        QStringLiteral("13800138000' OR '1'='1"),
        QStringLiteral("*8000' OR '1'='1"),
        QStringLiteral("138*' OR 1=1 --"),
    };
    return list;
}

bool looksLikeSqlError(const QString &message)
{
    for (const char *marker :
         {"syntax", "SQLITE", "sqlite", "QPSQL", "ERROR:", "unrecognized token", "near \"",
          "Unable to", "unterminated", "prepare"}) {
        if (message.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

} // namespace

class TestSearchInjection final : public CatalogTestCase
{
    Q_OBJECT

private:
    qint64 scalar(const QString &sql);

private slots:
    void corpusThroughEveryTextInput();
    void corpusThroughCursorTokens();
};

qint64 TestSearchInjection::scalar(const QString &sql)
{
    QSqlQuery query(db().connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestSearchInjection::corpusThroughEveryTextInput()
{
    const QUuid site = migrateWithSite();
    QVERIFY(!site.isNull());
    const auto known = seedKnown(db(), site);
    QVERIFY2(known.ok(), qPrintable(known.errorMessage()));

    struct Input
    {
        const char *name;
        std::function<SearchQuery(const QString &)> query;
        std::function<SearchScope(const QString &)> scope;
    };
    const auto all = [](const QString &) { return SearchScope::all(); };
    const auto noFilter = [](const QString &) { return SearchQuery(); };
    const Input inputs[] = {
        {"agent id",
         [](const QString &p) {
             SearchQuery q;
             q.agentIds = {p};
             return q;
         },
         all},
        {"agent name",
         [](const QString &p) {
             SearchQuery q;
             q.agentName = p;
             return q;
         },
         all},
        {"team",
         [](const QString &p) {
             SearchQuery q;
             q.teams = {p};
             return q;
         },
         all},
        {"phone exact",
         [](const QString &p) {
             SearchQuery q;
             q.phone = PhoneFilter(PhoneMatch::Exact, p);
             return q;
         },
         all},
        {"phone prefix",
         [](const QString &p) {
             SearchQuery q;
             q.phone = PhoneFilter(PhoneMatch::Prefix, p);
             return q;
         },
         all},
        {"phone suffix",
         [](const QString &p) {
             SearchQuery q;
             q.phone = PhoneFilter(PhoneMatch::Suffix, p);
             return q;
         },
         all},
        {"scope team", noFilter, [](const QString &p) { return SearchScope::teams({p}); }},
        {"scope agent", noFilter, [](const QString &p) { return SearchScope::agent(p); }},
    };
    int ran = 0;
    int refused = 0;
    for (const QString &payload : payloads()) {
        const QString shown = payload.left(30);
        for (const Input &input : inputs) {
            SearchEngine engine(db(), input.scope(payload), searcher());
            const SearchQuery q = input.query(payload);
            const auto page = engine.firstPage(q, SearchSort(), 50);
            const auto count = engine.count(q);
            const QString where =
                QStringLiteral("%1 <- %2").arg(QString::fromLatin1(input.name), shown);
            if (page.ok()) {
                ++ran;
                QVERIFY2(page->hits.isEmpty(), qPrintable(where + QStringLiteral(": found rows")));
                QVERIFY2(count.ok() && count.value() == 0,
                         qPrintable(where + QStringLiteral(": count")));
            } else {
                ++refused;
                QVERIFY2(page.error().code == ErrorCode::InvalidArgument,
                         qPrintable(where + QStringLiteral(": ") + page.errorMessage()));
                QVERIFY2(!looksLikeSqlError(page.errorMessage()),
                         qPrintable(where + QStringLiteral(": ") + page.errorMessage()));
                QVERIFY2(!count.ok() && count.error().code == ErrorCode::InvalidArgument,
                         qPrintable(where));
                QVERIFY2(page.errorMessage().size() < 400, qPrintable(where));
            }
        }
        // Tag names (looked up for a command line).
        SearchEngine engine(db(), SearchScope::all(), searcher());
        const auto tags = engine.tagIdsByName({payload});
        QVERIFY(!tags.ok());
        QVERIFY2(tags.error().code == ErrorCode::NotFound ||
                     tags.error().code == ErrorCode::InvalidArgument,
                 qPrintable(tags.errorMessage()));
        QVERIFY(!looksLikeSqlError(tags.errorMessage()));
    }
    QVERIFY(ran > 0);
    QVERIFY(refused > 0);

    // Nothing changed: every row and table is there, the audit chain holds.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM recordings")), qint64(10));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM recordings WHERE status = 'recovered'")),
             qint64(1));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM agents")), qint64(4));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users")), qint64(0));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM recording_tags")), qint64(5));
    const auto chain = AuditLog(db()).verifyChain();
    QVERIFY2(chain.ok(), qPrintable(chain.errorMessage()));
    QCOMPARE(chain.value(), scalar(QStringLiteral("SELECT COUNT(*) FROM audit")));
    QVERIFY(chain.value() >= 2 * ran);
}

void TestSearchInjection::corpusThroughCursorTokens()
{
    const QUuid site = migrateWithSite();
    QVERIFY(!site.isNull());
    QVERIFY(seedKnown(db(), site).ok());
    SearchEngine engine(db(), SearchScope::all(), searcher());
    for (const QString &payload : payloads()) {
        const QStringList tokens = {
            payload, QStringLiteral("cv1.") + payload,
            QStringLiteral("cv1.") +
                QString::fromLatin1(payload.toUtf8().toBase64(QByteArray::Base64UrlEncoding))};
        for (const QString &token : tokens) {
            const auto cursor = SearchCursor::fromToken(token, engine.options().maxPageSize);
            QVERIFY(!cursor.ok());
            QCOMPARE(cursor.error().code, ErrorCode::InvalidArgument);
            QVERIFY(!looksLikeSqlError(cursor.errorMessage()));
        }
    }
    // A well-formed cursor whose filters carry the payloads runs them as values.
    const auto first = engine.firstPage(SearchQuery(), SearchSort(), 2);
    QVERIFY(first.ok() && first->next);
    for (const QString &payload : payloads()) {
        SearchQuery q;
        q.agentName = payload;
        if (!q.validate())
            continue;
        const SearchCursor cursor(q, SearchSort(), 2, first->next->lastKey(),
                                  first->next->lastId());
        const auto back = SearchCursor::fromToken(cursor.toToken(), engine.options().maxPageSize);
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        const auto page = engine.nextPage(back.value());
        QVERIFY2(page.ok(), qPrintable(page.errorMessage()));
        QVERIFY(page->hits.isEmpty());
    }
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM recordings")), qint64(10));
}

QTEST_GUILESS_MAIN(TestSearchInjection)
#include "tst_searchinjection.moc"
