// End-to-end: the site keys through the real callvaultctl. Fingerprints, the key-file
// passphrase (wrong, missing, from a file), backup and restore after losing the key file
// (as the security administrator: key export/import need keys.manage), refusing another
// site's backup and keys, and the OS keychain backend (a real gnome-keyring Secret
// Service, provided by tests/tools/with-services.sh).
#include "ctltesthelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace ctltest;

namespace {

QProcessEnvironment with(QProcessEnvironment env, const QString &name, const QString &value)
{
    if (value.isNull())
        env.remove(name);
    else
        env.insert(name, value);
    return env;
}

const QString kPassVar = QStringLiteral("CALLVAULT_PASSPHRASE");
const QString kBackupVar = QStringLiteral("CALLVAULT_BACKUP_PASSPHRASE");
const QString kSecPassword = QStringLiteral("security admin password");

} // namespace

class TestCtlKeys final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fingerprintMatchesInit();
    void wrongPassphraseRefused();
    void missingPassphraseRefused();
    void passphraseFromFile();
    void keyCommandsNeedKeysManage();
    void backupRestoresLostKeyFile();
    void backupOfAnotherSiteRefused();
    void anotherSitesKeysCannotDecrypt();
    void rotationKeepsRecordingsReadable();
    void keychainBackendNeedsNoPassphrase();

private:
    std::unique_ptr<CtlSite> m_a, m_b;
    QString m_recA, m_recB;
};

void TestCtlKeys::initTestCase()
{
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at \"%1\"").arg(ctlPath())));
    m_a = std::make_unique<CtlSite>();
    m_b = std::make_unique<CtlSite>();
    QVERIFY(m_a->isValid() && m_b->isValid());
    QVERIFY(m_a->passphrase() != m_b->passphrase());
    for (CtlSite *site : {m_a.get(), m_b.get()}) {
        RunResult r = site->init();
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out,
                            QStringLiteral("private keys: key file %1").arg(site->keyFile()));
    }
    RunResult r;
    m_recA = m_a->importSine(16000, 2, 2000, {}, &r);
    CTL_EXPECT_EXIT(r, 0);
    m_recB = m_b->importSine(8000, 1, 2000, {}, &r);
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY(!m_recA.isEmpty() && !m_recB.isEmpty());
    // Each site's first security administrator (appointed by the first admin) runs the key
    // commands below; the other commands ignore the log-in variables.
    for (CtlSite *site : {m_a.get(), m_b.get()}) {
        QVERIFY2(site->addUser(QStringLiteral("sec"),
                               {QStringLiteral("--role"), QStringLiteral("security_admin")},
                               kSecPassword, &r),
                 qPrintable(r.describe()));
        QVERIFY2(site->addExporter(&r, QStringLiteral("sec"), kSecPassword),
                 qPrintable(r.describe()));
        site->env() = site->envAs(QStringLiteral("sec"), kSecPassword);
    }
}

void TestCtlKeys::fingerprintMatchesInit()
{
    for (CtlSite *site : {m_a.get(), m_b.get()}) {
        QVERIFY(site->initFingerprint().startsWith(QStringLiteral("SHA256:")));
        // Public information: no passphrase needed.
        const RunResult r = site->ctl({QStringLiteral("key"), QStringLiteral("fingerprint")},
                                      with(site->env(), kPassVar, QString()));
        CTL_EXPECT_EXIT(r, 0);
        QCOMPARE(r.out.trimmed(), site->initFingerprint());
    }
    QVERIFY(m_a->initFingerprint() != m_b->initFingerprint());
}

void TestCtlKeys::wrongPassphraseRefused()
{
    const QProcessEnvironment wrong =
        with(m_a->exporterEnv(), kPassVar, QStringLiteral("not the passphrase"));
    const QString out = m_a->scratch(QStringLiteral("wrong-pass.opus"));
    RunResult r = m_a->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), m_recA, out}, wrong);
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("passphrase is wrong"));
    QVERIFY(!QFile::exists(out));

    r = m_a->ctl({QStringLiteral("verify")}, wrong);
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("passphrase is wrong"));
    QVERIFY2(!r.out.contains(QStringLiteral("OK ")), qPrintable(r.describe()));
}

void TestCtlKeys::missingPassphraseRefused()
{
    // stdin is /dev/null: no prompt may wait, the tool must say where a passphrase comes from.
    const RunResult r = m_a->ctl({QStringLiteral("verify")}, with(m_a->env(), kPassVar, QString()));
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("passphrase needed"));
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("--passphrase-file"));
    CTL_EXPECT_CONTAINS(r.err, kPassVar);
}

void TestCtlKeys::passphraseFromFile()
{
    const QString file = m_a->scratch(QStringLiteral("passphrase.txt"));
    QVERIFY(writeFile(file, m_a->passphrase().toUtf8() + "\n"));
    const RunResult r =
        m_a->ctl({QStringLiteral("verify"), QStringLiteral("--passphrase-file"), file},
                 with(m_a->env(), kPassVar, QStringLiteral("wrong, but the file wins")));
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("1 recordings verified: 1 ok, 0 failed"));
}

