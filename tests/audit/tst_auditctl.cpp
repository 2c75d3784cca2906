// End-to-end: `callvaultctl audit verify | checkpoint | export | verify-extract` on a real
// site (SQLite catalog, key-file backend), as an auditor made with callvaultctl (the
// commands log in: audit.verify, audit.read), with the catalog tampered with by the real
// sqlite3 CLI. Every command's log-in adds its 'auth.login' row before the command reads the
// trail. Run through tests/tools/with-services.sh like the other ctl tests.
#include "ctltesthelpers.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace ctltest;

namespace {

const QString kPassword = QStringLiteral("auditor password 1");

} // namespace

class TestAuditCtl final : public QObject
{
    Q_OBJECT

private:
    RunResult audit(const QStringList &subAndArgs, const QProcessEnvironment *env = nullptr) const;
    QString sql(const QString &statement) const; // through the sqlite3 CLI; trimmed output
    int intSql(const QString &statement) const { return sql(statement).toInt(); }

    std::unique_ptr<CtlSite> m_site;
    QString m_catalog;

private slots:
    void initTestCase();
    void usageAndHelp();
    void onlyAuditorsRunThem();
    void verifyAFreshSite();
    void checkpointThenVerify();
    void exportAndVerifyExtract();
    void badExportArguments();
    void modifiedExtractIsBroken();
    void exportWritesACheckpointWhenDue();
    void editedRowIsReported();
    void tailTruncationAfterCheckpointIsReported();
};

RunResult TestAuditCtl::audit(const QStringList &subAndArgs, const QProcessEnvironment *env) const
{
    QStringList args{QStringLiteral("audit")};
    args << subAndArgs.first() << QStringLiteral("--site") << m_site->dir() << subAndArgs.mid(1);
    return run(ctlPath(), args, env ? *env : m_site->env());
}

QString TestAuditCtl::sql(const QString &statement) const
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (tool.isEmpty())
        return QStringLiteral("sqlite3 is not installed (apt-get install sqlite3)");
    const RunResult r =
        run(tool, {QStringLiteral("-bail"), m_catalog, statement}, cleanEnvironment(), 30000);
    return r.exitCode == 0 && r.err.isEmpty() ? r.out.trimmed()
                                              : QStringLiteral("sqlite3 failed: ") + r.describe();
}

void TestAuditCtl::initTestCase()
{
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at \"%1\"").arg(ctlPath())));
    QVERIFY2(
        !QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty(),
        "sqlite3 is not installed (apt-get install sqlite3); the tamper tests need the real tool");
    m_site = std::make_unique<CtlSite>();
    QVERIFY(m_site->isValid());
    const RunResult r = m_site->init();
    CTL_EXPECT_EXIT(r, 0);
    m_catalog = m_site->dir() + QStringLiteral("/catalog.sqlite");
    QVERIFY(QFile::exists(m_catalog));
    // The three-admin way: the first admin appoints a security administrator, adds the
    // auditor's account, and the security administrator makes it an auditor.
    RunResult failed;
    QVERIFY2(m_site->addUser(QStringLiteral("sec"),
                             {QStringLiteral("--role"), QStringLiteral("security_admin")},
                             kPassword, &failed),
             qPrintable(failed.describe()));
    QVERIFY2(m_site->addUser(QStringLiteral("aud"),
                             {QStringLiteral("--role"), QStringLiteral("agent")}, kPassword,
                             &failed),
             qPrintable(failed.describe()));
    CTL_EXPECT_EXIT(m_site->ctl({QStringLiteral("user"), QStringLiteral("grant"),
                                 QStringLiteral("aud"), QStringLiteral("auditor")},
                                m_site->envAs(QStringLiteral("sec"), kPassword)),
                    0);
    m_site->env() = m_site->envAs(QStringLiteral("aud"), kPassword);
}

