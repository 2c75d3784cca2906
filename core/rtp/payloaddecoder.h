#pragma once

#include "common/result.h"
#include "rtp/payloadformat.h"

#include <QVector>
#include <memory>

namespace cv::rtp {

// Turns one RTP payload into mono s16 PCM at the output rate. Made by create() for:
//   PCMU, PCMA (G.711 tables; 16 kHz output by linear interpolation),
//   G722 (spandsp, 64 kbit/s; at 8 kHz output only the 0-4 kHz sub-band is decoded, which
//         is exactly the part an 8 kHz recording keeps, so no resampler is needed),
//   opus/48000 (libopus, decoded straight at the output rate, mono; RFC 7587).
// Anything else is ErrorCode::Unsupported naming the codec.
class PayloadDecoder
{
public:
    virtual ~PayloadDecoder() = default;
    PayloadDecoder(const PayloadDecoder &) = delete;
    PayloadDecoder &operator=(const PayloadDecoder &) = delete;

    // outputRate: 8000 or 16000 (Opus also 12000, 24000, 48000).
    static Result<std::unique_ptr<PayloadDecoder>> create(const PayloadFormat &format,
                                                          int outputRate);

    // Appends the decoded samples; returns their count, or -1 for a corrupt payload (then
    // nothing is appended).
    virtual int decode(const uchar *payload, int size, QVector<qint16> &out) = 0;
    // Appends `samples` samples standing in for lost audio: Opus packet-loss concealment,
    // silence for the others.
    virtual void conceal(int samples, QVector<qint16> &out);
    // Most samples one decode() can append (for a payload of at most `maxPayload` bytes).
    virtual int maxSamplesPerPacket(int maxPayload) const = 0;

    const PayloadFormat &format() const { return m_format; }
    int outputRate() const { return m_outputRate; }

protected:
    PayloadDecoder(PayloadFormat format, int outputRate)
        : m_format(std::move(format)), m_outputRate(outputRate)
    {
    }

private:
    PayloadFormat m_format;
    int m_outputRate;
};

} // namespace cv::rtp
