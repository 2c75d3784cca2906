#include "bearertokens.h"

#include "crypto/cryptoutil.h"

#include <QRegularExpression>

namespace cv::control {

namespace {

// RFC 7235 token68: ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/", then *"=".
bool isToken68(const QByteArray &token)
{
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char c = token[i];
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                           c == '+' || c == '/';
        if (!plain)
            break;
    }
    if (i == 0)
        return false;
    for (; i < token.size(); ++i) {
        if (token[i] != '=')
            return false;
    }
    return true;
}

} // namespace

QByteArray BearerTokens::digestOf(const QByteArray &token)
{
    return crypto::sha256(token).toHex();
}

Result<QByteArray> BearerTokens::generateToken()
{
    auto random = crypto::randomBytes(32);
    if (!random)
        return random.error();
    QByteArray raw = random.takeValue();
    QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    crypto::secureZero(raw);
    return token;
}

Result<void> BearerTokens::add(const QString &name, const QByteArray &sha256Hex)
{
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    if (!namePattern.match(name).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("token name \"%1\" is not 1 to 64 letters, digits, "
                                        "'.', '_', '-' or '@'")
                             .arg(name.left(80)));
    static const QRegularExpression hexPattern(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!hexPattern.match(QString::fromLatin1(sha256Hex)).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the digest of token \"%1\" is not 64 hex digits (give "
                                        "the SHA-256 of the token, not the token itself)")
                             .arg(name));
    const QByteArray digest = QByteArray::fromHex(sha256Hex);
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.name == name)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("token name \"%1\" is configured twice").arg(name));
        if (entry.digest == digest)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("tokens \"%1\" and \"%2\" have the same digest; give "
                                            "each client its own token")
                                 .arg(entry.name, name));
    }
    m_entries.append(Entry{name, digest});
    return {};
}

Result<void> BearerTokens::addSpec(const QString &spec)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a token entry must be \"name:sha256hex\""));
    return add(spec.left(colon).trimmed(), spec.mid(colon + 1).trimmed().toLatin1());
}

QStringList BearerTokens::names() const
{
    QStringList out;
    for (const Entry &entry : m_entries)
        out.append(entry.name);
    return out;
}

BearerTokens::Check BearerTokens::authenticate(const QByteArray &authorization) const
{
    if (authorization.isNull())
        return {Outcome::Missing, {}};
    // "Bearer" is case-insensitive (RFC 7235 2.1); one or more spaces before the token.
    if (authorization.size() < 8 || authorization.size() > 7 + kMaxTokenLength + 16 ||
        authorization.left(6).compare("Bearer", Qt::CaseInsensitive) != 0 ||
        authorization[6] != ' ')
        return {Outcome::Malformed, {}};
    QByteArray token = authorization.mid(7).trimmed();
    if (token.isEmpty() || token.size() > kMaxTokenLength || !isToken68(token)) {
        crypto::secureZero(token);
        return {Outcome::Malformed, {}};
    }
    const QByteArray presented = crypto::sha256(token);
    crypto::secureZero(token);
    // Every entry is compared, match or not: the time does not depend on which one matched.
    int matched = -1;
    for (int i = 0; i < m_entries.size(); ++i) {
        const bool equal = crypto::constantTimeEquals(presented, m_entries[i].digest);
        matched = equal ? i : matched;
    }
    if (matched < 0)
        return {Outcome::Unknown, {}};
    return {Outcome::Accepted, m_entries[matched].name};
}

} // namespace cv::control
