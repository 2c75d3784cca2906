// Tests for core/crypto/scrypt against RFC 7914 section 12 (test vectors for scrypt), and
// for the "$scrypt$ln=..,r=..,p=..$salt$hash" password hash format and its strict parser.

#include "crypto/scrypt.h"

#include <QRegularExpression>
#include <QTest>

using namespace cv;
using namespace cv::crypto;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

ScryptParams params(std::uint64_t n, std::uint32_t r, std::uint32_t p)
{
    ScryptParams out;
    out.n = n;
    out.r = r;
    out.p = p;
    return out;
}

// Cheap parameters so the round-trip tests run in milliseconds.
const ScryptParams kFast = params(16, 1, 1);

// A hash made outside CallVault, by Python's hashlib.scrypt(b"correct horse battery staple",
// salt=bytes(range(16)), n=1024, r=8, p=1, dklen=32) with unpadded standard base64. It pins
// the string format: a change to the encoding breaks every stored password.
const char kForeignHash[] =
    "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU";
const char kForeignPassword[] = "correct horse battery staple";

} // namespace

class TestScrypt final : public QObject
{
    Q_OBJECT

private slots:
    void rfc7914_data();
    void rfc7914();
    void invalidParams_data();
    void invalidParams();

    void hashFormat();
    void roundTrip();
    void wrongPassword();
    void trailingNulIsSamePassword();
    void saltIsRandom();
    void foreignHashVerifies();
    void everyStoredByteMatters();
    void malformedHashes_data();
    void malformedHashes();
};

void TestScrypt::rfc7914_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<QByteArray>("derived");

    // RFC 7914 section 12, first vector: empty password and salt, N=16, r=1, p=1, dkLen=64.
    QTest::newRow("RFC 7914 12 #1")
        << QByteArray() << QByteArray() << quint64(16) << quint32(1) << quint32(1)
        << hex("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
               "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    // RFC 7914 section 12, second vector: "password" / "NaCl", N=1024, r=8, p=16, dkLen=64.
    QTest::newRow("RFC 7914 12 #2")
        << QByteArray("password") << QByteArray("NaCl") << quint64(1024) << quint32(8)
        << quint32(16)
        << hex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
               "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    // RFC 7914 section 12, third vector: "pleaseletmein" / "SodiumChloride", N=16384, r=8,
    // p=1, dkLen=64 (16 MiB). The fourth (N=2^20, 1 GiB) is left out to keep the suite fast.
    QTest::newRow("RFC 7914 12 #3")
        << QByteArray("pleaseletmein") << QByteArray("SodiumChloride") << quint64(16384)
        << quint32(8) << quint32(1)
        << hex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
               "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

void TestScrypt::rfc7914()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(QByteArray, derived);

    auto out = scrypt(password, salt, params(n, r, p), int(derived.size()));
    QVERIFY2(out.ok(), qPrintable(out.errorMessage()));
    QCOMPARE(out->toByteArray().toHex(), derived.toHex());
}

void TestScrypt::invalidParams_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<int>("length");

    QTest::newRow("N=0") << quint64(0) << quint32(1) << quint32(1) << 32;
    QTest::newRow("N=1") << quint64(1) << quint32(1) << quint32(1) << 32;
    QTest::newRow("N not a power of two") << quint64(1000) << quint32(8) << quint32(1) << 32;
    QTest::newRow("r=0") << quint64(16) << quint32(0) << quint32(1) << 32;
    QTest::newRow("p=0") << quint64(16) << quint32(1) << quint32(0) << 32;
    QTest::newRow("r*p = 2^30") << quint64(16) << quint32(1u << 15) << quint32(1u << 15) << 32;
    // RFC 7914's fourth vector (N=2^20, r=8) needs just over 1 GiB: above the cap.
    QTest::newRow("memory over the cap") << (quint64(1) << 20) << quint32(8) << quint32(1) << 32;
    QTest::newRow("2 GiB (N=2^21, r=8)") << (quint64(1) << 21) << quint32(8) << quint32(1) << 32;
    QTest::newRow("N=2^40") << (quint64(1) << 40) << quint32(1) << quint32(1) << 32;
    QTest::newRow("length 0") << quint64(16) << quint32(1) << quint32(1) << 0;
    QTest::newRow("length negative") << quint64(16) << quint32(1) << quint32(1) << -1;
}

void TestScrypt::invalidParams()
{
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(int, length);
    auto out = scrypt(QByteArray("pw"), QByteArray("salt"), params(n, r, p), length);
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!out.errorMessage().isEmpty());

    auto hashed = hashPassword(QByteArray("pw"), params(n, r, p));
    if (length > 0) { // the same parameters are refused for a password hash too
        QVERIFY(!hashed.ok());
        QCOMPARE(hashed.error().code, ErrorCode::InvalidArgument);
    }
}

