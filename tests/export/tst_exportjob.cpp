// ExportJob on a real site (SQLite, key file, WavImporter recordings): the permission and
// the reason are required and a refusal is audited; the audit row exists before the file;
// .opus keeps its audio pages bit for bit and gains the export stamp (checked with the real
// opusinfo and ffprobe); .wav gets a LIST/INFO chunk; the signed manifest verifies and
// rejects changes; bulk export survives a bad id; a cancel leaves nothing behind.
#include "authtestsupport.h"
#include "exporttestsupport.h"

#include "export/exportjob.h"
#include "export/exportmanifest.h"
#include "site/site.h"
#include "store/recordingaccess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cv;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Offset of the `n`-th Ogg page (0-based), -1 when there are fewer.
qint64 pageOffset(const QByteArray &ogg, int n)
{
    qint64 at = 0;
    for (int i = 0; i < n; ++i) {
        if (at + 27 > ogg.size())
            return -1;
        const int segments = static_cast<unsigned char>(ogg.at(at + 26));
        qint64 body = 0;
        for (int s = 0; s < segments; ++s)
            body += static_cast<unsigned char>(ogg.at(at + 27 + s));
        at += 27 + segments + body;
    }
    return at < ogg.size() ? at : -1;
}

} // namespace

class TestExportJob final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_site.setUp());
        m_id = m_site.importSine(16000, 2, 1500);
        QVERIFY(!m_id.isNull());
        auto sam = m_site.principal(QStringLiteral("sam"));
        QVERIFY(sam);
        m_sam = *sam;
        auto quinn = m_site.principal(QStringLiteral("quinn"));
        QVERIFY(quinn);
        m_quinn = *quinn;
        QVERIFY2(!requireTool(QStringLiteral("opusinfo")).isEmpty(), "opusinfo is not installed");
        QVERIFY2(!requireTool(QStringLiteral("ffprobe")).isEmpty(), "ffprobe is not installed");
    }

    void opusKeepsAudioPagesAndCarriesTheStamp()
    {
        const QString out = m_site.scratch(QStringLiteral("call.opus"));
        const qint64 before = authtest::lastAuditId(m_site.catalog());
        bool auditedBeforeAudio = false;
        bool fileAbsentWhileWriting = true;
        auto exported = job(m_sam).exportOne(m_id, out, QStringLiteral("customer complaint 42"),
                                             [&](int, int, qint64, qint64) {
            const auto rows = authtest::auditRows(m_site.catalog(), before);
            auditedBeforeAudio =
                auditedBeforeAudio ||
                authtest::countAudit(rows, QStringLiteral("recording.export"), QStringLiteral("allowed")) == 1;
            fileAbsentWhileWriting = fileAbsentWhileWriting && !QFile::exists(out);
            return true;
        });
        QVERIFY2(exported, qPrintable(exported.errorMessage()));
        QVERIFY(auditedBeforeAudio);
        QVERIFY(fileAbsentWhileWriting);
        QCOMPARE(exported->file, QFileInfo(out).absoluteFilePath());
        QVERIFY(QFile::exists(ExportJob::manifestPathFor(out)));
        const auto rows = authtest::auditRows(m_site.catalog(), before);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("recording.export"), QStringLiteral("allowed")), 1);
        QVERIFY(rows.last().details.contains(QStringLiteral("customer complaint 42")));
        QCOMPARE(rows.last().target, m_id.toString(QUuid::WithoutBraces));

        // The stored stream, decrypted: from the third page on (the audio) bit for bit.
        const Site site = m_site.site();
        RecordingAccess access(site.layout(), m_site.catalog(), m_site.keys().encryption);
        auto opened = access.open(m_id);
        QVERIFY(opened);
        QByteArray stored(opened->reader->size(), Qt::Uninitialized);
        auto n = opened->reader->readAt(0, stored.data(), stored.size());
        QVERIFY(n && n.value() == stored.size());
        const QByteArray file = readAll(out);
        const qint64 storedAudio = pageOffset(stored, 2);
        const qint64 fileAudio = pageOffset(file, 2);
        QVERIFY(storedAudio > 0 && fileAudio > 0);
        QVERIFY(file.mid(fileAudio) == stored.mid(storedAudio));
        QVERIFY(file.left(pageOffset(file, 1)) == stored.left(pageOffset(stored, 1))); // OpusHead

        const ToolRun info = runTool(requireTool(QStringLiteral("opusinfo")), {out});
        QVERIFY2(info.exitCode == 0, qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("CALLVAULT_EXPORTED_BY=sam")), qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("CALLVAULT_EXPORTED_AT=") +
                                   ExportManifest::isoUtc(exported->manifest.exportedAt)),
                 qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("CALLVAULT_SOURCE=import")), qPrintable(info.out));
        QVERIFY2(!info.out.contains(QStringLiteral("WARNING")), qPrintable(info.out));
        const ToolRun probe = runTool(requireTool(QStringLiteral("ffprobe")),
                                      {QStringLiteral("-v"), QStringLiteral("error"),
                                       QStringLiteral("-show_streams"), QStringLiteral("-of"),
                                       QStringLiteral("json"), out});
        QVERIFY2(probe.exitCode == 0, qPrintable(probe.out));
        QVERIFY2(probe.out.contains(QStringLiteral("\"CALLVAULT_EXPORTED_BY\": \"sam\"")),
                 qPrintable(probe.out));

        const ExportManifest &m = exported->manifest;
        QVERIFY(m.verify(m_site.site().config().publicKeys.signing));
        QVERIFY(m.verifyFile(out));
        QCOMPARE(m.exporterName, QStringLiteral("sam"));
        QCOMPARE(m.exporterRole, QStringLiteral("supervisor"));
        QCOMPARE(m.reason, QStringLiteral("customer complaint 42"));
        QCOMPARE(m.fileFormat, QStringLiteral("opus"));
        QCOMPARE(m.recordingAgentId, QStringLiteral("A1"));
        auto reread = ExportManifest::fromJson(readAll(ExportJob::manifestPathFor(out)));
        QVERIFY2(reread, qPrintable(reread.errorMessage()));
        QVERIFY(reread->verify(m_site.site().config().publicKeys.signing));
        QCOMPARE(reread->canonicalBytes(), m.canonicalBytes());

        // A second export to the same name is refused: nothing is overwritten.
        auto again = job(m_sam).exportOne(m_id, out, QStringLiteral("again"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
    }

    void wavCarriesAnInfoChunk()
    {
        const QString out = m_site.scratch(QStringLiteral("call.wav"));
        auto exported = job(m_sam).exportOne(m_id, out, QStringLiteral("court order"));
        QVERIFY2(exported, qPrintable(exported.errorMessage()));
        const ToolRun probe = runTool(requireTool(QStringLiteral("ffprobe")),
                                      {QStringLiteral("-v"), QStringLiteral("error"),
                                       QStringLiteral("-show_format"), QStringLiteral("-show_streams"),
                                       QStringLiteral("-of"), QStringLiteral("json"), out});
        QVERIFY2(probe.exitCode == 0, qPrintable(probe.out));
        const QJsonObject json = QJsonDocument::fromJson(probe.out.toUtf8()).object();
        const QJsonObject tags = json.value(QStringLiteral("format")).toObject().value(QStringLiteral("tags")).toObject();
        QVERIFY2(tags.value(QStringLiteral("comment")).toString().contains(QStringLiteral("CALLVAULT_EXPORTED_BY=sam")),
                 qPrintable(probe.out));
        QCOMPARE(tags.value(QStringLiteral("encoder")).toString(), QStringLiteral("CallVault"));
        QCOMPARE(json.value(QStringLiteral("streams")).toArray().first().toObject().value(QStringLiteral("codec_name")).toString(),
                 QStringLiteral("pcm_s16le"));
        QVERIFY(exported->manifest.verifyFile(out));
        QCOMPARE(exported->manifest.fileFormat, QStringLiteral("wav"));
    }

    void manifestRejectsChanges()
    {
        const QString out = m_site.scratch(QStringLiteral("tamper.opus"));
        auto exported = job(m_sam).exportOne(m_id, out, QStringLiteral("quality review"));
        QVERIFY(exported);
        const QByteArray publicKey = m_site.site().config().publicKeys.signing;
        ExportManifest changed = exported->manifest;
        changed.reason = QStringLiteral("something else");
        QCOMPARE(changed.verify(publicKey).error().code, ErrorCode::Tampered);
        QVERIFY(changed.verify(publicKey).errorMessage().contains(QStringLiteral("changed after")));
        auto other = SiteKeys::generate();
        QVERIFY(other);
        ExportManifest foreign = exported->manifest;
        QVERIFY(foreign.sign(other->signing));
        QVERIFY(foreign.verify(other->signing.publicKey()));
        QVERIFY(foreign.verify(publicKey).errorMessage().contains(QStringLiteral("another key")));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() - 10);
        file.write("XX");
        file.close();
        QCOMPARE(exported->manifest.verifyFile(out).error().code, ErrorCode::Tampered);
    }

    void parserIsStrict_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("unknown field") << QStringLiteral("extra") << QJsonValue(1);
        QTest::newRow("bad uuid") << QStringLiteral("recordingId") << QJsonValue(QStringLiteral("x"));
        QTest::newRow("number as string") << QStringLiteral("reason") << QJsonValue(5);
        QTest::newRow("local time") << QStringLiteral("exportedAt") << QJsonValue(QStringLiteral("2026-01-01T08:00:00"));
        QTest::newRow("short signature") << QStringLiteral("signature") << QJsonValue(QStringLiteral("AAAA"));
        QTest::newRow("version") << QStringLiteral("version") << QJsonValue(2);
    }

    void parserIsStrict()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        ExportManifest m;
        m.recordingId = m_id;
        m.siteId = QUuid::createUuid();
        m.exporterName = QStringLiteral("sam");
        m.exporterRole = QStringLiteral("supervisor");
        m.exportedAt = QDateTime::currentDateTimeUtc();
        m.reason = QStringLiteral("r");
        m.fileName = QStringLiteral("a.opus");
        m.fileFormat = QStringLiteral("opus");
        m.fileSha256 = QString(64, QLatin1Char('a'));
        m.recordingStartedAt = m.exportedAt;
        QVERIFY(m.sign(m_site.keys().signing));
        QVERIFY(ExportManifest::fromJson(m.toJson()));
        QJsonObject root = QJsonDocument::fromJson(m.toJson()).object();
        root.insert(field, value);
        auto parsed = ExportManifest::fromJson(QJsonDocument(root).toJson());
        QVERIFY(!parsed);
        QVERIFY(parsed.error().code == ErrorCode::Format || parsed.error().code == ErrorCode::Unsupported);
    }

    void refusedWithoutPermissionAndAudited()
    {
        const QString out = m_site.scratch(QStringLiteral("denied.opus"));
        const qint64 before = authtest::lastAuditId(m_site.catalog());
        auto exported = job(m_quinn).exportOne(m_id, out, QStringLiteral("just curious"));
        QVERIFY(!exported);
        QCOMPARE(exported.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(ExportJob::manifestPathFor(out)));
        const auto rows = authtest::auditRows(m_site.catalog(), before);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("recording.export"), QStringLiteral("denied")), 1);
        QCOMPARE(rows.last().actor, QStringLiteral("quinn"));
        QCOMPARE(rows.last().target, m_id.toString(QUuid::WithoutBraces));
    }

    void reasonIsRequired()
    {
        const qint64 before = authtest::lastAuditId(m_site.catalog());
        auto exported = job(m_sam).exportOne(m_id, m_site.scratch(QStringLiteral("noreason.opus")), QStringLiteral("  "));
        QVERIFY(!exported);
        QCOMPARE(exported.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(authtest::lastAuditId(m_site.catalog()), before);
    }

    void bulkSurvivesABadId()
    {
        const QUuid second = m_site.importSine(8000, 1, 800);
        QVERIFY(!second.isNull());
        const QString dir = m_site.scratch(QStringLiteral("bulk"));
        QVERIFY(QDir().mkpath(dir));
        const QUuid missing = QUuid::createUuid();
        const ExportSummary summary = job(m_sam).exportMany({m_id, missing, second}, dir,
                                                            RecordingExporter::Format::Opus,
                                                            QStringLiteral("bulk review"));
        QCOMPARE(summary.items.size(), 3);
        QCOMPARE(summary.exported(), 2);
        QCOMPARE(summary.failed(), 1);
        QVERIFY(!summary.items.at(1).ok());
        QCOMPARE(summary.items.at(1).error.code, ErrorCode::NotFound);
        QVERIFY(summary.text().startsWith(QStringLiteral("2 exported, 1 failed")));
        QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden);
        files.sort();
        QStringList expected{ExportJob::fileNameFor(m_id, RecordingExporter::Format::Opus),
                             ExportJob::fileNameFor(second, RecordingExporter::Format::Opus)};
        expected << expected.at(0) + QStringLiteral(".manifest.json")
                 << expected.at(1) + QStringLiteral(".manifest.json");
        expected.sort();
        QCOMPARE(files, expected);
    }

    void cancelLeavesNothing()
    {
        const QString dir = m_site.scratch(QStringLiteral("cancel"));
        QVERIFY(QDir().mkpath(dir));
        int calls = 0;
        const ExportSummary summary = job(m_sam).exportMany(
            {m_id}, dir, RecordingExporter::Format::Wav, QStringLiteral("cancelled"),
            [&](int, int, qint64 done, qint64) { return ++calls < 3 || done == 0; });
        QVERIFY(summary.cancelled);
        QVERIFY(calls >= 3);
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

private:
    ExportJob job(const Principal &who)
    {
        const Site site = m_site.site();
        return ExportJob(site.layout(), m_site.catalog(), m_site.keys(), site.config().siteId, who);
    }

    ExportTestSite m_site;
    QUuid m_id;
    Principal m_sam;
    Principal m_quinn;
};

QTEST_MAIN(TestExportJob)
#include "tst_exportjob.moc"
