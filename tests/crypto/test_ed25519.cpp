// Tests for core/crypto/ed25519keypair against RFC 8032, section 7.1 (Ed25519 test
// vectors): public key derivation, exact signatures, and rejection of altered input.

#include "crypto/ed25519keypair.h"

#include <QTest>

using namespace cv;
using namespace cv::crypto;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

Ed25519KeyPair pairFrom(const QByteArray &seed)
{
    auto pair = Ed25519KeyPair::fromPrivateKey(SecretBytes::fromByteArray(seed));
    if (!pair)
        qFatal("fromPrivateKey failed: %s", qPrintable(pair.errorMessage()));
    return pair.takeValue();
}

// RFC 8032 section 7.1, TEST 3.
const char kSeed3[] = "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7";
const char kPublic3[] = "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025";
const char kSignature3[] = "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                           "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a";

} // namespace

class TestEd25519 final : public QObject
{
    Q_OBJECT

private slots:
    void rfc8032_data();
    void rfc8032();
    void modifiedMessageRejected();
    void modifiedSignatureRejected();
    void nonCanonicalScalarRejected();
    void wrongPublicKeyRejected();
    void wrongSizes();
    void generateSignVerify();
};

void TestEd25519::rfc8032_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");

    // RFC 8032 section 7.1, TEST 1: the empty message.
    QTest::newRow("RFC 8032 7.1 TEST 1")
        << hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        << hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") << QByteArray()
        << hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61"
               "e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    // RFC 8032 section 7.1, TEST 2: one byte.
    QTest::newRow("RFC 8032 7.1 TEST 2")
        << hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
        << hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c") << hex("72")
        << hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458"
               "f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    // RFC 8032 section 7.1, TEST 3: two bytes.
    QTest::newRow("RFC 8032 7.1 TEST 3")
        << hex(kSeed3) << hex(kPublic3) << hex("af82") << hex(kSignature3);
    // RFC 8032 section 7.1, TEST SHA(abc): the message is SHA-512("abc").
    QTest::newRow("RFC 8032 7.1 TEST SHA(abc)")
        << hex("833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42")
        << hex("ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf")
        << hex("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
               "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        << hex("dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
               "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704");
}

void TestEd25519::rfc8032()
{
    QFETCH(QByteArray, seed);
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);

    const Ed25519KeyPair pair = pairFrom(seed);
    QCOMPARE(pair.publicKey().toHex(), publicKey.toHex());
    QCOMPARE(pair.privateKey().toByteArray().toHex(), seed.toHex());

    auto sig = pair.sign(message);
    QVERIFY2(sig.ok(), qPrintable(sig.errorMessage()));
    QCOMPARE(sig->toHex(), signature.toHex());
    QVERIFY(Ed25519KeyPair::verify(publicKey, message, signature));
}

void TestEd25519::modifiedMessageRejected()
{
    const QByteArray pub = hex(kPublic3);
    const QByteArray sig = hex(kSignature3);
    QVERIFY(Ed25519KeyPair::verify(pub, hex("af82"), sig));
    for (const QByteArray &message :
         {hex("af83"), hex("ae82"), hex("af"), hex("af8200"), QByteArray()})
        QVERIFY2(!Ed25519KeyPair::verify(pub, message, sig), message.toHex().constData());
}

void TestEd25519::modifiedSignatureRejected()
{
    const QByteArray pub = hex(kPublic3);
    const QByteArray message = hex("af82");
    const QByteArray sig = hex(kSignature3);
    for (int i = 0; i < sig.size(); ++i) {
        for (char mask : {char(0x01), char(0x80)}) {
            QByteArray changed = sig;
            changed[i] = char(changed[i] ^ mask);
            QVERIFY2(!Ed25519KeyPair::verify(pub, message, changed),
                     qPrintable(QStringLiteral("signature byte %1 ^ %2 still verifies")
                                    .arg(i)
                                    .arg(int(uchar(mask)))));
        }
    }
}

void TestEd25519::nonCanonicalScalarRejected()
{
    // RFC 8032 section 5.1.7 requires 0 <= S < L. S + L satisfies the group equation just as
    // well, so a verifier that skips the range check accepts a second, malleated signature.
    // L = 2^252 + 27742317777372353535851937790883648493, little-endian:
    const QByteArray ell = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    QByteArray sig = hex(kSignature3);
    int carry = 0;
    for (int i = 0; i < 32; ++i) {
        const int sum = int(uchar(sig[32 + i])) + int(uchar(ell[i])) + carry;
        sig[32 + i] = char(sum & 0xff);
        carry = sum >> 8;
    }
    QCOMPARE(carry, 0);
    QVERIFY(sig != hex(kSignature3));
    QVERIFY(!Ed25519KeyPair::verify(hex(kPublic3), hex("af82"), sig));
}

void TestEd25519::wrongPublicKeyRejected()
{
    QByteArray pub = hex(kPublic3);
    pub[0] = char(pub[0] ^ 0x01);
    QVERIFY(!Ed25519KeyPair::verify(pub, hex("af82"), hex(kSignature3)));
    // TEST 2's public key with TEST 3's signature.
    QVERIFY(!Ed25519KeyPair::verify(
        hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"), hex("af82"),
        hex(kSignature3)));
}

void TestEd25519::wrongSizes()
{
    for (int n : {0, 31, 33, 64}) {
        auto pair = Ed25519KeyPair::fromPrivateKey(SecretBytes::fromByteArray(QByteArray(n, 's')));
        QVERIFY(!pair.ok());
        QCOMPARE(pair.error().code, ErrorCode::InvalidArgument);
    }
    const QByteArray pub = hex(kPublic3);
    const QByteArray sig = hex(kSignature3);
    QVERIFY(!Ed25519KeyPair::verify(pub.left(31), hex("af82"), sig));
    QVERIFY(!Ed25519KeyPair::verify(pub + QByteArray(1, '\0'), hex("af82"), sig));
    QVERIFY(!Ed25519KeyPair::verify(pub, hex("af82"), sig.left(63)));
    QVERIFY(!Ed25519KeyPair::verify(pub, hex("af82"), sig + QByteArray(1, '\0')));
    QVERIFY(!Ed25519KeyPair::verify(QByteArray(), QByteArray(), QByteArray()));
}

void TestEd25519::generateSignVerify()
{
    auto a = Ed25519KeyPair::generate();
    auto b = Ed25519KeyPair::generate();
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->publicKey() != b->publicKey());

    const QByteArray message("audit checkpoint: chain head 42");
    auto s1 = a->sign(message);
    auto s2 = a->sign(message);
    QVERIFY(s1.ok() && s2.ok());
    QCOMPARE(s1->size(), 64);
    QCOMPARE(s1.value(), s2.value()); // Ed25519 signatures are deterministic
    QVERIFY(Ed25519KeyPair::verify(a->publicKey(), message, s1.value()));
    QVERIFY(!Ed25519KeyPair::verify(b->publicKey(), message, s1.value()));

    auto again = Ed25519KeyPair::fromPrivateKey(a->privateKey());
    QVERIFY(again.ok());
    QCOMPARE(again->publicKey(), a->publicKey());
}

QTEST_GUILESS_MAIN(TestEd25519)
#include "test_ed25519.moc"
