// The command-line surface of the programs: --help and --version of callvaultctl and of the
// workstation (when the UI is built), every sub-command's --help, usage errors (exit 2,
// message on stderr, nothing created), a missing site (exit 1) and a short `bench encode`.
#include "ctltesthelpers.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace ctltest;

#ifndef CALLVAULT_TEST_EXPECT_WORKSTATION
#error "tests/ctl/CMakeLists.txt must say whether the workstation is built"
#endif

namespace {

const QStringList kCommands = {
    QStringLiteral("init"),    QStringLiteral("import"), QStringLiteral("list"),
    QStringLiteral("export"),  QStringLiteral("verify"), QStringLiteral("recover"),
    QStringLiteral("demo"),    QStringLiteral("key"),    QStringLiteral("bench"),
    QStringLiteral("search"),  QStringLiteral("audit"),  QStringLiteral("tag"),
    QStringLiteral("bookmark"), QStringLiteral("verify-manifest")};

RunResult ctl(const QStringList &args)
{
    return run(ctlPath(), args, cleanEnvironment(), 60000);
}

} // namespace

class TestCtlCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void help_data();
    void help();
    void version_data();
    void version();
    void subcommandHelp_data();
    void subcommandHelp();
    void subcommandHelpNamesTheCommand_data();
    void subcommandHelpNamesTheCommand();
    void usageErrors_data();
    void usageErrors();
    void missingSite_data();
    void missingSite();
    void benchEncodeRuns();
#if CALLVAULT_TEST_EXPECT_WORKSTATION
    void workstationHelpAndVersion();
#endif

private:
    void addSubcommandRows();
    QTemporaryDir m_tmp;
};

void TestCtlCli::initTestCase()
{
    QVERIFY2(!ctlPath().isEmpty(), "CALLVAULT_BUILD_DIR is not set: run the test through ctest");
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at %1").arg(ctlPath())));
    QVERIFY(m_tmp.isValid());
}

void TestCtlCli::help_data()
{
    QTest::addColumn<QString>("flag");
    for (const QString &flag :
         {QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("help")})
        QTest::newRow(qPrintable(flag)) << flag;
}

void TestCtlCli::help()
{
    QFETCH(QString, flag);
    const RunResult r = ctl({flag});
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: callvaultctl COMMAND")),
             qPrintable(r.describe()));
    for (const QString &command : kCommands) {
        QVERIFY2(r.out.contains(QStringLiteral("\n  %1 ").arg(command)),
                 qPrintable(QStringLiteral("%1 missing from:\n%2").arg(command, r.out)));
    }
    QVERIFY2(r.err.isEmpty(), qPrintable(r.describe()));
}

void TestCtlCli::version_data()
{
    QTest::addColumn<QString>("flag");
    QTest::newRow("--version") << QStringLiteral("--version");
    QTest::newRow("-v") << QStringLiteral("-v");
}

void TestCtlCli::version()
{
    QFETCH(QString, flag);
    const RunResult r = ctl({flag});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QStringLiteral("callvaultctl " CALLVAULT_VERSION "\n"));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.describe()));
}