void TestAuditCtl::usageAndHelp()
{
    const RunResult none = run(ctlPath(), {QStringLiteral("audit")}, m_site->env());
    CTL_EXPECT_EXIT(none, 2);
    CTL_EXPECT_CONTAINS(none.err, QStringLiteral("callvaultctl audit verify"));
    const RunResult unknown =
        run(ctlPath(), {QStringLiteral("audit"), QStringLiteral("shred")}, m_site->env());
    CTL_EXPECT_EXIT(unknown, 2);
    CTL_EXPECT_CONTAINS(unknown.err, QStringLiteral("unknown audit command \"shred\""));
    const RunResult help = run(
        ctlPath(), {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--help")},
        m_site->env());
    CTL_EXPECT_EXIT(help, 0);
    CTL_EXPECT_CONTAINS(help.out, QStringLiteral("callvaultctl audit export"));
    CTL_EXPECT_CONTAINS(help.out, QStringLiteral("--from <ISO>"));
    const RunResult list = run(ctlPath(), {QStringLiteral("--help")}, m_site->env());
    CTL_EXPECT_CONTAINS(
        list.out, QStringLiteral("audit trail: verify | checkpoint | export | verify-extract"));
}

void TestAuditCtl::onlyAuditorsRunThem()
{
    const int rows = intSql(QStringLiteral("SELECT COUNT(*) FROM audit"));
    const QString out = m_site->scratch(QStringLiteral("refused.json"));
    // Who may not: the security administrator reads no trail; the admin does nothing here.
    const QList<std::pair<QString, QStringList>> refused = {
        {QStringLiteral("sec"), {QStringLiteral("verify")}},
        {QStringLiteral("sec"),
         {QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2000-01-01"),
          QStringLiteral("--to"), QStringLiteral("2100-01-01"), out}},
        {QStringLiteral("admin"), {QStringLiteral("verify")}},
        {QStringLiteral("admin"), {QStringLiteral("checkpoint")}},
    };
    for (const auto &[user, args] : refused) {
        const QProcessEnvironment env =
            user == QLatin1String("admin") ? m_site->adminEnv() : m_site->envAs(user, kPassword);
        const RunResult r = audit(args, &env);
        CTL_EXPECT_EXIT(r, 1);
        QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe())); // no key unlocked first
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("Permission denied: %1 (role").arg(user));
        QVERIFY(r.out.isEmpty());
    }
    QVERIFY(!QFile::exists(out));
    // Each refusal is audited (after its log-in), with the permission it lacked.
    QCOMPARE(intSql(QStringLiteral("SELECT COUNT(*) FROM audit WHERE result = 'denied' AND id > %1")
                        .arg(rows)),
             4);
    QCOMPARE(sql(QStringLiteral("SELECT action FROM audit WHERE result = 'denied' AND id > %1 "
                                "ORDER BY id")
                     .arg(rows)),
             QStringLiteral("audit.verify\naudit.export\naudit.verify\naudit.checkpoint"));
    // No user: a usage mistake, before anything is read.
    QProcessEnvironment nobody = m_site->env();
    nobody.remove(QStringLiteral("CALLVAULT_USER"));
    CTL_EXPECT_EXIT(audit({QStringLiteral("verify")}, &nobody), 2);
}

void TestAuditCtl::verifyAFreshSite()
{
    const int before = intSql(QStringLiteral("SELECT COUNT(*) FROM audit"));
    QVERIFY(before >= 1);
    const RunResult r = audit({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    const int rows = before + 1; // the auditor's log-in
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), QStringLiteral("valid: %1 rows, 0 signed checkpoints").arg(rows));
    CTL_EXPECT_CONTAINS(
        r.out, QStringLiteral("last %1 rows not yet covered by a signed checkpoint").arg(rows));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("signing key SHA256:"));
    // Verifying needs no private key: no passphrase asked for, none used.
    QVERIFY2(!r.err.contains(QStringLiteral("Site keys")), qPrintable(r.describe()));
    // And it is audited, under the auditor's name.
    QCOMPARE(
        sql(QStringLiteral(
            "SELECT actor || ' ' || action || ' ' || details FROM audit ORDER BY id DESC LIMIT 1")),
        QStringLiteral("aud audit.verify "
                       "{\"checkpoints\":0,\"result\":\"valid\",\"rows\":%1,\"uncoveredRows\":%1}")
            .arg(rows));
}

