// End-to-end: callvaultctl refuses bad input files, an unusable site directory and a full
// disk with exit code 1 and one line that names the problem, and leaves the site as it was:
// same catalog rows, nothing in the spool, earlier recordings still verify.
#include "ctltesthelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace ctltest;

namespace {

QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

// RIFF/WAVE with a 16-byte PCM fmt chunk (8 kHz mono) and no data chunk yet.
QByteArray riffWithFmt()
{
    return wavHeader(8000, 1, 16, 0).left(36);
}

QByteArray garbage(int size)
{
    QRandomGenerator rng(42);
    QByteArray bytes(size, '\0');
    for (char &c : bytes)
        c = static_cast<char>(rng.bounded(256u));
    bytes[0] = 'X'; // never "RIFF" by chance
    return bytes;
}

// Unmounts what it mounted, whatever way the test function ends.
class TmpfsMount final
{
public:
    TmpfsMount(const QString &dir, const QString &size) : m_dir(dir)
    {
        QProcess mount;
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=") + size, QStringLiteral("tmpfs"), dir});
        if (!mount.waitForFinished(30000) || mount.exitStatus() != QProcess::NormalExit ||
            mount.exitCode() != 0)
            m_error = QStringLiteral("mount -t tmpfs -o size=%1 tmpfs %2 failed (%3): %4 %5 -- "
                                     "this test must run as "
                                     "root (or with CAP_SYS_ADMIN) to simulate a full disk")
                          .arg(size, dir, mount.errorString(),
                               QString::fromLocal8Bit(mount.readAllStandardError()),
                               QString::fromLocal8Bit(mount.readAllStandardOutput()));
        else
            m_mounted = true;
    }
    ~TmpfsMount() { unmount(); }
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;

    bool unmount()
    {
        if (!m_mounted)
            return true;
        if (QProcess::execute(QStringLiteral("umount"), {m_dir}) != 0 &&
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir}) != 0)
            return false;
        m_mounted = false;
        return true;
    }
    QString error() const { return m_error; }

private:
    QString m_dir;
    QString m_error;
    bool m_mounted = false;
};

} // namespace

class TestCtlBadInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusesBadWav_data();
    void refusesBadWav();
    void refusesSiteUnderRegularFile();
    void refusesSecondInit();
    void fullDiskFailsCleanly();
    void earlierRecordingsStillVerify();

private:
    void expectSiteUnchanged();

    std::unique_ptr<CtlSite> m_site;
    QStringList m_ids;
};

void TestCtlBadInput::initTestCase()
{
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at \"%1\"").arg(ctlPath())));
    m_site = std::make_unique<CtlSite>();
    QVERIFY(m_site->isValid());
    CTL_EXPECT_EXIT(m_site->init(), 0);
    for (int rate : {8000, 48000}) {
        RunResult r;
        const QString id = m_site->importSine(
            rate, 2, 2000, {QStringLiteral("--agent"), QStringLiteral("2001")}, &r);
        CTL_EXPECT_EXIT(r, 0);
        QVERIFY2(!id.isEmpty(), qPrintable(r.describe()));
        m_ids << id;
    }
    QCOMPARE(m_site->recordingCount(), m_ids.size());
}

void TestCtlBadInput::expectSiteUnchanged()
{
    RunResult list;
    const int count = m_site->recordingCount(&list);
    QVERIFY2(
        count == m_ids.size(),
        qPrintable(QStringLiteral("expected %1 recordings\n").arg(m_ids.size()) + list.describe()));
    QVERIFY2(m_site->spoolFiles().isEmpty(),
             qPrintable(QStringLiteral("left in the spool: ") + m_site->spoolFiles().join(u' ')));
}

void TestCtlBadInput::refusesBadWav_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("create");
    QTest::addColumn<QStringList>("phrases");

    const QByteArray sine = sineWav(8000, 1, 3000); // 44-byte header + 48000 bytes
    QTest::newRow("header-only") << wavHeader(8000, 1, 16, 48000) << true
                                 << QStringList{QStringLiteral("claims 48000 bytes"),
                                                QStringLiteral("incomplete")};
    QTest::newRow("data-cut") << sine.left(44 + 24000) << true
                              << QStringList{QStringLiteral("claims 48000 bytes"),
                                             QStringLiteral("holds only 24000"),
                                             QStringLiteral("incomplete")};
    QTest::newRow("header-cut") << sine.left(30) << true
                                << QStringList{QStringLiteral("truncated header")};
    QTest::newRow("garbage") << garbage(4096) << true
                             << QStringList{QStringLiteral("not a WAV file")};
    QTest::newRow("empty") << QByteArray() << true << QStringList{QStringLiteral("empty")};

    QByteArray hugeFmt =
        QByteArray("RIFF") + le32(0xFFFFFFF0u) + QByteArray("WAVEfmt ") + le32(1u << 30);
    hugeFmt += QByteArray(64, '\0');
    QTest::newRow("fmt-claims-1GB")
        << hugeFmt << true
        << QStringList{QStringLiteral("header too large"), QStringLiteral("1073741824")};

    QByteArray manyChunks = riffWithFmt();
    for (int i = 0; i < 70; ++i)
        manyChunks += QByteArray("JUNK") + le32(2) + QByteArray("xx");
    manyChunks += QByteArray("data") + le32(16000) + QByteArray(16000, '\0');
    QTest::newRow("70-chunks") << manyChunks << true
                               << QStringList{QStringLiteral("header too large"),
                                              QStringLiteral("64 chunks")};

    QTest::newRow("24-bit") << wavHeader(16000, 1, 24, 48000) + QByteArray(48000, '\1') << true
                            << QStringList{QStringLiteral("24-bit PCM"),
                                           QStringLiteral("only 16-bit")};
    QTest::newRow("44.1kHz") << wavHeader(44100, 2, 16, 44100 * 4) + QByteArray(44100 * 4, '\0')
                             << true
                             << QStringList{QStringLiteral("44100 Hz"),
                                            QStringLiteral("8000, 16000 or 48000")};
    QTest::newRow("nonexistent") << QByteArray() << false
                                 << QStringList{QStringLiteral("Could not open"),
                                                QStringLiteral("No such file")};
}

