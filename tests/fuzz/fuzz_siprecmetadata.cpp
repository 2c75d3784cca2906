// Fuzz target: SiprecMetadata::parse, and MultipartBody::parse when the input starts with a
// multipart Content-Type line (the rest is the body; metadata parts are parsed too).
// No crash; every error has a message; parsed ids are never empty.

#include "sip/multipartbody.h"
#include "sip/siprecmetadata.h"

#include <QLoggingCategory>
#include <cstdint>
#include <cstdlib>

namespace {

void checkMetadata(const QByteArray &xml)
{
    auto parsed = cv::sip::SiprecMetadata::parse(xml);
    if (!parsed) {
        if (parsed.errorMessage().isEmpty())
            std::abort();
        return;
    }
    for (const auto &p : parsed.value().participants) {
        if (p.id.isEmpty())
            std::abort();
        (void)cv::sip::SiprecMetadata::numberOf(p);
        for (const QByteArray &id : p.send)
            (void)parsed.value().senderOf(id);
    }
    for (const auto &s : parsed.value().streams) {
        if (s.id.isEmpty())
            std::abort();
        (void)parsed.value().streamByLabel(s.label);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
        return true;
    }();
    (void)quiet;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (bytes.startsWith("multipart/")) {
        const qsizetype eol = bytes.indexOf('\n');
        const QByteArray type = eol < 0 ? bytes : bytes.left(eol).trimmed();
        const QByteArray body = eol < 0 ? QByteArray() : bytes.mid(eol + 1);
        auto parts = cv::sip::MultipartBody::parse(type, body);
        if (!parts) {
            if (parts.errorMessage().isEmpty())
                std::abort();
            return 0;
        }
        if (parts.value().size() > cv::sip::MultipartBody::kMaxParts)
            std::abort();
        for (const auto &part : parts.value()) {
            if (part.body.size() > body.size())
                std::abort();
            if (part.mediaType() == "application/rs-metadata+xml")
                checkMetadata(part.body);
        }
        return 0;
    }
    checkMetadata(bytes);
    return 0;
}
