#include "auth/authtext.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace cv::authtext {

namespace {

bool isForbidden(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0xfffd || u == 0x2028 || u == 0x2029 ||
           c.isSurrogate();
}

} // namespace

bool hasForbiddenCharacters(const QString &text)
{
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i; // a valid pair (a character outside the BMP)
            continue;
        }
        if (isForbidden(c))
            return true;
    }
    return false;
}

int codePoints(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

Result<void> checkName(const QString &name, const QString &what)
{
    if (name.isEmpty() || name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must not be empty.").arg(what));
    if (name.size() > kMaxNameLength)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 may have at most %2 characters.").arg(what).arg(kMaxNameLength));
    if (hasForbiddenCharacters(name))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 may not contain control characters or invalid text.").arg(what));
    if (name.trimmed() != name)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 may not start or end with a space.").arg(what));
    return {};
}

Result<void> checkRoleName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,31}$"));
    if (!pattern.match(name).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A role name is 1 to 32 lowercase letters, digits or '_', "
                                        "starting with a letter."));
    return {};
}

QString forAudit(const QString &text)
{
    QString out;
    out.reserve(qMin(text.size(), kMaxAuditTextLength + 1));
    int i = 0;
    for (; i < text.size() && out.size() < kMaxAuditTextLength; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
            continue;
        }
        out.append(isForbidden(c) ? QChar(0xfffd) : c);
    }
    if (i < text.size())
        out.append(QChar(0x2026));
    return out;
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace cv::authtext
