#include "crypto/scrypt.h"

#include "crypto/cryptoutil.h"
#include "crypto/openssl_p.h"

#include <QList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/params.h>

#include <optional>

namespace cv::crypto {

using namespace detail;

namespace {

// The most memory one scrypt call may use. The OWASP default (N=2^17, r=8) needs 128 MiB;
// eight times that leaves room to raise the cost later while a hostile stored hash cannot
// make a login allocate without bound.
constexpr std::uint64_t kMaxMemoryBytes = std::uint64_t(1) << 30;
constexpr std::uint64_t kMaxRTimesP = std::uint64_t(1) << 30; // RFC 7914 section 2: r * p < 2^30
constexpr int kMaxLength = 1 << 16;
constexpr int kMaxLogN = 24; // the hash string refuses anything above this
constexpr int kSaltSize = 16;
constexpr int kHashSize = 32;
const char kPrefix[] = "$scrypt$";

bool isPowerOfTwo(std::uint64_t v)
{
    return v >= 2 && (v & (v - 1)) == 0;
}

int log2Exact(std::uint64_t v)
{
    int n = 0;
    while (v > 1) {
        v >>= 1;
        ++n;
    }
    return n;
}

Result<void> checkParams(const ScryptParams &params)
{
    if (!isPowerOfTwo(params.n) || params.n > (std::uint64_t(1) << 32))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("scrypt cost N must be a power of two from 2 to 2^32, not %1.")
                .arg(params.n));
    if (params.r == 0 || params.p == 0 ||
        std::uint64_t(params.r) * std::uint64_t(params.p) >= kMaxRTimesP)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("scrypt needs r >= 1, p >= 1 and r*p < 2^30 (got r=%1, p=%2).")
                .arg(params.r)
                .arg(params.p));
    // OpenSSL allocates 128*r*(N+2) bytes for V plus 128*r*p for B; check with division so
    // that nothing overflows.
    const std::uint64_t perUnit = 128 * std::uint64_t(params.r);
    const std::uint64_t bBytes = perUnit * params.p;
    if (bBytes > kMaxMemoryBytes || params.n + 2 > (kMaxMemoryBytes - bBytes) / perUnit)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("scrypt parameters N=%1, r=%2, p=%3 need more than the %4 MiB of memory "
                           "allowed; choose a smaller N or r.")
                .arg(params.n)
                .arg(params.r)
                .arg(params.p)
                .arg(kMaxMemoryBytes >> 20));
    return {};
}

// Strict unpadded standard base64: only the alphabet, and the canonical encoding of what it
// decodes to (so no padding, whitespace or stray low bits). Returns nullopt otherwise.
std::optional<QByteArray> decodeStrictBase64(const QByteArray &text, int expectedSize)
{
    if (text.isEmpty())
        return std::nullopt;
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (!ok)
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok ||
        decoded.decoded.size() != expectedSize)
        return std::nullopt;
    if (decoded.decoded.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals) !=
        text)
        return std::nullopt;
    return decoded.decoded;
}

// "name=<decimal>" with 1..10 digits and no leading zero.
std::optional<std::uint64_t> parseField(const QByteArray &field, const QByteArray &name)
{
    QByteArray prefix = name;
    prefix.append('=');
    if (!field.startsWith(prefix))
        return std::nullopt;
    const QByteArray digits = field.mid(name.size() + 1);
    if (digits.isEmpty() || digits.size() > 10 || (digits.size() > 1 && digits.front() == '0'))
        return std::nullopt;
    std::uint64_t value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

struct ParsedHash
{
    ScryptParams params;
    QByteArray salt;
    QByteArray hash;
};

std::optional<ParsedHash> parseHash(const QString &encoded)
{
    for (QChar c : encoded) {
        if (c.unicode() > 0x7e || c.unicode() < 0x21)
            return std::nullopt;
    }
    const QByteArray text = encoded.toLatin1();
    if (!text.startsWith(kPrefix))
        return std::nullopt;
    const QList<QByteArray> parts = text.mid(int(sizeof kPrefix) - 1).split('$');
    if (parts.size() != 3)
        return std::nullopt;
    const QList<QByteArray> fields = parts[0].split(',');
    if (fields.size() != 3)
        return std::nullopt;
    const auto ln = parseField(fields[0], QByteArrayLiteral("ln"));
    const auto r = parseField(fields[1], QByteArrayLiteral("r"));
    const auto p = parseField(fields[2], QByteArrayLiteral("p"));
    if (!ln || !r || !p || *ln < 1 || *ln > kMaxLogN || *r < 1 || *p < 1)
        return std::nullopt;
    if (*r >= kMaxRTimesP || *p >= kMaxRTimesP ||
        *r * *p >= kMaxRTimesP) // each < 2^30 first: no overflow
        return std::nullopt;
    auto salt = decodeStrictBase64(parts[1], kSaltSize);
    auto hash = decodeStrictBase64(parts[2], kHashSize);
    if (!salt || !hash)
        return std::nullopt;
    ParsedHash out;
    out.params.n = std::uint64_t(1) << *ln;
    out.params.r = static_cast<std::uint32_t>(*r);
    out.params.p = static_cast<std::uint32_t>(*p);
    out.salt = *salt;
    out.hash = *hash;
    return out;
}

} // namespace

