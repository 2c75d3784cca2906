// Tests for core/crypto/keywrap: the wrapped data key format of keywrap.h
//   u8 version | u16 suite | 32 site key id | 32 ephemeral public | 12 nonce | 48 ct+tag
// round trips, a blob built by hand from the primitives (so the layout and derivation are
// checked independently of wrapDataKey), and rejection of every kind of damage.

#include "crypto/aesgcm.h"
#include "crypto/cryptoutil.h"
#include "crypto/keywrap.h"
#include "crypto/x25519keypair.h"

#include <QTest>

#include <optional>

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

X25519KeyPair generated()
{
    auto pair = X25519KeyPair::generate();
    if (!pair)
        qFatal("generate failed: %s", qPrintable(pair.errorMessage()));
    return pair.takeValue();
}

// A fixed data key (bytes 0x00..0x1f) and recording context.
SecretBytes fixedDek()
{
    QByteArray bytes;
    for (int i = 0; i < 32; ++i)
        bytes.append(char(i));
    return SecretBytes::fromByteArray(bytes);
}

const QByteArray kContext("7f1c2d9e-5b8a-4c3e-9d2f-0a1b2c3d4e5f");

} // namespace

class TestKeyWrap final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTrip();
    void layout();
    void wrapsAreRandomized();
    void handBuiltBlobUnwraps();
    void emptyContext();
    void wrongContext();
    void wrongSiteKey();
    void everyByteFlipFails();
    void truncatedOrExtendedFails();
    void unknownVersionOrSuite_data();
    void unknownVersionOrSuite();
    void parseWrappedKey();
    void parseRejects();
    void invalidWrapInputs();

private:
    std::optional<X25519KeyPair> m_site;
    QByteArray m_wrapped;
};

void TestKeyWrap::initTestCase()
{
    m_site.emplace(generated());
    auto wrapped = wrapDataKey(fixedDek(), m_site->publicKey(), kContext);
    QVERIFY2(wrapped.ok(), qPrintable(wrapped.errorMessage()));
    m_wrapped = wrapped.value();
}

void TestKeyWrap::roundTrip()
{
    QCOMPARE(m_wrapped.size(), kWrappedKeySize);
    QCOMPARE(kWrappedKeySize, 127);
    auto dek = unwrapDataKey(m_wrapped, *m_site, kContext);
    QVERIFY2(dek.ok(), qPrintable(dek.errorMessage()));
    QCOMPARE(dek->toByteArray().toHex(), fixedDek().toByteArray().toHex());

    // A random key, too.
    auto random = randomSecret(32);
    QVERIFY(random.ok());
    auto wrapped = wrapDataKey(random.value(), m_site->publicKey(), kContext);
    QVERIFY(wrapped.ok());
    auto back = unwrapDataKey(wrapped.value(), *m_site, kContext);
    QVERIFY(back.ok());
    QCOMPARE(back->toByteArray(), random->toByteArray());
}

void TestKeyWrap::layout()
{
    QCOMPARE(int(uchar(m_wrapped[0])), 1);                     // version
    QCOMPARE(m_wrapped.mid(1, 2).toHex(), QByteArray("0001")); // suite, big-endian
    QCOMPARE(m_wrapped.mid(3, 32), sha256(m_site->publicKey()));
    QCOMPARE(siteKeyId(m_site->publicKey()), sha256(m_site->publicKey()));
    const QByteArray ephemeral = m_wrapped.mid(35, 32);
    QVERIFY(ephemeral != m_site->publicKey());
    QVERIFY(ephemeral != QByteArray(32, '\0'));
    // The data key does not appear in the clear.
    QVERIFY(!m_wrapped.contains(fixedDek().toByteArray()));
}

void TestKeyWrap::wrapsAreRandomized()
{
    auto again = wrapDataKey(fixedDek(), m_site->publicKey(), kContext);
    QVERIFY(again.ok());
    QCOMPARE(again->left(35), m_wrapped.left(35));        // same version, suite, site key id
    QVERIFY(again->mid(35, 32) != m_wrapped.mid(35, 32)); // fresh ephemeral key
    QVERIFY(again->mid(67, 12) != m_wrapped.mid(67, 12)); // fresh nonce
    QVERIFY(again->mid(79) != m_wrapped.mid(79));
}

