#include "playback/decodedaudiosource.h"

#include "crypto/cryptoutil.h"

#include <algorithm>

namespace cv {

Result<std::unique_ptr<DecodedAudioSource>>
DecodedAudioSource::open(std::unique_ptr<ContainerReader> container)
{
    if (!container)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No recording to play."));
    auto decoder = OggOpusReader::open(*container);
    if (!decoder)
        return decoder.error();
    if (decoder.value()->channels() < 1 || decoder.value()->channels() > kChannels)
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral("The recording has %1 audio channels; the player plays one or two.")
                .arg(decoder.value()->channels()));
    return std::unique_ptr<DecodedAudioSource>(
        new DecodedAudioSource(std::move(container), decoder.takeValue()));
}

DecodedAudioSource::DecodedAudioSource(std::unique_ptr<ContainerReader> container,
                                       std::unique_ptr<OggOpusReader> decoder)
    : m_container(std::move(container)), m_decoder(std::move(decoder))
{
    // The decoder knows the exact length of a finished stream; an unfinished or recovered
    // one ends at its last complete page, which the container's chunk times bound.
    const qint64 decoded = m_decoder->durationMs();
    m_durationMs = decoded >= 0 ? decoded : m_container->durationMs();
}

DecodedAudioSource::~DecodedAudioSource()
{
    if (!m_mono.empty())
        crypto::secureZero(m_mono.data(), m_mono.size() * sizeof(qint16));
}

Result<qint64> DecodedAudioSource::read(qint16 *stereo, qint64 maxFrames)
{
    if (maxFrames <= 0)
        return qint64(0);
    qint64 got = 0;
    if (m_decoder->channels() == kChannels) {
        auto n = m_decoder->read(stereo, maxFrames);
        if (!n)
            return n.error();
        got = n.value();
    } else {
        if (m_mono.size() < static_cast<std::size_t>(maxFrames))
            m_mono.resize(static_cast<std::size_t>(maxFrames));
        auto n = m_decoder->read(m_mono.data(), maxFrames);
        if (!n)
            return n.error();
        got = n.value();
        for (qint64 i = 0; i < got; ++i)
            stereo[2 * i] = stereo[2 * i + 1] = m_mono[static_cast<std::size_t>(i)];
    }
    m_positionFrames += got;
    if (got == 0)
        m_durationMs = std::max(m_durationMs, positionMs()); // a recovered stream's true end
    return got;
}

Result<void> DecodedAudioSource::seekMs(qint64 ms)
{
    const qint64 target = std::clamp<qint64>(ms, 0, m_durationMs);
    if (auto sought = m_decoder->seekMs(target); !sought)
        return sought;
    m_positionFrames = target * kRate / 1000;
    return {};
}

} // namespace cv
