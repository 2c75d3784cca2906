// Fuzz target: export manifests (export/exportmanifest.h), which `callvaultctl
// verify-manifest` reads from whoever hands one over. The strict parser must never crash,
// and what it accepts must survive a round trip and verify without crashing.

#include "export/exportmanifest.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto manifest = cv::ExportManifest::fromJson(bytes);
    if (!manifest)
        return 0;
    if (manifest->signature.size() != 64 || manifest->fileSha256.size() != 64 ||
        manifest->fileSize < 0 || manifest->recordingId.isNull())
        std::abort();
    auto again = cv::ExportManifest::fromJson(manifest->toJson());
    if (!again || again->canonicalBytes() != manifest->canonicalBytes())
        std::abort();
    (void)manifest->verify(QByteArray(32, '\x01'));
    return 0;
}
