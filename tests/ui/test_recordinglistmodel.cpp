// The workstation's recording list: a lazy, paged model checked by QAbstractItemModelTester,
// its window offscreen, and its Chinese translation.
#include "catalog/recordingrepository.h"
#include "catalog/transactionguard.h"
#include "mainwindow.h"
#include "recordinglistmodel.h"
#include "storetesthelpers.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace cv;

class TestRecordingListModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = cvtest::openSqliteCatalog(m_dir.path(), &m_siteId);
        RecordingRepository recordings(*m_db);
        TransactionGuard tx(*m_db); // one fsync for all rows, not one each
        QVERIFY(tx.ok());
        const QDateTime base(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < kRows; ++i) {
            RecordingRow r;
            r.id = QUuid::createUuid();
            r.siteId = m_siteId;
            r.startedAt = base.addSecs(i * 60);
            r.durationMs = 61000 + i;
            r.endedAt = r.startedAt.addMSecs(r.durationMs);
            r.direction = i % 2 ? Direction::Outbound : Direction::Inbound;
            r.agentId = QStringLiteral("10%1").arg(i % 7, 2, 10, QLatin1Char('0'));
            r.customerPhone = QStringLiteral("138%1").arg(i, 8, 10, QLatin1Char('0'));
            r.status = i == 0 ? RecordingStatus::Recovered : RecordingStatus::Normal;
            r.storagePath = QStringLiteral("hot/x/%1.cvr").arg(i);
            r.sha256Hex = QString(64, QLatin1Char('0'));
            r.sampleRate = 16000;
            r.channels = 2;
            r.bitrate = 32000;
            r.createdAt = r.startedAt;
            QVERIFY2(recordings.insert(r).ok(), "insert");
        }
        QVERIFY(tx.commit().ok());
    }

    void pagesLazilyNewestFirst()
    {
        RecordingListModel model(*m_db);
        QCOMPARE(model.rowCount(), 0);
        model.reload();
        QCOMPARE(model.rowCount(), RecordingListModel::kPageSize); // one page, not the catalog
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * RecordingListModel::kPageSize);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), kRows); // the last, short page
        QVERIFY(!model.canFetchMore({}));
        // Newest first: the last inserted call (highest start time) is row 0.
        QCOMPARE(model.data(model.index(0, RecordingListModel::Phone)).toString(),
                 QStringLiteral("138%1").arg(kRows - 1, 8, 10, QLatin1Char('0')));
        QCOMPARE(model.data(model.index(0, RecordingListModel::Duration)).toString(), QStringLiteral("1:01"));
        QCOMPARE(model.data(model.index(kRows - 1, RecordingListModel::Status)).toString(), QStringLiteral("Recovered"));
        QCOMPARE(model.headerData(RecordingListModel::Agent, Qt::Horizontal).toString(), QStringLiteral("Agent"));
    }

    void passesTheModelTester()
    {
        // The tester is attached after the reset: Qt 6.4's tester probes fetchMore() from
        // its modelReset slot before it marks the reset finished, and would report the
        // page that probe inserts as an insert inside the reset.
        RecordingListModel model(*m_db);
        model.reload();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), kRows);
    }

    void speaksChinese()
    {
        QTranslator translator;
        QVERIFY2(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("callvault"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n")),
                 "the zh_CN catalog is embedded under :/i18n");
        QCoreApplication::installTranslator(&translator);
        RecordingListModel model(*m_db);
        model.reload();
        QCOMPARE(model.headerData(RecordingListModel::Agent, Qt::Horizontal).toString(), QStringLiteral("坐席"));
        QCOMPARE(model.data(model.index(0, RecordingListModel::Direction)).toString(), QStringLiteral("呼出"));
        QCoreApplication::removeTranslator(&translator);
    }

    void windowShowsTheCatalog()
    {
        RecordingListModel model(*m_db);
        model.reload();
        MainWindow window(model, QStringLiteral("Test Site"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Test Site")));
        auto *table = window.findChild<QTableView *>(QStringLiteral("recordingTable"));
        QVERIFY(table);
        QCOMPARE(table->model(), &model);
        auto *count = window.findChild<QLabel *>(QStringLiteral("recordingCount"));
        QVERIFY(count);
        QTRY_VERIFY(count->text().contains(QString::number(model.rowCount())));
        // Scrolling to the end fetches the remaining pages.
        QTRY_COMPARE((table->scrollToBottom(), model.rowCount()), kRows);
    }

private:
    static constexpr int kRows = 450;
    QTemporaryDir m_dir;
    QUuid m_siteId;
    std::unique_ptr<Database> m_db;
};

QTEST_MAIN(TestRecordingListModel)
#include "test_recordinglistmodel.moc"
