// AuditLog: the hash chain, its verification, tampering, concurrent writers.
#include "catalog/auditlog.h"
#include "catalog/transactionguard.h"
#include "catalogtestsupport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTest>
#include <QThread>
#include <memory>
#include <thread>

using namespace cv;

class TestAuditLog final : public CatalogTestCase
{
    Q_OBJECT

private:
    // Appends `count` events; returns their ids (empty on failure, with a test failure).
    QVector<qint64> appendEvents(int count);
    void expectBrokenAt(qint64 id);
    bool execBound(const QString &sql, const QVariantList &values);

private slots:
    void canonicalRowEncoding();
    void emptyChainVerifies();
    void appendFiftyAndVerify();
    void listIsNewestFirstAndPages();
    void changedRowIsNamed();
    void changedRowWithRecomputedHashBreaksTheNextLink();
    void removedRowBreaksTheNextLink();
    void flippedResultIsNamed();
    void fillsHostAndProgram();
    void appendFollowsTheCallersTransaction();
    void concurrentThreadsKeepOneChain();
    void concurrentDatabasesKeepOneChain();
};

QVector<qint64> TestAuditLog::appendEvents(int count)
{
    AuditLog log(db());
    QVector<qint64> ids;
    for (int i = 0; i < count; ++i) {
        AuditEvent event =
            catalogtest::makeEvent(i % 3 ? QStringLiteral("play") : QStringLiteral("search"),
                                   QStringLiteral("recording-%1").arg(i));
        event.allowed = i % 7 != 0;
        const auto id = log.append(event);
        if (!id.ok()) {
            [&] { QVERIFY2(id.ok(), qPrintable(id.errorMessage())); }();
            return {};
        }
        ids.append(id.value());
    }
    return ids;
}

void TestAuditLog::expectBrokenAt(qint64 id)
{
    const auto verified = AuditLog(db()).verifyChain();
    QVERIFY2(!verified.ok(), "verifyChain accepted a tampered chain");
    QCOMPARE(verified.error().code, ErrorCode::Tampered);
    const QString expected = QStringLiteral("at row %1:").arg(id);
    QVERIFY2(
        verified.errorMessage().contains(expected),
        qPrintable(QStringLiteral("expected '%1' in: %2").arg(expected, verified.errorMessage())));
}

bool TestAuditLog::execBound(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db().connection());
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning("%s", qPrintable(query.lastError().text()));
        return false;
    }
    return query.numRowsAffected() == 1;
}

void TestAuditLog::canonicalRowEncoding()
{
    AuditRow row;
    row.atMs = 0x0102030405060708LL;
    row.actor = QStringLiteral("a");
    row.host = QString();
    row.program = QStringLiteral("p");
    row.action = QStringLiteral("play");
    row.target = QStringLiteral("t");
    row.details = QStringLiteral("客"); // 3 UTF-8 bytes
    row.allowed = false;
    const QByteArray expected = QByteArray::fromHex("0102030405060708"
                                                    "00000001"
                                                    "61"
                                                    "00000000"
                                                    "00000001"
                                                    "70"
                                                    "00000004"
                                                    "706c6179"
                                                    "00000001"
                                                    "74"
                                                    "00000003"
                                                    "e5aea2"
                                                    "00000006"
                                                    "64656e696564");
    QCOMPARE(AuditLog::canonicalRow(row), expected);
    const QByteArray prev(32, '\x42');
    QCOMPARE(AuditLog::chainHash(prev, row),
             QCryptographicHash::hash(QByteArray(prev + expected), QCryptographicHash::Sha256));
    QCOMPARE(AuditLog::genesisHash(), QByteArray(32, '\0'));
}

void TestAuditLog::emptyChainVerifies()
{
    QVERIFY(migrateLatest());
    const auto verified = AuditLog(db()).verifyChain();
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
    QCOMPARE(verified.value(), 0);
}

