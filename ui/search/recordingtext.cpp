#include "recordingtext.h"

#include "search/searchquery.h"

#include <QLocale>

namespace cv {

QString RecordingText::dateTime(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString RecordingText::duration(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms) / 1000;
    const QLatin1Char zero('0');
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, zero).arg(s % 60, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, zero);
}

QString RecordingText::direction(Direction direction)
{
    switch (direction) {
    case Direction::Inbound:
        return tr("Inbound");
    case Direction::Outbound:
        return tr("Outbound");
    case Direction::Internal:
        return tr("Internal");
    }
    return {};
}

QString RecordingText::status(RecordingStatus status)
{
    switch (status) {
    case RecordingStatus::Normal:
        return tr("Complete");
    case RecordingStatus::Unfinished:
        return tr("Unfinished");
    case RecordingStatus::Recovered:
        return tr("Recovered");
    }
    return {};
}

QString RecordingText::sentiment(std::optional<double> value)
{
    if (!value)
        return {};
    const SentimentBands bands;
    const QString label = *value < bands.negativeBelow  ? tr("negative")
                          : *value > bands.positiveAbove ? tr("positive")
                                                         : tr("neutral");
    const QString number = QLocale().toString(*value, 'f', 2);
    return tr("%1 (%2)").arg(*value > 0 ? QLatin1Char('+') + number : number, label);
}

QString RecordingText::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace cv
