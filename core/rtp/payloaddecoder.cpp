#include "payloaddecoder.h"

#include <array>
#include <cstdint>
#include <opus.h>
// spandsp's headers depend on each other in this order (telephony macros, top_bit).
// clang-format off
#include <spandsp/telephony.h>
#include <spandsp/bit_operations.h>
#include <spandsp/g711.h>
#include <spandsp/g722.h>
// clang-format on

namespace cv::rtp {

void PayloadDecoder::conceal(int samples, QVector<qint16> &out)
{
    if (samples > 0)
        out.resize(out.size() + samples, 0);
}

namespace {

// Appends `n` samples upsampled by 2 with linear interpolation (G.711 and friends into a
// 16 kHz lane; telephone audio has nothing above 4 kHz to lose).
class Upsampler2
{
public:
    template <typename Fn> void run(int n, QVector<qint16> &out, Fn sampleAt)
    {
        const qsizetype base = out.size();
        out.resize(base + 2 * qsizetype(n));
        qint16 *dst = out.data() + base;
        for (int i = 0; i < n; ++i) {
            const int s = sampleAt(i);
            dst[2 * i] = qint16((m_last + s) / 2);
            dst[2 * i + 1] = qint16(s);
            m_last = s;
        }
    }

private:
    int m_last = 0;
};

class G711Decoder final : public PayloadDecoder
{
public:
    G711Decoder(PayloadFormat format, int outputRate, bool alaw)
        : PayloadDecoder(std::move(format), outputRate), m_table(alaw ? aTable() : uTable())
    {
    }

    int decode(const uchar *payload, int size, QVector<qint16> &out) override
    {
        if (size < 0)
            return -1;
        if (outputRate() == 8000) {
            const qsizetype base = out.size();
            out.resize(base + size);
            qint16 *dst = out.data() + base;
            for (int i = 0; i < size; ++i)
                dst[i] = m_table[payload[i]];
            return size;
        }
        m_up.run(size, out, [&](int i) { return int(m_table[payload[i]]); });
        return 2 * size;
    }
    int maxSamplesPerPacket(int maxPayload) const override
    {
        return maxPayload * outputRate() / 8000;
    }

private:
    static const std::array<qint16, 256> &uTable()
    {
        static const std::array<qint16, 256> table = [] {
            std::array<qint16, 256> t{};
            for (int i = 0; i < 256; ++i)
                t[size_t(i)] = ulaw_to_linear(uint8_t(i));
            return t;
        }();
        return table;
    }
    static const std::array<qint16, 256> &aTable()
    {
        static const std::array<qint16, 256> table = [] {
            std::array<qint16, 256> t{};
            for (int i = 0; i < 256; ++i)
                t[size_t(i)] = alaw_to_linear(uint8_t(i));
            return t;
        }();
        return table;
    }

    const std::array<qint16, 256> &m_table;
    Upsampler2 m_up;
};

class G722Decoder final : public PayloadDecoder
{
public:
    G722Decoder(PayloadFormat format, int outputRate, g722_decode_state_t *state)
        : PayloadDecoder(std::move(format), outputRate), m_state(state)
    {
    }
    ~G722Decoder() override { g722_decode_free(m_state); }

    int decode(const uchar *payload, int size, QVector<qint16> &out) override
    {
        if (size < 0)
            return -1;
        // One byte is two 16 kHz samples, or one sample of the 8 kHz low band.
        const int samples = outputRate() == 8000 ? size : 2 * size;
        const qsizetype base = out.size();
        out.resize(base + samples);
        const int n =
            g722_decode(m_state, reinterpret_cast<int16_t *>(out.data() + base), payload, size);
        out.resize(base + std::clamp(n, 0, samples));
        return std::clamp(n, 0, samples);
    }
    int maxSamplesPerPacket(int maxPayload) const override
    {
        return outputRate() == 8000 ? maxPayload : 2 * maxPayload;
    }

private:
    g722_decode_state_t *m_state;
};

class OpusPayloadDecoder final : public PayloadDecoder
{
public:
    OpusPayloadDecoder(PayloadFormat format, int outputRate, OpusDecoder *decoder)
        : PayloadDecoder(std::move(format), outputRate), m_decoder(decoder)
    {
    }
    ~OpusPayloadDecoder() override { opus_decoder_destroy(m_decoder); }

