#include "searchsort.h"

#include <QStringList>

namespace cv {

namespace {

QString keyText(SearchSort::Key key)
{
    switch (key) {
    case SearchSort::Key::Time:
        return QStringLiteral("time");
    case SearchSort::Key::Duration:
        return QStringLiteral("duration");
    case SearchSort::Key::Sentiment:
        return QStringLiteral("sentiment");
    }
    return QString();
}

} // namespace

QString SearchSort::toText() const
{
    return keyText(key) +
           (order == Order::Ascending ? QStringLiteral(":asc") : QStringLiteral(":desc"));
}

std::optional<SearchSort> SearchSort::fromText(const QString &text)
{
    const QStringList parts = text.trimmed().toLower().split(u':');
    if (parts.size() > 2)
        return std::nullopt;
    SearchSort sort;
    bool known = false;
    for (Key key : {Key::Time, Key::Duration, Key::Sentiment}) {
        if (parts.first() == keyText(key)) {
            sort.key = key;
            known = true;
        }
    }
    if (!known)
        return std::nullopt;
    if (parts.size() == 2) {
        if (parts.at(1) == QLatin1String("asc"))
            sort.order = Order::Ascending;
        else if (parts.at(1) == QLatin1String("desc"))
            sort.order = Order::Descending;
        else
            return std::nullopt;
    }
    return sort;
}

} // namespace cv
