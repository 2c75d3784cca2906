#include "oggopuswriter.h"

#include "common/logging.h"

#include <QtEndian>
#include <algorithm>
#include <cstring>
#include <ogg/ogg.h>
#include <opus/opus.h>
#include <opus/opus_multistream.h>

namespace cv {

namespace {

// Largest packet opus_encode() can produce for a 60 ms frame (3 x 1275 bytes + framing).
constexpr int kMaxPacketBytes = 8000; // two streams of up to 3 x 1275 bytes each
// Never keep more than this much audio (in 48 kHz samples) inside libogg: a crash or a
// sealed chunk must not wait for a 4 KB page to fill, which at 8 kbit/s would be 4 s.
constexpr qint64 kMaxBufferedGranule = 48000;

void appendLe16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

QString opusError(int code)
{
    return QString::fromUtf8(opus_strerror(code));
}

// A Vorbis comment key is printable ASCII 0x20..0x7D without '=' (RFC 7845 section 5.2).
bool isValidComment(const QString &comment)
{
    const int eq = comment.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return false;
    for (int i = 0; i < eq; ++i) {
        const ushort c = comment.at(i).unicode();
        if (c < 0x20 || c > 0x7D)
            return false;
    }
    return true;
}

} // namespace

struct OggOpusWriter::OggStream
{
    ogg_stream_state state;
};

void OggOpusWriter::EncoderDeleter::operator()(OpusMSEncoder *encoder) const
{
    opus_multistream_encoder_destroy(encoder);
}

void OggOpusWriter::OggStreamDeleter::operator()(OggStream *stream) const
{
    ogg_stream_clear(&stream->state);
    std::default_delete<OggStream>()(stream);
}

OggOpusWriter::OggOpusWriter(const OpusSettings &settings) : m_settings(settings) {}

OggOpusWriter::~OggOpusWriter() = default;

Result<std::unique_ptr<OggOpusWriter>>
OggOpusWriter::create(const OpusSettings &settings, const QStringList &comments, quint32 serialNo)
{
    if (auto valid = settings.validate(); !valid)
        return valid.error();
    for (const QString &comment : comments) {
        if (!isValidComment(comment)) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Recording tag \"%1\" is not of the form KEY=value "
                                            "(KEY in plain ASCII, without '=').")
                                 .arg(comment.left(64)));
        }
    }

    std::unique_ptr<OggOpusWriter> writer(new OggOpusWriter(settings));

    // One Opus stream per channel, none coupled (mapping family 1 for stereo): the agent and
    // the customer are coded apart, so neither bleeds into the other's lane at call bit
    // rates, as a coupled stereo stream does (docs/decisions.md).
    int error = OPUS_OK;
    const unsigned char mapping[2] = {0, 1};
    writer->m_encoder.reset(opus_multistream_encoder_create(settings.sampleRate, settings.channels,
                                                            settings.channels, 0, mapping,
                                                            OPUS_APPLICATION_VOIP, &error));
    if (!writer->m_encoder || error != OPUS_OK) {
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("Could not start the Opus encoder (%1 Hz, %2 channels): %3")
                             .arg(settings.sampleRate)
                             .arg(settings.channels)
                             .arg(opusError(error)));
    }
    OpusMSEncoder *enc = writer->m_encoder.get();
    if (int rc = opus_multistream_encoder_ctl(enc, OPUS_SET_BITRATE(settings.bitrate)); rc != OPUS_OK)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Opus rejected bitrate %1: %2")
                                                         .arg(settings.bitrate)
                                                         .arg(opusError(rc)));
    if (int rc = opus_multistream_encoder_ctl(enc, OPUS_SET_COMPLEXITY(settings.complexity)); rc != OPUS_OK)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Opus rejected complexity %1: %2")
                             .arg(settings.complexity)
                             .arg(opusError(rc)));
    opus_multistream_encoder_ctl(enc, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    opus_int32 lookahead = 0;
    if (int rc = opus_multistream_encoder_ctl(enc, OPUS_GET_LOOKAHEAD(&lookahead)); rc != OPUS_OK)
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral("Could not query the Opus encoder delay: %1").arg(opusError(rc)));

    writer->m_frameSamples = settings.frameSamples();
    writer->m_granuleFactor = 48000 / settings.sampleRate;
    writer->m_lookahead = lookahead;
    writer->m_preSkip = lookahead * writer->m_granuleFactor;
    writer->m_pending.assign(static_cast<size_t>(writer->m_frameSamples) * settings.channels, 0);
    writer->m_packet.resize(kMaxPacketBytes);

    // ogg_stream_clear() is safe on a zeroed or failed state, so the deleter always runs.
    writer->m_stream.reset(new OggStream{});
    if (ogg_stream_init(&writer->m_stream->state, static_cast<int>(serialNo)) != 0) {
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("Could not start the Ogg stream (out of memory?)"));
    }

    if (auto headers = writer->writeHeaders(comments); !headers)
        return headers.error();

    qCDebug(lcCodec) << "Ogg Opus writer:" << settings.sampleRate << "Hz" << settings.channels
                     << "ch" << settings.bitrate << "bit/s, pre-skip" << writer->m_preSkip;
    return writer;
}

