#pragma once

#include "codec/oggopusreader.h"
#include "common/result.h"
#include "store/containerreader.h"

#include <memory>
#include <vector>

namespace cv {

// The audio of one decrypted recording as 48 kHz stereo PCM (agent left, customer right),
// decoded as it is read: opusfile pulls from the container, which decrypts only the chunks
// a read touches. Nothing is decoded ahead, so an hour-long call costs a few chunks of
// memory, and nothing is written anywhere. A mono recording is played on both channels.
class DecodedAudioSource final
{
public:
    static constexpr int kRate = OggOpusReader::kOutputRate;
    static constexpr int kChannels = 2;

    static Result<std::unique_ptr<DecodedAudioSource>>
    open(std::unique_ptr<ContainerReader> container);
    DecodedAudioSource(const DecodedAudioSource &) = delete;
    DecodedAudioSource &operator=(const DecodedAudioSource &) = delete;
    ~DecodedAudioSource();

    // Decodes up to maxFrames stereo frames; 0 at the end of the recording.
    Result<qint64> read(qint16 *stereo, qint64 maxFrames);
    // Seeks to `ms` (clamped to 0..duration); the next read starts there.
    Result<void> seekMs(qint64 ms);
    // The recording time of the next frame read.
    qint64 positionMs() const { return m_positionFrames * 1000 / kRate; }
    qint64 positionFrames() const { return m_positionFrames; }
    qint64 durationMs() const { return m_durationMs; }
    bool unfinished() const { return m_container->state() == ContainerReader::State::Unfinished; }

private:
    DecodedAudioSource(std::unique_ptr<ContainerReader> container,
                       std::unique_ptr<OggOpusReader> decoder);

    // Declared in this order so the decoder, which reads through the container, goes first.
    std::unique_ptr<ContainerReader> m_container;
    std::unique_ptr<OggOpusReader> m_decoder;
    std::vector<qint16> m_mono; // decode buffer for mono recordings
    qint64 m_positionFrames = 0;
    qint64 m_durationMs = 0;
};

} // namespace cv