void TestCtlCli::addSubcommandRows()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QStringList>("phrases"); // in the help text
    const QString site = QStringLiteral("--site <DIR>");
    QTest::newRow("init") << QStringList{QStringLiteral("init")}
                          << QStringList{site, QStringLiteral("--pg <URL>"),
                                         QStringLiteral("--key-backend"),
                                         QStringLiteral("--admin-password-file"),
                                         QStringLiteral("--passphrase-file")};
    QTest::newRow("import") << QStringList{QStringLiteral("import")}
                            << QStringList{site,
                                           QStringLiteral("--agent"),
                                           QStringLiteral("--phone"),
                                           QStringLiteral("--started-at"),
                                           QStringLiteral("--direction"),
                                           QStringLiteral("FILE.wav")};
    QTest::newRow("list") << QStringList{QStringLiteral("list")}
                          << QStringList{site, QStringLiteral("--limit")};
    QTest::newRow("export") << QStringList{QStringLiteral("export")}
                            << QStringList{site, QStringLiteral("--reason"), QStringLiteral("--user"),
                                           QStringLiteral("--dir"), QStringLiteral(".opus or .wav"),
                                           QStringLiteral("manifest")};
    QTest::newRow("verify-manifest") << QStringList{QStringLiteral("verify-manifest")}
                                     << QStringList{site, QStringLiteral("--file"),
                                                    QStringLiteral("MANIFEST"),
                                                    QStringLiteral("exits 1")};
    QTest::newRow("verify") << QStringList{QStringLiteral("verify")}
                            << QStringList{site, QStringLiteral("--passphrase-file")};
    QTest::newRow("recover") << QStringList{QStringLiteral("recover")} << QStringList{site};
    QTest::newRow("demo") << QStringList{QStringLiteral("demo")}
                          << QStringList{site, QStringLiteral("--count"), QStringLiteral("--seed")};
    QTest::newRow("bench") << QStringList{QStringLiteral("bench")}
                           << QStringList{QStringLiteral("--streams"), QStringLiteral("--seconds"),
                                          QStringLiteral("--threads")};
    QTest::newRow("key fingerprint")
        << QStringList{QStringLiteral("key"), QStringLiteral("fingerprint")} << QStringList{site};
    // The commands that act as a CallVault user say how to log in.
    const QString user = QStringLiteral("--user <NAME>");
    const QString passwordFile = QStringLiteral("--password-file <FILE>");
    QTest::newRow("key export") << QStringList{QStringLiteral("key"), QStringLiteral("export")}
                                << QStringList{site, user, passwordFile,
                                               QStringLiteral("--backup-passphrase-file")};
    QTest::newRow("key import") << QStringList{QStringLiteral("key"), QStringLiteral("import")}
                                << QStringList{site, user,
                                               QStringLiteral("--backup-passphrase-file")};
    QTest::newRow("search") << QStringList{QStringLiteral("search")}
                            << QStringList{site, user, passwordFile,
                                           QStringLiteral("--phone <NUM>"),
                                           QStringLiteral("--tag <NAME>")};
    QTest::newRow("audit verify") << QStringList{QStringLiteral("audit"), QStringLiteral("verify")}
                                  << QStringList{site, user, QStringLiteral("audit.verify")};
    QTest::newRow("audit export") << QStringList{QStringLiteral("audit"), QStringLiteral("export")}
                                  << QStringList{site, user, QStringLiteral("audit.read")};
    QTest::newRow("tag add") << QStringList{QStringLiteral("tag"), QStringLiteral("add")}
                             << QStringList{site, user, QStringLiteral("RECORDING"),
                                            QStringLiteral("TAG..."),
                                            QStringLiteral("recording.tag")};
    QTest::newRow("tag names") << QStringList{QStringLiteral("tag"), QStringLiteral("names")}
                               << QStringList{user, QStringLiteral("--prefix <TEXT>")};
    QTest::newRow("bookmark add") << QStringList{QStringLiteral("bookmark"), QStringLiteral("add")}
                                  << QStringList{user, QStringLiteral("--at <POS>"),
                                                 QStringLiteral("--text <TEXT>"),
                                                 QStringLiteral("RECORDING")};
    QTest::newRow("bookmark remove")
        << QStringList{QStringLiteral("bookmark"), QStringLiteral("remove")}
        << QStringList{user, QStringLiteral("ID")};
}

void TestCtlCli::subcommandHelp_data()
{
    addSubcommandRows();
    QTest::newRow("key") << QStringList{QStringLiteral("key")}
                         << QStringList{QStringLiteral("fingerprint|export FILE|import FILE")};
}

void TestCtlCli::subcommandHelp()
{
    QFETCH(QStringList, command);
    QFETCH(QStringList, phrases);
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const RunResult r = ctl(command + QStringList{flag});
        CTL_EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: ")), qPrintable(r.describe()));
        for (const QString &phrase : phrases)
            CTL_EXPECT_CONTAINS(r.out, phrase);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.describe()));
    }
}

void TestCtlCli::subcommandHelpNamesTheCommand_data()
{
    addSubcommandRows();
}