Result<void> OggOpusWriter::writeHeaders(const QStringList &comments)
{
    // OpusHead, RFC 7845 section 5.1.
    QByteArray head("OpusHead", 8);
    head.append(char(1)); // version
    head.append(char(m_settings.channels));
    appendLe16(head, static_cast<quint16>(m_preSkip));
    appendLe32(head, static_cast<quint32>(m_settings.sampleRate)); // input sample rate
    appendLe16(head, 0);                                           // output gain
    if (m_settings.channels == 1) {
        head.append(char(0)); // mapping family 0: one mono stream
    } else {
        head.append(char(1)); // mapping family 1 (RFC 7845 5.1.1.2): left, right
        head.append(char(m_settings.channels)); // stream count: one per channel
        head.append(char(0));                   // coupled streams: none
        for (int c = 0; c < m_settings.channels; ++c)
            head.append(char(c)); // channel c is stream c
    }

    // OpusTags, RFC 7845 section 5.2.
    const QByteArray vendor = QByteArrayLiteral("CallVault ") + opus_get_version_string();
    QByteArray tags("OpusTags", 8);
    appendLe32(tags, static_cast<quint32>(vendor.size()));
    tags.append(vendor);
    appendLe32(tags, static_cast<quint32>(comments.size()));
    for (const QString &comment : comments) {
        const QByteArray utf8 = comment.toUtf8();
        appendLe32(tags, static_cast<quint32>(utf8.size()));
        tags.append(utf8);
    }

    const QByteArray *packets[] = {&head, &tags};
    for (const QByteArray *data : packets) {
        ogg_packet packet{};
        packet.packet = reinterpret_cast<unsigned char *>(const_cast<char *>(data->constData()));
        packet.bytes = data->size();
        packet.b_o_s = m_packetNo == 0 ? 1 : 0;
        packet.e_o_s = 0;
        packet.granulepos = 0;
        packet.packetno = m_packetNo++;
        if (ogg_stream_packetin(&m_stream->state, &packet) != 0)
            return makeError(ErrorCode::Unsupported,
                             QStringLiteral("Could not add the Opus headers to the Ogg stream"));
        drainPages(true); // each header on its own page(s)
    }
    return {};
}