void TestAuditLog::appendFiftyAndVerify()
{
    QVERIFY(migrateLatest());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QVector<qint64> ids = appendEvents(50);
    QCOMPARE(ids.size(), 50);
    for (int i = 1; i < ids.size(); ++i)
        QVERIFY(ids.at(i) > ids.at(i - 1));

    const auto verified = AuditLog(db()).verifyChain();
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
    QCOMPARE(verified.value(), 50);

    const auto rows = AuditLog(db()).list(100, 0);
    QVERIFY2(rows.ok(), qPrintable(rows.errorMessage()));
    QCOMPARE(rows->size(), 50);
    const AuditRow &first = rows->last();
    QCOMPARE(first.id, ids.first());
    QCOMPARE(first.prevHash, AuditLog::genesisHash());
    QCOMPARE(first.hash, AuditLog::chainHash(first.prevHash, first));
    QCOMPARE(first.actor, QStringLiteral("alice"));
    QCOMPARE(first.details, catalogtest::makeEvent(QString(), QString()).details);
    QVERIFY(!first.allowed); // i == 0
    QVERIFY(first.atMs >= before);
    for (int i = 0; i + 1 < rows->size(); ++i) {
        QCOMPARE(rows->at(i).prevHash, rows->at(i + 1).hash);
        QVERIFY(rows->at(i).atMs >= rows->at(i + 1).atMs);
    }
}

void TestAuditLog::listIsNewestFirstAndPages()
{
    QVERIFY(migrateLatest());
    const QVector<qint64> ids = appendEvents(10);
    const auto page = AuditLog(db()).list(4, 3);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(page->at(i).id, ids.at(ids.size() - 1 - 3 - i));
    QVERIFY(!AuditLog(db()).list(-1, 0).ok());
}

void TestAuditLog::changedRowIsNamed()
{
    QVERIFY(migrateLatest());
    const QVector<qint64> ids = appendEvents(50);
    QCOMPARE(ids.size(), 50);
    const qint64 victim = ids.at(22);
    QVERIFY(execBound(QStringLiteral("UPDATE audit SET actor = ? WHERE id = ?"),
                      {QStringLiteral("mallory"), victim}));
    expectBrokenAt(victim);
}

void TestAuditLog::changedRowWithRecomputedHashBreaksTheNextLink()
{
    QVERIFY(migrateLatest());
    const QVector<qint64> ids = appendEvents(20);
    const qint64 victim = ids.at(9);
    const auto rows = AuditLog(db()).list(1, ids.size() - 1 - 9);
    QVERIFY(rows.ok() && rows->size() == 1);
    AuditRow forged = rows->first();
    QCOMPARE(forged.id, victim);
    forged.target = QStringLiteral("someone-else");
    const QByteArray forgedHash = AuditLog::chainHash(forged.prevHash, forged);
    QVERIFY(execBound(QStringLiteral("UPDATE audit SET target = ?, hash = ? WHERE id = ?"),
                      {forged.target, forgedHash, victim}));
    expectBrokenAt(ids.at(10));
}

void TestAuditLog::removedRowBreaksTheNextLink()
{
    QVERIFY(migrateLatest());
    const QVector<qint64> ids = appendEvents(20);
    QVERIFY(execBound(QStringLiteral("DELETE FROM audit WHERE id = ?"), {ids.at(5)}));
    expectBrokenAt(ids.at(6));
}

void TestAuditLog::flippedResultIsNamed()
{
    QVERIFY(migrateLatest());
    const QVector<qint64> ids = appendEvents(8);
    // Row 7 (index 7) was denied; make it look allowed.
    QVERIFY(
        execBound(QStringLiteral("UPDATE audit SET result = 'allowed' WHERE id = ?"), {ids.at(7)}));
    expectBrokenAt(ids.at(7));
}