void TestAuditCtl::checkpointThenVerify()
{
    // Each run signs up to its own log-in row, so a second checkpoint always has a row to
    // sign ("nothing to sign" is covered by the AuditCheckpointer tests).
    const int rows = intSql(QStringLiteral("SELECT COUNT(*) FROM audit"));
    const RunResult signedNow = audit({QStringLiteral("checkpoint")});
    CTL_EXPECT_EXIT(signedNow, 0);
    CTL_EXPECT_CONTAINS(
        signedNow.out,
        QStringLiteral("Signed audit checkpoint 1: rows up to %1 (%1 rows), head ").arg(rows + 1));
    const RunResult again = audit({QStringLiteral("checkpoint")});
    CTL_EXPECT_EXIT(again, 0);
    CTL_EXPECT_CONTAINS(
        again.out,
        QStringLiteral("Signed audit checkpoint 2: rows up to %1 (%1 rows), head ").arg(rows + 2));
    const RunResult notDue = audit({QStringLiteral("checkpoint"), QStringLiteral("--if-due")});
    CTL_EXPECT_EXIT(notDue, 0);
    CTL_EXPECT_CONTAINS(notDue.out, QStringLiteral("No audit checkpoint due."));

    // The --if-due run and this verification logged in after the last checkpoint.
    const RunResult verified = audit({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(verified, 0);
    CTL_EXPECT_CONTAINS(verified.out,
                        QStringLiteral("valid: %1 rows, 2 signed checkpoints").arg(rows + 4));
    CTL_EXPECT_CONTAINS(verified.out,
                        QStringLiteral("last 2 rows not yet covered by a signed checkpoint"));

    // The wrong passphrase cannot sign.
    QProcessEnvironment wrong = m_site->env();
    wrong.insert(QStringLiteral("CALLVAULT_PASSPHRASE"), QStringLiteral("not the passphrase"));
    const RunResult refused = audit({QStringLiteral("checkpoint")}, &wrong);
    CTL_EXPECT_EXIT(refused, 1);
    QCOMPARE(intSql(QStringLiteral("SELECT COUNT(*) FROM audit_checkpoints")), 2);
}

void TestAuditCtl::exportAndVerifyExtract()
{
    const QString out = m_site->scratch(QStringLiteral("extract.json"));
    const RunResult exported =
        audit({QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2000-01-01"),
               QStringLiteral("--to"), QStringLiteral("2100-01-01T00:00:00Z"), out});
    CTL_EXPECT_EXIT(exported, 0);
    CTL_EXPECT_CONTAINS(exported.out, QStringLiteral("Wrote audit extract ") + out);
    QCOMPARE(
        sql(QStringLiteral("SELECT actor || ' ' || action FROM audit ORDER BY id DESC LIMIT 1")),
        QStringLiteral("aud audit.export"));
    const int rows = intSql(QStringLiteral("SELECT COUNT(*) FROM audit"));

    // Standalone: no site, no catalog, nothing but the file.
    QProcessEnvironment bare = cleanEnvironment();
    const RunResult verified =
        run(ctlPath(), {QStringLiteral("audit"), QStringLiteral("verify-extract"), out}, bare);
    CTL_EXPECT_EXIT(verified, 0);
    CTL_EXPECT_CONTAINS(
        verified.out,
        QStringLiteral(
            "valid extract: %1 rows (ids 1-%1), 2 signed checkpoints (2 on rows of the extract)")
            .arg(rows));
    // Against the site's key from its site.json, and against a fingerprint.
    const RunResult withSite = audit({QStringLiteral("verify-extract"), out});
    CTL_EXPECT_EXIT(withSite, 0);
    const RunResult fingerprint = audit({QStringLiteral("verify")});
    const QRegularExpression key(QStringLiteral("signing key (SHA256:[0-9a-f:]+)"));
    const auto match = key.match(fingerprint.out);
    QVERIFY2(match.hasMatch(), qPrintable(fingerprint.describe()));
    const RunResult withKey = run(ctlPath(),
                                  {QStringLiteral("audit"), QStringLiteral("verify-extract"),
                                   QStringLiteral("--signing-key"), match.captured(1), out},
                                  bare);
    CTL_EXPECT_EXIT(withKey, 0);
    const RunResult wrongKey =
        run(ctlPath(),
            {QStringLiteral("audit"), QStringLiteral("verify-extract"),
             QStringLiteral("--signing-key"), QStringLiteral("SHA256:") + QString(64, u'0'), out},
            bare);
    CTL_EXPECT_EXIT(wrongKey, 1);
    CTL_EXPECT_CONTAINS(wrongKey.out, QStringLiteral("BROKEN: it is signed with key"));

    // Never overwrites.
    const RunResult again =
        audit({QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2000-01-01"),
               QStringLiteral("--to"), QStringLiteral("2100-01-01"), out});
    CTL_EXPECT_EXIT(again, 1);
    CTL_EXPECT_CONTAINS(again.err, QStringLiteral("already exists"));
}

void TestAuditCtl::badExportArguments()
{
    const QString out = m_site->scratch(QStringLiteral("never.json"));
    const RunResult noTo = audit(
        {QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2026-01-01"), out});
    CTL_EXPECT_EXIT(noTo, 2);
    CTL_EXPECT_CONTAINS(noTo.err, QStringLiteral("give --from and --to"));
    const RunResult badDate =
        audit({QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("yesterday"),
               QStringLiteral("--to"), QStringLiteral("2026-01-01"), out});
    CTL_EXPECT_EXIT(badDate, 2);
    CTL_EXPECT_CONTAINS(badDate.err, QStringLiteral("--from is not an ISO 8601 date"));
    const RunResult backwards =
        audit({QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2026-02-01"),
               QStringLiteral("--to"), QStringLiteral("2026-01-01"), out});
    CTL_EXPECT_EXIT(backwards, 2);
    QVERIFY(!QFile::exists(out));
    const RunResult missing = run(ctlPath(),
                                  {QStringLiteral("audit"), QStringLiteral("verify-extract"),
                                   m_site->scratch(QStringLiteral("nothing.json"))},
                                  cleanEnvironment());
    CTL_EXPECT_EXIT(missing, 1);
    CTL_EXPECT_CONTAINS(missing.err, QStringLiteral("Could not read"));
}

void TestAuditCtl::modifiedExtractIsBroken()
{
    const QString original = m_site->scratch(QStringLiteral("extract.json"));
    const QByteArray json = readFile(original);
    QVERIFY(json.contains("\"site.init\""));
    struct Case
    {
        const char *name;
        QByteArray bytes;
    };
    QByteArray changedAction = json;
    changedAction.replace("\"site.init\"", "\"site.fini\"");
    QByteArray flippedSignature = json;
    const int at = flippedSignature.lastIndexOf("\"signature\": \"") + 14;
    flippedSignature[at] = flippedSignature.at(at) == '0' ? '1' : '0';
    const QList<Case> cases = {
        {"row text changed", changedAction},
        {"signature flipped", flippedSignature},
        {"cut short", json.left(json.size() / 2)},
    };
    for (const Case &c : cases) {
        const QString path = m_site->scratch(QStringLiteral("modified.json"));
        QFile::remove(path);
        QVERIFY(writeFile(path, c.bytes));
        const RunResult r =
            run(ctlPath(), {QStringLiteral("audit"), QStringLiteral("verify-extract"), path},
                cleanEnvironment());
        QVERIFY2(r.exitCode == 1,
                 qPrintable(QLatin1String(c.name) + QStringLiteral(": ") + r.describe()));
        QVERIFY2(r.out.startsWith(QStringLiteral("BROKEN: ")),
                 qPrintable(QLatin1String(c.name) + r.describe()));
    }
}

void TestAuditCtl::exportWritesACheckpointWhenDue()
{
    const int before = intSql(QStringLiteral("SELECT COUNT(*) FROM audit_checkpoints"));
    QProcessEnvironment env = m_site->env();
    env.insert(QStringLiteral("CALLVAULT_AUDIT_CHECKPOINT_ROWS"), QStringLiteral("1"));
    const QString out = m_site->scratch(QStringLiteral("extract-2.json"));
    const RunResult r =
        audit({QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2000-01-01"),
               QStringLiteral("--to"), QStringLiteral("2100-01-01"), out},
              &env);
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(intSql(QStringLiteral("SELECT COUNT(*) FROM audit_checkpoints")), before + 1);
    // It covers the export's own audit row.
    QCOMPARE(intSql(QStringLiteral("SELECT MAX(audit_row_id) FROM audit_checkpoints")),
             intSql(QStringLiteral("SELECT MAX(id) FROM audit")));
}

void TestAuditCtl::editedRowIsReported()
{
    const QString actor = sql(QStringLiteral("SELECT actor FROM audit WHERE id = 2"));
    QVERIFY(!actor.isEmpty() && !actor.startsWith(QLatin1String("sqlite3 failed")));
    QCOMPARE(sql(QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE id = 2")), QString());
    const RunResult broken = audit({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(broken, 1);
    CTL_EXPECT_CONTAINS(broken.out,
                        QStringLiteral("BROKEN at row 2: row 2 was changed after it was written"));
    // The verification that found it is audited too, then the row is put back.
    CTL_EXPECT_CONTAINS(sql(QStringLiteral("SELECT details FROM audit ORDER BY id DESC LIMIT 1")),
                        QStringLiteral("\"brokenAtRow\":2"));
    QCOMPARE(sql(QStringLiteral("UPDATE audit SET actor = '%1' WHERE id = 2").arg(actor)),
             QString());
    CTL_EXPECT_EXIT(audit({QStringLiteral("verify")}), 0);
}

void TestAuditCtl::tailTruncationAfterCheckpointIsReported()
{
    CTL_EXPECT_EXIT(audit({QStringLiteral("checkpoint")}), 0);
    const int last = intSql(QStringLiteral("SELECT MAX(id) FROM audit"));
    QCOMPARE(intSql(QStringLiteral("SELECT MAX(audit_row_id) FROM audit_checkpoints")), last);
    QCOMPARE(sql(QStringLiteral("DELETE FROM audit WHERE id >= %1").arg(last - 2)), QString());
    // The auditor's log-in appends a row after the cut, so the trail no longer ends early:
    // the verifier names the signed row that is gone.
    const RunResult broken = audit({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(broken, 1);
    CTL_EXPECT_CONTAINS(broken.out,
                        QStringLiteral("BROKEN at row %1: row %1, which checkpoint ").arg(last));
    CTL_EXPECT_CONTAINS(broken.out, QStringLiteral("is missing: it was removed"));
    const RunResult refused = audit({QStringLiteral("checkpoint")});
    CTL_EXPECT_EXIT(refused, 1);
    CTL_EXPECT_CONTAINS(refused.err, QStringLiteral("Will not sign an audit checkpoint"));
}

QTEST_GUILESS_MAIN(TestAuditCtl)
#include "tst_auditctl.moc"
