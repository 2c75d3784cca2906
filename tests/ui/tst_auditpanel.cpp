// The audit view on a real site: rows filtered by user, action and result (each search is
// itself audited), the whole-chain verification with its verdict (valid, then broken at the
// row an attacker changed), a signed extract that verifies on its own, and a role without
// audit permissions shown why the controls are off.
#include "audit/auditextract.h"
#include "audit/audittrailmodel.h"
#include "audit/auditpanel.h"
#include "authtestsupport.h"
#include "workstationtestsupport.h"
#include "mainwindow.h"
#include "session/workstationsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace cv;

class TestAuditPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filtersTheTrail();
    void verifiesTheChain();
    void writesASignedExtract();
    void findsAChangedRow(); // last: it breaks the chain
    void otherRolesSeeWhy();

private:
    std::unique_ptr<WorkstationSession> logIn(const QString &name, const QByteArray &password);
    std::unique_ptr<AuditPanel> panelFor(WorkstationSession &session);
    QStringList column(AuditPanel &panel, int column) const;

    LoginTestSite m_site;
    std::unique_ptr<WorkstationSession> m_auditor;
};

void TestAuditPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_site.setUp());
    QVERIFY(m_site.addUser(QStringLiteral("audrey"), "audrey-password-for-tests", QStringLiteral("auditor")));
    QVERIFY(m_site.addUser(QStringLiteral("sam"), "sam-password-for-tests", QStringLiteral("supervisor")));
    QVERIFY(logIn(QStringLiteral("sam"), "sam-password-for-tests"));
    QVERIFY(!logIn(QStringLiteral("sam"), "a wrong password")); // a denied auth.login row
    m_auditor = logIn(QStringLiteral("audrey"), "audrey-password-for-tests");
    QVERIFY(m_auditor);
}

std::unique_ptr<WorkstationSession> TestAuditPanel::logIn(const QString &name, const QByteArray &password)
{
    return worktest::logIn(m_site, name, password);
}

std::unique_ptr<AuditPanel> TestAuditPanel::panelFor(WorkstationSession &session)
{
    return std::make_unique<AuditPanel>(session.db(), session.principal(), session.site().config(),
                                        [&session] { return session.siteKeys(); });
}

QStringList TestAuditPanel::column(AuditPanel &panel, int col) const
{
    QStringList values;
    for (int row = 0; row < panel.model()->rowCount(); ++row)
        values << panel.model()->index(row, col).data().toString();
    return values;
}

void TestAuditPanel::filtersTheTrail()
{
    auto panel = panelFor(*m_auditor);
    panel->findChild<QLineEdit *>(QStringLiteral("auditUser"))->setText(QStringLiteral("sam"));
    panel->findChild<QComboBox *>(QStringLiteral("auditAction"))->setEditText(QStringLiteral("auth."));
    panel->findChild<QPushButton *>(QStringLiteral("auditSearchButton"))->click();
    QTRY_VERIFY(!panel->model()->isLoading());
    const QStringList actors = column(*panel, AuditTrailModel::Actor);
    QVERIFY(actors.size() >= 2);
    QCOMPARE(actors.count(QStringLiteral("sam")), actors.size());
    for (const QString &action : column(*panel, AuditTrailModel::Action))
        QVERIFY2(action.startsWith(QLatin1String("auth.")), qPrintable(action));

    auto *result = panel->findChild<QComboBox *>(QStringLiteral("auditResult"));
    result->setCurrentIndex(result->findData(2)); // denied
    panel->runSearch();
    QTRY_VERIFY(!panel->model()->isLoading());
    QCOMPARE(column(*panel, AuditTrailModel::Outcome), QStringList{QStringLiteral("denied")});
    QCOMPARE(column(*panel, AuditTrailModel::Action), QStringList{QStringLiteral("auth.login")});

    // The auditor's own searches are in the trail too, with their filters.
    const auto rows = authtest::auditRows(m_site.catalog());
    int reads = 0;
    for (const auto &row : rows)
        reads += row.actor == QLatin1String("audrey") && row.action == QLatin1String("audit.read") ? 1 : 0;
    QCOMPARE(reads, 2);
    QVERIFY(rows.last().details.contains(QLatin1String("\"result\":\"denied\"")));
}

