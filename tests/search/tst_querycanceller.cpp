// QueryCanceller on both backends: a statement that would run for minutes stops soon after
// the flag is set from another thread, the connection stays usable, and a count through the
// engine works on it afterwards.
#include "catalogtestsupport.h"
#include "search/querycanceller.h"
#include "searchtestsupport.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <thread>

using namespace cv;

class TestQueryCanceller final : public CatalogTestCase
{
    Q_OBJECT

private:
    QString slowStatement() const
    {
        // Minutes of work without touching any table.
        return isPostgres() ? QStringLiteral("SELECT pg_sleep(60)")
                            : QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                             "SELECT x + 1 FROM c WHERE x < 4000000000) "
                                             "SELECT count(*) FROM c");
    }

private slots:
    void armsOnBothDrivers();
    void stopsARunningStatement();
    void flagAfterTheStatementChangesNothing();
    void withoutFlagNothingIsArmed();
};

void TestQueryCanceller::armsOnBothDrivers()
{
    QVERIFY(migrateLatest());
    std::atomic<bool> flag{false};
    const QueryCanceller canceller(db().connection(), &flag);
    QVERIFY(canceller.armed());
    QVERIFY(!canceller.cancelled());
}

void TestQueryCanceller::stopsARunningStatement()
{
    const QUuid site = migrateWithSite();
    QVERIFY(!site.isNull());
    QVERIFY(searchtest::addRecording(db(), site, QDateTime::currentDateTimeUtc(),
                                     QStringLiteral("A1"), QStringLiteral("13800138000"), 1000,
                                     Direction::Inbound, 0.0)
                .ok());
    std::atomic<bool> flag{false};
    QSqlQuery query(db().connection());
    QElapsedTimer timer;
    timer.start();
    std::thread setter([&flag] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        flag = true;
    });
    bool ran = false;
    bool cancelled = false;
    {
        const QueryCanceller canceller(db().connection(), &flag);
        ran = query.exec(slowStatement());
        cancelled = canceller.cancelled();
    }
    setter.join();
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(!ran, "the slow statement was not interrupted");
    QVERIFY(cancelled);
    QVERIFY2(elapsed < 5000, qPrintable(QStringLiteral("stopped after %1 ms").arg(elapsed)));
    QVERIFY2(elapsed >= 100, qPrintable(QStringLiteral("stopped after %1 ms").arg(elapsed)));
    if (isPostgres())
        QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("57014"));
    query = QSqlQuery();

    // The connection is fine afterwards, and so is a count through the engine on it.
    QSqlQuery again(db().connection());
    QVERIFY(again.exec(QStringLiteral("SELECT 1")) && again.next());
    again = QSqlQuery();
    SearchEngine engine(db(), SearchScope::all(), searchtest::searcher());
    std::atomic<bool> unset{false};
    const auto count = engine.count(SearchQuery(), &unset);
    QVERIFY2(count.ok(), qPrintable(count.errorMessage()));
    QCOMPARE(count.value(), qint64(1));
}

void TestQueryCanceller::flagAfterTheStatementChangesNothing()
{
    QVERIFY(migrateLatest());
    std::atomic<bool> flag{false};
    {
        const QueryCanceller canceller(db().connection(), &flag);
        QSqlQuery query(db().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT 1")) && query.next());
    }
    flag = true;
    // No canceller any more: the next statement runs to the end.
    QSqlQuery query(db().connection());
    QVERIFY(query.exec(isPostgres() ? QStringLiteral("SELECT pg_sleep(0.05)")
                                    : QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                                     "SELECT x + 1 FROM c WHERE x < 100000) "
                                                     "SELECT count(*) FROM c")));
}

void TestQueryCanceller::withoutFlagNothingIsArmed()
{
    QVERIFY(migrateLatest());
    const QueryCanceller canceller(db().connection(), nullptr);
    QVERIFY(!canceller.armed());
    QVERIFY(!canceller.cancelled());
}

QTEST_GUILESS_MAIN(TestQueryCanceller)
#include "tst_querycanceller.moc"
