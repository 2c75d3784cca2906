// The search screen offscreen: the filter form becomes the right query (presets, agent
// completion, phone, tags), refuses filters that cannot run and says why, saved searches
// come back with their relative time preset, hidden columns are remembered; plus the pure
// helpers (time presets per locale, the tag list completer's items).
#include "authtestsupport.h"
#include "search/savedsearches.h"
#include "search/searchfilterpanel.h"
#include "search/searchpanel.h"
#include "search/searchresultmodel.h"
#include "search/timepreset.h"
#include "search/tokencompleter.h"
#include "searchtestsupport.h"
#include "storetesthelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

using namespace cv;

namespace {

// "r1,r2" -> {"r1", "r2"}
QStringList names(const char *commaSeparated)
{
    return QString::fromUtf8(commaSeparated).split(QLatin1Char(','));
}

} // namespace

class TestSearchPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void timePresetsFollowTheLocale();
    void tagItemsAreTrimmedAndUnique();
    void formSearchesWithTheChosenFilters();
    void invalidFiltersAreExplained();
    void savedSearchesKeepTheirPreset();
    void hiddenColumnsAreRemembered();

private:
    QStringList shownNames(SearchPanel &panel) const;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    searchtest::Known m_known;
    Principal m_supervisor;
    QString m_siteId;
};

void TestSearchPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CallVaultTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_searchpanel"));
    QVERIFY(m_dir.isValid());
    QUuid siteId;
    m_db = cvtest::openSqliteCatalog(m_dir.path(), &siteId);
    QVERIFY(m_db);
    m_siteId = siteId.toString(QUuid::WithoutBraces);
    auto known = searchtest::seedKnown(*m_db, siteId);
    QVERIFY2(known.ok(), qPrintable(known.errorMessage()));
    m_known = known.value();
    for (const char *team : {"T1", "T2", "T3"})
        QVERIFY(authtest::addTeam(*m_db, QString::fromLatin1(team)));
    QVERIFY(authtest::addUser(*m_db, QStringLiteral("sup"), "supervisor-password", QStringLiteral("supervisor"),
                              {QStringLiteral("T1"), QStringLiteral("T2")}) != 0);
    authtest::TestClock clock;
    AuthService auth(*m_db, authtest::options(clock));
    auto session = auth.login(QStringLiteral("sup"), "supervisor-password", QStringLiteral("ws"), QStringLiteral("test"));
    QVERIFY(session.ok());
    m_supervisor = session->principal();
}

QStringList TestSearchPanel::shownNames(SearchPanel &panel) const
{
    QStringList found;
    for (int row = 0; row < panel.model()->rowCount(); ++row)
        found << m_known.names.value(panel.model()->hitAt(row)->id);
    found.sort();
    return found;
}

void TestSearchPanel::timePresetsFollowTheLocale()
{
    const QDateTime wednesday(QDate(2026, 11, 25), QTime(10, 30)); // local time
    const QLocale britain(QLocale::English, QLocale::UnitedKingdom); // weeks start on Monday
    const QLocale us(QLocale::English, QLocale::UnitedStates);       // ... on Sunday
    QCOMPARE(britain.firstDayOfWeek(), Qt::Monday);
    QCOMPARE(us.firstDayOfWeek(), Qt::Sunday);
    auto week = timePresetRange(TimePreset::ThisWeek, wednesday, britain);
    QVERIFY(week);
    QCOMPARE(week->from, QDate(2026, 11, 23).startOfDay());
    QCOMPARE(week->to, QDate(2026, 11, 30).startOfDay());
    week = timePresetRange(TimePreset::ThisWeek, wednesday, us);
    QCOMPARE(week->from, QDate(2026, 11, 22).startOfDay());
    const auto today = timePresetRange(TimePreset::Today, wednesday);
    QCOMPARE(today->from, QDate(2026, 11, 25).startOfDay());
    QCOMPARE(today->to, QDate(2026, 11, 26).startOfDay());
    const auto month = timePresetRange(TimePreset::Last30Days, wednesday);
    QCOMPARE(month->from, QDate(2026, 10, 27).startOfDay());
    QCOMPARE(month->to, QDate(2026, 11, 26).startOfDay());
    QVERIFY(!timePresetRange(TimePreset::AnyTime, wednesday));
    QVERIFY(!timePresetRange(TimePreset::Custom, wednesday));
}

void TestSearchPanel::tagItemsAreTrimmedAndUnique()
{
    QCOMPARE(TokenCompleter::items(QStringLiteral(" 投诉, 表扬，VIP,, 投诉 ")),
             (QStringList{QStringLiteral("投诉"), QStringLiteral("表扬"), QStringLiteral("VIP")}));
    QVERIFY(TokenCompleter::items(QStringLiteral(" , ")).isEmpty());
}

