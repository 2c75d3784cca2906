#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cv::control {

// The bearer tokens the control API accepts. The configuration holds only each token's
// SHA-256 digest (64 hex digits) and a name, so a leaked config file or backup leaks no
// credential, and the log names the token ("pbx-dialplan") instead of showing it.
// A plain hash (no salt, no KDF) is enough because tokens are random with 256 bits of
// entropy (generateToken()); nothing about them can be guessed from the digest.
//
// Presented tokens are hashed and compared with every configured digest using
// CRYPTO_memcmp, without stopping at the first match, so the time taken does not say which
// byte or which token differed.
class BearerTokens final
{
public:
    enum class Outcome : int
    {
        Accepted = 0,
        Missing = 1,   // no Authorization header
        Malformed = 2, // not "Bearer <token68>"
        Unknown = 3,   // well-formed but no configured digest matches
    };
    struct Check
    {
        Outcome outcome = Outcome::Missing;
        QString name; // the token's configured name when Accepted
    };

    static constexpr int kMaxTokenLength = 1024;

    // Lower-case hex SHA-256 of a token: what goes into the configuration
    // (`callvault-recorder --hash-token`).
    static QByteArray digestOf(const QByteArray &token);
    // A new random token: 32 bytes from the OpenSSL CSPRNG, base64url without padding
    // (43 characters, all valid in an Authorization header and in a shell variable).
    static Result<QByteArray> generateToken();

    // Adds a token by name and digest. Refused: empty or duplicate name, a name with
    // characters other than letters, digits, '-', '_', '.', '@' (it goes into logs), a digest
    // that is not 64 hex digits, the same digest twice.
    Result<void> add(const QString &name, const QByteArray &sha256Hex);
    // Adds "name:sha256hex" (the form of one configuration entry).
    Result<void> addSpec(const QString &spec);

    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }
    QStringList names() const;

    // Checks the value of an Authorization header (null when the header is absent).
    Check authenticate(const QByteArray &authorization) const;

private:
    struct Entry
    {
        QString name;
        QByteArray digest; // 32 raw bytes
    };
    QVector<Entry> m_entries;
};

} // namespace cv::control
