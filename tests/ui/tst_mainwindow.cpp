// The workstation's main window for a logged-in person: the session's title and menu, the
// search screen, a role without recording.search told why it cannot search, and the
// window in Chinese.
#include "common/language.h"
#include "workstationtestsupport.h"
#include "mainwindow.h"
#include "qa/callevaluationspanel.h"
#include "qa/qualitypanel.h"
#include "search/searchpanel.h"
#include "search/searchresultmodel.h"
#include "session/workstationsession.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace cv;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_site.setUp());
        QVERIFY(m_site.addUser(QStringLiteral("sam"), "sam-password-for-tests", QStringLiteral("supervisor")));
        QVERIFY(m_site.addUser(QStringLiteral("audrey"), "audrey-password-for-tests", QStringLiteral("auditor")));
    }

    void showsTheSearchScreenForTheSession()
    {
        auto session = logIn(QStringLiteral("sam"), "sam-password-for-tests");
        QVERIFY(session);
        MainWindow window(*session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("CallVault — sam (supervisor) — Login test site"));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("logoutAction")));
        auto *search = window.findChild<QPushButton *>(QStringLiteral("searchButton"));
        QVERIFY(search && search->isEnabled());
        search->click();
        QTRY_VERIFY(window.searchPanel()->model()->hasSearched());
        QTRY_COMPARE(window.searchPanel()->model()->totalCount(), qint64(0)); // no teams, no calls
    }

    void aRoleThatMayNotSearchIsToldWhy()
    {
        auto session = logIn(QStringLiteral("audrey"), "audrey-password-for-tests");
        QVERIFY(session);
        MainWindow window(*session);
        window.show();
        auto *search = window.findChild<QPushButton *>(QStringLiteral("searchButton"));
        QVERIFY(search);
        QVERIFY(!search->isEnabled());
        auto *status = window.findChild<QLabel *>(QStringLiteral("searchStatus"));
        QCOMPARE(status->text(), QStringLiteral("Your role (auditor) may not search recordings."));
    }

    void theQualityTabIsThereForRolesWithQaWork()
    {
        auto session = logIn(QStringLiteral("sam"), "sam-password-for-tests");
        QVERIFY(session);
        MainWindow supervisor(*session);
        auto *tabs = supervisor.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        const int qualityTab = tabs->indexOf(supervisor.qualityPanel());
        QCOMPARE(tabs->tabText(qualityTab), QStringLiteral("Quality"));
        QVERIFY(tabs->isTabEnabled(qualityTab));
        QVERIFY(supervisor.qualityPanel()->disputes());
        QVERIFY(supervisor.qualityPanel()->forms());
        auto *side = supervisor.findChild<QTabWidget *>(QStringLiteral("sideTabs"));
        QVERIFY(side);
        QCOMPARE(side->indexOf(supervisor.evaluationsPanel()), 1);

        auto auditorSession = logIn(QStringLiteral("audrey"), "audrey-password-for-tests");
        QVERIFY(auditorSession);
        MainWindow auditor(*auditorSession);
        tabs = auditor.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(!tabs->isTabEnabled(tabs->indexOf(auditor.qualityPanel())));
        QCOMPARE(tabs->tabToolTip(tabs->indexOf(auditor.qualityPanel())), QStringLiteral("Your role (auditor) has no QA work."));
    }

    void speaksChinese()
    {
        QTranslator translator;
        QVERIFY2(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("callvault"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n")),
                 "the zh_CN catalog is embedded under :/i18n");
        QCoreApplication::installTranslator(&translator);
        auto session = logIn(QStringLiteral("sam"), "sam-password-for-tests");
        QVERIFY(session);
        MainWindow window(*session);
        QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("searchButton"))->text(), QStringLiteral("搜索(&S)"));
        QCOMPARE(window.searchPanel()->model()->headerData(SearchResultModel::Agent, Qt::Horizontal).toString(),
                 QStringLiteral("坐席"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("searchStatus"))->text(),
                 QStringLiteral("请选择筛选条件，然后点击“搜索”。"));
        QCoreApplication::removeTranslator(&translator);
    }

    void languageIsChosenInTheSessionMenu()
    {
        auto session = logIn(QStringLiteral("sam"), "sam-password-for-tests");
        QVERIFY(session);
        MainWindow window(*session);
        window.show();
        QCOMPARE(Language::chosen(), QString());
        auto *chinese = window.findChild<QAction *>(QStringLiteral("language_zh_CN"));
        QVERIFY(chinese);
        chinese->trigger();
        QCOMPARE(Language::chosen(), QStringLiteral("zh_CN"));
        QCOMPARE(Language::effective(QString()).name(), QStringLiteral("zh_CN"));
        QCOMPARE(Language::effective(QStringLiteral("en")).language(), QLocale::English); // --lang wins
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("languageNote")));
        window.findChild<QMessageBox *>(QStringLiteral("languageNote"))->close();
        window.findChild<QAction *>(QStringLiteral("language_system"))->trigger();
        QCOMPARE(Language::chosen(), QString());
    }

private:
    std::unique_ptr<WorkstationSession> logIn(const QString &name, const QByteArray &password)
    {
        return worktest::logIn(m_site, name, password);
    }

    LoginTestSite m_site;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
