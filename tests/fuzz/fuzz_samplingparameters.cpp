// Fuzz target: a sampling rule's parameters (qa/samplingrule.h), JSON text from the command
// line, the rules panel or the catalog (any holder of qa.forms.manage writes it). The first
// byte picks the kind, the rest is the JSON. The reader must never crash; what it accepts
// must pass the checks and survive a round trip through the writer unchanged.

#include "qa/samplingrule.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const auto kind = static_cast<cv::SamplingKind>(1 + data[0] % 4);
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    auto parameters = cv::samplingjson::readParameters(kind, bytes);
    if (!parameters)
        return 0;
    if (!cv::samplingjson::checkParameters(kind, parameters.value()))
        std::abort();
    const QString written = cv::samplingjson::writeParameters(kind, parameters.value());
    auto again = cv::samplingjson::readParameters(kind, written.toUtf8());
    if (!again || cv::samplingjson::writeParameters(kind, again.value()) != written)
        std::abort();
    return 0;
}
