#include "payloadformat.h"

#include <QList>

namespace cv::rtp {

std::optional<PayloadFormat> PayloadFormat::forStaticType(int payloadType)
{
    switch (payloadType) {
    case 0:
        return PayloadFormat{"PCMU", 8000, 1};
    case 8:
        return PayloadFormat{"PCMA", 8000, 1};
    case 9:
        return PayloadFormat{"G722", 8000, 1};
    case 13:
        return PayloadFormat{"CN", 8000, 1};
    default:
        return std::nullopt;
    }
}

std::optional<PayloadFormat> PayloadFormat::fromRtpmap(const QByteArray &text)
{
    const QList<QByteArray> parts = text.trimmed().split('/');
    if (parts.size() < 2 || parts.size() > 3 || parts[0].isEmpty() || parts[0].size() > 32)
        return std::nullopt;
    bool ok = false;
    const int rate = parts[1].toInt(&ok);
    if (!ok || rate <= 0 || rate > 192000)
        return std::nullopt;
    int channels = 1;
    if (parts.size() == 3) {
        channels = parts[2].toInt(&ok);
        if (!ok || channels < 1 || channels > 8)
            return std::nullopt;
    }
    return PayloadFormat{parts[0], rate, channels};
}

bool PayloadFormat::isTelephoneEvent() const
{
    return encoding.compare("telephone-event", Qt::CaseInsensitive) == 0;
}

bool PayloadFormat::isComfortNoise() const
{
    return encoding.compare("CN", Qt::CaseInsensitive) == 0;
}

} // namespace cv::rtp
