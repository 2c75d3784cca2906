// The search results model on a seeded catalog: the right rows for filters, keyset pages
// fetched as the view scrolls, orders sorted in the catalog, the count when it arrives, stale
// answers dropped — all checked by QAbstractItemModelTester — and 10 000 rows paged through
// a real table view without the event loop ever stalling for 50 ms.
#include "authtestsupport.h"
#include "catalog/database.h"
#include "search/syntheticcatalog.h"
#include "searchtestsupport.h"
#include "search/searchresultmodel.h"
#include "storetesthelpers.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace cv;

namespace {

// "r1,r2" -> {"r1", "r2"}
QStringList names(const char *commaSeparated)
{
    return QString::fromUtf8(commaSeparated).split(QLatin1Char(','));
}

// Measures the longest time the event loop went without running a 5 ms timer.
class StallWatchdog final : public QObject
{
public:
    explicit StallWatchdog(const QAbstractItemModel *model)
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this, model] {
            const qint64 gap = m_since.restart();
            if (gap > 20)
                qInfo("event loop stalled %lld ms at row %d", gap, model->rowCount());
            m_longest = qMax(m_longest, gap);
        });
        m_since.start();
        m_timer.start();
    }
    qint64 longestGapMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_longest = 0;
};

// A supervisor of `teams` (added when missing), logged in.
Principal supervisorOf(Database &db, const QStringList &teams)
{
    for (const QString &team : teams) {
        QSqlQuery exists(db.connection());
        exists.prepare(QStringLiteral("SELECT 1 FROM teams WHERE id = ?"));
        exists.addBindValue(team);
        if (exists.exec() && exists.next())
            continue;
        if (!authtest::addTeam(db, team))
            return {};
    }
    if (authtest::addUser(db, QStringLiteral("sup"), "supervisor-password", QStringLiteral("supervisor"),
                          teams) == 0)
        return {};
    authtest::TestClock clock;
    AuthService auth(db, authtest::options(clock));
    auto session = auth.login(QStringLiteral("sup"), "supervisor-password", QStringLiteral("ws"),
                              QStringLiteral("test"));
    return session ? session->principal() : Principal();
}

QStringList namesOf(const searchtest::Known &known, const SearchResultModel &model)
{
    QStringList found;
    for (int row = 0; row < model.rowCount(); ++row)
        found << known.names.value(model.hitAt(row)->id);
    return found;
}

} // namespace

class TestSearchResultModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filtersGiveTheRightRows();
    void pagesArriveAsTheViewAsks();
    void sortsInTheCatalog();
    void aNewSearchDropsTheOldAnswers();
    void refusesWithoutPermission();
    void tenThousandRowsNeverStallTheEventLoop();

private:
    // A model checked by QAbstractItemModelTester.
    std::unique_ptr<SearchResultModel> makeModel();
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    searchtest::Known m_known;
    Principal m_supervisor;
};

void TestSearchResultModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QUuid siteId;
    m_db = cvtest::openSqliteCatalog(m_dir.path(), &siteId);
    QVERIFY(m_db);
    auto known = searchtest::seedKnown(*m_db, siteId);
    QVERIFY2(known.ok(), qPrintable(known.errorMessage()));
    m_known = known.value();
    m_supervisor = supervisorOf(*m_db, {QStringLiteral("T1"), QStringLiteral("T2"), QStringLiteral("T3")});
    QVERIFY(m_supervisor.userId != 0);
}

std::unique_ptr<SearchResultModel> TestSearchResultModel::makeModel()
{
    auto model = std::make_unique<SearchResultModel>(*m_db, m_supervisor);
    new QAbstractItemModelTester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, model.get());
    return model;
}

