// The workstation's key rotation panel (offscreen) on a real SQLite site with recordings:
// the security administrator rotates and the re-wrapping runs in the background to a signed
// finish; the session's key ring then opens every recording and players are told to drop
// their copy; the retired key is destroyed from the panel; a supervisor sees why the
// buttons are disabled and core refuses them anyway.
#include "admin/keyrotationpanel.h"
#include "authtestsupport.h"
#include "exporttestsupport.h"
#include "session/workstationsession.h"
#include "site/site.h"
#include "store/recordingaccess.h"
#include "workstationtestsupport.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace cv;

class TestKeyRotationPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // English as the workstation shows it (numerus forms from callvault_en).
        QVERIFY(m_english.load(QStringLiteral("callvault_en"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&m_english);
        QVERIFY(m_site.setUp());
        QVERIFY(authtest::addUser(m_site.catalog(), QStringLiteral("sec"), ExportTestSite::password(),
                                  QStringLiteral("security_admin"), {}));
        for (int i = 0; i < 3; ++i) {
            const QUuid id = m_site.importSine(16000, 1, 300);
            QVERIFY(!id.isNull());
            m_ids.append(id);
        }
    }

    void securityAdministratorRotatesAndDestroysTheOldKey()
    {
        auto session = worktest::logIn(m_site.login(), QStringLiteral("sec"), ExportTestSite::password());
        QVERIFY(session);
        QSignalSpy keysChanged(session.get(), &WorkstationSession::siteKeysChanged);
        const QString before = session->site().config().publicKeys.fingerprint();
        KeyRotationPanel panel(*session);
        panel.show();
        QSignalSpy shown(&panel, &KeyRotationPanel::statusShown);
        QTRY_COMPARE(shown.count(), 1);
        auto *status = panel.findChild<QLabel *>(QStringLiteral("keyRotationStatus"));
        auto *message = panel.findChild<QLabel *>(QStringLiteral("keyRotationMessage"));
        QVERIFY(status && message);
        QVERIFY2(status->text().contains(QLatin1String("3 recording keys in the catalog, 3 on the current key")),
                 qPrintable(status->text()));
        QVERIFY(status->text().contains(QLatin1String("never been rotated")));

        QSignalSpy ended(&panel, &KeyRotationPanel::runEnded);
        QVERIFY2(panel.rotate(), qPrintable(message->text()));
        QVERIFY(panel.isRunning());
        QCOMPARE(keysChanged.count(), 1);
        QVERIFY(session->site().config().publicKeys.fingerprint() != before);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
        QCOMPARE(ended.first().first().toBool(), true);
        QVERIFY2(message->text().contains(QLatin1String("Rotation finished: 3 keys re-wrapped")),
                 qPrintable(message->text()));
        QTRY_COMPARE(shown.count(), 2);
        QVERIFY2(status->text().contains(QLatin1String("3 on the current key")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QLatin1String("signed record is valid")), qPrintable(status->text()));

        auto keys = session->siteKeys();
        QVERIFY(keys);
        QCOMPARE(keys.value()->retired.size(), std::size_t(1));
        expectAllOpen(*keys.value());

        QVERIFY2(panel.destroyRetiredKeys(), qPrintable(message->text()));
        QCOMPARE(message->text(), QStringLiteral("Destroyed 1 retired key."));
        QCOMPARE(keysChanged.count(), 2);
        keys = session->siteKeys();
        QVERIFY(keys);
        QVERIFY(keys.value()->retired.empty());
        expectAllOpen(*keys.value());
    }

    void aSupervisorIsToldWhyNot()
    {
        auto session = worktest::logIn(m_site.login(), QStringLiteral("sam"), ExportTestSite::password());
        QVERIFY(session);
        KeyRotationPanel panel(*session);
        auto *rotate = panel.findChild<QPushButton *>(QStringLiteral("rotateKeyButton"));
        auto *destroy = panel.findChild<QPushButton *>(QStringLiteral("destroyRetiredKeysButton"));
        QVERIFY(rotate && destroy);
        QVERIFY(!rotate->isEnabled());
        QVERIFY(!destroy->isEnabled());
        QVERIFY(rotate->toolTip().contains(QLatin1String("may not manage the site keys")));
        // Core refuses even when the panel is driven directly, and audits the refusal.
        const qint64 lastAudit = authtest::lastAuditId(m_site.catalog());
        QVERIFY(!panel.rotate());
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("keyRotationMessage"))->text().startsWith(
            QLatin1String("The rotation did not start")));
        QCOMPARE(authtest::countAudit(authtest::auditRows(m_site.catalog(), lastAudit),
                                      QStringLiteral("key.rotate.start"), QStringLiteral("denied")),
                 1);
    }

private:
    void expectAllOpen(const SiteKeys &keys)
    {
        const Site site = m_site.site();
        const RecordingAccess access(site.layout(), m_site.catalog(), keys);
        for (const QUuid &id : m_ids) {
            auto opened = access.open(id);
            QVERIFY2(opened, qPrintable(opened.errorMessage()));
        }
    }

    QTranslator m_english;
    ExportTestSite m_site;
    QVector<QUuid> m_ids;
};

QTEST_MAIN(TestKeyRotationPanel)
#include "tst_keyrotationpanel.moc"
