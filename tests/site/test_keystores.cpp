// Site keys: the OS keychain backend against a real gnome-keyring (Secret Service on the
// session D-Bus that tests/tools/with-services.sh starts), the passphrase-protected key
// file, and site initialization that leaves nothing behind when it fails.
#include "crypto/scrypt.h"
#include "site/keychainkeystore.h"
#include "site/keyfilekeystore.h"
#include "site/protectedkeyfile.h"
#include "site/site.h"
#include "site/siteinitializer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cv;

namespace {
// Cheap scrypt for tests; the product's defaults are OWASP's (N=2^17).
const crypto::ScryptParams kFast{1u << 10, 8, 1};

bool sameKeys(const SiteKeys &a, const SiteKeys &b)
{
    return a.encryption.publicKey() == b.encryption.publicKey() && a.signing.publicKey() == b.signing.publicKey()
           && a.privateBlob().toByteArray() == b.privateBlob().toByteArray();
}
} // namespace

class TestKeyStores final : public QObject
{
    Q_OBJECT

private slots:
    void keychainRoundTrip()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run this test through tests/tools/with-services.sh, which starts gnome-keyring");
        QString why;
        QVERIFY2(KeychainKeyStore::isAvailable(&why), qPrintable(why));
        auto keys = SiteKeys::generate();
        QVERIFY(keys.ok());
        KeychainKeyStore store(QUuid::createUuid());
        QCOMPARE(store.backend(), KeyStore::Backend::Keychain);
        QVERIFY(store.describe().contains(QStringLiteral("OS keychain")));
        auto missing = store.load();
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY2(store.save(keys.value()).ok(), "save into the keychain");
        auto loaded = store.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        QVERIFY(sameKeys(keys.value(), loaded.value()));
        // Another site's entry is another secret.
        QVERIFY(!KeychainKeyStore(QUuid::createUuid()).load().ok());
        QVERIFY(store.remove().ok());
        QVERIFY(!store.load().ok());
    }

    void keyFileRoundTripAndWrongPassphrase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site-key.json"));
        const QUuid siteId = QUuid::createUuid();
        auto keys = SiteKeys::generate();
        QVERIFY(keys.ok());
        QVERIFY(KeyFileKeyStore(path, siteId, "correct horse", kFast).save(keys.value()).ok());
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        auto loaded = KeyFileKeyStore(path, siteId, "correct horse").load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        QVERIFY(sameKeys(keys.value(), loaded.value()));

        auto wrong = KeyFileKeyStore(path, siteId, "wrong horse").load();
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassphrase);
        QVERIFY(wrong.errorMessage().contains(QStringLiteral("passphrase is wrong")));

        auto none = KeyFileKeyStore(path, siteId, QByteArray()).load();
        QVERIFY(!none.ok());
        QVERIFY(none.errorMessage().contains(QStringLiteral("CALLVAULT_PASSPHRASE")));
    }

    void protectedKeyFileRejectsEdits_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("lower scrypt cost") << QStringLiteral("kdf.n") << QJsonValue(512);
        QTest::newRow("other public key") << QStringLiteral("x25519Public") << QJsonValue(QString::fromLatin1(QByteArray(32, 'A').toBase64()));
        QTest::newRow("other site id") << QStringLiteral("siteId") << QJsonValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QTest::newRow("absurd cost") << QStringLiteral("kdf.n") << QJsonValue(double(1ull << 40));
        QTest::newRow("short salt") << QStringLiteral("kdf.salt") << QJsonValue(QStringLiteral("AAAA"));
    }

    void protectedKeyFileRejectsEdits()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        auto keys = SiteKeys::generate();
        QVERIFY(keys.ok());
        auto json = ProtectedKeyFile::seal(keys.value(), QUuid::createUuid(), "pass phrase", kFast);
        QVERIFY(json.ok());
        QJsonObject o = QJsonDocument::fromJson(json.value()).object();
        if (field.startsWith(QStringLiteral("kdf."))) {
            QJsonObject kdf = o.value(QStringLiteral("kdf")).toObject();
            kdf[field.mid(4)] = value;
            o[QStringLiteral("kdf")] = kdf;
        } else {
            o[field] = value;
        }
        auto opened = ProtectedKeyFile::open(QJsonDocument(o).toJson(), "pass phrase");
        QVERIFY(!opened.ok());
    }

    void initCreatesAWorkingSite()
    {
        QTemporaryDir dir;
        SiteInitializer::Options o;
        o.directory = dir.filePath(QStringLiteral("site"));
        o.backend = SiteInitializer::KeyBackendChoice::File;
        o.passphrase = "site passphrase";
        o.adminPassword = "admin password 1";
        o.passwordParams = kFast;
        o.keyFileParams = kFast;
        auto report = SiteInitializer::initialize(o);
        QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
        QVERIFY(report->keyStoreDescription.contains(QStringLiteral("key file")));
        auto site = Site::open(o.directory);
        QVERIFY2(site.ok(), qPrintable(site.errorMessage()));
        QCOMPARE(site->config().publicKeys.fingerprint(), report->fingerprint);
        auto keys = site->keyStore("site passphrase")->load();
        QVERIFY(keys.ok());
        QCOMPARE(publicKeysOf(keys.value()).keyId(), site->config().publicKeys.keyId());
        // A second init in the same place is refused and changes nothing.
        const QByteArray before = [&] { QFile f(o.directory + QStringLiteral("/site.json")); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        auto again = SiteInitializer::initialize(o);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QFile f(o.directory + QStringLiteral("/site.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void failedInitLeavesNothing_data()
    {
        QTest::addColumn<QByteArray>("adminPassword");
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short admin password") << QByteArray("short") << QByteArray("pp") << QStringLiteral("at least 10");
        QTest::newRow("key file without passphrase") << QByteArray("admin password 1") << QByteArray() << QStringLiteral("passphrase");
    }

    void failedInitLeavesNothing()
    {
        QFETCH(QByteArray, adminPassword);
        QFETCH(QByteArray, passphrase);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        SiteInitializer::Options o;
        o.directory = dir.filePath(QStringLiteral("site"));
        o.backend = SiteInitializer::KeyBackendChoice::File;
        o.passphrase = passphrase;
        o.adminPassword = adminPassword;
        o.passwordParams = kFast;
        o.keyFileParams = kFast;
        auto report = SiteInitializer::initialize(o);
        QVERIFY(!report.ok());
        QVERIFY2(report.errorMessage().contains(expected), qPrintable(report.errorMessage()));
        QVERIFY2(!QDir(o.directory).exists(), "a failed init must not leave a site folder behind");
    }

    void initRefusesAnUnwritableLocation()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plain-file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        SiteInitializer::Options o;
        o.directory = file + QStringLiteral("/site"); // a folder under a regular file
        o.backend = SiteInitializer::KeyBackendChoice::File;
        o.passphrase = "pp";
        o.adminPassword = "admin password 1";
        auto report = SiteInitializer::initialize(o);
        QVERIFY(!report.ok());
        QVERIFY2(report.errorMessage().contains(QStringLiteral("Could not create the folder")), qPrintable(report.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestKeyStores)
#include "test_keystores.moc"
