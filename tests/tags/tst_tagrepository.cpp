// TagRepository and BookmarkRepository on both backends: one tag per name whatever the case
// of A-Z, concurrent creation of case variants, completion by prefix in the same order on
// both dialects, links that copy the recording's start time, and bookmarks by position.
#include "catalog/database.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "tags/bookmarkrepository.h"
#include "tags/tagrepository.h"

#include <QSqlQuery>
#include <QTest>
#include <mutex>
#include <thread>

using namespace cv;

namespace {

TagName name(const char *text)
{
    return TagName::parse(QString::fromUtf8(text)).value();
}

QStringList names(const QVector<TagRow> &rows)
{
    QStringList out;
    for (const TagRow &row : rows)
        out.append(row.name);
    return out;
}

} // namespace

class TestTagRepository final : public CatalogTestCase
{
    Q_OBJECT

private:
    // A migrated catalog with two recordings; false with a test failure.
    bool setUpRecordings();

    RecordingRow m_a;
    RecordingRow m_b;

private slots:
    void oneTagPerNameIgnoringAsciiCase();
    void concurrentCaseVariantsMakeOneTag();
    void completionByPrefix();
    void linksCopyTheStartTime();
    void deletingTheRecordingTakesLinksAndBookmarks();
    void bookmarksByPosition();
};

bool TestTagRepository::setUpRecordings()
{
    const QUuid site = migrateWithSite();
    if (site.isNull())
        return false;
    m_a = catalogtest::makeRecording(site, QDateTime(QDate(2024, 3, 5), QTime(9, 30), Qt::UTC));
    m_b = catalogtest::makeRecording(site, QDateTime(QDate(2024, 4, 1), QTime(14, 0), Qt::UTC));
    const auto a = RecordingRepository(db()).insert(m_a);
    const auto b = RecordingRepository(db()).insert(m_b);
    [&] { QVERIFY2(a.ok() && b.ok(), qPrintable(a.errorMessage() + b.errorMessage())); }();
    return a.ok() && b.ok();
}

void TestTagRepository::oneTagPerNameIgnoringAsciiCase()
{
    QVERIFY(migrateLatest());
    TagRepository tags(db());
    bool created = false;
    const auto vip = tags.findOrCreate(name("VIP"), QStringLiteral("dora"), 1000, &created);
    QVERIFY2(vip.ok(), qPrintable(vip.errorMessage()));
    QVERIFY(created);
    QCOMPARE(vip->name, QStringLiteral("VIP"));
    QCOMPARE(vip->createdBy, QStringLiteral("dora"));
    QCOMPARE(vip->createdAtMs, qint64(1000));
    for (const char *variant : {"vip", "Vip", "VIP"}) {
        const auto again = tags.findOrCreate(name(variant), QStringLiteral("eve"), 2000, &created);
        QVERIFY(again.ok());
        QVERIFY(!created);
        QCOMPARE(again->id, vip->id);
        QCOMPARE(again->name, QStringLiteral("VIP")); // the first spelling stays
    }
    QCOMPARE(tags.find(name("vIp")).value()->id, vip->id);
    QVERIFY(!tags.find(name("VIP2")).value().has_value());
    // Case outside ASCII is part of the name, on both dialects alike.
    const auto upper = tags.findOrCreate(name("ÄRGER"), QStringLiteral("dora"), 1, &created);
    QVERIFY(upper.ok() && created);
    const auto lower = tags.findOrCreate(name("ärger"), QStringLiteral("dora"), 1, &created);
    QVERIFY(lower.ok() && created);
    QVERIFY(lower->id != upper->id);
    QCOMPARE(tags.find(name("Ärger")).value()->id, upper->id); // Ä = Ä, r = R
    // Variants written before the rule (by a generator, say): the exact spelling wins.
    QVERIFY(backend()
                .execRaw(QStringLiteral("INSERT INTO tags (name, created_by, created_at_ms) "
                                        "VALUES ('vip', 'tool', 3)"))
                .ok());
    QCOMPARE(tags.find(name("vip")).value()->name, QStringLiteral("vip"));
    QCOMPARE(tags.find(name("Vip")).value()->id, vip->id); // else the oldest
}

