#include "playback/pcmpulldevice.h"

#include "crypto/cryptoutil.h"
#include "playback/playbackstream.h"

#include <cstring>

namespace cv {

namespace {
constexpr qint64 kBytesPerFrame = DecodedAudioSource::kChannels * qint64(sizeof(qint16));
}

PcmPullDevice::PcmPullDevice(QObject *parent) : QIODevice(parent)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

PcmPullDevice::~PcmPullDevice()
{
    crypto::secureZero(m_buffer.data(), m_buffer.size() * sizeof(qint16));
}

void PcmPullDevice::armFirstBuffer(std::function<void()> hook)
{
    m_firstBufferHook = std::move(hook);
    m_armed = true;
    m_endReported = false;
}

qint64 PcmPullDevice::bytesAvailable() const
{
    // A stream makes audio on demand; report a second so the sink keeps pulling.
    const qint64 more =
        m_stream && !m_stream->atEnd() ? DecodedAudioSource::kRate * kBytesPerFrame : 0;
    return more + QIODevice::bytesAvailable();
}

qint64 PcmPullDevice::readData(char *data, qint64 maxSize)
{
    const qint64 frames = maxSize / kBytesPerFrame;
    if (!m_stream || frames <= 0)
        return 0;
    if (m_buffer.size() < static_cast<std::size_t>(frames * DecodedAudioSource::kChannels))
        m_buffer.resize(static_cast<std::size_t>(frames * DecodedAudioSource::kChannels));
    auto rendered = m_stream->render(m_buffer.data(), frames);
    if (!rendered) {
        emit failed(rendered.errorMessage());
        return 0;
    }
    if (rendered.value() == 0) {
        if (m_stream->atEnd() && !m_endReported) {
            m_endReported = true;
            emit ended();
        }
        return 0;
    }
    if (m_armed) {
        // The last moment before audio leaves this object (tests check the audit trail here).
        m_armed = false;
        if (m_firstBufferHook)
            m_firstBufferHook();
    }
    const qint64 bytes = rendered.value() * kBytesPerFrame;
    std::memcpy(data, m_buffer.data(), static_cast<std::size_t>(bytes));
    return bytes;
}

qint64 PcmPullDevice::writeData(const char *, qint64)
{
    return -1; // read-only: the sink pulls
}

} // namespace cv
