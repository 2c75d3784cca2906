#pragma once

#include <QString>
#include <optional>

namespace cv {

// The order of search results. Every order ends with the recording id in the same
// direction, so equal keys (calls that started in the same millisecond) still have one
// fixed order and keyset pages neither repeat nor skip them. Recordings without a sentiment
// come last when sorting by sentiment, in either direction. The SQL ORDER BY is chosen from
// these enums, never from input.
struct SearchSort final
{
    enum class Key : int
    {
        Time = 1,      // started_at_ms
        Duration = 2,  // duration_ms
        Sentiment = 3, // sentiment (NULLS LAST)
    };
    enum class Order : int
    {
        Ascending = 1,
        Descending = 2,
    };

    Key key = Key::Time;
    Order order = Order::Descending;

    // "time:desc", "duration:asc", "sentiment:desc"...
    QString toText() const;
    // Accepts "time", "time:asc", "duration:desc" ... ("KEY" alone is descending).
    static std::optional<SearchSort> fromText(const QString &text);

    bool operator==(const SearchSort &other) const
    {
        return key == other.key && order == other.order;
    }
};

} // namespace cv
