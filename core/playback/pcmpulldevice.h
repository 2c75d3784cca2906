#pragma once

#include <QIODevice>
#include <functional>
#include <vector>

namespace cv {

class PlaybackStream;

// The QIODevice a QAudioSink pulls from (pull mode): each read renders the next piece of a
// PlaybackStream, in memory. Reading happens on the sink's thread (the engine's).
class PcmPullDevice final : public QIODevice
{
    Q_OBJECT

public:
    explicit PcmPullDevice(QObject *parent = nullptr);
    ~PcmPullDevice() override;

    // Not owned; nullptr detaches.
    void setStream(PlaybackStream *stream) { m_stream = stream; }
    // `hook` runs once, on the first read that will hand audio to the sink after arm().
    void armFirstBuffer(std::function<void()> hook);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

signals:
    void ended();                        // the stream has been rendered to its end
    void failed(const QString &message); // decoding or decrypting failed

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    PlaybackStream *m_stream = nullptr;
    std::function<void()> m_firstBufferHook;
    bool m_armed = false;
    bool m_endReported = false;
    std::vector<qint16> m_buffer;
};

} // namespace cv
