// Administration on a real site: the admin adds a user with a temporary password, resets,
// disables and unlocks through UserAdmin (each audited), changes a setting of their own and
// is refused one that belongs to the security administrator, with the reason shown; a
// supervisor sees the administration with its controls off and why.
#include "admin/adminpanel.h"
#include "admin/roleadminpanel.h"
#include "admin/settingsadminpanel.h"
#include "admin/sitekeyspanel.h"
#include "admin/teamadminpanel.h"
#include "admin/useradminpanel.h"
#include "authtestsupport.h"
#include "workstationtestsupport.h"
#include "mainwindow.h"
#include "session/workstationsession.h"
#include "site/keybackup.h"
#include "site/site.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace cv;

class TestAdminPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_site.setUp());
        QVERIFY(m_site.addUser(QStringLiteral("sam"), "sam-password-for-tests", QStringLiteral("supervisor")));
        QVERIFY(m_site.addUser(QStringLiteral("sec"), "sec-password-for-tests", QStringLiteral("security_admin")));
    }

    void securityAdminEditsRoles()
    {
        auto session = logIn(QStringLiteral("sec"), "sec-password-for-tests");
        QVERIFY(session);
        RoleAdminPanel roles(session->db(), session->principal());
        QVERIFY(roles.isGranted(QStringLiteral("supervisor"), Permission::RecordingExport));
        QVERIFY(roles.createRole(QStringLiteral("exporter"), QStringLiteral("exports for complaints"), RoleScope::All));
        QVERIFY(!roles.isGranted(QStringLiteral("exporter"), Permission::RecordingExport));
        newActions();
        QVERIFY(roles.setGranted(QStringLiteral("exporter"), Permission::RecordingExport, true));
        QVERIFY(roles.isGranted(QStringLiteral("exporter"), Permission::RecordingExport));
        QVERIFY(newActions().contains(QStringLiteral("role.grant")));
        QVERIFY(roles.setGranted(QStringLiteral("exporter"), Permission::RecordingExport, false));
        QVERIFY(!roles.isGranted(QStringLiteral("exporter"), Permission::RecordingExport));
    }

    void adminMayNotEditRolesButManagesTeams()
    {
        auto session = logIn(QStringLiteral("admin"), LoginTestSite::adminPassword());
        QVERIFY(session);
        RoleAdminPanel roles(session->db(), session->principal());
        QVERIFY(!roles.setGranted(QStringLiteral("supervisor"), Permission::KeysManage, true));
        QVERIFY(!roles.isGranted(QStringLiteral("supervisor"), Permission::KeysManage)); // the grid shows the truth
        QVERIFY(roles.findChild<QLabel *>(QStringLiteral("roleMessage"))->text().startsWith(QLatin1String("Refused: ")));

        TeamAdminPanel teams(session->db(), session->principal());
        QVERIFY(teams.addTeam(QStringLiteral("cards-1"), QStringLiteral("信用卡一组")));
        QCOMPARE(teams.agentCountOf(QStringLiteral("cards-1")), 0);
        QVERIFY(teams.assignAgent(QStringLiteral("A7"), QStringLiteral("cards-1"), QStringLiteral("王芳")));
        QCOMPARE(teams.agentCountOf(QStringLiteral("cards-1")), 1);
        QVERIFY(!teams.addTeam(QStringLiteral("cards-1"), QStringLiteral("again"))); // ids are unique
    }

    void adminManagesUsers()
    {
        auto session = logIn(QStringLiteral("admin"), LoginTestSite::adminPassword());
        QVERIFY(session);
        AdminPanel admin(*session);
        UserAdminPanel *users = admin.users();
        newActions();
        QVERIFY(users->addUser(QStringLiteral("sue"), QStringLiteral("qa_evaluator"), {}, "temporary-password-1"));
        QCOMPARE(stateOf(*users, QStringLiteral("sue")), QStringLiteral("must change password"));
        QVERIFY(newActions().contains(QStringLiteral("user.add")));
        QVERIFY(users->setDisabled(QStringLiteral("sue"), true));
        QVERIFY(stateOf(*users, QStringLiteral("sue")).startsWith(QLatin1String("disabled")));
        QVERIFY(newActions().contains(QStringLiteral("user.disable")));
        QVERIFY(users->setDisabled(QStringLiteral("sue"), false));
        QVERIFY(users->resetPassword(QStringLiteral("sue"), "temporary-password-2"));
        QVERIFY(newActions().contains(QStringLiteral("user.reset_password")));
        // No one resets their own password here (that is "Change password").
        QVERIFY(!users->resetPassword(QStringLiteral("admin"), "temporary-password-3"));
        QVERIFY(users->findChild<QLabel *>(QStringLiteral("userAdminMessage"))->text().startsWith(QLatin1String("Refused: ")));
    }

    void settingsFollowTheirPermission()
    {
        auto session = logIn(QStringLiteral("admin"), LoginTestSite::adminPassword());
        QVERIFY(session);
        SettingsAdminPanel settings(session->db(), session->principal());
        QVERIFY(settings.setValue(Setting::AgentMayPlayOwn, QStringLiteral("true")));
        QCOMPARE(settings.valueOf(Setting::AgentMayPlayOwn), QStringLiteral("true"));
        // The lockout policy is the security administrator's (三员分立): refused, audited.
        const QString before = settings.valueOf(Setting::LockoutMaxFailures);
        QVERIFY(!settings.setValue(Setting::LockoutMaxFailures, QStringLiteral("7")));
        QCOMPARE(settings.valueOf(Setting::LockoutMaxFailures), before);
        QVERIFY(settings.findChild<QLabel *>(QStringLiteral("settingsMessage"))->text().startsWith(QLatin1String("Refused: ")));
        const auto rows = authtest::auditRows(m_site.catalog(), authtest::lastAuditId(m_site.catalog()) - 1);
        QCOMPARE(rows.last().result, QStringLiteral("denied"));
    }

    void securityAdminBacksUpTheKeys()
    {
        auto session = logIn(QStringLiteral("sec"), "sec-password-for-tests");
        QVERIFY(session);
        session->setPassphrasePrompt([](const QString &) { return std::optional<QByteArray>(LoginTestSite::passphrase()); });
        SiteKeysPanel keys(*session);
        const QString path = QDir(m_site.directory()).filePath(QStringLiteral("keys-backup.json"));
        QVERIFY(!keys.backUpKeys(path, "short")); // a passphrase of at least 12 characters
        QVERIFY(!QFile::exists(path));
        newActions();
        QVERIFY2(keys.backUpKeys(path, "backup-passphrase-2026"),
                 qPrintable(keys.findChild<QLabel *>(QStringLiteral("siteKeysMessage"))->text()));
        QVERIFY(newActions().contains(QStringLiteral("key.export")));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        // The backup opens with its passphrase and holds this site's keys.
        auto backup = KeyBackup::read(path);
        QVERIFY(backup.ok());
        QVERIFY(KeyBackup::checkBelongsTo(session->site(), backup.value()).ok());
        QVERIFY(KeyBackup::open(session->site(), backup.value(), "backup-passphrase-2026").ok());
        QVERIFY(!keys.backUpKeys(path, "backup-passphrase-2026")); // never over an existing file
    }

    void othersSeeWhy()
    {
        auto session = logIn(QStringLiteral("sam"), "sam-password-for-tests");
        QVERIFY(session);
        AdminPanel admin(*session);
        auto *add = admin.findChild<QPushButton *>(QStringLiteral("addUserButton"));
        QVERIFY(!add->isEnabled());
        QCOMPARE(add->toolTip(), QStringLiteral("Your role (supervisor) may not manage users."));
        MainWindow window(*session);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        const int adminTab = tabs->indexOf(window.adminPanel());
        QVERIFY(!tabs->isTabEnabled(adminTab));
        QCOMPARE(tabs->tabToolTip(adminTab), QStringLiteral("Your role (supervisor) does not administer the site."));
        SiteKeysPanel keys(*session);
        QVERIFY(!keys.findChild<QPushButton *>(QStringLiteral("backupKeysButton"))->isEnabled());
    }

private:
    std::unique_ptr<WorkstationSession> logIn(const QString &name, const QByteArray &password)
    {
        return worktest::logIn(m_site, name, password);
    }

    QString stateOf(UserAdminPanel &users, const QString &name) const
    {
        auto *model = qobject_cast<QStandardItemModel *>(users.findChild<QTableView *>(QStringLiteral("userTable"))->model());
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->item(row, 0)->text() == name)
                return model->item(row, 4)->text();
        }
        return QStringLiteral("(no such row)");
    }

    // The actions audited since the last call (the panel's reload adds 'user.list' rows).
    QStringList newActions()
    {
        QStringList actions;
        for (const auto &row : authtest::auditRows(m_site.catalog(), m_seen))
            actions << row.action;
        m_seen = authtest::lastAuditId(m_site.catalog());
        return actions;
    }
    qint64 m_seen = 0;

    LoginTestSite m_site;
};

QTEST_MAIN(TestAdminPanel)
#include "tst_adminpanel.moc"
