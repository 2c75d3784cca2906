// PlaybackAuthorizer on a server-enforced PostgreSQL catalog (docs/postgres-security.md):
// the key is released by the server, which writes the one 'recording.play' row itself, so the
// player adds none of its own; a role without recording.play is refused before any key is
// asked for, and the refusal is audited once. Needs tests/tools/with-services.sh.
#include "auth/accesscontrol.h"
#include "catalog/catalogconfig.h"
#include "playback/decodedaudiosource.h"
#include "playback/playbackauthorizer.h"
#include "playbacktestsupport.h"
#include "securedcatalog.h"
#include "store/recordingarchiver.h"
#include "store/recordingwriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <vector>

using namespace cv;

namespace {
const QString kHost = QStringLiteral("ws-pg");
const QString kProgram = QStringLiteral("tst_playbackauthorizer_pg");
} // namespace

class TestPlaybackAuthorizerPg final : public QObject
{
    Q_OBJECT

private:
    Principal principalOf(Database &db, qint64 userId)
    {
        auto p = AccessControl(db).loadPrincipal(userId, kHost, kProgram);
        if (!p)
            qFatal("principal: %s", qPrintable(p.errorMessage()));
        return p.takeValue();
    }

    QString playRowsSince(qint64 afterId)
    {
        auto rows = m_catalog->scalar(
            QStringLiteral("SELECT coalesce(string_agg(action || ' ' || result || ' ' || actor, ', "
                           "' ORDER BY id), '') "
                           "FROM audit WHERE id > ? AND action LIKE 'recording.play%'"),
            {afterId});
        return rows ? rows->toString() : QStringLiteral("error: ") + rows.errorMessage();
    }

    // A user's connection as the workstation opens it after a log-in.
    std::unique_ptr<Database> connectAs(const QString &userName)
    {
        auto db = m_catalog->connectEnforced(userName);
        if (!db)
            qFatal("connect as %s: %s", qPrintable(userName), qPrintable(db.errorMessage()));
        return db.takeValue();
    }

    qint64 lastAuditId()
    {
        auto id = m_catalog->scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM audit"));
        return id ? id->toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = std::make_unique<SecuredCatalog>();
        const auto created = m_catalog->create();
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        QVERIFY(
            m_catalog->exec(QStringLiteral("INSERT INTO teams VALUES ('T1', 'Team 1', 0)")).ok());
        QVERIFY(m_catalog->exec(QStringLiteral("INSERT INTO agents VALUES ('A1', 'Agent 1', 'T1')"))
                    .ok());
        auto key = crypto::X25519KeyPair::generate();
        QVERIFY(key.ok());
        m_siteKey.emplace(key.takeValue());
        m_layout.siteDirectory = m_dir.path();

        // A recorder ingests a real encrypted call of agent A1; it can never read it back.
        QVERIFY(m_catalog->addUser(QStringLiteral("rec"), QStringLiteral("recorder")).ok());
        auto recorder = connectAs(QStringLiteral("rec"));
        RecordingWriter::Options o;
        o.spoolDir = m_layout.spoolDirectory();
        o.sitePublicKey = m_siteKey->publicKey();
        o.opus.sampleRate = 16000;
        o.opus.channels = 2;
        o.opus.bitrate = 32000;
        o.durable = false;
        o.metadata.id = QUuid::createUuid();
        o.metadata.startedAt = QDateTime::currentDateTimeUtc();
        o.metadata.agentId = QStringLiteral("A1");
        o.metadata.direction = QStringLiteral("in");
        o.metadata.source = QStringLiteral("test");
        auto writer = RecordingWriter::create(o);
        QVERIFY(writer.ok());
        const QVector<qint16> pcm = playbacktest::tonesWithGap(16000, 2000, 0, 0);
        QVERIFY(writer.value()->write(pcm.constData(), pcm.size() / 2).ok());
        auto finished = writer.value()->finish();
        QVERIFY(finished.ok());
        AuditEvent event;
        auto row = RecordingArchiver(m_layout, *recorder)
                       .archive(finished.value(), m_catalog->siteId(), event);
        QVERIFY2(row.ok(), qPrintable(row.errorMessage()));
        m_recordingId = row->id;
    }

    void cleanupTestCase() { m_catalog.reset(); }

    void serverWritesTheOnlyPlayRow()
    {
        auto id = m_catalog->addUser(QStringLiteral("sue"), QStringLiteral("supervisor"),
                                     {QStringLiteral("T1")});
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
        auto sue = connectAs(QStringLiteral("sue"));
        QVERIFY(sue->serverEnforced());
        const qint64 before = lastAuditId();
        RecordingAccess access(m_layout, *sue, *m_siteKey);
        auto opened =
            PlaybackAuthorizer(access).authorize(principalOf(*sue, id.value()), m_recordingId);
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        QCOMPARE(playRowsSince(before), QStringLiteral("recording.play allowed sue"));
        // And it is the real audio.
        auto source = DecodedAudioSource::open(std::move(opened.value().reader));
        QVERIFY2(source.ok(), qPrintable(source.errorMessage()));
        std::vector<qint16> block(4800 * 2);
        auto n = source.value()->read(block.data(), 4800);
        QVERIFY(n.ok());
        QCOMPARE(n.value(), qint64(4800));
        QVERIFY(playbacktest::peakOf(block.data() + 2400, 2400, 0) > 5000);
    }

    void roleWithoutPlayIsRefusedOnce()
    {
        auto id = m_catalog->addUser(QStringLiteral("aud"), QStringLiteral("auditor"));
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
        auto aud = connectAs(QStringLiteral("aud"));
        const qint64 before = lastAuditId();
        RecordingAccess access(m_layout, *aud, *m_siteKey);
        auto opened =
            PlaybackAuthorizer(access).authorize(principalOf(*aud, id.value()), m_recordingId);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(playRowsSince(before), QStringLiteral("recording.play denied aud"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SecuredCatalog> m_catalog;
    std::optional<crypto::X25519KeyPair> m_siteKey;
    StorageLayout m_layout;
    QUuid m_recordingId;
};

QTEST_GUILESS_MAIN(TestPlaybackAuthorizerPg)
#include "tst_playbackauthorizer_pg.moc"