void TestCtlKeys::keyCommandsNeedKeysManage()
{
    // The admin holds no keys.manage: refused before any key is unlocked or any passphrase
    // read (one line on stderr, no "Site keys:" line), nothing written, nothing restored.
    const QString backup = m_a->scratch(QStringLiteral("by-admin.backup"));
    QProcessEnvironment admin = m_a->adminEnv();
    admin.insert(kBackupVar, QStringLiteral("backup passphrase"));
    for (const QString &sub : {QStringLiteral("export"), QStringLiteral("import")}) {
        const RunResult r = m_a->ctl({QStringLiteral("key"), sub, backup}, admin);
        CTL_EXPECT_EXIT(r, 1);
        QCOMPARE(r.errLines().size(), 1);
        CTL_EXPECT_CONTAINS(
            r.err,
            QStringLiteral("Permission denied: admin (role admin) may not manage the site keys."));
        QVERIFY(!QFile::exists(backup));
    }
    // No user: a usage mistake; the fingerprint stays public.
    QProcessEnvironment nobody = m_a->env();
    nobody.remove(QStringLiteral("CALLVAULT_USER"));
    CTL_EXPECT_EXIT(m_a->ctl({QStringLiteral("key"), QStringLiteral("export"), backup}, nobody), 2);
    CTL_EXPECT_EXIT(m_a->ctl({QStringLiteral("key"), QStringLiteral("fingerprint")}, nobody), 0);
}

void TestCtlKeys::backupRestoresLostKeyFile()
{
    const QString backup = m_a->scratch(QStringLiteral("site-a.backup"));
    const QString backupPass = QStringLiteral("backup passphrase A");

    // No backup passphrase anywhere: refused, nothing written.
    RunResult r = m_a->ctl({QStringLiteral("key"), QStringLiteral("export"), backup});
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("Backup passphrase needed"));
    QVERIFY(!QFile::exists(backup));

    m_a->env().insert(kBackupVar, backupPass);
    r = m_a->ctl({QStringLiteral("key"), QStringLiteral("export"), backup});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(
        r.out, QStringLiteral("Wrote key backup %1 (%2)").arg(backup, m_a->initFingerprint()));
    QVERIFY(QFile::exists(backup));
    QCOMPARE(QFileInfo(backup).permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
             QFileDevice::Permissions());
    const QByteArray backupBytes = readFile(backup);
    QVERIFY(!backupBytes.contains(m_a->passphrase().toUtf8()) &&
            !backupBytes.contains(backupPass.toUtf8()));

    // Never overwrites an existing backup.
    r = m_a->ctl({QStringLiteral("key"), QStringLiteral("export"), backup});
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("already exists"));
    QCOMPARE(readFile(backup), backupBytes);

    // The key file is lost: nothing can be decrypted.
    QVERIFY(QFile::remove(m_a->keyFile()));
    r = m_a->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err,
                        QStringLiteral("Could not read the key file %1").arg(m_a->keyFile()));

    // A wrong backup passphrase restores nothing.
    const QString newPass = QStringLiteral("new key-file passphrase A");
    r = m_a->ctl(
        {QStringLiteral("key"), QStringLiteral("import"), backup},
        with(with(m_a->env(), kBackupVar, QStringLiteral("wrong backup pass")), kPassVar, newPass));
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("passphrase is wrong"));
    QVERIFY(!QFile::exists(m_a->keyFile()));

    // The right one restores the keys under a new key-file passphrase.
    const QString oldPass = m_a->passphrase();
    m_a->env().insert(kPassVar, newPass);
    r = m_a->ctl({QStringLiteral("key"), QStringLiteral("import"), backup});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(
        r.out, QStringLiteral("Restored site keys %1 into key file").arg(m_a->initFingerprint()));
    QVERIFY(QFile::exists(m_a->keyFile()));

    r = m_a->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("OK      %1").arg(m_recA));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("1 recordings verified: 1 ok, 0 failed"));
    const QString out = m_a->scratch(QStringLiteral("after-restore.wav"));
    r = m_a->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), m_recA, out}, m_a->exporterEnv());
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY(readPcmWav(out).ok);

    // The old passphrase no longer opens the restored key file.
    r = m_a->ctl({QStringLiteral("verify")}, with(m_a->env(), kPassVar, oldPass));
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("passphrase is wrong"));
}

