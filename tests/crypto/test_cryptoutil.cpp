// Tests for core/crypto/cryptoutil: SHA-256, constant-time compare, the CSPRNG wrappers and
// HKDF-SHA256, against FIPS 180-2 / NIST CAVP and RFC 5869 vectors.

#include "crypto/cryptoutil.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace cv;
using namespace cv::crypto;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

QByteArray toHex(const SecretBytes &secret)
{
    return secret.toByteArray().toHex();
}

QByteArray byteRange(int from, int toInclusive)
{
    QByteArray out;
    for (int b = from; b <= toInclusive; ++b)
        out.append(static_cast<char>(b));
    return out;
}

} // namespace

class TestCryptoUtil final : public QObject
{
    Q_OBJECT

private slots:
    void sha256_data();
    void sha256();
    void sha256MillionA();
    void sha256IncrementalEverySplit();
    void sha256ResultOnlyOnce();

    void constantTimeEquals_data();
    void constantTimeEquals();

    void randomBytesLengths();
    void randomBytesDiffer();
    void randomRejectsNegative();

    void secureZeroBuffer();
    void secureZeroByteArray();

    void hkdf_data();
    void hkdf();
    void hkdfLengthLimits();
};

void TestCryptoUtil::sha256_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("digest");

    // FIPS 180-2, Appendix B.1: the one-block message "abc".
    QTest::newRow("FIPS 180-2 B.1 abc")
        << QByteArray("abc")
        << hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // NIST CAVP SHA256ShortMsg.rsp, Len = 0: the empty message.
    QTest::newRow("CAVP ShortMsg Len=0 (empty)")
        << QByteArray() << hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // FIPS 180-2, Appendix B.2: the two-block 448-bit message.
    QTest::newRow("FIPS 180-2 B.2 two blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestCryptoUtil::sha256()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, digest);
    QCOMPARE(crypto::sha256(message).toHex(), digest.toHex());
}

void TestCryptoUtil::sha256MillionA()
{
    // FIPS 180-2, Appendix B.3: one million repetitions of 'a', fed in uneven pieces so
    // the incremental hasher crosses block boundaries at odd offsets.
    const QByteArray expected =
        hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    const QByteArray chunk(997, 'a');
    Sha256 h;
    std::size_t fed = 0;
    const std::size_t total = 1000000;
    std::size_t step = 1;
    while (fed < total) {
        const std::size_t n = std::min({step, total - fed, std::size_t(chunk.size())});
        h.addData(chunk.constData(), n);
        fed += n;
        step = step * 3 + 1;
        if (step > std::size_t(chunk.size()))
            step = 1;
    }
    QCOMPARE(h.result().toHex(), expected.toHex());
    QCOMPARE(crypto::sha256(QByteArray(int(total), 'a')).toHex(), expected.toHex());
}

void TestCryptoUtil::sha256IncrementalEverySplit()
{
    // FIPS 180-2, Appendix B.2 message, split at every position: the incremental hash must
    // equal the published digest whatever the split.
    const QByteArray message("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
    const QByteArray expected =
        hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    for (int split = 0; split <= message.size(); ++split) {
        Sha256 h;
        h.addData(message.left(split));
        h.addData(message.mid(split));
        QCOMPARE(h.result().toHex(), expected.toHex());
    }
}

void TestCryptoUtil::sha256ResultOnlyOnce()
{
    Sha256 h;
    h.addData(QByteArray("abc"));
    QCOMPARE(h.result().toHex(),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    h.addData(QByteArray("more")); // ignored: the object is finished
    QVERIFY(h.result().isEmpty());
}

void TestCryptoUtil::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");

    const QByteArray base = hex("00112233445566778899aabbccddeeff");
    QByteArray firstDiffers = base;
    firstDiffers[0] = char(0x01);
    QByteArray lastDiffers = base;
    lastDiffers[15] = char(0xfe);

    QTest::newRow("same") << base << QByteArray(base.constData(), base.size()) << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray("") << true;
    QTest::newRow("first byte differs") << base << firstDiffers << false;
    QTest::newRow("last byte differs") << base << lastDiffers << false;
    QTest::newRow("prefix") << base << base.left(15) << false;
    QTest::newRow("longer") << base << QByteArray(base + QByteArray(1, '\0')) << false;
    QTest::newRow("empty vs not") << QByteArray() << base << false;
}

void TestCryptoUtil::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(crypto::constantTimeEquals(a, b), equal);
    QCOMPARE(crypto::constantTimeEquals(b, a), equal);
}

void TestCryptoUtil::randomBytesLengths()
{
    for (int n : {0, 1, 12, 32, 1000, 65536}) {
        auto bytes = randomBytes(n);
        QVERIFY2(bytes.ok(), qPrintable(bytes.errorMessage()));
        QCOMPARE(bytes->size(), n);
        auto secret = randomSecret(n);
        QVERIFY2(secret.ok(), qPrintable(secret.errorMessage()));
        QCOMPARE(secret->size(), std::size_t(n));
    }
}

