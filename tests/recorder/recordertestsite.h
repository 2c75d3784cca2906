#pragma once

#include "callscript.h"
#include "catalog/capturedcallrepository.h"
#include "catalog/database.h"
#include "common/result.h"
#include "recorder/recorderconfig.h"
#include "site/sitekeys.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QVector>

#include <memory>
#include <optional>

// A real site for the recorder's tests: site directory with keys (key-file backend) and a
// SQLite catalog, a recorder.conf pointing at it, and what a test needs to look at the
// result: the captured_calls rows and a recording decrypted (with the site private key the
// recorder itself never holds) and decoded.
namespace rectest {

struct DecodedRecording
{
    cv::RecordingRow row;
    QVector<qint16> pcm; // interleaved stereo at 48 kHz (what opusfile decodes to)
    qint64 frames() const { return pcm.size() / 2; }
};

class RecorderTestSite
{
public:
    // `extraConfig` is appended to recorder.conf (INI sections of its own).
    // `recorderSection`: the [recorder] keys besides name and site (no disk alarm by default).
    explicit RecorderTestSite(const QString &extraConfig = {},
                              const QString &recorderSection = QStringLiteral("warn_free_mb = 0\nmin_free_mb = 0\n"));
    QString error() const { return m_error; }
    QString directory() const { return m_dir.filePath(QStringLiteral("site")); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("recorder.conf")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    cv::Result<cv::recorder::RecorderConfig> config() const;

    cv::Database &db();
    QVector<cv::CapturedCallRow> capturedCalls();
    cv::Result<DecodedRecording> decode(const QUuid &recordingId);
    // The recording's Ogg Opus stream, decrypted, as a plain file (for opusinfo / ffprobe).
    cv::Result<void> writeOgg(const QUuid &recordingId, const QString &path);

private:
    QTemporaryDir m_dir;
    QString m_error;
    std::unique_ptr<cv::Database> m_db;
    std::optional<cv::SiteKeys> m_keys;
};

// How writePcap puts SIP on the wire.
struct SipTransport
{
    int fragmentAbove = 0; // UDP SIP longer than this is sent as IPv4 fragments of this size
    bool tcp = false;      // SIP over TCP (SYN first, each message in two segments)
};

// Makes `process` die with the test: a test that aborts (a sanitizer report, a timeout) must
// not leave a recorder behind holding the next run's ports.
void dieWithTest(QProcess &process);

// Writes `packets` as an Ethernet pcap file.
cv::Result<void> writePcap(const QString &path, const QVector<WirePacket> &packets, const SipTransport &sip = {});

// Power of `hz` in one channel of interleaved PCM (Goertzel), in dB relative to a full-scale
// sine; frames [from, from + count).
double toneDb(const QVector<qint16> &interleaved, int channels, int channel, int rate, double hz, qint64 from, qint64 count);

} // namespace rectest
