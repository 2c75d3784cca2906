// The .cvr container: round trips at every call rate, and every kind of damage detected
// (docs/container-format.md).
#include "storetesthelpers.h"

#include "catalog/recordingrepository.h"
#include "codec/oggopusreader.h"
#include "codec/peaksummary.h"
#include "crypto/cryptoutil.h"
#include "crypto/keywrap.h"
#include "store/containerreader.h"
#include "store/containerscanner.h"
#include "store/recordingaccess.h"
#include "store/recordingarchiver.h"
#include "store/recordingverifier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cv;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Is the container, read with its key, exactly as written? (state, every tag, trailer)
bool containerIntact(const QString &path, const SecretBytes &key)
{
    auto reader = ContainerReader::open(path, key.clone());
    if (!reader)
        return false;
    return reader.value()->state() == ContainerReader::State::Finished && reader.value()->verify().ok();
}

} // namespace

class TestContainer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto key = crypto::X25519KeyPair::generate();
        QVERIFY(key.ok());
        m_siteKey = std::make_unique<crypto::X25519KeyPair>(key.takeValue());
        auto other = crypto::X25519KeyPair::generate();
        QVERIFY(other.ok());
        m_otherKey = std::make_unique<crypto::X25519KeyPair>(other.takeValue());
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        for (int rate : {8000, 16000, 48000}) {
            for (int channels : {1, 2})
                QTest::addRow("%d Hz %d ch", rate, channels) << rate << channels;
        }
    }

    void roundTrip()
    {
        QFETCH(int, rate);
        QFETCH(int, channels);
        QTemporaryDir dir;
        const FinishedRecording f = cvtest::writeRecording(dir.path(), *m_siteKey, rate, channels, 3000);
        QCOMPARE(f.durationMs, 3000);
        QCOMPARE(QFileInfo(f.containerPath).size(), f.sizeBytes);
        QVERIFY(QFile::exists(f.sidecarPath));

        const SecretBytes key = cvtest::unwrap(f.wrappedKey, *m_siteKey, f.metadata.id);
        auto reader = ContainerReader::open(f.containerPath, key.clone());
        QVERIFY2(reader.ok(), qPrintable(reader.errorMessage()));
        QCOMPARE(reader.value()->state(), ContainerReader::State::Finished);
        QCOMPARE(reader.value()->header().recordingId, f.metadata.id);
        QCOMPARE(static_cast<int>(reader.value()->header().sampleRate), rate);
        QVERIFY(reader.value()->verify().ok());
        // 3 s in 800 ms chunks: 4 data chunks (the last holds the tail) and the final one.
        QCOMPARE(reader.value()->layout().chunks.size(), 5);
        auto trailer = reader.value()->trailer();
        QVERIFY(trailer.ok());
        QCOMPARE(trailer->durationMs, 3000);
        QCOMPARE(trailer->peaks, f.peaks);
        auto peaks = PeakSummary::parse(f.peaks);
        QVERIFY(peaks.ok());
        QCOMPARE(peaks->channels, channels);
        QCOMPARE(peaks->bucketCount(), 60); // 3 s of 50 ms buckets

        int decodedChannels = 0, originalRate = 0;
        const qint64 ms = cvtest::decodedMs(f.containerPath, key, &decodedChannels, &originalRate);
        QVERIFY2(qAbs(ms - 3000) <= 20, qPrintable(QString::number(ms)));
        QCOMPARE(decodedChannels, channels);
        QCOMPARE(originalRate, rate);
    }

    void seekReadsOnlyWhatItNeeds()
    {
        QTemporaryDir dir;
        const FinishedRecording f = cvtest::writeRecording(dir.path(), *m_siteKey, 16000, 2, 5000);
        const SecretBytes key = cvtest::unwrap(f.wrappedKey, *m_siteKey, f.metadata.id);
        auto reader = ContainerReader::open(f.containerPath, key.clone());
        QVERIFY(reader.ok());
        auto decoder = OggOpusReader::open(*reader.value());
        QVERIFY(decoder.ok());
        QVERIFY(decoder.value()->seekMs(3700).ok());
        QVERIFY(qAbs(decoder.value()->positionMs() - 3700) <= 20);
        qint16 pcm[960 * 2];
        auto n = decoder.value()->read(pcm, 960);
        QVERIFY(n.ok() && n.value() > 0);
    }

    void wrongKeyCannotRead()
    {
        QTemporaryDir dir;
        const FinishedRecording f = cvtest::writeRecording(dir.path(), *m_siteKey, 8000, 1, 1000);
        auto unwrapped = crypto::unwrapDataKey(f.wrappedKey, *m_otherKey, f.metadata.id.toRfc4122());
        QVERIFY(!unwrapped.ok());
        QCOMPARE(unwrapped.error().code, ErrorCode::KeyUnavailable);
        auto random = crypto::randomSecret(32);
        QVERIFY(random.ok());
        auto reader = ContainerReader::open(f.containerPath, random.takeValue());
        QVERIFY(reader.ok()); // the structure needs no key...
        const auto verified = reader.value()->verify();
        QVERIFY(!verified.ok()); // ...the content does
        QCOMPARE(verified.error().code, ErrorCode::Tampered);
    }

    // Every single byte of a small container flipped in turn: 100 % detected, both by the
    // container's own authentication and by `verify` against the catalog.
    void everyByteFlipIsDetected()
    {
        QTemporaryDir dir;
        QUuid siteId;
        auto db = cvtest::openSqliteCatalog(dir.path(), &siteId);
        StorageLayout layout{dir.path()};
        const FinishedRecording f = cvtest::writeRecording(layout.spoolDirectory(), *m_siteKey, 8000, 1, 1000);
        AuditEvent audit;
        audit.actor = QStringLiteral("test");
        auto row = RecordingArchiver(layout, *db).archive(f, siteId, audit);
        QVERIFY2(row.ok(), qPrintable(row.errorMessage()));
        const QString path = layout.absolutePath(row->storagePath);
        const QByteArray original = readAll(path);
        const SecretBytes key = cvtest::unwrap(f.wrappedKey, *m_siteKey, f.metadata.id);
        RecordingAccess access(layout, *db, *m_siteKey);
        RecordingVerifier verifier(access);
        QVERIFY(verifier.verify(row.value()).ok);
        QVERIFY(containerIntact(path, key));
        QVERIFY(original.size() > 500);

        int undetectedByVerify = 0, undetectedByContainer = 0;
        for (int i = 0; i < original.size(); ++i) {
            QByteArray damaged = original;
            damaged[i] = static_cast<char>(damaged[i] ^ 0xFF);
            writeAll(path, damaged);
            if (verifier.verify(row.value()).ok)
                ++undetectedByVerify;
            if (containerIntact(path, key))
                ++undetectedByContainer;
        }
        QCOMPARE(undetectedByVerify, 0);
        QCOMPARE(undetectedByContainer, 0);
        writeAll(path, original);
        QVERIFY(verifier.verify(row.value()).ok);
    }

    // Cut at every chunk boundary: an unfinished file whose prefix still plays.
    void truncationAtEveryChunkBoundary()
    {
        QTemporaryDir dir;
        const FinishedRecording f = cvtest::writeRecording(dir.path(), *m_siteKey, 16000, 2, 4000);
        const SecretBytes key = cvtest::unwrap(f.wrappedKey, *m_siteKey, f.metadata.id);
        auto layout = ContainerScanner::scan(f.containerPath);
        QVERIFY(layout.ok());
        const QByteArray original = readAll(f.containerPath);
        const QString cut = dir.filePath(QStringLiteral("cut.cvr"));
        // Boundaries: after the header, and after every data chunk (not after the final one).
        QVector<qint64> boundaries{layout->chunks.first().fileOffset};
        for (int i = 0; i + 1 < layout->chunks.size(); ++i)
            boundaries << layout->chunks.at(i).fileOffset + layout->chunks.at(i).recordSize();
        for (int b = 0; b < boundaries.size(); ++b) {
            writeAll(cut, original.left(boundaries.at(b)));
            auto reader = ContainerReader::open(cut, key.clone());
            QVERIFY2(reader.ok(), qPrintable(reader.errorMessage()));
            QCOMPARE(reader.value()->state(), ContainerReader::State::Unfinished);
            QVERIFY(reader.value()->verify().ok());
            QCOMPARE(reader.value()->layout().chunks.size(), b);
            if (b == 0)
                continue;
            const qint64 expected = layout->chunks.at(b - 1).prefix.audioEndMs;
            QCOMPARE(reader.value()->durationMs(), expected);
            const qint64 decoded = cvtest::decodedMs(cut, key);
            QVERIFY2(decoded >= expected - 30 && decoded <= expected + 30,
                     qPrintable(QStringLiteral("boundary %1: decoded %2 ms, chunks say %3 ms").arg(b).arg(decoded).arg(expected)));
        }
        // A cut inside a record is a torn tail: still unfinished, the whole records still read.
        writeAll(cut, original.left(boundaries.at(2) + 5));
        auto torn = ContainerReader::open(cut, key.clone());
        QVERIFY(torn.ok());
        QCOMPARE(torn.value()->layout().chunks.size(), 2);
        QCOMPARE(torn.value()->layout().tornBytes(), 5);
    }

    void splicedAndReorderedChunksAreDetected()
    {
        QTemporaryDir dir;
        const FinishedRecording a = cvtest::writeRecording(dir.path(), *m_siteKey, 16000, 2, 3000);
        const FinishedRecording b = cvtest::writeRecording(dir.path(), *m_siteKey, 16000, 2, 3000);
        const SecretBytes keyA = cvtest::unwrap(a.wrappedKey, *m_siteKey, a.metadata.id);
        auto la = ContainerScanner::scan(a.containerPath);
        auto lb = ContainerScanner::scan(b.containerPath);
        QVERIFY(la.ok() && lb.ok());
        const QByteArray bytesA = readAll(a.containerPath), bytesB = readAll(b.containerPath);
        const auto record = [](const QByteArray &bytes, const ChunkLocation &c) {
            return bytes.mid(c.fileOffset, c.recordSize());
        };
        const QString spliced = dir.filePath(QStringLiteral("spliced.cvr"));

        // Chunk 1 of B in place of chunk 1 of A.
        QByteArray s = bytesA.left(la->chunks.at(1).fileOffset) + record(bytesB, lb->chunks.at(1));
        for (int i = 2; i < la->chunks.size(); ++i)
            s += record(bytesA, la->chunks.at(i));
        writeAll(spliced, s);
        QVERIFY(!containerIntact(spliced, keyA));

        // Chunks 1 and 2 of A swapped.
        QByteArray r = bytesA.left(la->chunks.at(1).fileOffset) + record(bytesA, la->chunks.at(2))
                       + record(bytesA, la->chunks.at(1));
        for (int i = 3; i < la->chunks.size(); ++i)
            r += record(bytesA, la->chunks.at(i));
        writeAll(spliced, r);
        QVERIFY(!containerIntact(spliced, keyA));

        // B's final chunk on A's data chunks.
        QByteArray t = bytesA.left(la->chunks.last().fileOffset) + record(bytesB, lb->chunks.last());
        writeAll(spliced, t);
        QVERIFY(!containerIntact(spliced, keyA));

        // Dropping the final chunk is not hidden: the file reads as unfinished.
        writeAll(spliced, bytesA.left(la->chunks.last().fileOffset));
        auto unfinished = ContainerReader::open(spliced, keyA.clone());
        QVERIFY(unfinished.ok());
        QCOMPARE(unfinished.value()->state(), ContainerReader::State::Unfinished);
    }

    void dataAfterTheFinalChunkIsRefused()
    {
        QTemporaryDir dir;
        const FinishedRecording f = cvtest::writeRecording(dir.path(), *m_siteKey, 8000, 1, 1000);
        QFile file(f.containerPath);
        QVERIFY(file.open(QIODevice::Append));
        file.write(QByteArray(20, 'x'));
        file.close();
        auto layout = ContainerScanner::scan(f.containerPath);
        QVERIFY(!layout.ok());
        QCOMPARE(layout.error().code, ErrorCode::Format);
    }

private:
    std::unique_ptr<crypto::X25519KeyPair> m_siteKey;
    std::unique_ptr<crypto::X25519KeyPair> m_otherKey;
};

QTEST_GUILESS_MAIN(TestContainer)
#include "test_container.moc"