void TestTagRepository::concurrentCaseVariantsMakeOneTag()
{
    QVERIFY(migrateLatest());
    // Several connections (threads, as several programs) create case variants of one name at
    // once; exactly one tag results and every writer gets it.
    constexpr int kWriters = 6;
    const char *variants[kWriters] = {"Urgent", "URGENT", "urgent", "uRGENT", "UrGeNt", "urgenT"};
    QVector<qint64> ids(kWriters, 0);
    QStringList errors;
    std::mutex mutex;
    std::vector<std::thread> threads;
    for (int i = 0; i < kWriters; ++i) {
        threads.emplace_back([&, i] {
            auto made = TagRepository(db()).findOrCreate(name(variants[i]),
                                                         QStringLiteral("w%1").arg(i), i);
            std::lock_guard<std::mutex> lock(mutex);
            if (made)
                ids[i] = made->id;
            else
                errors.append(made.errorMessage());
        });
    }
    for (auto &t : threads)
        t.join();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    for (qint64 id : ids)
        QCOMPARE(id, ids.first());
    QSqlQuery count(db().connection());
    QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM tags")) && count.next());
    QCOMPARE(count.value(0).toInt(), 1);
}

void TestTagRepository::completionByPrefix()
{
    QVERIFY(migrateLatest());
    TagRepository tags(db());
    for (const char *n : {"vip", "VIP-gold", "Vertrag", "投诉", "投诉-升级", "表扬", "a_b", "a%b",
                          "Ärger", "😀 happy"})
        QVERIFY(tags.findOrCreate(name(n), QStringLiteral("t"), 0).ok());
    QCOMPARE(names(tags.list(QStringLiteral("v"), 100).value()),
             (QStringList{QStringLiteral("Vertrag"), QStringLiteral("vip"),
                          QStringLiteral("VIP-gold")}));
    QCOMPARE(names(tags.list(QStringLiteral("VIP"), 100).value()),
             (QStringList{QStringLiteral("vip"), QStringLiteral("VIP-gold")}));
    QCOMPARE(names(tags.list(QStringLiteral("投诉"), 100).value()),
             (QStringList{QStringLiteral("投诉"), QStringLiteral("投诉-升级")}));
    // LIKE wildcards are plain characters.
    QCOMPARE(names(tags.list(QStringLiteral("a_"), 100).value()),
             QStringList{QStringLiteral("a_b")});
    QCOMPARE(names(tags.list(QStringLiteral("a%"), 100).value()),
             QStringList{QStringLiteral("a%b")});
    QCOMPARE(names(tags.list(QStringLiteral("ä"), 100).value()), QStringList());
    QCOMPARE(names(tags.list(QStringLiteral("😀"), 100).value()),
             QStringList{QStringLiteral("😀 happy")});
    // Everything, in one order on both dialects (A-Z ignoring case, then code units), limited.
    const QStringList all = names(tags.list(QString(), 100).value());
    QCOMPARE(all.size(), 10);
    QCOMPARE(all.mid(0, 5),
             (QStringList{QStringLiteral("a%b"), QStringLiteral("a_b"), QStringLiteral("Vertrag"),
                          QStringLiteral("vip"), QStringLiteral("VIP-gold")}));
    QCOMPARE(names(tags.list(QString(), 2).value()), all.mid(0, 2));
    QCOMPARE(tags.list(QString(65, u'x'), 100).value().size(), 0);
    QCOMPARE(tags.list(QString(QChar(0)), 100).value().size(), 0);
}

void TestTagRepository::linksCopyTheStartTime()
{
    QVERIFY(setUpRecordings());
    TagRepository tags(db());
    const TagRow vip = tags.findOrCreate(name("VIP"), QStringLiteral("t"), 0).value();
    const TagRow complaint = tags.findOrCreate(name("投诉"), QStringLiteral("t"), 0).value();
    QCOMPARE(tags.link(m_a.id, vip.id, m_a.startedAt.toMSecsSinceEpoch(), QStringLiteral("dora"), 7)
                 .value(),
             true);
    QCOMPARE(tags.link(m_a.id, vip.id, m_a.startedAt.toMSecsSinceEpoch(), QStringLiteral("eve"), 8)
                 .value(),
             false); // already there: unchanged
    QVERIFY(tags.link(m_a.id, complaint.id, m_a.startedAt.toMSecsSinceEpoch(),
                      QStringLiteral("dora"), 9)
                .value());
    QVERIFY(tags.link(m_b.id, vip.id, m_b.startedAt.toMSecsSinceEpoch(), QStringLiteral("dora"), 9)
                .value());
    const auto ofA = tags.tagsOf(m_a.id);
    QVERIFY2(ofA.ok(), qPrintable(ofA.errorMessage()));
    QCOMPARE(ofA->size(), 2);
    QCOMPARE(ofA->at(0).tag.name, QStringLiteral("VIP"));
    QCOMPARE(ofA->at(0).taggedBy, QStringLiteral("dora"));
    QCOMPARE(ofA->at(0).taggedAtMs, qint64(7));
    QCOMPARE(ofA->at(1).tag.name, QStringLiteral("投诉"));
    QSqlQuery q(db().connection());
    QVERIFY(q.prepare(QStringLiteral("SELECT started_at_ms FROM recording_tags WHERE tag_id = ? "
                                     "ORDER BY started_at_ms")));
    q.addBindValue(vip.id);
    QVERIFY(q.exec());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), m_a.startedAt.toMSecsSinceEpoch());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), m_b.startedAt.toMSecsSinceEpoch());
    q = QSqlQuery();
    QCOMPARE(tags.unlink(m_a.id, vip.id).value(), true);
    QCOMPARE(tags.unlink(m_a.id, vip.id).value(), false);
    QCOMPARE(tags.tagsOf(m_a.id)->size(), 1);
    QCOMPARE(tags.tagsOf(m_b.id)->size(), 1);
    // The vocabulary keeps the tag.
    QVERIFY(tags.find(name("vip")).value().has_value());
    // A link to a recording that does not exist is refused by the foreign key.
    QVERIFY(!tags.link(QUuid::createUuid(), vip.id, 0, QStringLiteral("t"), 0).ok());
}

