// `callvaultctl export` and `callvaultctl verify-manifest`, the real binaries: the export
// logs in, needs a reason, writes the file and its signed manifest; opusinfo and ffprobe
// accept the file; verify-manifest (no log-in, no private key) accepts it and rejects a
// changed manifest, a changed file and a manifest signed by another key, each with its
// reason; a user without recording.export is refused and audited as denied; a bulk export
// with a bad id writes the others and a summary.
#include "ctltesthelpers.h"

#include "catalog/database.h"
#include "export/exportmanifest.h"
#include "site/site.h"
#include "site/sitekeys.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace ctltest;

class TestExportCtl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(ctlPath()), "callvaultctl is not built");
        QVERIFY2(!findTool(QStringLiteral("opusinfo")).isEmpty(), "opusinfo is not installed");
        QVERIFY2(!findTool(QStringLiteral("ffprobe")).isEmpty(), "ffprobe is not installed");
        m_site = std::make_unique<CtlSite>();
        CTL_EXPECT_EXIT(m_site->init(), 0);
        RunResult r;
        QVERIFY2(m_site->addExporter(&r), qPrintable(r.describe()));
        QVERIFY2(m_site->addUser(QStringLiteral("viewer"),
                                 {QStringLiteral("--role"), QStringLiteral("qa_evaluator")},
                                 QStringLiteral("Viewer passw0rd for tests"), &r),
                 qPrintable(r.describe()));
        m_id = m_site->importSine(16000, 2, 1200, {QStringLiteral("--agent"), QStringLiteral("7001")}, &r);
        QVERIFY2(!m_id.isEmpty(), qPrintable(r.describe()));
    }

    void exportAndVerify()
    {
        const QString out = m_site->scratch(QStringLiteral("call.opus"));
        RunResult r = exportAs(m_site->exporterEnv(), {m_id, out});
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("manifest %1.manifest.json").arg(out));
        const RunResult info = run(findTool(QStringLiteral("opusinfo")), {out}, m_site->env());
        CTL_EXPECT_EXIT(info, 0);
        CTL_EXPECT_CONTAINS(info.out, QStringLiteral("CALLVAULT_EXPORTED_BY=exporter"));
        CTL_EXPECT_CONTAINS(info.out, QStringLiteral("CALLVAULT_RECORDING_ID=") + m_id);
        const Probe probe = ffprobe(out);
        QVERIFY2(probe.error.isEmpty(), qPrintable(probe.error));
        QCOMPARE(probe.firstStream().value(QStringLiteral("codec_name")).toString(), QStringLiteral("opus"));
        QCOMPARE(probe.firstStream()
                     .value(QStringLiteral("tags")).toObject()
                     .value(QStringLiteral("CALLVAULT_EXPORTED_BY")).toString(),
                 QStringLiteral("exporter"));

        // Verifying needs neither a log-in nor the key passphrase.
        QProcessEnvironment bare = cleanEnvironment();
        const QString manifest = out + QStringLiteral(".manifest.json");
        RunResult v = run(ctlPath(), {QStringLiteral("verify-manifest"), QStringLiteral("--site"), m_site->dir(), manifest}, bare);
        CTL_EXPECT_EXIT(v, 0);
        CTL_EXPECT_CONTAINS(v.out, QStringLiteral("valid manifest: recording ") + m_id);
        CTL_EXPECT_CONTAINS(v.out, QStringLiteral("exported by exporter (exporter)"));
        CTL_EXPECT_CONTAINS(v.out, QStringLiteral("reason: ctl test"));

        // A changed reason.
        const QByteArray original = readFile(manifest);
        QJsonObject json = QJsonDocument::fromJson(original).object();
        json.insert(QStringLiteral("reason"), QStringLiteral("nothing to see"));
        const QString changed = m_site->scratch(QStringLiteral("changed.manifest.json"));
        QVERIFY(writeFile(changed, QJsonDocument(json).toJson()));
        v = run(ctlPath(), {QStringLiteral("verify-manifest"), QStringLiteral("--site"), m_site->dir(),
                            QStringLiteral("--file"), out, changed}, bare);
        CTL_EXPECT_EXIT(v, 1);
        CTL_EXPECT_CONTAINS(v.out, QStringLiteral("INVALID: The manifest's signature does not match its contents"));

        // Signed by another key (a site that is not this one).
        auto parsed = cv::ExportManifest::fromJson(original);
        QVERIFY(parsed);
        auto other = cv::SiteKeys::generate();
        QVERIFY(other);
        QVERIFY(parsed->sign(other->signing));
        const QString foreign = m_site->scratch(QStringLiteral("foreign.manifest.json"));
        QVERIFY(writeFile(foreign, parsed->toJson()));
        v = run(ctlPath(), {QStringLiteral("verify-manifest"), QStringLiteral("--site"), m_site->dir(),
                            QStringLiteral("--file"), out, foreign}, bare);
        CTL_EXPECT_EXIT(v, 1);
        CTL_EXPECT_CONTAINS(v.out, QStringLiteral("INVALID: The manifest is signed with another key"));

        // A changed file.
        QByteArray audio = readFile(out);
        audio[audio.size() - 5] = char(audio.at(audio.size() - 5) ^ 0x55);
        QVERIFY(writeFile(out, audio));
        v = run(ctlPath(), {QStringLiteral("verify-manifest"), QStringLiteral("--site"), m_site->dir(), manifest}, bare);
        CTL_EXPECT_EXIT(v, 1);
        CTL_EXPECT_CONTAINS(v.out, QStringLiteral("is not the exported file the manifest describes"));
    }

    void reasonIsRequired()
    {
        const QString out = m_site->scratch(QStringLiteral("noreason.opus"));
        const RunResult r = m_site->ctl({QStringLiteral("export"), m_id, out}, m_site->exporterEnv());
        CTL_EXPECT_EXIT(r, 2);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("--reason"));
        QVERIFY(!QFile::exists(out));
    }

    void refusedWithoutPermissionAndAudited()
    {
        const QString out = m_site->scratch(QStringLiteral("denied.opus"));
        const RunResult r = exportAs(m_site->envAs(QStringLiteral("viewer"), QStringLiteral("Viewer passw0rd for tests")),
                                     {m_id, out});
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("Permission denied"));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + QStringLiteral(".manifest.json")));
        auto site = cv::Site::open(m_site->dir());
        QVERIFY(site);
        auto db = site->openCatalog();
        QVERIFY(db);
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.prepare(QStringLiteral("SELECT count(*) FROM audit WHERE action = ? AND result = ? "
                                         "AND actor = ? AND target = ?")));
        q.addBindValue(QStringLiteral("recording.export"));
        q.addBindValue(QStringLiteral("denied"));
        q.addBindValue(QStringLiteral("viewer"));
        q.addBindValue(m_id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void bulkWithABadId()
    {
        RunResult r;
        const QString second = m_site->importSine(8000, 1, 700, {QStringLiteral("--agent"), QStringLiteral("7002")}, &r);
        QVERIFY2(!second.isEmpty(), qPrintable(r.describe()));
        const QString dir = m_site->scratch(QStringLiteral("bulk"));
        QVERIFY(QDir().mkpath(dir));
        r = exportAs(m_site->exporterEnv(), {QStringLiteral("--dir"), dir, QStringLiteral("--format"),
                                             QStringLiteral("wav"), m_id,
                                             QStringLiteral("00000000-0000-4000-8000-000000000001"), second});
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("2 exported, 1 failed"));
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("FAILED 00000000-0000-4000-8000-000000000001"));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), 4);
        for (const QString &id : {m_id, second}) {
            const QString wav = QDir(dir).filePath(id + QStringLiteral(".wav"));
            const PcmWav pcm = readPcmWav(wav);
            QVERIFY2(pcm.ok, qPrintable(pcm.problem));
            const RunResult v = run(ctlPath(), {QStringLiteral("verify-manifest"), QStringLiteral("--site"),
                                                m_site->dir(), wav + QStringLiteral(".manifest.json")},
                                    cleanEnvironment());
            CTL_EXPECT_EXIT(v, 0);
        }
    }

private:
    RunResult exportAs(const QProcessEnvironment &env, const QStringList &args)
    {
        return m_site->ctl(QStringList{QStringLiteral("export"), QStringLiteral("--reason"),
                                       QStringLiteral("ctl test")} + args, env);
    }

    std::unique_ptr<CtlSite> m_site;
    QString m_id;
};

QTEST_MAIN(TestExportCtl)
#include "tst_exportctl.moc"
