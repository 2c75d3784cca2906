#include "storetesthelpers.h"

#include "catalog/catalogconfig.h"
#include "catalog/siterepository.h"
#include "codec/oggopusreader.h"
#include "crypto/keywrap.h"
#include "store/containerreader.h"

#include <QDir>
#include <QTest>

#include <cmath>
#include <vector>

namespace cvtest {

QVector<qint16> sinePcm(int rate, int channels, int ms)
{
    const qint64 frames = static_cast<qint64>(rate) * ms / 1000;
    QVector<qint16> pcm(static_cast<qsizetype>(frames * channels));
    for (qint64 i = 0; i < frames; ++i) {
        for (int c = 0; c < channels; ++c) {
            const double f = c == 0 ? 440.0 : 1000.0;
            pcm[static_cast<qsizetype>(i * channels + c)] =
                static_cast<qint16>(8000 * std::sin(2 * M_PI * f * static_cast<double>(i) / rate));
        }
    }
    return pcm;
}

cv::FinishedRecording writeRecording(const QString &spoolDir, const cv::crypto::X25519KeyPair &siteKey, int rate,
                                     int channels, int ms)
{
    cv::RecordingWriter::Options o;
    o.spoolDir = spoolDir;
    o.sitePublicKey = siteKey.publicKey();
    o.opus.sampleRate = rate;
    o.opus.channels = channels;
    o.opus.bitrate = 16000 * channels;
    o.metadata.agentId = QStringLiteral("1001");
    o.metadata.customerPhone = QStringLiteral("13800138000");
    o.metadata.direction = QStringLiteral("in");
    o.metadata.source = QStringLiteral("test");
    auto writer = cv::RecordingWriter::create(o);
    if (!writer)
        qFatal("RecordingWriter::create: %s", qPrintable(writer.errorMessage()));
    const QVector<qint16> pcm = sinePcm(rate, channels, ms);
    const qint64 frames = pcm.size() / channels;
    const qint64 block = rate / 10;
    for (qint64 f = 0; f < frames; f += block) {
        auto w = writer.value()->write(pcm.constData() + f * channels, std::min(block, frames - f));
        if (!w)
            qFatal("write: %s", qPrintable(w.errorMessage()));
    }
    auto finished = writer.value()->finish();
    if (!finished)
        qFatal("finish: %s", qPrintable(finished.errorMessage()));
    return finished.takeValue();
}

cv::SecretBytes unwrap(const QByteArray &wrappedKey, const cv::crypto::X25519KeyPair &siteKey, const QUuid &id)
{
    auto key = cv::crypto::unwrapDataKey(wrappedKey, siteKey, id.toRfc4122());
    if (!key)
        qFatal("unwrap: %s", qPrintable(key.errorMessage()));
    return key.takeValue();
}

qint64 decodedMs(const QString &path, const cv::SecretBytes &dataKey, int *channels, int *originalRate)
{
    auto reader = cv::ContainerReader::open(path, dataKey.clone());
    if (!reader)
        return -1;
    auto decoder = cv::OggOpusReader::open(*reader.value());
    if (!decoder)
        return -1;
    if (channels)
        *channels = decoder.value()->channels();
    if (originalRate)
        *originalRate = decoder.value()->originalSampleRate();
    std::vector<qint16> pcm(5760 * 2);
    qint64 frames = 0;
    for (;;) {
        auto n = decoder.value()->read(pcm.data(), 5760);
        if (!n)
            return -1;
        if (n.value() == 0)
            break;
        frames += n.value();
    }
    return frames * 1000 / 48000;
}

std::unique_ptr<cv::Database> openSqliteCatalog(const QString &dir, QUuid *siteId)
{
    auto db = cv::Database::open(cv::CatalogConfig::sqlite(QDir(dir).filePath(QStringLiteral("catalog.sqlite"))));
    if (!db)
        qFatal("open catalog: %s", qPrintable(db.errorMessage()));
    if (auto m = db.value()->migrate(); !m)
        qFatal("migrate: %s", qPrintable(m.errorMessage()));
    cv::SiteRow site;
    site.id = QUuid::createUuid();
    site.name = QStringLiteral("test site");
    site.x25519Public = QByteArray(32, 'x');
    site.ed25519Public = QByteArray(32, 'e');
    site.keyId = QStringLiteral("00");
    site.createdAt = QDateTime::currentDateTimeUtc();
    if (auto r = cv::SiteRepository(*db.value()).insert(site); !r)
        qFatal("site row: %s", qPrintable(r.errorMessage()));
    *siteId = site.id;
    return db.takeValue();
}

} // namespace cvtest
