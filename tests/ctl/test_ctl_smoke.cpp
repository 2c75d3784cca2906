// One short pass through the callvaultctl commands whose core code no in-process test of the
// sanitizer build reaches (that build has no UI, whose tests reach it otherwise): demo calls
// (DemoCallGenerator, espeak-ng's voices), the key backup written and restored (KeyBackup),
// and the audit trail verified and extracted (audittrail::verifyAndRecord, exportExtract).
// The long tests labelled `cli` (test_ctl_keys, test_ctl_recover, test_audit_ctl) check these
// commands in depth; this `cli-smoke` test is built where they are not
// (CALLVAULT_BUILD_CLI_TESTS=OFF, the sanitizer build of scripts/callvault test), so that
// code still runs under ASan + UBSan there.
#include "ctltesthelpers.h"

#include <QFile>
#include <QTest>

using namespace ctltest;

namespace {

const QString kPassword = QStringLiteral("smoke test password");

} // namespace

class TestCtlSmoke final : public QObject
{
    Q_OBJECT

private slots:
    void demoKeyBackupAndAuditTrail();
};

void TestCtlSmoke::demoKeyBackupAndAuditTrail()
{
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at \"%1\"").arg(ctlPath())));
    CtlSite site;
    QVERIFY(site.isValid());
    CTL_EXPECT_EXIT(site.init(), 0);

    // A demo call through the real recording pipeline.
    RunResult r = site.ctl({QStringLiteral("demo"), QStringLiteral("--count"), QStringLiteral("1")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(site.recordingCount(&r), 1);

    // The first admin adds an auditor, then appoints a security administrator (after that
    // only the security administrator may appoint auditors).
    QVERIFY2(site.addUser(QStringLiteral("aud"), {QStringLiteral("--role"), QStringLiteral("auditor")},
                          kPassword, &r),
             qPrintable(r.describe()));
    QVERIFY2(site.addUser(QStringLiteral("sec"),
                          {QStringLiteral("--role"), QStringLiteral("security_admin")}, kPassword,
                          &r),
             qPrintable(r.describe()));

    // Key backup; the key file is lost; the backup restores it under a new passphrase.
    const QString backup = site.scratch(QStringLiteral("site.backup"));
    QProcessEnvironment sec = site.envAs(QStringLiteral("sec"), kPassword);
    sec.insert(QStringLiteral("CALLVAULT_BACKUP_PASSPHRASE"), QStringLiteral("backup passphrase"));
    r = site.ctl({QStringLiteral("key"), QStringLiteral("export"), backup}, sec);
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(
        r.out, QStringLiteral("Wrote key backup %1 (%2)").arg(backup, site.initFingerprint()));
    QVERIFY(QFile::remove(site.keyFile()));
    site.env().insert(QStringLiteral("CALLVAULT_PASSPHRASE"), QStringLiteral("new passphrase"));
    sec.insert(QStringLiteral("CALLVAULT_PASSPHRASE"), QStringLiteral("new passphrase"));
    r = site.ctl({QStringLiteral("key"), QStringLiteral("import"), backup}, sec);
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(
        r.out, QStringLiteral("Restored site keys %1 into key file").arg(site.initFingerprint()));
    r = site.ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("1 recordings verified: 1 ok, 0 failed"));

    // The auditor verifies the trail and writes a signed extract, which verifies on its own.
    const QProcessEnvironment aud = site.envAs(QStringLiteral("aud"), kPassword);
    r = site.ctl({QStringLiteral("audit"), QStringLiteral("verify")}, aud);
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.startsWith(QLatin1String("valid: ")), qPrintable(r.describe()));
    const QString extract = site.scratch(QStringLiteral("extract.json"));
    r = site.ctl({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--from"),
                  QStringLiteral("2000-01-01"), QStringLiteral("--to"), QStringLiteral("2100-01-01"),
                  extract},
                 aud);
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Wrote audit extract ") + extract);
    r = run(ctlPath(), {QStringLiteral("audit"), QStringLiteral("verify-extract"), extract},
            cleanEnvironment());
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("valid extract: "));
}

QTEST_GUILESS_MAIN(TestCtlSmoke)
#include "test_ctl_smoke.moc"