void TestTagRepository::deletingTheRecordingTakesLinksAndBookmarks()
{
    QVERIFY(setUpRecordings());
    TagRepository tags(db());
    const TagRow vip = tags.findOrCreate(name("VIP"), QStringLiteral("t"), 0).value();
    QVERIFY(tags.link(m_a.id, vip.id, 0, QStringLiteral("t"), 0).value());
    BookmarkRow row;
    row.recordingId = m_a.id;
    row.text = QStringLiteral("x");
    row.author = QStringLiteral("t");
    QVERIFY(BookmarkRepository(db()).add(row).ok());
    QVERIFY(backend()
                .execRaw(QStringLiteral("DELETE FROM recordings WHERE id = '%1'")
                             .arg(m_a.id.toString(QUuid::WithoutBraces)))
                .ok());
    QCOMPARE(tags.tagsOf(m_a.id)->size(), 0);
    QCOMPARE(BookmarkRepository(db()).listByRecording(m_a.id)->size(), 0);
    QVERIFY(tags.find(name("VIP")).value().has_value());
}

void TestTagRepository::bookmarksByPosition()
{
    QVERIFY(setUpRecordings());
    BookmarkRepository bookmarks(db());
    const QList<std::pair<qint64, QString>> added = {
        {30000, QStringLiteral("third")},
        {1000, QStringLiteral("first\nline two\ttab")},
        {30000, QStringLiteral("fourth (same position, added later)")},
        {2500, QString()},
    };
    QVector<qint64> ids;
    for (const auto &[offset, text] : added) {
        BookmarkRow row;
        row.recordingId = m_a.id;
        row.offsetMs = offset;
        row.text = text;
        row.author = QStringLiteral("dora");
        row.createdAtMs = 42;
        const auto id = bookmarks.add(row);
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
        ids.append(id.value());
    }
    const auto list = bookmarks.listByRecording(m_a.id);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 4);
    QCOMPARE(list->at(0).text, QStringLiteral("first\nline two\ttab"));
    QCOMPARE(list->at(1).text, QString()); // empty text, stored as '' (never NULL)
    QCOMPARE(list->at(1).offsetMs, qint64(2500));
    QCOMPARE(list->at(2).id, ids.at(0));
    QCOMPARE(list->at(3).id, ids.at(2));
    QCOMPARE(list->at(3).author, QStringLiteral("dora"));
    QCOMPARE(list->at(3).createdAtMs, qint64(42));
    QCOMPARE(list->at(3).recordingId, m_a.id);
    QCOMPARE(bookmarks.listByRecording(m_b.id)->size(), 0);
    const auto found = bookmarks.find(ids.at(1));
    QVERIFY(found.ok() && found.value().has_value());
    QCOMPARE(found.value()->offsetMs, qint64(1000));
    QVERIFY(!bookmarks.find(999999).value().has_value());
    QCOMPARE(bookmarks.remove(ids.at(1)).value(), true);
    QCOMPARE(bookmarks.remove(ids.at(1)).value(), false);
    QCOMPARE(bookmarks.listByRecording(m_a.id)->size(), 3);
}

QTEST_GUILESS_MAIN(TestTagRepository)
#include "tst_tagrepository.moc"
