#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace cv {

// `callvaultctl bench encode`: N concurrent synthetic calls through the whole recording
// pipeline (Opus encode + Ogg + AES-GCM chunks + fdatasync'd writes into a spool), and in
// the same run the same PCM through bare libopus. Reports real-time streams per CPU core
// for both and their ratio: the pipeline's overhead over the codec itself.
class EncodeBenchmark final
{
public:
    struct Config
    {
        QString label;
        int sampleRate = 16000;
        int channels = 2;
        int bitrate = 32000;
        int complexity = 5;
    };
    struct Figures
    {
        double audioSeconds = 0;
        double cpuSeconds = 0;
        double wallSeconds = 0;
        double streamsPerCore() const { return cpuSeconds > 0 ? audioSeconds / cpuSeconds : 0; }
    };
    struct Report
    {
        Config config;
        int streams = 0;
        int seconds = 0;
        Figures pipeline;
        Figures bare;
        double ratio() const
        {
            return bare.streamsPerCore() > 0 ? pipeline.streamsPerCore() / bare.streamsPerCore() : 0;
        }
    };

    EncodeBenchmark(QString workDirectory, QByteArray sitePublicKey, int threads);
    Result<Report> run(const Config &config, int streams, int seconds);
    // 8 kHz with one mono channel per leg (narrowband PSTN), and 16 kHz stereo (the default).
    static QVector<Config> standardConfigs();

private:
    Result<Figures> runPipeline(const Config &config, int streams, const QVector<qint16> &pcm);
    Result<Figures> runBare(const Config &config, int streams, const QVector<qint16> &pcm);

    QString m_workDirectory;
    QByteArray m_sitePublicKey;
    int m_threads;
};

// Speech-like test signal: voiced syllables (harmonics under a syllable envelope), noise
// bursts and pauses, different on each channel; deterministic.
QVector<qint16> syntheticSpeech(int sampleRate, int channels, int seconds, quint32 seed);

} // namespace cv