void TestAuditPanel::verifiesTheChain()
{
    auto panel = panelFor(*m_auditor);
    QSignalSpy finished(panel.get(), &AuditPanel::verificationFinished);
    panel->findChild<QPushButton *>(QStringLiteral("verifyChainButton"))->click();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    const QString verdict = panel->findChild<QLabel *>(QStringLiteral("verifyVerdict"))->text();
    QVERIFY2(verdict.startsWith(QLatin1String("VALID")), qPrintable(verdict));
    QTRY_COMPARE(panel->findChild<QPushButton *>(QStringLiteral("verifyChainButton"))->isEnabled(), true);
    const auto rows = authtest::auditRows(m_site.catalog());
    QCOMPARE(rows.last().action, QStringLiteral("audit.verify"));
    QVERIFY(rows.last().details.contains(QLatin1String("\"result\":\"valid\"")));
}

void TestAuditPanel::writesASignedExtract()
{
    auto panel = panelFor(*m_auditor);
    panel->findChild<QCheckBox *>(QStringLiteral("auditUseTime"))->setChecked(true);
    auto *from = panel->findChild<QDateTimeEdit *>(QStringLiteral("auditFrom"));
    auto *to = panel->findChild<QDateTimeEdit *>(QStringLiteral("auditTo"));
    // Rows carry the test clock's time or the real one: a range that holds both.
    from->setDateTime(QDateTime(QDate(2020, 1, 1), QTime(0, 0)));
    to->setDateTime(QDateTime::currentDateTime().addDays(1));
    const QString path = QDir(m_site.directory()).filePath(QStringLiteral("extract.json"));
    QSignalSpy written(panel.get(), &AuditPanel::extractWritten);
    panel->exportExtractTo(path);
    QTRY_COMPARE(written.size(), 1);
    QVERIFY2(written.first().first().toBool(), qPrintable(panel->findChild<QLabel *>(QStringLiteral("verifyVerdict"))->text()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto extract = AuditExtract::fromJson(file.readAll());
    QVERIFY2(extract.ok(), qPrintable(extract.errorMessage()));
    const AuditExtractVerdict verdict = extract->verify();
    QVERIFY2(verdict.valid, qPrintable(verdict.problem));
    QVERIFY(verdict.rows >= 3);
}

void TestAuditPanel::findsAChangedRow()
{
    QSqlQuery tamper(m_site.catalog().connection());
    QVERIFY(tamper.exec(QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE id = 2")));
    auto panel = panelFor(*m_auditor);
    QSignalSpy finished(panel.get(), &AuditPanel::verificationFinished);
    panel->verifyChain();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    const QString verdict = panel->findChild<QLabel *>(QStringLiteral("verifyVerdict"))->text();
    QVERIFY2(verdict.startsWith(QLatin1String("BROKEN at row 2")), qPrintable(verdict));
}

void TestAuditPanel::otherRolesSeeWhy()
{
    auto supervisor = logIn(QStringLiteral("sam"), "sam-password-for-tests");
    QVERIFY(supervisor);
    auto panel = panelFor(*supervisor);
    auto *verify = panel->findChild<QPushButton *>(QStringLiteral("verifyChainButton"));
    QVERIFY(!verify->isEnabled());
    QCOMPARE(verify->toolTip(), QStringLiteral("Your role (supervisor) may not verify the audit trail."));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("auditStatus"))->text(),
             QStringLiteral("Your role (supervisor) may not read the audit trail."));
    // In the main window the tab is there, disabled, with the reason.
    MainWindow window(*supervisor);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    const int auditTab = tabs->indexOf(window.auditPanel());
    QVERIFY(!tabs->isTabEnabled(auditTab));
    QCOMPARE(tabs->tabToolTip(auditTab), QStringLiteral("Your role (supervisor) may not read the audit trail."));
    // ... and the model refuses too, audited, should anything call it.
    const qint64 before = authtest::lastAuditId(m_site.catalog());
    QSignalSpy failed(panel->model(), &AuditTrailModel::searchFailed);
    panel->runSearch();
    QTRY_COMPARE(failed.size(), 1);
    const auto rows = authtest::auditRows(m_site.catalog(), before);
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.last().result, QStringLiteral("denied"));
}

QTEST_MAIN(TestAuditPanel)
#include "tst_auditpanel.moc"
