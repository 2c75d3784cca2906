#include "qa/qatext.h"

#include "auth/authtext.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace cv::qatext {

Result<void> checkText(const QString &text, const QString &what, int maxLength, bool required)
{
    QString rest = text;
    rest.remove(u'\t').remove(u'\n').remove(u'\r');
    if (authtext::hasForbiddenCharacters(rest))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 may not contain control characters (other than tabs "
                                        "and line breaks) or invalid text.")
                             .arg(what));
    if (authtext::codePoints(text) > maxLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 may have at most %2 characters.").arg(what).arg(maxLength));
    if (required && text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is required.").arg(what));
    return {};
}

Result<void> checkFormId(const QString &formId)
{
    bool ok = !formId.isEmpty() && formId.size() <= 64;
    for (QChar c : formId) {
        const char16_t u = c.unicode();
        ok = ok && ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                    (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u'-');
    }
    if (!ok)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A form id is 1 to 64 of the letters A-Z and a-z, digits, "
                                        "'.', '_' and '-'."));
    return {};
}

Result<void> checkLanguage(const QString &language)
{
    bool ok = language.size() >= 2 && language.size() <= 16;
    for (QChar c : language) {
        const char16_t u = c.unicode();
        ok = ok && ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_' || u == u'-');
    }
    if (!ok)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A form language is a tag such as en or zh_CN (2 to 16 "
                                        "letters, '_' and '-')."));
    return {};
}

Result<QString> canonicalJsonObject(const QString &json, const QString &what, int maxBytes)
{
    const QByteArray utf8 = json.toUtf8();
    if (utf8.size() > maxBytes)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 may have at most %2 bytes.").arg(what).arg(maxBytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must be a JSON object.").arg(what));
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

Result<void> checkScore(double score)
{
    if (!std::isfinite(score) || score < 0 || score > 100)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A score is a number from 0 to 100."));
    return {};
}

} // namespace cv::qatext