void TestSearchResultModel::filtersGiveTheRightRows()
{
    auto model = makeModel();
    QSignalSpy counted(model.get(), &SearchResultModel::totalCountChanged);
    model->search({});
    QTRY_VERIFY(!model->isLoading());
    // Every row of teams T1..T3, newest first (r8's agent is in no team; r1/r10 tie on time
    // and then go by id).
    QStringList all = namesOf(m_known, *model);
    QCOMPARE(all.size(), 9);
    QVERIFY(!all.contains(QStringLiteral("r8")));
    QCOMPARE(all.mid(0, 3), names("r9,r7,r6"));
    QTRY_COMPARE(model->totalCount(), qint64(9));
    QCOMPARE(counted.last().first().toLongLong(), qint64(9));

    SearchRequest byAgentAndTag;
    byAgentAndTag.query.agentName = QStringLiteral("王");
    byAgentAndTag.tagNames = {QStringLiteral("投诉")};
    model->search(byAgentAndTag);
    QCOMPARE(model->totalCount(), qint64(-1)); // until the new count arrives
    QTRY_VERIFY(!model->isLoading());
    QTRY_COMPARE(model->totalCount(), qint64(2));
    QStringList found = namesOf(m_known, *model);
    found.sort();
    QCOMPARE(found, names("r1,r7")); // 王伟 and 王芳 with 投诉

    SearchRequest phone;
    phone.query.phone = PhoneFilter::parse(QStringLiteral("*8000")).value();
    phone.query.directions = {Direction::Inbound};
    model->search(phone);
    QTRY_COMPARE(model->totalCount(), qint64(1));
    QCOMPARE(namesOf(m_known, *model), names("r1"));
    // What the table shows for it, in the default (C) locale.
    QCOMPARE(model->index(0, SearchResultModel::Agent).data().toString(), QStringLiteral("王伟 (A1)"));
    QCOMPARE(model->index(0, SearchResultModel::Duration).data().toString(), QStringLiteral("1:00"));
    QCOMPARE(model->index(0, SearchResultModel::Direction).data().toString(), QStringLiteral("Inbound"));
    QCOMPARE(model->index(0, 0).data(SearchResultModel::RecordingIdRole).toUuid(), m_known.ids.value(QStringLiteral("r1")));

    SearchRequest unknownTag;
    unknownTag.tagNames = {QStringLiteral("no-such-tag")};
    QSignalSpy failed(model.get(), &SearchResultModel::searchFailed);
    model->search(unknownTag);
    QTRY_VERIFY(!failed.isEmpty());
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("no-such-tag")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(model->rowCount(), 0);
}

void TestSearchResultModel::pagesArriveAsTheViewAsks()
{
    // No model tester here: it fetches more by itself while it checks.
    auto model = std::make_unique<SearchResultModel>(*m_db, m_supervisor);
    model->setPageSize(4);
    model->search({});
    QTRY_COMPARE(model->rowCount(), 4);
    QVERIFY(model->canFetchMore({}));
    model->fetchMore({});
    QVERIFY(!model->canFetchMore({})); // one page at a time
    QTRY_COMPARE(model->rowCount(), 8);
    model->fetchMore({});
    QTRY_COMPARE(model->rowCount(), 9);
    QTRY_VERIFY(!model->canFetchMore({}));
    QStringList found = namesOf(m_known, *model);
    QCOMPARE(found.removeDuplicates(), 0); // keyset pages neither repeat nor skip
}

void TestSearchResultModel::sortsInTheCatalog()
{
    auto model = std::make_unique<SearchResultModel>(*m_db, m_supervisor);
    model->setPageSize(3);
    model->search({});
    QTRY_COMPARE(model->rowCount(), 3);
    model->sort(SearchResultModel::Duration, Qt::AscendingOrder);
    QCOMPARE(model->rowCount(), 0); // starts over
    QTRY_COMPARE(model->rowCount(), 3);
    QCOMPARE(namesOf(m_known, *model), names("r3,r6,r1")); // 30 s, 45 s, 60 s
    model->fetchMore({});
    QTRY_COMPARE(model->rowCount(), 6);
    QCOMPARE(namesOf(m_known, *model).mid(3), names("r10,r5,r9"));
    // Columns the catalog cannot order by leave the order alone.
    model->sort(SearchResultModel::Phone, Qt::AscendingOrder);
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->currentSort().key, SearchSort::Key::Duration);
}

