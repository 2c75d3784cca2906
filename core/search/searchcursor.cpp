#include "searchcursor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <cmath>

namespace cv {

namespace {

const QLatin1String kPrefix("cv1.");

Error invalidToken(const QString &why)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("This page cursor is not valid (%1). Run the search again "
                                    "from its first page.")
                         .arg(why));
}

} // namespace

SearchCursor::SearchCursor(SearchQuery query, SearchSort sort, int pageSize, Key lastKey,
                           QUuid lastId)
    : m_query(std::move(query)), m_sort(sort), m_pageSize(pageSize), m_lastKey(std::move(lastKey)),
      m_lastId(lastId)
{
}

QString SearchCursor::toToken() const
{
    QJsonObject json{{QStringLiteral("q"), m_query.toJson()},
                     {QStringLiteral("s"), m_sort.toText()},
                     {QStringLiteral("n"), m_pageSize},
                     {QStringLiteral("id"), m_lastId.toString(QUuid::WithoutBraces)}};
    if (m_sort.key == SearchSort::Key::Sentiment)
        json.insert(QStringLiteral("k"), m_lastKey.sentiment ? QJsonValue(*m_lastKey.sentiment)
                                                             : QJsonValue(QJsonValue::Null));
    else
        json.insert(QStringLiteral("k"), static_cast<double>(m_lastKey.integer));
    const QByteArray body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return kPrefix + QString::fromLatin1(body.toBase64(QByteArray::Base64UrlEncoding |
                                                       QByteArray::OmitTrailingEquals));
}

Result<SearchCursor> SearchCursor::fromToken(const QString &token, int maxPageSize)
{
    if (token.size() > kMaxTokenLength)
        return invalidToken(QStringLiteral("too long"));
    if (!token.startsWith(kPrefix))
        return invalidToken(QStringLiteral("unknown format"));
    const auto decoded = QByteArray::fromBase64Encoding(
        token.mid(kPrefix.size()).toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalidToken(QStringLiteral("damaged"));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return invalidToken(QStringLiteral("damaged"));
    const QJsonObject json = doc.object();
    if (json.size() != 5 || !json.value(QLatin1String("q")).isObject())
        return invalidToken(QStringLiteral("damaged"));

    auto query = SearchQuery::fromJson(json.value(QLatin1String("q")).toObject());
    if (!query)
        return query.error();
    const auto sort = SearchSort::fromText(json.value(QLatin1String("s")).toString());
    if (!sort)
        return invalidToken(QStringLiteral("unknown order"));
    const QJsonValue n = json.value(QLatin1String("n"));
    const int pageSize = n.toInt(0);
    if (!n.isDouble() || pageSize < 1 || pageSize > maxPageSize)
        return invalidToken(QStringLiteral("page size"));
    const QUuid id = QUuid::fromString(json.value(QLatin1String("id")).toString());
    if (id.isNull())
        return invalidToken(QStringLiteral("row id"));
    const QJsonValue k = json.value(QLatin1String("k"));
    Key key;
    if (sort->key == SearchSort::Key::Sentiment) {
        if (k.isDouble() && std::isfinite(k.toDouble()))
            key.sentiment = k.toDouble();
        else if (!k.isNull())
            return invalidToken(QStringLiteral("row key"));
    } else {
        const double d = k.toDouble(std::nan(""));
        if (!k.isDouble() || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
            return invalidToken(QStringLiteral("row key"));
        key.integer = static_cast<qint64>(d);
    }
    return SearchCursor(query.takeValue(), *sort, pageSize, key, id);
}

} // namespace cv