void TestCtlKeys::backupOfAnotherSiteRefused()
{
    const QString backupB = m_b->scratch(QStringLiteral("site-b.backup"));
    m_b->env().insert(kBackupVar, QStringLiteral("backup passphrase B"));
    RunResult r = m_b->ctl({QStringLiteral("key"), QStringLiteral("export"), backupB});
    CTL_EXPECT_EXIT(r, 0);

    const QByteArray keyFileA = readFile(m_a->keyFile());
    QVERIFY(!keyFileA.isEmpty());
    r = m_a->ctl({QStringLiteral("key"), QStringLiteral("import"), backupB},
                 with(m_a->env(), kBackupVar, QStringLiteral("backup passphrase B")));
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("belongs to another site"));
    CTL_EXPECT_CONTAINS(r.err, m_b->initFingerprint());
    CTL_EXPECT_CONTAINS(r.err, m_a->initFingerprint());
    QCOMPARE(readFile(m_a->keyFile()), keyFileA);

    r = m_a->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
}

void TestCtlKeys::anotherSitesKeysCannotDecrypt()
{
    // Site B's key file replaced by site A's (opened with A's passphrase): the unlock is
    // refused as another site's key file, B's recording stays sealed, export writes nothing.
    const QByteArray keyFileB = readFile(m_b->keyFile());
    QVERIFY(!keyFileB.isEmpty());
    QVERIFY(QFile::remove(m_b->keyFile()));
    QVERIFY(QFile::copy(m_a->keyFile(), m_b->keyFile()));
    const QProcessEnvironment withA = with(m_b->env(), kPassVar, m_a->passphrase());

    RunResult r = m_b->ctl({QStringLiteral("verify")}, withA);
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("belongs to another site"));
    QVERIFY(!r.out.contains(QStringLiteral("OK ")));

    const QString out = m_b->scratch(QStringLiteral("foreign.opus"));
    r = m_b->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), m_recB, out},
                 with(m_b->exporterEnv(), kPassVar, m_a->passphrase()));
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("belongs to another site"));
    QVERIFY(!QFile::exists(out));

    // Put B's own key file back: its recording opens again.
    QVERIFY(QFile::remove(m_b->keyFile()));
    QVERIFY(writeFile(m_b->keyFile(), keyFileB));
    r = m_b->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("OK      %1").arg(m_recB));
}

void TestCtlKeys::rotationKeepsRecordingsReadable()
{
    // `key rotate` on site B: a new encryption key, B's recording re-wrapped to it, the record
    // signed; a recording imported afterwards is wrapped to the new key; both still verify;
    // the retired key can then be destroyed and both verify with the new key alone.
    const QString before = m_b->ctl({QStringLiteral("key"), QStringLiteral("fingerprint")}).out.trimmed();
    RunResult r = m_b->ctl({QStringLiteral("key"), QStringLiteral("rotate")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Rotation finished: 1 data keys re-wrapped"));
    const QString after = m_b->ctl({QStringLiteral("key"), QStringLiteral("fingerprint")}).out.trimmed();
    QVERIFY(after.startsWith(QStringLiteral("SHA256:")));
    QVERIFY(after != before);
    CTL_EXPECT_CONTAINS(r.out, after);

    const QString late = m_b->importSine(8000, 1, 1000, {}, &r);
    CTL_EXPECT_EXIT(r, 0);
    r = m_b->ctl({QStringLiteral("key"), QStringLiteral("destroy-retired")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Destroyed 1 retired encryption keys"));
    r = m_b->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("OK      %1").arg(m_recB));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("OK      %1").arg(late));
    r = m_b->ctl({QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--status")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("record signature VALID"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("still on older keys: 0"));
}

void TestCtlKeys::keychainBackendNeedsNoPassphrase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "DBUS_SESSION_BUS_ADDRESS is not set: run the tests via tests/tools/with-services.sh, "
             "which starts a "
             "D-Bus session with gnome-keyring's Secret Service");
    CtlSite site;
    QVERIFY(site.isValid());
    site.env().remove(kPassVar);
    RunResult r = site.init({}, QStringLiteral("keychain"));
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("private keys: OS keychain"));
    QVERIFY2(!QFile::exists(site.keyFile()), "a keychain site must not have a key file");

    RunResult imported;
    const QString id = site.importSine(48000, 2, 2000, {}, &imported);
    CTL_EXPECT_EXIT(imported, 0);

    const QString out = site.scratch(QStringLiteral("keychain.opus"));
    QVERIFY2(site.addExporter(&r), qPrintable(r.describe()));
    r = site.ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), id, out}, site.exporterEnv());
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("Site keys: OS keychain"));
    const Probe probe = ffprobe(out);
    QVERIFY2(probe.error.isEmpty(), qPrintable(probe.error));
    QCOMPARE(probe.firstStream().value(QStringLiteral("codec_name")).toString(),
             QStringLiteral("opus"));

    r = site.ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("1 recordings verified: 1 ok, 0 failed"));

    QCOMPARE(site.ctl({QStringLiteral("key"), QStringLiteral("fingerprint")}).out.trimmed(),
             site.initFingerprint());
}

QTEST_GUILESS_MAIN(TestCtlKeys)
#include "test_ctl_keys.moc"