Result<SecretBytes> scrypt(const QByteArray &password, const QByteArray &salt,
                           const ScryptParams &params, int length)
{
    if (auto ok = checkParams(params); !ok)
        return ok.error();
    if (length < 1 || length > kMaxLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("scrypt can derive 1 to %1 bytes here, not %2.")
                             .arg(kMaxLength)
                             .arg(length));

    EvpKdfPtr kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr));
    if (!kdf)
        return opensslError(QStringLiteral("scrypt is not available in this OpenSSL"));
    EvpKdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return opensslError(QStringLiteral("Could not create an scrypt context"));

    // An empty password or salt (RFC 7914 section 12, first vector) still needs a non-null
    // pointer, or OpenSSL 3.0 treats the parameter as unset and refuses to derive.
    static unsigned char emptyByte = 0;
    auto octets = [](const char *key, const QByteArray &bytes) {
        void *p = bytes.isEmpty() ? static_cast<void *>(&emptyByte)
                                  : const_cast<char *>(bytes.constData());
        return OSSL_PARAM_construct_octet_string(key, p, usize(bytes));
    };
    std::uint64_t n = params.n;
    std::uint32_t r = params.r;
    std::uint32_t p = params.p;
    std::uint64_t maxMem = kMaxMemoryBytes;
    const OSSL_PARAM ossl[] = {
        octets(OSSL_KDF_PARAM_PASSWORD, password),
        octets(OSSL_KDF_PARAM_SALT, salt),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMem),
        OSSL_PARAM_construct_end(),
    };

    SecretBytes out(static_cast<std::size_t>(length));
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), ossl) != 1)
        return opensslError(QStringLiteral("scrypt key derivation failed"));
    return out;
}

Result<QString> hashPassword(const QByteArray &password, const ScryptParams &params)
{
    if (auto ok = checkParams(params); !ok)
        return ok.error();
    const int ln = log2Exact(params.n);
    if (ln > kMaxLogN)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("scrypt cost N=2^%1 is above the 2^%2 a password hash may use.")
                .arg(ln)
                .arg(kMaxLogN));

    auto salt = randomBytes(kSaltSize);
    if (!salt)
        return salt.error();
    auto derived = scrypt(password, salt.value(), params, kHashSize);
    if (!derived)
        return derived.error();

    QByteArray hash = derived->toByteArray();
    const auto b64 = QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals;
    QString encoded = QString::fromLatin1(kPrefix) +
                      QStringLiteral("ln=%1,r=%2,p=%3$").arg(ln).arg(params.r).arg(params.p) +
                      QString::fromLatin1(salt->toBase64(b64)) + QLatin1Char('$') +
                      QString::fromLatin1(hash.toBase64(b64));
    secureZero(hash);
    return encoded;
}

bool needsRehash(const QString &encodedHash, const ScryptParams &wanted)
{
    const auto parsed = parseHash(encodedHash);
    if (!parsed)
        return true;
    const ScryptParams &had = parsed->params;
    return had.n < wanted.n || had.r < wanted.r || had.p < wanted.p;
}

bool verifyPassword(const QByteArray &password, const QString &encodedHash)
{
    const auto parsed = parseHash(encodedHash);
    if (!parsed)
        return false;
    auto derived = scrypt(password, parsed->salt, parsed->params, kHashSize);
    if (!derived || derived->size() != static_cast<std::size_t>(parsed->hash.size()))
        return false;
    return CRYPTO_memcmp(derived->data(), parsed->hash.constData(), derived->size()) == 0;
}

} // namespace cv::crypto