// The usage line must show how to call the command: "Usage: callvaultctl import [options]
// FILE.wav", not the bare program path (which would run no command at all).
void TestCtlCli::subcommandHelpNamesTheCommand()
{
    QFETCH(QStringList, command);
    const RunResult r = ctl(command + QStringList{QStringLiteral("--help")});
    CTL_EXPECT_EXIT(r, 0);
    const QString usage = r.out.section(u'\n', 0, 0);
    CTL_EXPECT_CONTAINS(usage, QStringLiteral("callvaultctl ") + command.join(u' ') + u' ');
}

void TestCtlCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("phrase");
    const QString wav = QStringLiteral("some.wav");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage: callvaultctl COMMAND");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("unknown command \"frobnicate\"");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("list"), QStringLiteral("--frobnicate")}
        << QStringLiteral("Try: callvaultctl list --help");
    QTest::newRow("import without file")
        << QStringList{QStringLiteral("import")} << QStringLiteral("give exactly one WAV file");
    QTest::newRow("import two files") << QStringList{QStringLiteral("import"), wav, wav}
                                      << QStringLiteral("give exactly one WAV file");
    QTest::newRow("bad direction")
        << QStringList{QStringLiteral("import"), QStringLiteral("--direction"),
                       QStringLiteral("sideways"), wav}
        << QStringLiteral("--direction must be in or out");
    QTest::newRow("bad started-at")
        << QStringList{QStringLiteral("import"), QStringLiteral("--started-at"),
                       QStringLiteral("yesterday"), wav}
        << QStringLiteral("--started-at is not an ISO 8601");
    QTest::newRow("list limit 0") << QStringList{QStringLiteral("list"), QStringLiteral("--limit"),
                                                 QStringLiteral("0")}
                                  << QStringLiteral("--limit must be a positive number");
    QTest::newRow("export one argument")
        << QStringList{QStringLiteral("export"), QStringLiteral("x")}
        << QStringLiteral("give a recording id and an output file");
    QTest::newRow("bad key backend")
        << QStringList{QStringLiteral("init"), QStringLiteral("--key-backend"),
                       QStringLiteral("usb")}
        << QStringLiteral("--key-backend must be auto, keychain or file");
    QTest::newRow("demo count 0") << QStringList{QStringLiteral("demo"), QStringLiteral("--count"),
                                                 QStringLiteral("0")}
                                  << QStringLiteral("--count must be between 1 and 10000");
    QTest::newRow("bench without encode")
        << QStringList{QStringLiteral("bench")} << QStringLiteral("bench encode");
    QTest::newRow("key unknown") << QStringList{QStringLiteral("key"), QStringLiteral("renew")}
                                 << QStringLiteral("unknown key command \"renew\"");
    QTest::newRow("key export no file")
        << QStringList{QStringLiteral("key"), QStringLiteral("export")}
        << QStringLiteral("expected FILE");
    // Commands that log in need to know who: a usage mistake before anything is opened.
    const QString who = QStringLiteral("say who you are: --user NAME or $CALLVAULT_USER");
    QTest::newRow("key export without user")
        << QStringList{QStringLiteral("key"), QStringLiteral("export"), QStringLiteral("b.json")}
        << who;
    QTest::newRow("search without user") << QStringList{QStringLiteral("search")} << who;
    QTest::newRow("audit verify without user")
        << QStringList{QStringLiteral("audit"), QStringLiteral("verify")} << who;
    QTest::newRow("tag add without user")
        << QStringList{QStringLiteral("tag"), QStringLiteral("add"),
                       QStringLiteral("00000000-0000-4000-8000-000000000001"), QStringLiteral("x")}
        << who;
    QTest::newRow("bookmark without sub-command")
        << QStringList{QStringLiteral("bookmark")} << QStringLiteral("bookmark add RECORDING");
    QTest::newRow("key without sub-command")
        << QStringList{QStringLiteral("key")}
        << QStringLiteral("fingerprint|export FILE|import FILE");
}

void TestCtlCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, phrase);
    const QString site = m_tmp.filePath(QStringLiteral("never-created"));
    // Every command that takes --site gets one that does not exist; nothing may create it.
    QStringList withSite = args;
    const bool takesSite = !args.isEmpty() && args.first() != QLatin1String("frobnicate") &&
                           args.first() != QLatin1String("bench") &&
                           args != QStringList{QStringLiteral("key")} &&
                           args != QStringList{QStringLiteral("bookmark")};
    if (takesSite)
        withSite << QStringLiteral("--site") << site;
    const RunResult r = ctl(withSite);
    CTL_EXPECT_EXIT(r, 2);
    // Errors and the usage that explains them go to stderr; stdout stays clean for scripts.
    CTL_EXPECT_CONTAINS(r.err, phrase);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    QVERIFY2(!QFile::exists(site), "a usage error created the site directory");
}

void TestCtlCli::missingSite_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("list") << QStringList{QStringLiteral("list")};
    QTest::newRow("verify") << QStringList{QStringLiteral("verify")};
    QTest::newRow("recover") << QStringList{QStringLiteral("recover")};
    QTest::newRow("import") << QStringList{QStringLiteral("import"), QStringLiteral("x.wav")};
    QTest::newRow("export") << QStringList{QStringLiteral("export"), QStringLiteral("--reason"),
                                           QStringLiteral("test"),
                                           QStringLiteral("00000000-0000-4000-8000-000000000001"),
                                           QStringLiteral("x.opus")};
    QTest::newRow("verify-manifest")
        << QStringList{QStringLiteral("verify-manifest"), QStringLiteral("x.manifest.json")};
    QTest::newRow("key fingerprint")
        << QStringList{QStringLiteral("key"), QStringLiteral("fingerprint")};
}

void TestCtlCli::missingSite()
{
    QFETCH(QStringList, args);
    const QString site = m_tmp.filePath(QStringLiteral("no-site-here"));
    const RunResult r = ctl(args + QStringList{QStringLiteral("--site"), site});
    CTL_EXPECT_EXIT(r, 1);
    QCOMPARE(r.errLines().size(), 1);
    CTL_EXPECT_CONTAINS(r.err,
                        QStringLiteral("callvaultctl: error: No CallVault site in %1").arg(site));
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("callvaultctl init --site %1").arg(site));
    QVERIFY(!QFile::exists(site));
}

void TestCtlCli::benchEncodeRuns()
{
    const RunResult r =
        ctl({QStringLiteral("bench"), QStringLiteral("encode"), QStringLiteral("--streams"),
             QStringLiteral("1"), QStringLiteral("--seconds"), QStringLiteral("1"),
             QStringLiteral("--threads"), QStringLiteral("1")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("bench encode: 1 streams x 1 s, 1 threads"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("bare libopus"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("full pipeline"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("ratio pipeline/bare:"));
    // Figures from a 1-second run are noise, and benchmarks are not pass/fail (STYLE.md):
    // only the verdict line must be there.
    const QString verdict = r.out.trimmed().section(u'\n', -1);
    QVERIFY2(verdict == QLatin1String("target met") || verdict == QLatin1String("target NOT met"),
             qPrintable(r.describe()));
}

#if CALLVAULT_TEST_EXPECT_WORKSTATION
void TestCtlCli::workstationHelpAndVersion()
{
    // Built with CALLVAULT_BUILD_UI=ON: the workstation must be there.
    const QString program = workstationPath();
    QVERIFY2(QFile::exists(program),
             qPrintable(QStringLiteral(
                            "the workstation is not built at %1 although CALLVAULT_BUILD_UI is ON")
                            .arg(program)));
    QProcessEnvironment env = cleanEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_tmp.path());

    RunResult r = run(program, {QStringLiteral("--help")}, env, 60000);
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Usage: ")), qPrintable(r.describe()));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("--site <DIR>"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("--lang <LANG>"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("--version"));

    r = run(program, {QStringLiteral("--version")}, env, 60000);
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("CallVault " CALLVAULT_VERSION));
}
#endif

QTEST_GUILESS_MAIN(TestCtlCli)
#include "test_ctl_cli.moc"