void TestSearchPanel::formSearchesWithTheChosenFilters()
{
    SearchPanel panel(*m_db, m_supervisor, m_siteId);
    panel.loadVocabulary();
    panel.show();
    auto *preset = panel.findChild<QComboBox *>(QStringLiteral("timePreset"));
    auto *agent = panel.findChild<QLineEdit *>(QStringLiteral("agentFilter"));
    auto *tags = panel.findChild<QLineEdit *>(QStringLiteral("tagFilter"));
    auto *search = panel.findChild<QPushButton *>(QStringLiteral("searchButton"));
    auto *status = panel.findChild<QLabel *>(QStringLiteral("searchStatus"));
    QVERIFY(preset && agent && tags && search && status);
    // The 2024 calls are outside the default "last 30 days".
    search->click();
    QTRY_VERIFY(!panel.model()->isLoading());
    QTRY_COMPARE(panel.model()->totalCount(), qint64(0));

    preset->setCurrentIndex(preset->findData(static_cast<int>(TimePreset::AnyTime)));
    // The completion offers only agents of the supervisor's teams (T1, T2), by name and id.
    QStringList offered;
    for (int i = 0; i < agent->completer()->model()->rowCount(); ++i)
        offered << agent->completer()->model()->index(i, 0).data().toString();
    offered.sort();
    QCOMPARE(offered, names("Zhang Wei (A3),李芳 (A2),王伟 (A1)"));
    agent->setText(QStringLiteral("王伟 (A1)"));
    search->click();
    QTRY_COMPARE(panel.model()->totalCount(), qint64(3));
    QTRY_COMPARE(shownNames(panel), names("r1,r2,r9"));
    QTRY_COMPARE(status->text(), QStringLiteral("3 of 3 recordings shown"));

    agent->clear();
    tags->setText(QStringLiteral("投诉"));
    QTest::keyClick(tags, Qt::Key_Return); // Enter in a field searches too
    QTRY_COMPARE(shownNames(panel), names("r1,r3")); // r7 is A4's, in T3

    auto *team = panel.findChild<QComboBox *>(QStringLiteral("teamFilter"));
    QCOMPARE(team->count(), 3); // any, T1, T2
    tags->clear();
    team->setCurrentIndex(team->findData(QStringLiteral("T2")));
    search->click();
    QTRY_COMPARE(shownNames(panel), names("r5,r6"));
}

void TestSearchPanel::invalidFiltersAreExplained()
{
    SearchFilterPanel filters;
    QSignalSpy searched(&filters, &SearchFilterPanel::searchRequested);
    filters.show();
    auto *error = filters.findChild<QLabel *>(QStringLiteral("filterError"));
    auto *phone = filters.findChild<QLineEdit *>(QStringLiteral("phoneFilter"));
    auto *search = filters.findChild<QPushButton *>(QStringLiteral("searchButton"));
    phone->setText(QStringLiteral("call me"));
    search->click();
    QVERIFY(searched.isEmpty());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("call me")), qPrintable(error->text()));

    phone->clear();
    auto *evaluated = filters.findChild<QComboBox *>(QStringLiteral("hasEvaluation"));
    evaluated->setCurrentIndex(2); // not evaluated...
    filters.findChild<QCheckBox *>(QStringLiteral("scoreOn"))->setChecked(true); // ...with a score
    search->click();
    QVERIFY(searched.isEmpty());
    QVERIFY(error->isVisible());

    evaluated->setCurrentIndex(1);
    search->click();
    QCOMPARE(searched.size(), 1);
    QVERIFY(!error->isVisible());
    const auto request = searched.first().first().value<SearchRequest>();
    QCOMPARE(request.query.hasEvaluation, std::optional<bool>(true));
    QCOMPARE(request.query.minScore, std::optional<double>(0.0));
    QVERIFY(request.query.from && request.query.to); // the default: last 30 days
}

void TestSearchPanel::savedSearchesKeepTheirPreset()
{
    SavedSearches saved(m_siteId, m_supervisor.name);
    SavedSearch weekly;
    weekly.name = QStringLiteral("本周投诉");
    weekly.request.tagNames = {QStringLiteral("投诉")};
    weekly.request.query.directions = {Direction::Inbound};
    weekly.preset = TimePreset::ThisWeek;
    QVERIFY(saved.save(weekly).ok());
    QVERIFY(!saved.save(SavedSearch{QStringLiteral("  "), {}, TimePreset::AnyTime}).ok());
    // Another person's saved searches are theirs alone.
    QVERIFY(SavedSearches(m_siteId, QStringLiteral("someone-else")).names().isEmpty());

    SearchPanel panel(*m_db, m_supervisor, m_siteId);
    auto *savedNames = panel.findChild<QComboBox *>(QStringLiteral("savedSearches"));
    const int index = savedNames->findText(weekly.name);
    QVERIFY(index > 0);
    savedNames->setCurrentIndex(index);
    emit savedNames->activated(index);
    auto *preset = panel.findChild<QComboBox *>(QStringLiteral("timePreset"));
    QCOMPARE(static_cast<TimePreset>(preset->currentData().toInt()), TimePreset::ThisWeek);
    QCOMPARE(panel.findChild<QLineEdit *>(QStringLiteral("tagFilter"))->text(), QStringLiteral("投诉"));
    const SearchRequest &ran = panel.model()->request();
    const auto week = timePresetRange(TimePreset::ThisWeek, QDateTime::currentDateTime());
    QCOMPARE(ran.query.from, std::optional<QDateTime>(week->from.toUTC())); // this week, not the saving day's
    QCOMPARE(ran.query.directions, QVector<Direction>{Direction::Inbound});
}

void TestSearchPanel::hiddenColumnsAreRemembered()
{
    {
        SearchPanel panel(*m_db, m_supervisor, m_siteId);
        QHeaderView *header = panel.table()->horizontalHeader();
        QVERIFY(header->isSectionHidden(SearchResultModel::Size)); // hidden by default
        QVERIFY(!header->isSectionHidden(SearchResultModel::Phone));
        panel.setColumnShown(SearchResultModel::Phone, false);
        panel.setColumnShown(SearchResultModel::Size, true);
        QVERIFY(header->isSectionHidden(SearchResultModel::Phone));
    }
    SearchPanel again(*m_db, m_supervisor, m_siteId);
    QVERIFY(again.table()->horizontalHeader()->isSectionHidden(SearchResultModel::Phone));
    QVERIFY(!again.table()->horizontalHeader()->isSectionHidden(SearchResultModel::Size));
}

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