void TestKeyWrap::handBuiltBlobUnwraps()
{
    // Build a blob exactly as keywrap.h specifies, from the primitives, with fixed keys:
    // RFC 7748 section 6.1's Alice as the ephemeral key and Bob as the site key.
    const X25519KeyPair ephemeral =
        pairFrom(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    const X25519KeyPair site =
        pairFrom(hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    const QByteArray nonce = hex("000102030405060708090a0b");

    auto shared = ephemeral.agree(site.publicKey());
    QVERIFY(shared.ok());
    QCOMPARE(
        shared->toByteArray().toHex(),
        QByteArray(
            "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")); // RFC 7748 6.1
    auto kek = hkdfSha256(shared.value(), QByteArray(ephemeral.publicKey() + site.publicKey()),
                          QByteArray("CallVault v1 data key wrap"), 32);
    QVERIFY(kek.ok());

    QByteArray blob;
    blob.append(char(1));
    blob.append(char(0));
    blob.append(char(1));
    blob.append(sha256(site.publicKey()));
    blob.append(ephemeral.publicKey());
    QCOMPARE(blob.size(), 67);
    const QByteArray aad = blob + kContext; // the first 67 bytes, then the context
    blob.append(nonce);
    auto sealed = AesGcm::seal(kek.value(), nonce, aad, fixedDek().toByteArray());
    QVERIFY(sealed.ok());
    blob.append(sealed.value());
    QCOMPARE(blob.size(), kWrappedKeySize);

    auto dek = unwrapDataKey(blob, site, kContext);
    QVERIFY2(dek.ok(), qPrintable(dek.errorMessage()));
    QCOMPARE(dek->toByteArray(), fixedDek().toByteArray());

    // The nonce is authenticated through GCM itself, not through the AAD: changing it fails.
    QByteArray otherNonce = blob;
    otherNonce[70] = char(otherNonce[70] ^ 0x01);
    auto r = unwrapDataKey(otherNonce, site, kContext);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Tampered);
}

void TestKeyWrap::emptyContext()
{
    auto wrapped = wrapDataKey(fixedDek(), m_site->publicKey(), QByteArray());
    QVERIFY(wrapped.ok());
    auto dek = unwrapDataKey(wrapped.value(), *m_site, QByteArray());
    QVERIFY(dek.ok());
    QCOMPARE(dek->toByteArray(), fixedDek().toByteArray());
    auto other = unwrapDataKey(wrapped.value(), *m_site, kContext);
    QVERIFY(!other.ok());
    QCOMPARE(other.error().code, ErrorCode::Tampered);
}

void TestKeyWrap::wrongContext()
{
    QByteArray other = kContext;
    other[other.size() - 1] = 'e';
    for (const QByteArray &context : {other, QByteArray(), kContext.left(kContext.size() - 1),
                                      QByteArray(kContext + QByteArray(1, '\0'))}) {
        auto dek = unwrapDataKey(m_wrapped, *m_site, context);
        QVERIFY2(!dek.ok(), context.constData());
        QCOMPARE(dek.error().code, ErrorCode::Tampered);
    }
}

void TestKeyWrap::wrongSiteKey()
{
    const X25519KeyPair other = generated();
    auto dek = unwrapDataKey(m_wrapped, other, kContext);
    QVERIFY(!dek.ok());
    QCOMPARE(dek.error().code, ErrorCode::KeyUnavailable);
    // The message names both keys by short id, so an admin knows which key to load.
    const QString wanted = QString::fromLatin1(siteKeyId(m_site->publicKey()).left(8).toHex());
    const QString have = QString::fromLatin1(siteKeyId(other.publicKey()).left(8).toHex());
    QVERIFY2(dek.errorMessage().contains(wanted), qPrintable(dek.errorMessage()));
    QVERIFY2(dek.errorMessage().contains(have), qPrintable(dek.errorMessage()));
}

void TestKeyWrap::everyByteFlipFails()
{
    // Which error a flipped byte gives depends on the field it lands in.
    auto expectedCode = [](int index) {
        if (index < 3)
            return ErrorCode::Unsupported; // version or suite: no longer one we know
        if (index < 35)
            return ErrorCode::KeyUnavailable; // site key id: names a key we do not have
        return ErrorCode::Tampered;           // ephemeral key, nonce, ciphertext, tag
    };
    for (int i = 0; i < m_wrapped.size(); ++i) {
        for (char mask : {char(0x01), char(0x02), char(0x80), char(0xff)}) {
            QByteArray changed = m_wrapped;
            changed[i] = char(changed[i] ^ mask);
            auto dek = unwrapDataKey(changed, *m_site, kContext);
            QVERIFY2(
                !dek.ok(),
                qPrintable(
                    QStringLiteral("byte %1 ^ %2 still unwraps").arg(i).arg(int(uchar(mask)))));
            QCOMPARE(dek.error().code, expectedCode(i));
        }
    }
}

void TestKeyWrap::truncatedOrExtendedFails()
{
    for (int len = 0; len < m_wrapped.size(); ++len) {
        auto dek = unwrapDataKey(m_wrapped.left(len), *m_site, kContext);
        QVERIFY2(!dek.ok(),
                 qPrintable(QStringLiteral("truncated to %1 bytes still unwraps").arg(len)));
        QCOMPARE(dek.error().code, ErrorCode::Tampered);
    }
    auto longer = unwrapDataKey(QByteArray(m_wrapped + QByteArray(1, '\0')), *m_site, kContext);
    QVERIFY(!longer.ok());
    QCOMPARE(longer.error().code, ErrorCode::Tampered);
}

void TestKeyWrap::unknownVersionOrSuite_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("value");
    QTest::newRow("version 0") << 0 << 0;
    QTest::newRow("version 2") << 0 << 2;
    QTest::newRow("version 255") << 0 << 255;
    QTest::newRow("suite 0") << 2 << 0;
    QTest::newRow("suite 2 (SM4-GCM, reserved)") << 2 << 2;
    QTest::newRow("suite 3") << 2 << 3;
    QTest::newRow("suite 0x0101") << 1 << 1;
}