    int decode(const uchar *payload, int size, QVector<qint16> &out) override
    {
        if (size <= 0)
            return -1;
        const int maxFrame = maxSamplesPerPacket(size);
        const int frames = opus_packet_get_nb_samples(payload, size, outputRate());
        if (frames <= 0 || frames > maxFrame)
            return -1;
        const qsizetype base = out.size();
        out.resize(base + frames);
        const int n = opus_decode(m_decoder, payload, size, out.data() + base, frames, 0);
        if (n < 0) {
            out.resize(base);
            return -1;
        }
        out.resize(base + n);
        return n;
    }

    void conceal(int samples, QVector<qint16> &out) override
    {
        // PLC works in whole 2.5 ms steps, up to 120 ms per call; the last step may give a
        // little more than asked and the rest is dropped.
        const int step = outputRate() / 400;
        const int maxFrame = outputRate() * 120 / 1000;
        while (samples > 0) {
            const int want = std::min(maxFrame, ((samples + step - 1) / step) * step);
            const qsizetype base = out.size();
            out.resize(base + want);
            const int n = opus_decode(m_decoder, nullptr, 0, out.data() + base, want, 0);
            if (n <= 0) {
                out.resize(base);
                PayloadDecoder::conceal(samples, out);
                return;
            }
            const int keep = std::min(n, samples);
            out.resize(base + keep);
            samples -= keep;
        }
    }

    int maxSamplesPerPacket(int /*maxPayload*/) const override { return outputRate() * 120 / 1000; }

private:
    OpusDecoder *m_decoder;
};

Error unsupported(const PayloadFormat &format, int outputRate)
{
    return makeError(
        ErrorCode::Unsupported,
        QStringLiteral("The RTP codec %1/%2 cannot be decoded to %3 Hz by this recorder")
            .arg(QString::fromLatin1(format.encoding))
            .arg(format.clockRate)
            .arg(outputRate));
}

} // namespace

Result<std::unique_ptr<PayloadDecoder>> PayloadDecoder::create(const PayloadFormat &format,
                                                               int outputRate)
{
    const QByteArray name = format.encoding.toUpper();
    const bool telephoneRate = outputRate == 8000 || outputRate == 16000;
    if ((name == "PCMU" || name == "PCMA") && format.clockRate == 8000 && telephoneRate)
        return std::unique_ptr<PayloadDecoder>(new G711Decoder(format, outputRate, name == "PCMA"));
    if (name == "G722" && format.clockRate == 8000 && telephoneRate) {
        g722_decode_state_t *state =
            g722_decode_init(nullptr, 64000, outputRate == 8000 ? G722_SAMPLE_RATE_8000 : 0);
        if (!state)
            return makeError(ErrorCode::Codec,
                             QStringLiteral("The G.722 decoder could not be set up"));
        return std::unique_ptr<PayloadDecoder>(new G722Decoder(format, outputRate, state));
    }
    if (name == "OPUS" && format.clockRate == 48000 &&
        (telephoneRate || outputRate == 12000 || outputRate == 24000 || outputRate == 48000)) {
        int err = OPUS_OK;
        OpusDecoder *decoder = opus_decoder_create(outputRate, 1, &err);
        if (!decoder || err != OPUS_OK) {
            return makeError(ErrorCode::Codec,
                             QStringLiteral("The Opus decoder could not be set up: %1")
                                 .arg(QString::fromUtf8(opus_strerror(err))));
        }
        return std::unique_ptr<PayloadDecoder>(new OpusPayloadDecoder(format, outputRate, decoder));
    }
    return unsupported(format, outputRate);
}

} // namespace cv::rtp
