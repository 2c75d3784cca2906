#include "maskedspan.h"

#include <QJsonObject>
#include <algorithm>

namespace cv::audio {

QJsonArray MaskedSpan::toJson(const QVector<MaskedSpan> &spans)
{
    QJsonArray array;
    for (const MaskedSpan &span : spans) {
        array.append(QJsonObject{{QStringLiteral("startMs"), span.startMs},
                                 {QStringLiteral("endMs"), span.endMs},
                                 {QStringLiteral("cause"), span.cause}});
    }
    return array;
}

QVector<MaskedSpan> MaskedSpan::merged(QVector<MaskedSpan> spans)
{
    std::stable_sort(spans.begin(), spans.end(), [](const MaskedSpan &a, const MaskedSpan &b) {
        return a.startMs < b.startMs;
    });
    QVector<MaskedSpan> out;
    for (const MaskedSpan &span : spans) {
        // Join with the latest span of the same cause when they overlap or touch; spans of
        // different causes may overlap (a phone that sends RFC 4733 and the tone in-band).
        bool joined = false;
        for (qsizetype i = out.size() - 1; i >= 0; --i) {
            MaskedSpan &prev = out[i];
            if (prev.cause != span.cause)
                continue;
            if (span.startMs <= prev.endMs) {
                prev.endMs = std::max(prev.endMs, span.endMs);
                joined = true;
            }
            break;
        }
        if (!joined)
            out.append(span);
    }
    return out;
}

} // namespace cv::audio