Result<void> OggOpusWriter::write(const qint16 *interleaved, qint64 frames)
{
    if (m_finished)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("Cannot add audio to a recording that is already finished"));
    if (frames < 0 || (frames > 0 && !interleaved))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Invalid audio buffer passed to the Opus encoder"));

    const int channels = m_settings.channels;
    qint64 done = 0;
    while (done < frames) {
        const qint64 take = std::min<qint64>(frames - done, m_frameSamples - m_pendingFrames);
        std::memcpy(m_pending.data() + m_pendingFrames * channels, interleaved + done * channels,
                    static_cast<size_t>(take * channels) * sizeof(qint16));
        m_pendingFrames += take;
        done += take;
        m_framesIn += take;
        if (m_pendingFrames == m_frameSamples) {
            if (auto encoded = encodePending(false); !encoded)
                return encoded;
        }
    }
    return {};
}

Result<void> OggOpusWriter::encodePending(bool last)
{
    const int channels = m_settings.channels;
    if (m_pendingFrames < m_frameSamples) { // pad with silence
        std::fill(m_pending.begin() + m_pendingFrames * channels, m_pending.end(), qint16(0));
    }
    const opus_int32 bytes = opus_multistream_encode(m_encoder.get(), m_pending.data(), m_frameSamples,
                                         m_packet.data(), kMaxPacketBytes);
    m_pendingFrames = 0;
    if (bytes < 0) {
        return makeError(ErrorCode::Codec,
                         QStringLiteral("The Opus encoder failed: %1").arg(opusError(bytes)));
    }
    ++m_packetsEncoded;
    m_granule += qint64(m_frameSamples) * m_granuleFactor;

    ogg_packet packet{};
    packet.packet = m_packet.data();
    packet.bytes = bytes;
    packet.b_o_s = 0;
    packet.e_o_s = last ? 1 : 0;
    // End trimming: the last packet's granule is pre-skip + exactly the input length.
    packet.granulepos = last ? m_preSkip + m_framesIn * m_granuleFactor : m_granule;
    packet.packetno = m_packetNo++;
    if (ogg_stream_packetin(&m_stream->state, &packet) != 0)
        return makeError(ErrorCode::Codec,
                         QStringLiteral("Could not add an Opus packet to the Ogg stream"));
    drainPages(last);
    return {};
}

void OggOpusWriter::drainPages(bool force)
{
    ogg_page page;
    auto append = [this, &page] {
        m_output.append(reinterpret_cast<const char *>(page.header), page.header_len);
        m_output.append(reinterpret_cast<const char *>(page.body), page.body_len);
        const ogg_int64_t granule = ogg_page_granulepos(&page);
        if (granule >= 0)
            m_granuleAtLastPage = granule;
    };
    while (ogg_stream_pageout(&m_stream->state, &page) != 0)
        append();
    if (force || m_granule - m_granuleAtLastPage >= kMaxBufferedGranule) {
        while (ogg_stream_flush(&m_stream->state, &page) != 0)
            append();
        m_granuleAtLastPage = m_granule;
    }
}

void OggOpusWriter::flushPage()
{
    if (m_stream)
        drainPages(true);
}

Result<void> OggOpusWriter::finish()
{
    if (m_finished)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The recording's audio stream is already finished"));
    // Encode until the decoder can reproduce every input sample despite the encoder's
    // lookahead: ceil((input + lookahead) / frame) packets in total.
    const qint64 needed = m_framesIn + m_lookahead;
    qint64 totalPackets = (needed + m_frameSamples - 1) / m_frameSamples;
    totalPackets = std::max(totalPackets, m_packetsEncoded + 1);
    while (m_packetsEncoded < totalPackets) {
        const bool last = m_packetsEncoded + 1 == totalPackets;
        if (auto encoded = encodePending(last); !encoded)
            return encoded;
    }
    m_finished = true;
    qCDebug(lcCodec) << "Ogg Opus stream finished:" << m_framesIn << "frames," << m_packetsEncoded
                     << "packets";
    return {};
}

QByteArray OggOpusWriter::takeOutput()
{
    QByteArray out;
    out.swap(m_output);
    return out;
}

qint64 OggOpusWriter::durationMs() const
{
    return m_framesIn * 1000 / m_settings.sampleRate;
}

} // namespace cv
