// Tests for core/crypto/aesgcm against the AES-256 test cases of the GCM specification
// (McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", revised 2005, Appendix B,
// Test Cases 13-16; the same vectors NIST SP 800-38D's validation uses), plus tampering.

#include "crypto/aesgcm.h"
#include "crypto/ciphersuite.h"
#include "crypto/cryptoutil.h"

#include <QTest>

using namespace cv;
using namespace cv::crypto;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

SecretBytes key(const QByteArray &bytes)
{
    return SecretBytes::fromByteArray(bytes);
}

// GCM spec, Test Cases 15 and 16: the shared key, IV and plaintext.
const char kTc15Key[] = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
const char kTc15Iv[] = "cafebabefacedbaddecaf888";
const char kTc15Plain[] = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                          "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
const char kTc15Cipher[] = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                           "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

struct Vector
{
    SecretBytes key;
    QByteArray nonce, aad, plain, sealed;
};

// GCM spec Test Case 16: AES-256, 60-byte plaintext, 20 bytes of AAD.
Vector testCase16()
{
    return Vector{key(hex(kTc15Key)), hex(kTc15Iv), hex("feedfacedeadbeeffeedfacedeadbeefabaddad2"),
                  hex(kTc15Plain).left(60),
                  hex(kTc15Cipher).left(60) + hex("76fc6ece0f4e1768cddf8853bb2d551b")};
}

} // namespace

class TestAesGcm final : public QObject
{
    Q_OBJECT

private slots:
    void vectors_data();
    void vectors();

    void tamperEveryCiphertextByte();
    void tamperAad();
    void tamperNonce();
    void wrongKey();
    void truncated();
    void badKeyOrNonceSize();
    void roundTripLarge();
    void nonceMattersForSeal();
};

void TestAesGcm::vectors_data()
{
    QTest::addColumn<QByteArray>("keyBytes");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("cipher");
    QTest::addColumn<QByteArray>("tag");

    const QByteArray zeroKey(32, '\0');
    const QByteArray zeroIv(12, '\0');
    // GCM spec Test Case 13: zero key and IV, empty plaintext: the tag alone.
    QTest::newRow("GCM TC13") << zeroKey << zeroIv << QByteArray() << QByteArray() << QByteArray()
                              << hex("530f8afbc74536b9a963b4f1c4cb738b");
    // GCM spec Test Case 14: zero key and IV, one zero block.
    QTest::newRow("GCM TC14") << zeroKey << zeroIv << QByteArray() << QByteArray(16, '\0')
                              << hex("cea7403d4d606b6e074ec5d3baf39d18")
                              << hex("d0d1c8a799996bf0265b98b5d48ab919");
    // GCM spec Test Case 15: four blocks, no AAD.
    QTest::newRow("GCM TC15") << hex(kTc15Key) << hex(kTc15Iv) << QByteArray() << hex(kTc15Plain)
                              << hex(kTc15Cipher) << hex("b094dac5d93471bdec1a502270e3cc6c");
    // GCM spec Test Case 16: 60-byte plaintext (a partial last block) and 20 bytes of AAD.
    QTest::newRow("GCM TC16") << hex(kTc15Key) << hex(kTc15Iv)
                              << hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
                              << hex(kTc15Plain).left(60) << hex(kTc15Cipher).left(60)
                              << hex("76fc6ece0f4e1768cddf8853bb2d551b");
}

void TestAesGcm::vectors()
{
    QFETCH(QByteArray, keyBytes);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, cipher);
    QFETCH(QByteArray, tag);

    auto sealed = AesGcm::seal(key(keyBytes), nonce, aad, plain);
    QVERIFY2(sealed.ok(), qPrintable(sealed.errorMessage()));
    QCOMPARE(sealed->toHex(), QByteArray(cipher + tag).toHex());

    auto opened = AesGcm::open(key(keyBytes), nonce, aad, cipher + tag);
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    QCOMPARE(opened->toHex(), plain.toHex());
}

void TestAesGcm::tamperEveryCiphertextByte()
{
    const Vector v = testCase16();
    for (int i = 0; i < v.sealed.size(); ++i) {
        for (char mask : {char(0x01), char(0x80)}) {
            QByteArray changed = v.sealed;
            changed[i] = char(changed[i] ^ mask);
            auto r = AesGcm::open(v.key, v.nonce, v.aad, changed);
            QVERIFY2(!r.ok(), qPrintable(QStringLiteral("byte %1 flipped still opened").arg(i)));
            QCOMPARE(r.error().code, ErrorCode::Tampered);
        }
    }
}