void TestAuditLog::fillsHostAndProgram()
{
    QVERIFY(migrateLatest());
    AuditEvent event = catalogtest::makeEvent(QStringLiteral("login"), QStringLiteral("alice"));
    event.host.clear();
    event.program.clear();
    const auto id = AuditLog(db()).append(event);
    QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
    const auto rows = AuditLog(db()).list(1, 0);
    QCOMPARE(rows->first().host, QSysInfo::machineHostName());
    QCOMPARE(rows->first().program, QCoreApplication::applicationName());
    QVERIFY(!rows->first().program.isEmpty());

    AuditEvent noAction = event;
    noAction.action.clear();
    QCOMPARE(AuditLog(db()).append(noAction).error().code, ErrorCode::InvalidArgument);
}

void TestAuditLog::appendFollowsTheCallersTransaction()
{
    QVERIFY(migrateLatest());
    AuditLog log(db());
    {
        TransactionGuard outer(db());
        QVERIFY(outer.ok());
        const auto id =
            log.append(catalogtest::makeEvent(QStringLiteral("export"), QStringLiteral("x")));
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
        QCOMPARE(log.list(10, 0)->size(), 1); // visible inside the transaction
    }                                         // rolled back
    QCOMPARE(log.list(10, 0)->size(), 0);
    {
        TransactionGuard outer(db());
        QVERIFY(
            log.append(catalogtest::makeEvent(QStringLiteral("export"), QStringLiteral("y"))).ok());
        QVERIFY(
            log.append(catalogtest::makeEvent(QStringLiteral("export"), QStringLiteral("z"))).ok());
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(log.verifyChain().value(), 2);
    // The chain continues correctly after the rolled-back append.
    QVERIFY(log.append(catalogtest::makeEvent(QStringLiteral("play"), QStringLiteral("w"))).ok());
    QCOMPARE(log.verifyChain().value(), 3);
}

void TestAuditLog::concurrentThreadsKeepOneChain()
{
    // One Database shared by two threads: each thread gets its own connection.
    QVERIFY(migrateLatest());
    constexpr int perThread = 100;
    QStringList errors[2];
    std::unique_ptr<QThread> threads[2];
    for (int t = 0; t < 2; ++t) {
        threads[t].reset(QThread::create([this, t, &errors] {
            AuditLog log(db());
            for (int i = 0; i < perThread; ++i) {
                const auto id = log.append(catalogtest::makeEvent(
                    QStringLiteral("play"), QStringLiteral("t%1-%2").arg(t).arg(i)));
                if (!id.ok())
                    errors[t].append(id.errorMessage());
            }
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0].join(u'\n')));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1].join(u'\n')));

    const auto verified = AuditLog(db()).verifyChain();
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
    QCOMPARE(verified.value(), 2 * perThread);
}

void TestAuditLog::concurrentDatabasesKeepOneChain()
{
    // Two independent Database objects (as two programs would have), plain std::threads.
    QVERIFY(migrateLatest());
    auto second = backend().openAnother();
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    constexpr int perThread = 100;
    Database *databases[2] = {&db(), second.value().get()};
    QStringList errors[2];
    std::thread threads[2];
    for (int t = 0; t < 2; ++t) {
        threads[t] = std::thread([&, t] {
            AuditLog log(*databases[t]);
            for (int i = 0; i < perThread; ++i) {
                const auto id = log.append(catalogtest::makeEvent(
                    QStringLiteral("search"), QStringLiteral("d%1-%2").arg(t).arg(i)));
                if (!id.ok())
                    errors[t].append(id.errorMessage());
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0].join(u'\n')));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1].join(u'\n')));

    const auto verified = AuditLog(*second.value()).verifyChain();
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
    QCOMPARE(verified.value(), 2 * perThread);
    const auto rows = AuditLog(db()).list(2 * perThread, 0);
    QCOMPARE(rows->size(), 2 * perThread);
    int fromFirst = 0;
    for (const AuditRow &row : rows.value())
        fromFirst += row.target.startsWith(QLatin1String("d0-")) ? 1 : 0;
    QCOMPARE(fromFirst, perThread);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
