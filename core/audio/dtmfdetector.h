#pragma once

#include <QVector>
#include <array>

namespace cv::audio {

// Finds DTMF tones in mono s16 PCM (8 kHz, 16 kHz, or any rate from 8 to 48 kHz).
//
// Goertzel filters at the eight DTMF frequencies over blocks of 12.75 ms (102 samples at
// 8 kHz, as in spandsp and most PBX detectors); a block is a hit when the strongest row and
// column tones are each above -35 dBm0, their twist is within +8/-6 dB, each beats the
// other tones of its group by 8 dB, and the pair carries at least 70 % of the block's
// energy (speech spreads its energy over formants and harmonics, so this purity test is
// what rejects talk-off). A tone starts after two consecutive hit blocks of the same pair
// (so 40 ms tones are always found) and ends after two blocks that are not.
//
// Only on/off positions are reported: which key was pressed is never exposed, stored or
// logged (PCI DSS: the digits may be a card number).
class DtmfDetector final
{
public:
    struct Transition
    {
        bool on = false;
        // on: first sample of the first confirmed block; off: one past the last hit block.
        qint64 position = 0;
    };

    explicit DtmfDetector(int sampleRate);

    int sampleRate() const { return m_rate; }
    int blockSize() const { return m_blockSize; }
    bool toneActive() const { return m_active; }
    qint64 samplesSeen() const { return m_position; }

    // Appends the on/off transitions found in these samples.
    void process(const qint16 *in, int n, QVector<Transition> &transitions);
    // End of stream: an active tone ends at the last sample seen.
    void finish(QVector<Transition> &transitions);

    // True when any DTMF tone is found in the buffer (test and verification helper).
    static bool containsDtmf(const qint16 *pcm, int n, int sampleRate);

private:
    int analyseBlock() const; // pair index 0..15, or -1
    void endTone(qint64 position, QVector<Transition> &transitions);

    int m_rate;
    int m_blockSize;
    std::array<float, 8> m_coeff{};
    QVector<qint16> m_block;
    int m_fill = 0;
    qint64 m_position = 0; // samples consumed
    int m_lastPair = -1;
    int m_run = 0;         // consecutive blocks with m_lastPair
    qint64 m_runStart = 0; // first sample of that run
    bool m_active = false;
    int m_activePair = -1;
    int m_misses = 0;
    qint64 m_lastHitEnd = 0;
};

} // namespace cv::audio
