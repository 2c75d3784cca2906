// The first-run wizard, offscreen: creating a new site (the same SiteInitializer as
// `callvaultctl init`; its admin then logs in), refusing mismatched passwords, and joining
// an existing server-enforced PostgreSQL site from its site.json and the server's CA
// certificate (SecuredCatalog on the server of tests/tools/with-services.sh;
// $CALLVAULT_TEST_PG_CA), after which its admin logs in through SiteLogin.
#include "authtestsupport.h"
#include "login/firstrunwizard.h"
#include "securedcatalog.h"

#include "auth/sitelogin.h"
#include "site/protectedkeyfile.h"
#include "site/siteconfig.h"
#include "site/sitejoiner.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace cv;

namespace {

template<typename T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no widget named %s", name);
    return found;
}

void setText(QWidget &parent, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

FirstRunWizard::Options cheap()
{
    FirstRunWizard::Options o;
    o.passwordParams = authtest::cheapParams();
    o.keyFileParams = authtest::cheapParams();
    return o;
}

} // namespace

class TestFirstRunWizard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsASite()
    {
        QTemporaryDir dir;
        const QString siteDir = QDir(dir.path()).filePath(QStringLiteral("site"));
        FirstRunWizard wizard(siteDir, cheap());
        wizard.show();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::ChoicePage));
        QVERIFY(child<QRadioButton>(wizard, "createRadio")->isChecked());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::CreatePage));
        setText(wizard, "siteNameEdit", QStringLiteral("Hotline"));
        auto *backend = child<QComboBox>(wizard, "keyBackendCombo");
        backend->setCurrentIndex(backend->findData(static_cast<int>(KeyStore::Backend::KeyFile)));
        setText(wizard, "passphraseEdit", QStringLiteral("a passphrase"));
        setText(wizard, "passphraseRepeatEdit", QStringLiteral("a passphrase"));
        setText(wizard, "adminNameEdit", QStringLiteral("boss"));
        setText(wizard, "adminPasswordEdit", QStringLiteral("boss-password-1"));
        setText(wizard, "adminRepeatEdit", QStringLiteral("boss-password-2"));
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(wizard.isVisible()); // refused: the passwords differ
        QVERIFY(!child<QLabel>(wizard, "createMessage")->text().isEmpty());
        QVERIFY(!QFile::exists(QDir(siteDir).filePath(Site::siteFileName())));

        setText(wizard, "adminRepeatEdit", QStringLiteral("boss-password-1"));
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QCOMPARE(wizard.adminName(), QStringLiteral("boss"));
        auto site = Site::open(siteDir);
        QVERIFY2(site.ok(), qPrintable(site.errorMessage()));
        QCOMPARE(site->config().name, QStringLiteral("Hotline"));
        QCOMPARE(site->config().keyBackend, KeyStore::Backend::KeyFile);
        QVERIFY(site->keyStore("a passphrase")->load().ok());
        auto in = SiteLogin::login(site.takeValue(), QStringLiteral("boss"), "boss-password-1",
                                   QStringLiteral("ws-1"), QStringLiteral("test"));
        QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
        QCOMPARE(in->session.principal().role, QStringLiteral("admin"));
    }

    void joinsAPostgresSite()
    {
        SecuredCatalog pg;
        if (auto made = pg.create(); !made)
            QFAIL(qPrintable(made.errorMessage()));
        QTemporaryDir dir;
        // site.json as `init --pg` writes it on the administrator's machine.
        SiteConfig config;
        config.siteId = pg.siteId();
        config.name = QStringLiteral("Shared site");
        auto keys = SiteKeys::generate();
        QVERIFY(keys.ok());
        config.publicKeys = publicKeysOf(keys.value());
        config.catalogKind = QStringLiteral("postgres");
        QUrl url(pg.urlFor(QStringLiteral("x"), "y"));
        url.setUserName(QString());
        url.setPassword(QString());
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("sslrootcert"));
        query.addQueryItem(QStringLiteral("sslrootcert"), QStringLiteral("/on/the/admins/machine/ca.pem"));
        url.setQuery(query);
        config.catalogLocation = url.toString();
        config.pgRolePrefix = pg.prefix();
        config.pgGatePassword = QString::fromLatin1(pg.gatePassword());
        const QString siteJson = QDir(dir.path()).filePath(QStringLiteral("handed-over.json"));
        QFile file(siteJson);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config.toJson());
        file.close();
        const QString ca = qEnvironmentVariable("CALLVAULT_TEST_PG_CA");
        QVERIFY2(QFile::exists(ca), "CALLVAULT_TEST_PG_CA names the test server's CA");

        const QString siteDir = QDir(dir.path()).filePath(QStringLiteral("site"));
        FirstRunWizard wizard(siteDir, cheap());
        wizard.show();
        child<QRadioButton>(wizard, "connectRadio")->setChecked(true);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::ConnectPage));
        setText(wizard, "siteJsonEdit", siteJson);
        setText(wizard, "caCertificateEdit", QDir(dir.path()).filePath(QStringLiteral("missing.pem")));
        auto *backend = child<QComboBox>(wizard, "joinKeyBackendCombo");
        backend->setCurrentIndex(backend->findData(static_cast<int>(KeyStore::Backend::KeyFile)));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::ConnectPage)); // no such CA file
        QVERIFY(!child<QLabel>(wizard, "connectMessage")->text().isEmpty());

        setText(wizard, "caCertificateEdit", ca);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::KeyBackupPage));

        // The key backup, restored by a user with keys.manage (the admin has not).
        const QString backup = QDir(dir.path()).filePath(QStringLiteral("keys.backup"));
        auto sealed = ProtectedKeyFile::seal(keys.value(), config.siteId, "backup passphrase",
                                             authtest::cheapParams());
        QVERIFY(sealed.ok());
        QFile backupFile(backup);
        QVERIFY(backupFile.open(QIODevice::WriteOnly));
        backupFile.write(sealed.value());
        backupFile.close();
        auto keeper = pg.addUser(QStringLiteral("keeper"), QStringLiteral("security_admin"));
        QVERIFY2(keeper.ok(), qPrintable(keeper.errorMessage()));
        const auto restore = [&](const QString &user, const QByteArray &password,
                                 const QString &backupPassphrase) {
            setText(wizard, "backupFileEdit", backup);
            setText(wizard, "backupPassphraseEdit", backupPassphrase);
            setText(wizard, "keyUserEdit", user);
            setText(wizard, "keyUserPasswordEdit", QString::fromLatin1(password));
            setText(wizard, "localPassphraseEdit", QStringLiteral("local passphrase"));
            setText(wizard, "localPassphraseRepeatEdit", QStringLiteral("local passphrase"));
            wizard.button(QWizard::FinishButton)->click();
            return child<QLabel>(wizard, "keyBackupMessage")->text();
        };
        QVERIFY(!restore(QStringLiteral("admin"), SecuredCatalog::adminPassword(),
                         QStringLiteral("backup passphrase")).isEmpty());
        QVERIFY(wizard.isVisible());
        QVERIFY(!restore(QStringLiteral("keeper"), SecuredCatalog::passwordOf(QStringLiteral("keeper")),
                         QStringLiteral("wrong passphrase")).isEmpty());
        QVERIFY(wizard.isVisible());
        QVERIFY(!QFile::exists(QDir(siteDir).filePath(Site::keyFileName())));
        restore(QStringLiteral("keeper"), SecuredCatalog::passwordOf(QStringLiteral("keeper")),
                QStringLiteral("backup passphrase"));
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        auto restored = Site::open(siteDir)->keyStore("local passphrase")->load();
        QVERIFY2(restored.ok(), qPrintable(restored.errorMessage()));
        QCOMPARE(publicKeysOf(restored.value()).keyId(), config.publicKeys.keyId());
        const auto imports = pg.scalar(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'key.import' AND result = 'allowed'"));
        QVERIFY2(imports.ok(), qPrintable(imports.errorMessage()));
        QCOMPARE(imports->toInt(), 1);
        auto site = Site::open(siteDir);
        QVERIFY2(site.ok(), qPrintable(site.errorMessage()));
        QVERIFY(site->isServerEnforced());
        QCOMPARE(site->config().keyBackend, KeyStore::Backend::KeyFile);
        QVERIFY(site->config().catalogLocation.contains(QStringLiteral("verify-full")));
        QVERIFY(QFile::exists(QDir(siteDir).filePath(SiteJoiner::caFileName())));
        auto in = SiteLogin::login(site.takeValue(), QStringLiteral("admin"),
                                   SecuredCatalog::adminPassword(), QStringLiteral("ws-1"),
                                   QStringLiteral("test"));
        QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
        QVERIFY(in->db->serverEnforced());
    }

    void refusesASqliteSiteFile()
    {
        QTemporaryDir dir;
        SiteConfig config;
        config.siteId = QUuid::createUuid();
        config.name = QStringLiteral("Local");
        config.publicKeys.encryption = QByteArray(32, '\x11');
        config.publicKeys.signing = QByteArray(32, '\x22');
        config.catalogLocation = QStringLiteral("catalog.sqlite");
        SiteJoiner::Options o;
        o.directory = QDir(dir.path()).filePath(QStringLiteral("site"));
        o.siteJson = config.toJson();
        o.caCertificatePath = QDir(dir.path()).filePath(QStringLiteral("ca.pem"));
        auto joined = SiteJoiner::join(o);
        QVERIFY(!joined);
        QCOMPARE(joined.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
