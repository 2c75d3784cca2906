#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QVector>

namespace cv {

// Waveform overview of a recording, computed while encoding and stored next to it so the
// player draws the waveform without decoding the audio. One lane per channel; one byte per
// bucket = max |sample| in the bucket scaled to 0..255 (ceil(peak * 255 / 32768)), so any
// non-silent bucket is at least 1.
//
// Serialized form (all integers big-endian):
//   u8 version = 1, u8 channels, u16 bucketMs, u32 bucketCount,
//   then bucketCount bytes of lane 0, bucketCount bytes of lane 1, ...
struct PeakSummary final
{
    static constexpr int kVersion = 1;
    static constexpr int kMaxChannels = 2;
    static constexpr int kHeaderSize = 8;

    int channels = 0;
    int bucketMs = 50;
    QVector<QByteArray> lanes; // one per channel, all the same length

    qint64 bucketCount() const { return lanes.isEmpty() ? 0 : lanes.first().size(); }
    QByteArray serialize() const;
    // Parses untrusted bytes; rejects anything that is not exactly a well-formed summary.
    static Result<PeakSummary> parse(const QByteArray &data);
};

class PeakSummaryBuilder final
{
public:
    // sampleRate in Hz, channels 1 or 2, bucketMs > 0. Out-of-range values are clamped
    // (and logged): a waveform is never worth failing a recording for.
    PeakSummaryBuilder(int sampleRate, int channels, int bucketMs = 50);

    void add(const qint16 *interleaved, qint64 frames);
    // Returns the summary including the partial last bucket; the builder starts over.
    PeakSummary finish();

private:
    void closeBucket();

    int m_channels;
    int m_bucketMs;
    qint64 m_bucketFrames;
    qint64 m_framesInBucket = 0;
    QVector<int> m_peak; // per channel, 0..32768
    QVector<QByteArray> m_lanes;
};

} // namespace cv
