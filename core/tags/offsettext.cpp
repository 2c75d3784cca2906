#include "tags/offsettext.h"

#include <QRegularExpression>

namespace cv::offsettext {

QString format(qint64 ms)
{
    const qint64 s = ms / 1000;
    const QString tail = QStringLiteral("%1.%2")
                             .arg(s % 60, 2, 10, QLatin1Char('0'))
                             .arg(ms % 1000, 3, 10, QLatin1Char('0'));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(tail);
    return QStringLiteral("%1:%2").arg(s / 60).arg(tail);
}

std::optional<qint64> parse(const QString &text)
{
    static const QRegularExpression millis(QStringLiteral("^\\d{1,10}$"));
    // [H:]M:SS[.fff]; the first field may be long ("90:00" is an hour and a half).
    static const QRegularExpression clock(
        QStringLiteral("^(?:(\\d{1,4}):)?(\\d{1,4}):(\\d{2})(?:\\.(\\d{1,3}))?$"));
    const QString t = text.trimmed();
    if (millis.match(t).hasMatch())
        return t.toLongLong();
    const auto m = clock.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const bool hours = m.capturedLength(1) > 0;
    const qint64 h = hours ? m.captured(1).toLongLong() : 0;
    const qint64 min = m.captured(2).toLongLong();
    const qint64 sec = m.captured(3).toLongLong();
    if (sec > 59 || (hours && min > 59))
        return std::nullopt;
    QString fraction = m.captured(4);
    while (fraction.size() < 3)
        fraction.append(u'0');
    return ((h * 60 + min) * 60 + sec) * 1000 + fraction.toLongLong();
}

} // namespace cv::offsettext
