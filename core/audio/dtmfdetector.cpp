#include "dtmfdetector.h"

#include <algorithm>
#include <cmath>

namespace cv::audio {

namespace {

constexpr std::array<double, 8> kFreqs = {697.0,  770.0,  852.0,  941.0,
                                          1209.0, 1336.0, 1477.0, 1633.0};

// 0 dBm0 is a sine of amplitude 22706 in 16-bit linear PCM (G.711's +3.17 dBm0 overload
// point is full scale), i.e. a sine power of 22706^2 / 2.
constexpr double kZeroDbm0Power = 22706.0 * 22706.0 / 2.0;
// Weakest tone of a pair that counts: -35 dBm0 leaves 10 dB of room below the -25 dBm0
// that must be found and for twist; Q.24 lets receivers ignore tones below about -40 dBm0.
const double kMinTonePower = kZeroDbm0Power * std::pow(10.0, -35.0 / 10.0);
const double kNormalTwist = std::pow(10.0, 8.0 / 10.0);  // high group louder than low
const double kReverseTwist = std::pow(10.0, 6.0 / 10.0); // low group louder than high
const double kRelativePeak = std::pow(10.0, 8.0 / 10.0);
constexpr double kPurity = 0.70;
constexpr int kConfirmBlocks = 2;
constexpr int kReleaseBlocks = 2;

} // namespace

DtmfDetector::DtmfDetector(int sampleRate)
    : m_rate(std::clamp(sampleRate, 8000, 48000)),
      m_blockSize(int(std::lround(102.0 * m_rate / 8000.0)))
{
    for (int i = 0; i < 8; ++i)
        m_coeff[size_t(i)] = float(2.0 * std::cos(2.0 * M_PI * kFreqs[size_t(i)] / m_rate));
    m_block.resize(m_blockSize);
}

int DtmfDetector::analyseBlock() const
{
    const qint16 *x = m_block.constData();
    const int n = m_blockSize;
    double energy = 0.0;
    for (int i = 0; i < n; ++i)
        energy += double(x[i]) * x[i];
    const double total = energy / n;
    // Silence and quiet speech: no pair of tones above the floor can be in here.
    if (total < 2.0 * kMinTonePower)
        return -1;

    // Eight Goertzel filters side by side (fixed-size arrays: the compiler vectorizes).
    std::array<float, 8> s1{};
    std::array<float, 8> s2{};
    for (int i = 0; i < n; ++i) {
        const float v = x[i];
        for (int k = 0; k < 8; ++k) {
            const float s0 = v + m_coeff[size_t(k)] * s1[size_t(k)] - s2[size_t(k)];
            s2[size_t(k)] = s1[size_t(k)];
            s1[size_t(k)] = s0;
        }
    }
    // Sine power estimate: 2 |X|^2 / N^2 (a sine of amplitude A gives A^2 / 2).
    std::array<double, 8> power{};
    const double scale = 2.0 / (double(n) * n);
    for (size_t k = 0; k < 8; ++k) {
        const double a = s1[k];
        const double b = s2[k];
        power[k] = std::max(0.0, (a * a + b * b - double(m_coeff[k]) * a * b) * scale);
    }

    int row = 0;
    int col = 4;
    for (int k = 1; k < 4; ++k) {
        if (power[size_t(k)] > power[size_t(row)])
            row = k;
    }
    for (int k = 5; k < 8; ++k) {
        if (power[size_t(k)] > power[size_t(col)])
            col = k;
    }
    const double pr = power[size_t(row)];
    const double pc = power[size_t(col)];
    if (pr < kMinTonePower || pc < kMinTonePower)
        return -1;
    if (pc > pr * kNormalTwist || pr > pc * kReverseTwist)
        return -1;
    for (int k = 0; k < 4; ++k) {
        if (k != row && power[size_t(k)] * kRelativePeak > pr)
            return -1;
    }
    for (int k = 4; k < 8; ++k) {
        if (k != col && power[size_t(k)] * kRelativePeak > pc)
            return -1;
    }
    if (pr + pc < kPurity * total)
        return -1;
    return row * 4 + (col - 4);
}

void DtmfDetector::endTone(qint64 position, QVector<Transition> &transitions)
{
    m_active = false;
    m_activePair = -1;
    m_misses = 0;
    transitions.append(Transition{false, position});
}

void DtmfDetector::process(const qint16 *in, int n, QVector<Transition> &transitions)
{
    int i = 0;
    while (i < n) {
        const int take = std::min(n - i, m_blockSize - m_fill);
        std::copy(in + i, in + i + take, m_block.data() + m_fill);
        m_fill += take;
        i += take;
        if (m_fill < m_blockSize)
            break;
        m_fill = 0;
        const qint64 blockStart = m_position;
        m_position += m_blockSize;
        const int pair = analyseBlock();

        if (pair >= 0 && pair == m_lastPair) {
            ++m_run;
        } else {
            m_lastPair = pair;
            m_run = pair >= 0 ? 1 : 0;
            m_runStart = blockStart;
        }

        if (m_active) {
            if (pair == m_activePair) {
                m_misses = 0;
                m_lastHitEnd = m_position;
                continue;
            }
            if (++m_misses < kReleaseBlocks && pair < 0)
                continue;
            endTone(m_lastHitEnd, transitions);
        }
        if (pair >= 0 && m_run >= kConfirmBlocks) {
            m_active = true;
            m_activePair = pair;
            m_misses = 0;
            m_lastHitEnd = m_position;
            transitions.append(Transition{true, m_runStart});
        }
    }
}

void DtmfDetector::finish(QVector<Transition> &transitions)
{
    if (m_active)
        endTone(m_position + m_fill, transitions);
}

bool DtmfDetector::containsDtmf(const qint16 *pcm, int n, int sampleRate)
{
    DtmfDetector detector(sampleRate);
    QVector<Transition> transitions;
    detector.process(pcm, n, transitions);
    detector.finish(transitions);
    return !transitions.isEmpty();
}

} // namespace cv::audio
