#pragma once

#include "common/result.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace cv {

// Speaks a line with espeak-ng (a Debian package; no model is fetched) and returns 16-bit
// mono PCM at `sampleRate`. Lines are cached: demo calls reuse their phrases.
class SpeechSynthesizer final
{
public:
    explicit SpeechSynthesizer(int sampleRate);
    static bool isAvailable();
    Result<QVector<qint16>> speak(const QString &voice, int wordsPerMinute, const QString &text);

private:
    int m_sampleRate;
    QHash<QString, QVector<qint16>> m_cache;
};

} // namespace cv