void TestAesGcm::tamperAad()
{
    const Vector v = testCase16();
    for (int i = 0; i < v.aad.size(); ++i) {
        QByteArray aad = v.aad;
        aad[i] = char(aad[i] ^ 0x01);
        auto r = AesGcm::open(v.key, v.nonce, aad, v.sealed);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Tampered);
    }
    for (const QByteArray &aad :
         {QByteArray(), v.aad.left(19), QByteArray(v.aad + QByteArray(1, '\0'))}) {
        auto r = AesGcm::open(v.key, v.nonce, aad, v.sealed);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Tampered);
    }
}

void TestAesGcm::tamperNonce()
{
    const Vector v = testCase16();
    for (int i = 0; i < v.nonce.size(); ++i) {
        QByteArray nonce = v.nonce;
        nonce[i] = char(nonce[i] ^ 0x01);
        auto r = AesGcm::open(v.key, nonce, v.aad, v.sealed);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Tampered);
    }
}

void TestAesGcm::wrongKey()
{
    const Vector v = testCase16();
    QByteArray k = v.key.toByteArray();
    k[31] = char(k[31] ^ 0x01);
    auto r = AesGcm::open(key(k), v.nonce, v.aad, v.sealed);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Tampered);
}

void TestAesGcm::truncated()
{
    const Vector v = testCase16();
    for (int len = 0; len < v.sealed.size(); ++len) {
        auto r = AesGcm::open(v.key, v.nonce, v.aad, v.sealed.left(len));
        QVERIFY2(!r.ok(),
                 qPrintable(QStringLiteral("truncated to %1 bytes still opened").arg(len)));
        QCOMPARE(r.error().code, ErrorCode::Tampered);
    }
    auto longer = AesGcm::open(v.key, v.nonce, v.aad, v.sealed + QByteArray(1, '\0'));
    QVERIFY(!longer.ok());
    QCOMPARE(longer.error().code, ErrorCode::Tampered);
}

void TestAesGcm::badKeyOrNonceSize()
{
    const QByteArray nonce(12, '\0');
    for (int keySize : {0, 16, 24, 31, 33}) {
        auto s = AesGcm::seal(key(QByteArray(keySize, 'k')), nonce, {}, QByteArray("x"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
        auto o = AesGcm::open(key(QByteArray(keySize, 'k')), nonce, {}, QByteArray(17, 'x'));
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, ErrorCode::InvalidArgument);
    }
    for (int nonceSize : {0, 8, 11, 13, 16}) {
        auto s =
            AesGcm::seal(key(QByteArray(32, 'k')), QByteArray(nonceSize, 'n'), {}, QByteArray("x"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
        auto o = AesGcm::open(key(QByteArray(32, 'k')), QByteArray(nonceSize, 'n'), {},
                              QByteArray(17, 'x'));
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, ErrorCode::InvalidArgument);
    }
}

void TestAesGcm::roundTripLarge()
{
    auto k = randomSecret(kAeadKeySize);
    auto nonce = randomBytes(kAeadNonceSize);
    auto plain = randomBytes(1 << 20);
    QVERIFY(k.ok() && nonce.ok() && plain.ok());
    const QByteArray aad("recording header hash || chunk index || final flag");

    auto sealed = AesGcm::seal(k.value(), nonce.value(), aad, plain.value());
    QVERIFY(sealed.ok());
    QCOMPARE(sealed->size(), plain->size() + kAeadTagSize);
    QVERIFY(sealed->left(64) != plain->left(64));

    auto opened = AesGcm::open(k.value(), nonce.value(), aad, sealed.value());
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    QVERIFY(opened.value() == plain.value());
}

void TestAesGcm::nonceMattersForSeal()
{
    const Vector v = testCase16();
    QByteArray otherNonce = v.nonce;
    otherNonce[11] = char(otherNonce[11] ^ 0x01);
    auto a = AesGcm::seal(v.key, v.nonce, v.aad, v.plain);
    auto b = AesGcm::seal(v.key, otherNonce, v.aad, v.plain);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->toHex(), v.sealed.toHex());
    QVERIFY(a.value() != b.value());
}

QTEST_GUILESS_MAIN(TestAesGcm)
#include "test_aesgcm.moc"