void TestSearchResultModel::aNewSearchDropsTheOldAnswers()
{
    auto model = makeModel();
    SearchRequest first;
    first.query.agentIds = {QStringLiteral("A3")};
    SearchRequest second;
    second.query.agentIds = {QStringLiteral("A4")};
    model->search(first);
    model->search(second); // before the first answer arrived
    QTRY_COMPARE(model->totalCount(), qint64(2));
    QTRY_VERIFY(!model->isLoading());
    QTest::qWait(50); // any late answer for `first` would have arrived by now
    QStringList found = namesOf(m_known, *model);
    found.sort();
    QCOMPARE(found, names("r10,r7"));
}

void TestSearchResultModel::refusesWithoutPermission()
{
    // An auditor reads the audit trail, not calls: the search is refused and says so.
    QVERIFY(authtest::addUser(*m_db, QStringLiteral("aud"), "auditor-password", QStringLiteral("auditor")) != 0);
    authtest::TestClock clock;
    AuthService auth(*m_db, authtest::options(clock));
    auto session = auth.login(QStringLiteral("aud"), "auditor-password", QStringLiteral("ws"), QStringLiteral("test"));
    QVERIFY(session.ok());
    SearchResultModel model(*m_db, session->principal());
    QSignalSpy failed(&model, &SearchResultModel::searchFailed);
    model.search({});
    QTRY_VERIFY(!failed.isEmpty());
    QCOMPARE(model.rowCount(), 0);
    const auto rows = authtest::auditRows(*m_db, authtest::lastAuditId(*m_db) - 2);
    bool deniedAudited = false;
    for (const auto &row : rows)
        deniedAudited |= row.actor == QLatin1String("aud") && row.action == QLatin1String("recording.search") &&
                         row.result == QLatin1String("denied");
    QVERIFY(deniedAudited);
}

void TestSearchResultModel::tenThousandRowsNeverStallTheEventLoop()
{
    QTemporaryDir dir;
    auto opened = Database::open(CatalogConfig::sqlite(dir.filePath(QStringLiteral("catalog.db"))));
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    std::unique_ptr<Database> db = opened.takeValue();
    QVERIFY(db->migrate().ok()); // no site: the synthetic catalog makes its own
    SyntheticCatalog::Config config;
    config.rows = 10'000;
    config.agents = 40;
    config.teams = 4;
    SyntheticCatalog synthetic(config);
    const auto generated = synthetic.generate(*db, {});
    QVERIFY2(generated.ok(), qPrintable(generated.errorMessage()));
    QStringList teams;
    for (int i = 0; i < config.teams; ++i)
        teams << synthetic.teamId(i);
    const Principal supervisor = supervisorOf(*db, teams);
    QVERIFY(supervisor.userId != 0);

    SearchResultModel model(*db, supervisor);
    QTableView view;
    view.setModel(&model);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view)); // the first paint loads fonts: not paging
    StallWatchdog watchdog(&model);
    model.search({});
    // Scroll to the end again and again, as a person dragging the scroll bar would: the view
    // asks for the next page each time it reaches the bottom.
    QElapsedTimer elapsed;
    elapsed.start();
    while (model.rowCount() < config.rows && elapsed.elapsed() < 120'000) {
        view.scrollToBottom();
        QTest::qWait(2);
    }
    QCOMPARE(model.rowCount(), int(config.rows));
    QTRY_COMPARE(model.totalCount(), config.rows);
    QVERIFY(!model.canFetchMore({}));
    qInfo("10 000 rows in %lld ms; longest event-loop stall %lld ms", elapsed.elapsed(), watchdog.longestGapMs());
    QVERIFY2(watchdog.longestGapMs() < 50, qPrintable(QString::number(watchdog.longestGapMs())));
}

QTEST_MAIN(TestSearchResultModel)
#include "tst_searchresultmodel.moc"