void TestScrypt::hashFormat()
{
    auto hashed = hashPassword(QByteArray("s3cret"), params(1u << 10, 8, 1));
    QVERIFY2(hashed.ok(), qPrintable(hashed.errorMessage()));
    // 16-byte salt = 22 base64 characters, 32-byte hash = 43, no padding.
    static const QRegularExpression format(
        QStringLiteral("^\\$scrypt\\$ln=10,r=8,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$"));
    QVERIFY2(format.match(hashed.value()).hasMatch(), qPrintable(hashed.value()));
}

void TestScrypt::roundTrip()
{
    for (const QByteArray &password :
         {QByteArray("s3cret"), QByteArray(), QByteArray("\xe5\xaf\x86\xe7\xa0\x81"),
          QByteArray(1000, 'x')}) {
        auto hashed = hashPassword(password, kFast);
        QVERIFY2(hashed.ok(), qPrintable(hashed.errorMessage()));
        QVERIFY(verifyPassword(password, hashed.value()));
    }
}

void TestScrypt::wrongPassword()
{
    auto hashed = hashPassword(QByteArray("s3cret"), kFast);
    QVERIFY(hashed.ok());
    QVERIFY(verifyPassword(QByteArray("s3cret"), hashed.value()));
    for (const QByteArray &wrong :
         {QByteArray("s3cre"), QByteArray("s3cret "), QByteArray("S3cret"), QByteArray(),
          QByteArray("\0s3cret", 7), QByteArray("s3cret1")})
        QVERIFY2(!verifyPassword(wrong, hashed.value()), wrong.toHex().constData());
}

void TestScrypt::trailingNulIsSamePassword()
{
    // Not a bug, but worth knowing: scrypt's PBKDF2 step keys HMAC-SHA256 with the password,
    // and HMAC (RFC 2104 section 2) pads keys shorter than the 64-byte block with zeros, so
    // P and P || 0x00 derive the same hash. It needs the password itself, so it gives an
    // attacker nothing; callers pass UTF-8 text, which has no NUL to append.
    auto hashed = hashPassword(QByteArray("s3cret"), kFast);
    QVERIFY(hashed.ok());
    QVERIFY(verifyPassword(QByteArray("s3cret\0", 7), hashed.value()));
    // Past the block size the key is hashed first, and the equivalence is gone.
    const QByteArray longPassword(64, 'x');
    auto longHashed = hashPassword(longPassword, kFast);
    QVERIFY(longHashed.ok());
    QVERIFY(!verifyPassword(QByteArray(longPassword + QByteArray(1, '\0')), longHashed.value()));
}

void TestScrypt::saltIsRandom()
{
    auto a = hashPassword(QByteArray("same"), kFast);
    auto b = hashPassword(QByteArray("same"), kFast);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value() != b.value());
}

void TestScrypt::foreignHashVerifies()
{
    QVERIFY(verifyPassword(QByteArray(kForeignPassword), QString::fromLatin1(kForeignHash)));
    QVERIFY(!verifyPassword(QByteArray("correct horse battery stapler"),
                            QString::fromLatin1(kForeignHash)));
}

void TestScrypt::everyStoredByteMatters()
{
    // Change one byte of the stored salt or hash (keeping the string well-formed): the right
    // password must no longer verify. Catches a compare that stops early or a salt ignored.
    const QList<QByteArray> parts =
        QByteArray(kForeignHash).split('$'); // "", scrypt, params, salt, hash
    QCOMPARE(parts.size(), 5);
    const auto b64 = QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals;
    for (int field : {3, 4}) {
        const QByteArray decoded = QByteArray::fromBase64(parts[field]);
        QCOMPARE(decoded.size(), field == 3 ? 16 : 32);
        for (int i = 0; i < decoded.size(); ++i) {
            QByteArray changed = decoded;
            changed[i] = char(changed[i] ^ 0x01);
            QList<QByteArray> rebuilt = parts;
            rebuilt[field] = changed.toBase64(b64);
            const QString encoded = QString::fromLatin1(rebuilt.join('$'));
            QVERIFY2(!verifyPassword(QByteArray(kForeignPassword), encoded), qPrintable(encoded));
        }
    }
}