void TestKeyWrap::unknownVersionOrSuite()
{
    QFETCH(int, index);
    QFETCH(int, value);
    QByteArray changed = m_wrapped;
    changed[index] = char(value);
    auto dek = unwrapDataKey(changed, *m_site, kContext);
    QVERIFY(!dek.ok());
    QCOMPARE(dek.error().code, ErrorCode::Unsupported);
    auto info = crypto::parseWrappedKey(changed);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, ErrorCode::Unsupported);
    // An unknown version is reported as such even when the rest is a different length.
    if (index == 0) {
        auto shorter = unwrapDataKey(changed.left(10), *m_site, kContext);
        QVERIFY(!shorter.ok());
        QCOMPARE(shorter.error().code, ErrorCode::Unsupported);
    }
}

void TestKeyWrap::parseWrappedKey()
{
    auto info = crypto::parseWrappedKey(m_wrapped);
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(int(info->version), 1);
    QCOMPARE(info->suite, CipherSuite::Aes256Gcm);
    QCOMPARE(info->siteKeyId, siteKeyId(m_site->publicKey()));
}

void TestKeyWrap::parseRejects()
{
    for (int len : {0, 1, 2, 3, 66, 126}) {
        auto info = crypto::parseWrappedKey(m_wrapped.left(len));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, ErrorCode::Format);
    }
    auto longer = crypto::parseWrappedKey(QByteArray(m_wrapped + QByteArray(1, '\0')));
    QVERIFY(!longer.ok());
    QCOMPARE(longer.error().code, ErrorCode::Format);
}

void TestKeyWrap::invalidWrapInputs()
{
    for (int n : {0, 16, 31, 33}) {
        auto w = wrapDataKey(SecretBytes::fromByteArray(QByteArray(n, 'k')), m_site->publicKey(),
                             kContext);
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, ErrorCode::InvalidArgument);
    }
    for (int n : {0, 31, 33}) {
        auto w = wrapDataKey(fixedDek(), QByteArray(n, char(9)), kContext);
        QVERIFY(!w.ok());
        QCOMPARE(w.error().code, ErrorCode::InvalidArgument);
    }
    // A small-order "site key" would give a KEK anyone can compute: refused.
    auto w = wrapDataKey(fixedDek(), QByteArray(32, '\0'), kContext);
    QVERIFY(!w.ok());
    QCOMPARE(w.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestKeyWrap)
#include "test_keywrap.moc"
