// Tests for core/crypto/x25519keypair against RFC 7748 (sections 5.2 and 6.1) and the
// small-order points of Curve25519.

#include "crypto/x25519keypair.h"

#include <QTest>

using namespace cv;
using namespace cv::crypto;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

X25519KeyPair pairFrom(const QByteArray &privateKey)
{
    auto pair = X25519KeyPair::fromPrivateKey(SecretBytes::fromByteArray(privateKey));
    if (!pair)
        qFatal("fromPrivateKey failed: %s", qPrintable(pair.errorMessage()));
    return pair.takeValue();
}

// RFC 7748, section 6.1 (Curve25519 Diffie-Hellman).
const char kAlicePrivate[] = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
const char kAlicePublic[] = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
const char kBobPrivate[] = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
const char kBobPublic[] = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
const char kShared[] = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

} // namespace

class TestX25519 final : public QObject
{
    Q_OBJECT

private slots:
    void rfc7748Section52_data();
    void rfc7748Section52();
    void rfc7748Section52Iterated();
    void rfc7748Section61();
    void lowOrderPointsRejected_data();
    void lowOrderPointsRejected();
    void wrongSizes();
    void generatedPairsAgree();
};

void TestX25519::rfc7748Section52_data()
{
    QTest::addColumn<QByteArray>("scalar");
    QTest::addColumn<QByteArray>("u");
    QTest::addColumn<QByteArray>("output");

    // RFC 7748, section 5.2, first test vector.
    QTest::newRow("RFC 7748 5.2 #1")
        << hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
        << hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
        << hex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    // RFC 7748, section 5.2, second test vector (its u has bit 255 set, which must be masked).
    QTest::newRow("RFC 7748 5.2 #2")
        << hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d")
        << hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")
        << hex("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
}

void TestX25519::rfc7748Section52()
{
    QFETCH(QByteArray, scalar);
    QFETCH(QByteArray, u);
    QFETCH(QByteArray, output);

    const X25519KeyPair pair = pairFrom(scalar);
    auto shared = pair.agree(u);
    QVERIFY2(shared.ok(), qPrintable(shared.errorMessage()));
    QCOMPARE(shared->toByteArray().toHex(), output.toHex());
}

void TestX25519::rfc7748Section52Iterated()
{
    // RFC 7748, section 5.2: k = u = 9; each round k, u = X25519(k, u), k.
    QByteArray k = hex("0900000000000000000000000000000000000000000000000000000000000000");
    QByteArray u = k;
    for (int round = 1; round <= 1000; ++round) {
        auto result = pairFrom(k).agree(u);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        u = k;
        k = result->toByteArray();
        if (round == 1) // "After one iteration"
            QCOMPARE(
                k.toHex(),
                QByteArray("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"));
    }
    // "After 1,000 iterations"
    QCOMPARE(k.toHex(),
             QByteArray("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"));
}

void TestX25519::rfc7748Section61()
{
    const X25519KeyPair alice = pairFrom(hex(kAlicePrivate));
    const X25519KeyPair bob = pairFrom(hex(kBobPrivate));

    QCOMPARE(alice.publicKey().toHex(), QByteArray(kAlicePublic));
    QCOMPARE(bob.publicKey().toHex(), QByteArray(kBobPublic));
    QCOMPARE(alice.privateKey().toByteArray().toHex(), QByteArray(kAlicePrivate));

    auto k1 = alice.agree(bob.publicKey());
    auto k2 = bob.agree(alice.publicKey());
    QVERIFY(k1.ok() && k2.ok());
    QCOMPARE(k1->toByteArray().toHex(), QByteArray(kShared));
    QCOMPARE(k2->toByteArray().toHex(), QByteArray(kShared));
}

void TestX25519::lowOrderPointsRejected_data()
{
    QTest::addColumn<QByteArray>("point");
    // The points of small order on Curve25519 and their non-canonical encodings, as listed
    // by Bernstein (cr.yp.to/ecdh.html, "How do I validate Curve25519 public keys?") and
    // blocked by libsodium. X25519 with any of them is all zeros (RFC 7748 section 6.1).
    QTest::newRow("0 (order 4)") << hex(
        "0000000000000000000000000000000000000000000000000000000000000000");
    QTest::newRow("1 (order 1)") << hex(
        "0100000000000000000000000000000000000000000000000000000000000000");
    QTest::newRow("order 8 a") << hex(
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
    QTest::newRow("order 8 b") << hex(
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157");
    QTest::newRow("p-1 (order 2)")
        << hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    QTest::newRow("p (= 0)") << hex(
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    QTest::newRow("p+1 (= 1)") << hex(
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
}

void TestX25519::lowOrderPointsRejected()
{
    QFETCH(QByteArray, point);
    const X25519KeyPair alice = pairFrom(hex(kAlicePrivate));
    auto shared = alice.agree(point);
    QVERIFY(!shared.ok());
    QCOMPARE(shared.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!shared.errorMessage().isEmpty());
}

void TestX25519::wrongSizes()
{
    for (int n : {0, 16, 31, 33, 64}) {
        auto pair = X25519KeyPair::fromPrivateKey(SecretBytes::fromByteArray(QByteArray(n, 'k')));
        QVERIFY(!pair.ok());
        QCOMPARE(pair.error().code, ErrorCode::InvalidArgument);
    }
    const X25519KeyPair alice = pairFrom(hex(kAlicePrivate));
    for (int n : {0, 31, 33}) {
        auto shared = alice.agree(QByteArray(n, char(9)));
        QVERIFY(!shared.ok());
        QCOMPARE(shared.error().code, ErrorCode::InvalidArgument);
    }
}

void TestX25519::generatedPairsAgree()
{
    auto a = X25519KeyPair::generate();
    auto b = X25519KeyPair::generate();
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->publicKey().size(), 32);
    QCOMPARE(a->privateKey().size(), std::size_t(32));
    QVERIFY(a->publicKey() != b->publicKey());
    auto ab = a->agree(b->publicKey());
    auto ba = b->agree(a->publicKey());
    QVERIFY(ab.ok() && ba.ok());
    QCOMPARE(ab->toByteArray(), ba->toByteArray());

    // The stored private key rebuilds the same pair.
    auto again = X25519KeyPair::fromPrivateKey(a->privateKey());
    QVERIFY(again.ok());
    QCOMPARE(again->publicKey(), a->publicKey());
}

QTEST_GUILESS_MAIN(TestX25519)
#include "test_x25519.moc"