void TestCtlBadInput::refusesBadWav()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, create);
    QFETCH(QStringList, phrases);
    const QString path = m_site->scratch(
        QStringLiteral("bad-%1.wav").arg(QString::fromLatin1(QTest::currentDataTag())));
    if (create)
        QVERIFY(writeFile(path, bytes));

    const RunResult r = m_site->ctl({QStringLiteral("import"), path});
    CTL_EXPECT_EXIT(r, 1);
    QVERIFY2(r.out.trimmed().isEmpty(), qPrintable(r.describe()));
    // One line, from the tool, naming the file and the problem.
    QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
    const QString message = r.errLines().first();
    QVERIFY2(message.startsWith(QStringLiteral("callvaultctl: error: ")), qPrintable(message));
    CTL_EXPECT_CONTAINS(message, QFileInfo(path).fileName());
    for (const QString &phrase : phrases)
        CTL_EXPECT_CONTAINS(message, phrase);
    expectSiteUnchanged();
}

void TestCtlBadInput::refusesSiteUnderRegularFile()
{
    // Permissions do not stop root, so make the parent a regular file instead.
    const QString parent = m_site->scratch(QStringLiteral("plain-file"));
    QVERIFY(writeFile(parent, "not a directory\n"));
    CtlSite other;
    QVERIFY(other.isValid());
    const QString dir = parent + QStringLiteral("/site");
    const RunResult r = run(ctlPath(),
                            {QStringLiteral("init"), QStringLiteral("--site"), dir,
                             QStringLiteral("--key-backend"), QStringLiteral("file")},
                            other.env());
    CTL_EXPECT_EXIT(r, 1);
    QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("Could not create the folder %1").arg(dir));
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("parent exists and is writable"));
    QVERIFY(QFileInfo(parent).isFile());
    QCOMPARE(QFile(parent).size(), qint64(16));
}

void TestCtlBadInput::refusesSecondInit()
{
    const QString siteFile = m_site->dir() + QStringLiteral("/site.json");
    const QByteArray siteJson = readFile(siteFile);
    const QByteArray keyFile = readFile(m_site->keyFile());
    QVERIFY(!siteJson.isEmpty() && !keyFile.isEmpty());
    const RunResult r = m_site->init();
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err,
                        QStringLiteral("A CallVault site already exists in %1").arg(m_site->dir()));
    QCOMPARE(readFile(siteFile), siteJson);
    QCOMPARE(readFile(m_site->keyFile()), keyFile);
    expectSiteUnchanged();
}

void TestCtlBadInput::fullDiskFailsCleanly()
{
    // 2 minutes of 48 kHz stereo noise encode to ~700 KB of Opus: more than the 300 KB spool.
    const QString wav = m_site->scratch(QStringLiteral("noise-120s.wav"));
    QVERIFY(writeFile(wav, noiseWav(48000, 2, 120000)));

    TmpfsMount spool(m_site->spoolDir(), QStringLiteral("300k"));
    QVERIFY2(spool.error().isEmpty(), qPrintable(spool.error()));

    const RunResult r = m_site->ctl(
        {QStringLiteral("import"), QStringLiteral("--agent"), QStringLiteral("2002"), wav});
    CTL_EXPECT_EXIT(r, 1);
    QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
    QVERIFY2(r.errLines().first().startsWith(QStringLiteral("callvaultctl: error: ")),
             qPrintable(r.describe()));
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("is full"));
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("free some space"));
    // The partial container and its key sidecar are gone (still on the full tmpfs here).
    expectSiteUnchanged();

    QVERIFY2(spool.unmount(),
             qPrintable(QStringLiteral("could not unmount %1").arg(m_site->spoolDir())));
    expectSiteUnchanged();
    // With space again, the same file imports.
    const RunResult again = m_site->ctl(
        {QStringLiteral("import"), QStringLiteral("--agent"), QStringLiteral("2002"), wav});
    CTL_EXPECT_EXIT(again, 0);
    CTL_EXPECT_CONTAINS(again.out, QStringLiteral("(00:02:00.0, 48000 Hz, 2 ch)"));
    m_ids << importedId(again);
    expectSiteUnchanged();
}

void TestCtlBadInput::earlierRecordingsStillVerify()
{
    const RunResult r = m_site->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(
        r.out, QStringLiteral("%1 recordings verified: %1 ok, 0 failed").arg(m_ids.size()));
    for (const QString &id : std::as_const(m_ids))
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("OK      %1").arg(id));
}

QTEST_GUILESS_MAIN(TestCtlBadInput)
#include "test_ctl_badinput.moc"
