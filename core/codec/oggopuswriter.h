#pragma once

// Ogg Opus encoder for recordings (RFC 7845 muxing, RFC 6716 codec).
//
// Why not libopusenc (DESIGN.md still names it; this is the decision): libopusenc
// resamples every input to 48 kHz internally and cannot be fed at the native rate. Call
// audio captured at 8 or 16 kHz would pass through its resampler and be encoded at 48 kHz,
// costing CPU on every seat and recorder for nothing. So we drive libopus directly at the
// native rate (opus_multistream_encoder_create at the source rate, OPUS_APPLICATION_VOIP) and mux Ogg
// ourselves with libogg, following RFC 7845: OpusHead and OpusTags each on their own page,
// granule positions in 48 kHz units, pre-skip = encoder lookahead converted to 48 kHz,
// end trimming on the last page. Mono is mapping family 0; stereo is mapping family 1
// with two uncoupled streams (agent, customer), so the parties never bleed into each other.
//
// The writer never touches a file: takeOutput() hands out complete Ogg pages that the
// container (store/) encrypts into durable chunks. flushPage() closes the current page so
// a chunk can be sealed on a page boundary (about once per second of audio).

#include "codec/opussettings.h"
#include "common/result.h"

#include <QByteArray>
#include <QStringList>
#include <memory>
#include <vector>

struct OpusMSEncoder;

namespace cv {

class OggOpusWriter final
{
public:
    // comments: Vorbis-style "KEY=value" pairs for OpusTags (KEY is printable ASCII
    // without '='). serialNo: the Ogg logical stream serial number.
    static Result<std::unique_ptr<OggOpusWriter>>
    create(const OpusSettings &settings, const QStringList &comments, quint32 serialNo);
    ~OggOpusWriter();
    OggOpusWriter(const OggOpusWriter &) = delete;
    OggOpusWriter &operator=(const OggOpusWriter &) = delete;

    // Feeds `frames` frames of interleaved s16 PCM at the native rate. Whole Opus frames are
    // encoded at once; a partial frame waits for more input or finish().
    Result<void> write(const qint16 *interleaved, qint64 frames);
    // Forces every encoded packet out into complete pages (ogg_stream_flush), so that the
    // bytes produced so far end on a page boundary.
    void flushPage();
    // Pads the last partial frame with silence, flushes the encoder's lookahead, marks the
    // last page end-of-stream and sets its granule position to pre-skip + input length
    // (end trimming, RFC 7845 section 4.4). Nothing may be written afterwards.
    Result<void> finish();
    // Returns and forgets the bytes produced so far: always whole Ogg pages.
    QByteArray takeOutput();

    qint64 framesWritten() const { return m_framesIn; }
    qint64 durationMs() const;
    bool isFinished() const { return m_finished; }
    // Encoder delay in 48 kHz samples, as written into OpusHead.
    int preSkip() const { return m_preSkip; }
    const OpusSettings &settings() const { return m_settings; }

private:
    struct OggStream;
    struct EncoderDeleter
    {
        void operator()(OpusMSEncoder *encoder) const;
    };
    struct OggStreamDeleter
    {
        void operator()(OggStream *stream) const;
    };

    explicit OggOpusWriter(const OpusSettings &settings);
    Result<void> writeHeaders(const QStringList &comments);
    Result<void> encodePending(bool last);
    void drainPages(bool force);

    OpusSettings m_settings;
    std::unique_ptr<OpusMSEncoder, EncoderDeleter> m_encoder;
    std::unique_ptr<OggStream, OggStreamDeleter> m_stream;
    std::vector<qint16> m_pending; // one Opus frame of interleaved samples
    qint64 m_pendingFrames = 0;    // frames filled in m_pending
    std::vector<unsigned char> m_packet;
    QByteArray m_output;            // complete pages not yet taken
    qint64 m_framesIn = 0;          // input frames fed by the caller
    qint64 m_packetsEncoded = 0;    // audio packets so far
    qint64 m_packetNo = 0;          // Ogg packet number (headers included)
    qint64 m_granule = 0;           // 48 kHz samples of all encoded packets
    qint64 m_granuleAtLastPage = 0; // granule of the last packet on an emitted page
    int m_frameSamples = 0;         // native frames per Opus frame
    int m_granuleFactor = 1;        // 48000 / native rate
    int m_lookahead = 0;            // encoder lookahead in native samples
    int m_preSkip = 0;              // lookahead in 48 kHz samples
    bool m_finished = false;
};

} // namespace cv
