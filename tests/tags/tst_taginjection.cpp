// The SQL-injection corpus of the auth tests (authtest::injectionCorpus) through tag names
// (tagging, untagging, completion, search by tag) and bookmark texts, on both backends:
// every text is stored and read back exactly (a tag name trimmed) or refused with a plain
// message; no database error text reaches the caller, and nothing else changes.
#include "authtestsupport.h"
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"
#include "search/searchengine.h"
#include "tags/bookmarkservice.h"
#include "tags/tagservice.h"

#include <QSet>
#include <QTest>

using namespace cv;

class TestTagInjection final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    QVector<qint64> snapshot();

    authtest::RoleSite m_site;

private slots:
    void throughTagNames();
    void throughBookmarkTexts();
};

bool TestTagInjection::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    return !siteId.isNull() && m_site.setUp(db(), siteId);
}

QVector<qint64> TestTagInjection::snapshot()
{
    QVector<qint64> counts;
    for (const char *table : {"users", "teams", "roles", "role_permissions", "user_teams",
                              "settings", "agents", "recordings"})
        counts.append(authtest::countRows(db(), QString::fromLatin1(table)));
    return counts;
}

void TestTagInjection::throughTagNames()
{
    QVERIFY(setUpSite());
    const Principal sup = m_site.as(QStringLiteral("supervisor"));
    TagService tags(db(), m_site.clock.clock());
    SearchEngine search(db(), SearchScope::all(), sup.auditEvent(QString(), QString(), true));
    const QVector<qint64> before = snapshot();
    QSet<QString> stored; // the accepted names, trimmed
    int refused = 0;
    for (const QString &payload : authtest::injectionCorpus()) {
        const auto tagged = tags.tag(sup, m_site.inT1.id, {payload});
        if (tagged.ok()) {
            const QString expected = payload.trimmed();
            QCOMPARE(tagged->size(), 1);
            QCOMPARE(tagged->first().name, expected);
            stored.insert(expected);
            // Found again by exactly that text, through the search's tag lookup too.
            const auto found = TagRepository(db()).find(TagName::parse(payload).value());
            QVERIFY(found.ok() && found.value().has_value());
            QCOMPARE(found.value()->name.toUtf8(), expected.toUtf8());
            const auto ids = search.tagIdsByName({payload});
            QVERIFY2(ids.ok(), qPrintable(ids.errorMessage()));
            QCOMPARE(ids->first(), found.value()->id);
        } else {
            ++refused;
            QCOMPARE(tagged.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(tagged.errorMessage().startsWith(QLatin1String("A tag name ")),
                     qPrintable(tagged.errorMessage()));
            authtest::expectNoDatabaseText(tagged.errorMessage(), payload);
            const auto ids = search.tagIdsByName({payload});
            QCOMPARE(ids.error().code, ErrorCode::InvalidArgument);
            authtest::expectNoDatabaseText(ids.errorMessage(), payload);
        }
        // As a completion prefix: never an error, never more than the literal prefix.
        const auto completed = tags.names(sup, payload, 1000);
        QVERIFY2(completed.ok(), qPrintable(completed.errorMessage()));
        for (const TagRow &row : completed.value())
            QVERIFY(TagName::foldKey(row.name).startsWith(TagName::foldKey(payload)));
    }
    QVERIFY(stored.size() >= 15);
    QVERIFY(refused >= 5);
    // Exactly the accepted names, byte for byte, on the call.
    QSet<QString> onCall;
    const auto tagged = tags.tagsOf(sup, m_site.inT1.id);
    QVERIFY(tagged.ok());
    for (const RecordingTagRow &row : tagged.value())
        onCall.insert(row.tag.name);
    QCOMPARE(onCall, stored);
    QCOMPARE(authtest::countRows(db(), QStringLiteral("tags")), qint64(stored.size()));
    QCOMPARE(snapshot(), before);
    // Untagging by the same texts removes exactly them.
    for (const QString &name : stored)
        QVERIFY(tags.untag(sup, m_site.inT1.id, {name})->first().changed);
    QCOMPARE(authtest::countRows(db(), QStringLiteral("recording_tags")), qint64(0));
    const auto chain = AuditLog(db()).verifyChain();
    QVERIFY2(chain.ok(), qPrintable(chain.errorMessage()));
}

void TestTagInjection::throughBookmarkTexts()
{
    QVERIFY(setUpSite());
    const Principal sup = m_site.as(QStringLiteral("supervisor"));
    BookmarkService bookmarks(db(), m_site.clock.clock());
    const QVector<qint64> before = snapshot();
    int accepted = 0;
    int refused = 0;
    for (const QString &payload : authtest::injectionCorpus()) {
        const auto added = bookmarks.add(sup, m_site.inT1.id, 1000, payload);
        if (added.ok()) {
            ++accepted;
            const auto stored = BookmarkRepository(db()).find(added->id);
            QVERIFY(stored.ok() && stored.value().has_value());
            QCOMPARE(stored.value()->text.toUtf8(), payload.toUtf8()); // not even trimmed
        } else {
            ++refused;
            QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(added.errorMessage().startsWith(QLatin1String("A bookmark text ")),
                     qPrintable(added.errorMessage()));
            authtest::expectNoDatabaseText(added.errorMessage(), payload);
        }
    }
    QVERIFY(accepted >= 20);
    QVERIFY(refused >= 5);
    const auto listed = bookmarks.list(sup, m_site.inT1.id);
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), accepted);
    QCOMPARE(snapshot(), before);
    for (const BookmarkRow &row : listed.value())
        QVERIFY(bookmarks.remove(sup, row.id).ok());
    QCOMPARE(authtest::countRows(db(), QStringLiteral("bookmarks")), qint64(0));
    QVERIFY(AuditLog(db()).verifyChain().ok());
}

QTEST_GUILESS_MAIN(TestTagInjection)
#include "tst_taginjection.moc"
