#include "speechsynthesizer.h"

#include "codec/pcmresampler.h"
#include "codec/wavreader.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace cv {

namespace {
QString espeakPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("espeak-ng"));
}
} // namespace

SpeechSynthesizer::SpeechSynthesizer(int sampleRate) : m_sampleRate(sampleRate) {}

bool SpeechSynthesizer::isAvailable()
{
    return !espeakPath().isEmpty();
}

Result<QVector<qint16>> SpeechSynthesizer::speak(const QString &voice, int wordsPerMinute, const QString &text)
{
    const QString key = voice + QLatin1Char('|') + QString::number(wordsPerMinute) + QLatin1Char('|') + text;
    if (auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return *it;
    const QString program = espeakPath();
    if (program.isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("espeak-ng is not installed (apt-get install espeak-ng)."));
    // -w writes a WAV with true chunk sizes; --stdout streams one with placeholder sizes.
    QTemporaryDir temp;
    const QString wavPath = temp.filePath(QStringLiteral("line.wav"));
    QProcess espeak;
    espeak.start(program, {QStringLiteral("-v"), voice, QStringLiteral("-s"), QString::number(wordsPerMinute),
                           QStringLiteral("-w"), wavPath, text});
    if (!espeak.waitForFinished(30000) || espeak.exitStatus() != QProcess::NormalExit || espeak.exitCode() != 0)
        return makeError(ErrorCode::Io, QStringLiteral("espeak-ng failed: %1").arg(QString::fromLocal8Bit(espeak.readAllStandardError())));
    QFile file(wavPath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("espeak-ng wrote no audio."));
    auto wav = WavReader::open(file, WavReader::RateCheck::AnyRate);
    if (!wav)
        return wav.error();
    QVector<qint16> pcm(static_cast<qsizetype>(wav.value()->frameCount()));
    auto n = wav.value()->read(pcm.data(), pcm.size());
    if (!n)
        return n.error();
    pcm.resize(static_cast<qsizetype>(n.value()));
    auto resampler = PcmResampler::create(1, wav.value()->sampleRate(), m_sampleRate);
    if (!resampler)
        return resampler.error();
    QVector<qint16> out = resampler.value()->process(pcm.constData(), pcm.size());
    out += resampler.value()->flush();
    m_cache.insert(key, out);
    return out;
}

} // namespace cv