void TestCryptoUtil::randomBytesDiffer()
{
    // 100 draws of 32 bytes: a repeat (or an all-zero draw) means the RNG is broken.
    QSet<QByteArray> seen;
    const QByteArray zeros(32, '\0');
    for (int i = 0; i < 100; ++i) {
        auto bytes = randomBytes(32);
        QVERIFY(bytes.ok());
        QVERIFY(bytes.value() != zeros);
        QVERIFY(!seen.contains(bytes.value()));
        seen.insert(bytes.value());
    }
    auto a = randomSecret(32);
    auto b = randomSecret(32);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->toByteArray() != b->toByteArray());
}

void TestCryptoUtil::randomRejectsNegative()
{
    auto bytes = randomBytes(-1);
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code, ErrorCode::InvalidArgument);
    auto secret = randomSecret(-5);
    QVERIFY(!secret.ok());
    QCOMPARE(secret.error().code, ErrorCode::InvalidArgument);
}

void TestCryptoUtil::secureZeroBuffer()
{
    unsigned char buf[48];
    std::memset(buf, 0xa5, sizeof buf);
    secureZero(buf, 40);
    for (int i = 0; i < 40; ++i)
        QCOMPARE(int(buf[i]), 0);
    for (int i = 40; i < 48; ++i)
        QCOMPARE(int(buf[i]), 0xa5);
    secureZero(nullptr, 0); // must not crash
}

void TestCryptoUtil::secureZeroByteArray()
{
    // The wiped allocation is freed by clear(), so what can be observed is the contract:
    // the array is emptied, and a buffer shared with another owner is left to that owner.
    QByteArray secret(32, 'k');
    secureZero(secret);
    QVERIFY(secret.isEmpty());

    // A shared array: the other owner keeps its bytes intact.
    QByteArray original(16, 'x');
    QByteArray copy = original;
    secureZero(copy);
    QVERIFY(copy.isEmpty());
    QCOMPARE(original, QByteArray(16, 'x'));
}

void TestCryptoUtil::hkdf_data()
{
    QTest::addColumn<QByteArray>("ikm");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<QByteArray>("info");
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("okm");

    // RFC 5869, Appendix A.1 (Test Case 1): basic test case with SHA-256.
    QTest::newRow("RFC 5869 A.1")
        << QByteArray(22, char(0x0b)) << hex("000102030405060708090a0b0c")
        << hex("f0f1f2f3f4f5f6f7f8f9") << 42
        << hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
               "34007208d5b887185865");
    // RFC 5869, Appendix A.2 (Test Case 2): longer inputs and outputs (three HMAC blocks).
    QTest::newRow("RFC 5869 A.2")
        << byteRange(0x00, 0x4f) << byteRange(0x60, 0xaf) << byteRange(0xb0, 0xff) << 82
        << hex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
               "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
               "cc30c58179ec3e87c14c01d5c1f3434f1d87");
    // RFC 5869, Appendix A.3 (Test Case 3): zero-length salt and info.
    QTest::newRow("RFC 5869 A.3")
        << QByteArray(22, char(0x0b)) << QByteArray() << QByteArray() << 42
        << hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
               "9d201395faa4b61a96c8");
}

void TestCryptoUtil::hkdf()
{
    QFETCH(QByteArray, ikm);
    QFETCH(QByteArray, salt);
    QFETCH(QByteArray, info);
    QFETCH(int, length);
    QFETCH(QByteArray, okm);

    auto out = hkdfSha256(SecretBytes::fromByteArray(ikm), salt, info, length);
    QVERIFY2(out.ok(), qPrintable(out.errorMessage()));
    QCOMPARE(toHex(out.value()), okm.toHex());
}

void TestCryptoUtil::hkdfLengthLimits()
{
    const SecretBytes ikm = SecretBytes::fromByteArray(QByteArray(32, char(0x42)));
    // RFC 5869 section 2.3: L <= 255 * HashLen = 8160 for SHA-256.
    auto max = hkdfSha256(ikm, QByteArray("salt"), QByteArray("info"), 255 * 32);
    QVERIFY2(max.ok(), qPrintable(max.errorMessage()));
    QCOMPARE(max->size(), std::size_t(8160));
    // A shorter output is a prefix of a longer one (the expand step is a counter stream).
    auto shorter = hkdfSha256(ikm, QByteArray("salt"), QByteArray("info"), 40);
    QVERIFY(shorter.ok());
    QCOMPARE(toHex(shorter.value()), max->toByteArray().left(40).toHex());

    for (int bad : {0, -1, 255 * 32 + 1}) {
        auto r = hkdfSha256(ikm, QByteArray(), QByteArray(), bad);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }
}

QTEST_GUILESS_MAIN(TestCryptoUtil)
#include "test_cryptoutil.moc"
