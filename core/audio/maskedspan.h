#pragma once

#include <QJsonArray>
#include <QString>
#include <QVector>

namespace cv::audio {

// A stretch of a recording whose audio was replaced by silence (DTMF, paused recording).
// Only the time and the reason are kept: what was masked (the digits) is never stored.
struct MaskedSpan
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString cause; // "dtmf-inband", "dtmf-rfc4733", ...

    bool operator==(const MaskedSpan &other) const
    {
        return startMs == other.startMs && endMs == other.endMs && cause == other.cause;
    }

    // [{"startMs":..,"endMs":..,"cause":".."}, ...] for the recording's metadata.
    static QJsonArray toJson(const QVector<MaskedSpan> &spans);
    // Sorts by start and joins spans of the same cause that overlap or touch.
    static QVector<MaskedSpan> merged(QVector<MaskedSpan> spans);
};

} // namespace cv::audio
