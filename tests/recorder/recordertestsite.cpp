#include "recordertestsite.h"

#include "catalog/recordingrepository.h"
#include "codec/oggopusreader.h"
#include "crypto/scrypt.h"
#include "pcapbuilder.h"
#include "site/site.h"
#include "site/siteinitializer.h"
#include "store/containerreader.h"
#include "store/recordingaccess.h"

#include <QFile>

#include <cmath>

#include <csignal>
#include <sys/prctl.h>

namespace rectest {

namespace {

const cv::crypto::ScryptParams kFast{1u << 10, 8, 1};
const QByteArray kPassphrase = "recorder test passphrase";

} // namespace

RecorderTestSite::RecorderTestSite(const QString &extraConfig, const QString &recorderSection)
{
    cv::SiteInitializer::Options o;
    o.directory = directory();
    o.backend = cv::SiteInitializer::KeyBackendChoice::File;
    o.passphrase = kPassphrase;
    o.adminPassword = "admin password 1";
    o.passwordParams = kFast;
    o.keyFileParams = kFast;
    auto report = cv::SiteInitializer::initialize(o);
    if (!report) {
        m_error = report.errorMessage();
        return;
    }
    auto site = cv::Site::open(directory());
    if (!site) {
        m_error = site.errorMessage();
        return;
    }
    auto keys = site->keyStore(kPassphrase)->load();
    if (!keys) {
        m_error = keys.errorMessage();
        return;
    }
    m_keys = keys.takeValue();
    QFile conf(configPath());
    if (!conf.open(QIODevice::WriteOnly)) {
        m_error = conf.errorString();
        return;
    }
    conf.write(QStringLiteral("[recorder]\nname = test-recorder\nsite = %1\n%2"
                              "[capture]\nrtp_timeout_s = 5\nsignalling_timeout_s = 10\n%3")
                   .arg(directory(), recorderSection, extraConfig)
                   .toUtf8());
}

cv::Result<cv::recorder::RecorderConfig> RecorderTestSite::config() const
{
    return cv::recorder::RecorderConfig::load(configPath());
}

cv::Database &RecorderTestSite::db()
{
    if (!m_db) {
        auto site = cv::Site::open(directory());
        auto db = site->openCatalog();
        if (!db)
            qFatal("catalog: %s", qPrintable(db.errorMessage()));
        m_db = db.takeValue();
    }
    return *m_db;
}

QVector<cv::CapturedCallRow> RecorderTestSite::capturedCalls()
{
    auto rows = cv::CapturedCallRepository(db()).latest(1000);
    if (!rows)
        qFatal("captured calls: %s", qPrintable(rows.errorMessage()));
    return rows.value();
}

cv::Result<DecodedRecording> RecorderTestSite::decode(const QUuid &recordingId)
{
    cv::RecordingAccess access(cv::StorageLayout{directory()}, db(), m_keys->encryption);
    auto opened = access.open(recordingId);
    if (!opened)
        return opened.error();
    auto decoder = cv::OggOpusReader::open(*opened->reader);
    if (!decoder)
        return decoder.error();
    DecodedRecording out;
    out.row = opened->row;
    std::vector<qint16> block(5760 * 2);
    for (;;) {
        auto n = decoder.value()->read(block.data(), 5760);
        if (!n)
            return n.error();
        if (n.value() == 0)
            break;
        const qsizetype samples = n.value() * decoder.value()->channels();
        const qsizetype at = out.pcm.size();
        out.pcm.resize(at + samples);
        std::copy(block.begin(), block.begin() + samples, out.pcm.begin() + at);
    }
    return out;
}

cv::Result<void> RecorderTestSite::writeOgg(const QUuid &recordingId, const QString &path)
{
    cv::RecordingAccess access(cv::StorageLayout{directory()}, db(), m_keys->encryption);
    auto opened = access.open(recordingId);
    if (!opened)
        return opened.error();
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return cv::Error{cv::ErrorCode::Io, out.errorString()};
    QByteArray block(64 * 1024, Qt::Uninitialized);
    for (qint64 offset = 0; offset < opened->reader->size();) {
        auto n = opened->reader->readAt(offset, block.data(), block.size());
        if (!n)
            return n.error();
        if (n.value() <= 0)
            break;
        out.write(block.constData(), n.value());
        offset += n.value();
    }
    return {};
}

void dieWithTest(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

cv::Result<void> writePcap(const QString &path, const QVector<WirePacket> &packets, const SipTransport &sip)
{
    cvtest::PcapBuilder builder;
    QHash<QPair<cv::net::Endpoint, cv::net::Endpoint>, quint32> sequence; // next byte per direction
    for (const WirePacket &p : packets) {
        const bool isSip = !p.payload.isEmpty() && p.payload.at(0) >= 'A' && p.payload.at(0) <= 'Z';
        if (!isSip) {
            builder.addUdp(p.timestampUs, p.source, p.destination, p.payload);
        } else if (sip.tcp) {
            const auto key = qMakePair(p.source, p.destination);
            if (!sequence.contains(key)) {
                builder.addTcp(p.timestampUs, p.source, p.destination, 999, {}, cvtest::PcapBuilder::Syn);
                sequence.insert(key, 1000);
            }
            quint32 &seq = sequence[key];
            const int half = p.payload.size() / 2; // every message split across two segments
            builder.addTcp(p.timestampUs, p.source, p.destination, seq, p.payload.left(half));
            builder.addTcp(p.timestampUs + 50, p.source, p.destination, seq + quint32(half), p.payload.mid(half));
            seq += quint32(p.payload.size());
        } else {
            const int fragment = sip.fragmentAbove > 0 && p.payload.size() > sip.fragmentAbove ? sip.fragmentAbove : 0;
            builder.addUdp(p.timestampUs, p.source, p.destination, p.payload, fragment);
        }
    }
    return builder.write(path);
}

double toneDb(const QVector<qint16> &interleaved, int channels, int channel, int rate, double hz, qint64 from, qint64 count)
{
    const double w = 2 * M_PI * hz / rate;
    const double coeff = 2 * std::cos(w);
    double s1 = 0, s2 = 0;
    const qint64 frames = interleaved.size() / channels;
    const qint64 end = std::min(frames, from + count);
    qint64 n = 0;
    for (qint64 i = std::max<qint64>(0, from); i < end; ++i, ++n) {
        const double s = coeff * s1 - s2 + interleaved[static_cast<int>(i * channels + channel)] / 32768.0;
        s2 = s1;
        s1 = s;
    }
    if (n == 0)
        return -200;
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2; // |X(k)|^2
    const double amplitude = 2 * std::sqrt(std::max(power, 1e-30)) / n; // a full-scale sine gives 1
    return 20 * std::log10(std::max(amplitude, 1e-10));
}

} // namespace rectest
