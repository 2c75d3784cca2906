#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QVector>
#include <QtGlobal>

class QIODevice;

namespace cv {

// Writes a canonical 16-bit PCM WAV file (44-byte header) for export. The sizes in the
// header are patched by finish(), so the device must be seekable (a file, a buffer).
class WavWriter final
{
public:
    // The device is owned by the caller, open for writing, and must outlive the writer.
    explicit WavWriter(QIODevice &device);

    // Optional, before begin(): a LIST/INFO chunk between "fmt " and "data" holding these
    // tags (four-character RIFF INFO ids such as "ICMT", "ISFT", "ICRD"; UTF-8 text).
    Result<void> setInfo(const QVector<QPair<QByteArray, QString>> &tags);
    Result<void> begin(int sampleRate, int channels);
    Result<void> write(const qint16 *interleaved, qint64 frames);
    Result<void> finish();

    qint64 framesWritten() const { return m_frames; }

private:
    Result<void> writeBytes(const char *data, qint64 size);

    QIODevice &m_device;
    QByteArray m_info;  // the LIST chunk, or empty
    qint64 m_start = 0; // device position of the RIFF header
    int m_sampleRate = 0;
    int m_channels = 0;
    qint64 m_frames = 0;
    bool m_begun = false;
    bool m_finished = false;
};

} // namespace cv
