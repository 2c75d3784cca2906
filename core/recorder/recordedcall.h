#pragma once

#include "audio/maskedspan.h"
#include "catalog/capturedcallrepository.h"
#include "common/result.h"
#include "rtp/callaudioassembler.h"
#include "rtp/payloadformat.h"
#include "store/recordingwriter.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QUuid>

#include <memory>
#include <mutex>
#include <optional>

namespace cv::rtp {
struct RtpPacket;
}

namespace cv::recorder {

enum class LegSide : int { Agent = 0, Customer = 1 };

// What a finished call leaves for the catalog: the recording (if any audio was kept) and
// the captured_calls row describing it (CallFinalizer commits both in one transaction).
struct CallOutcome
{
    std::optional<FinishedRecording> recording;
    CapturedCallRow row;
};

// The audio of one call: both RTP legs through the jitter buffers into one 8 kHz stereo
// recording (agent left, customer right), DTMF and paused spans masked, encoded and
// encrypted into the spool as it goes (RecordingWriter, durable every 800 ms). The writer
// opens with the first packet; times are the caller's clock (capture timestamps on replay),
// never read here. One thread owns a call (feeds it, ends it), and a second one may run
// advance() meanwhile (the EncodingPool): the methods that change the call's audio state
// take the call's mutexes. The accessors are for the owning thread; diskFailed() only once
// no advance() runs.
class RecordedCall final
{
public:
    struct Options
    {
        QString spoolDir;
        QByteArray sitePublicKey;
        int jitterMs = 80;
        int complexity = 5;
        int bitrate = 16000;
    };

    RecordedCall(Options options, RecordingMetadata metadata);
    ~RecordedCall();
    RecordedCall(const RecordedCall &) = delete;
    RecordedCall &operator=(const RecordedCall &) = delete;

    // The payload types a side sends (from its SDP; a re-INVITE may change them).
    void setPayloadFormats(LegSide side, const QHash<int, rtp::PayloadFormat> &formats, int telephoneEventType);
    void onRtp(LegSide side, qint64 arrivalUs, const rtp::RtpPacket &packet);
    // Encodes the audio both legs have up to `nowUs` (minus the jitter delay).
    void advance(qint64 nowUs);

    // Pause/resume (PCI): the span is kept as silence and recorded as a masked span.
    void pause(qint64 nowUs);
    void resume(qint64 nowUs);
    bool isPaused() const { return m_pausedSinceMs >= 0; }

    bool hasMedia() const { return m_assembler != nullptr; }
    bool sideHasMedia(LegSide side) const { return m_packets[static_cast<int>(side)] > 0; }
    // Packets of a payload type without a format, or a format no decoder handles (G.729).
    bool sideHadUnsupportedCodec(LegSide side) const;
    qint64 lastPacketUs() const { return m_lastPacketUs; }
    qint64 packets() const { return m_packets[0] + m_packets[1]; }
    const QUuid &recordingId() const { return m_metadata.id; }
    bool diskFailed() const { return !m_diskError.isEmpty(); }

    // Drains both legs up to `endUs`, seals the recording. `details` gets the legs'
    // statistics and the masked spans. No recording when no audio was ever written.
    std::optional<FinishedRecording> finish(qint64 endUs, QJsonObject &details);
    // Removes what was written (a call that must not be kept, e.g. encrypted media).
    void abandon();

private:
    void open(qint64 firstPacketUs);
    void openWriter();
    void write(QVector<qint16> &interleaved);
    void failDisk(const QString &message);
    void endPause(qint64 nowUs); // resume() without the lock

    Options m_options;
    RecordingMetadata m_metadata;
    QHash<int, rtp::PayloadFormat> m_formats[2];
    int m_telephoneEvent[2] = {-1, -1};
    std::unique_ptr<rtp::CallAudioAssembler> m_assembler;
    std::unique_ptr<RecordingWriter> m_writer;
    bool m_writerPending = false; // open() ran, the first advance() creates the writer
    QVector<qint16> m_buffer;
    qint64 m_originUs = 0;
    qint64 m_lastPacketUs = 0;
    qint64 m_packets[2] = {0, 0};
    QStringList m_unsupported[2];
    qint64 m_writtenFrames = 0;   // stereo frames at 8 kHz written so far
    qint64 m_pausedSinceMs = -1;  // call time of the current pause, -1 when recording
    QVector<audio::MaskedSpan> m_pauses;
    QString m_diskError;
    // onRtp / setPayloadFormats vs. advance's pull from the jitter buffers; then the writer
    // and the pauses vs. advance's encoding. Taken in that order when both are.
    std::mutex m_mutex;
    std::mutex m_writeMutex;
};

} // namespace cv::recorder