void TestScrypt::malformedHashes_data()
{
    QTest::addColumn<QString>("encoded");

    // Each row is the valid foreign hash with one thing broken, so the row fails only
    // because of that thing (the password is right).
    const QString good = QString::fromLatin1(kForeignHash);
    const QString salt = QStringLiteral("AAECAwQFBgcICQoLDA0ODw");
    const QString hash = QStringLiteral("mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU");
    auto with = [](const QString &head, const QString &s, const QString &h) -> QString {
        return QStringLiteral("$scrypt$") + head + QLatin1Char('$') + s + QLatin1Char('$') + h;
    };
    const QString p = QStringLiteral("ln=10,r=8,p=1");

    QTest::newRow("empty") << QString();
    QTest::newRow("wrong scheme") << QString(good).replace(QStringLiteral("$scrypt$"),
                                                           QStringLiteral("$scrypt2$"));
    QTest::newRow("no leading $") << good.mid(1);
    QTest::newRow("upper-case scheme")
        << QString(good).replace(QStringLiteral("scrypt"), QStringLiteral("SCRYPT"));
    QTest::newRow("missing hash") << QString(QStringLiteral("$scrypt$") + p + QLatin1Char('$') +
                                             salt);
    QTest::newRow("extra field") << QString(good + QStringLiteral("$AAAA"));
    QTest::newRow("trailing $") << QString(good + QLatin1Char('$'));
    QTest::newRow("ln=0") << with(QStringLiteral("ln=0,r=8,p=1"), salt, hash);
    // ln above 24 is refused by the parser; the 1 GiB memory cap would refuse it as well.
    QTest::newRow("ln=25") << with(QStringLiteral("ln=25,r=8,p=1"), salt, hash);
    QTest::newRow("ln=99999999999") << with(QStringLiteral("ln=99999999999,r=8,p=1"), salt, hash);
    QTest::newRow("ln leading zero") << with(QStringLiteral("ln=010,r=8,p=1"), salt, hash);
    QTest::newRow("ln negative") << with(QStringLiteral("ln=-10,r=8,p=1"), salt, hash);
    QTest::newRow("ln plus sign") << with(QStringLiteral("ln=+10,r=8,p=1"), salt, hash);
    QTest::newRow("r=0") << with(QStringLiteral("ln=10,r=0,p=1"), salt, hash);
    QTest::newRow("p=0") << with(QStringLiteral("ln=10,r=8,p=0"), salt, hash);
    QTest::newRow("r*p = 2^30") << with(QStringLiteral("ln=10,r=32768,p=32768"), salt, hash);
    QTest::newRow("r huge") << with(QStringLiteral("ln=10,r=4294967296,p=1"), salt, hash);
    QTest::newRow("r*p overflows 64 bits")
        << with(QStringLiteral("ln=10,r=9999999999,p=9999999999"), salt, hash);
    QTest::newRow("fields reordered") << with(QStringLiteral("r=8,ln=10,p=1"), salt, hash);
    QTest::newRow("field missing") << with(QStringLiteral("ln=10,r=8"), salt, hash);
    QTest::newRow("field extra") << with(QStringLiteral("ln=10,r=8,p=1,x=1"), salt, hash);
    QTest::newRow("space in params") << with(QStringLiteral("ln=10, r=8,p=1"), salt, hash);
    QTest::newRow("N= instead of ln=") << with(QStringLiteral("N=1024,r=8,p=1"), salt, hash);
    QTest::newRow("salt padded") << with(p, salt + QStringLiteral("=="), hash);
    QTest::newRow("hash padded") << with(p, salt, hash + QLatin1Char('='));
    QTest::newRow("salt too short") << with(p, salt.left(21), hash);
    QTest::newRow("salt too long") << with(p, salt + QStringLiteral("AAAA"), hash);
    QTest::newRow("hash too short") << with(p, salt, hash.left(42));
    QTest::newRow("hash bad character")
        << with(p, salt, QString(hash).replace(5, 1, QLatin1Char('*')));
    QTest::newRow("url-safe alphabet")
        << with(p, salt, QString(hash).replace(QLatin1Char('/'), QLatin1Char('_')));
    // 43 characters carry 258 bits for 256: the last one's low two bits must be zero.
    QTest::newRow("hash non-canonical tail") << with(p, salt, hash.left(42) + QLatin1Char('V'));
    QTest::newRow("salt non-canonical tail") << with(p, salt.left(21) + QLatin1Char('x'), hash);
    QTest::newRow("whitespace") << QString(good + QLatin1Char('\n'));
    QTest::newRow("leading space") << QString(QLatin1Char(' ') + good);
    QTest::newRow("non-ASCII") << with(p, salt, hash.left(42) + QChar(0x00e9));
    QTest::newRow("NUL inside") << with(p, salt + QChar(0), hash);
}

void TestScrypt::malformedHashes()
{
    QFETCH(QString, encoded);
    QVERIFY(!verifyPassword(QByteArray(kForeignPassword), encoded));
}

QTEST_GUILESS_MAIN(TestScrypt)
#include "test_scrypt.moc"
