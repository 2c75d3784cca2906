// Fuzz target: the small files a site reads from disk or another machine: the spool
// sidecar, site.json, protected key files and key backups, wrapped data keys, and the key
// ring blob a key store holds (versions 1 and 2, with retired keys).

#include "crypto/keywrap.h"
#include "crypto/x25519keypair.h"
#include "site/protectedkeyfile.h"
#include "site/siteconfig.h"
#include "site/sitekeys.h"
#include "store/spoolsidecar.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto sidecar = cv::SpoolSidecar::fromJson(bytes);
    if (sidecar && (sidecar->metadata.id.isNull() || sidecar->wrappedKey.isEmpty()))
        std::abort();
    auto config = cv::SiteConfig::fromJson(bytes);
    if (config && config->publicKeys.encryption.size() != 32)
        std::abort();
    (void)cv::ProtectedKeyFile::peek(bytes);
    auto info = cv::crypto::parseWrappedKey(bytes);
    if (info && info->siteKeyId.size() != 32)
        std::abort();
    auto ring = cv::SiteKeys::fromPrivateBlob(cv::SecretBytes(data, size));
    if (ring && (ring->retired.size() > std::size_t(cv::SiteKeys::kMaxRetiredKeys)
                 || ring->privateBlob().size() != size))
        std::abort(); // what reads must write back byte for byte
    static const auto siteKey = cv::crypto::X25519KeyPair::fromPrivateKey(cv::SecretBytes(32));
    if (siteKey)
        (void)cv::crypto::unwrapDataKey(bytes, siteKey.value(), QByteArray(16, '\0'));
    return 0;
}
