// Fuzz target: OggOpusReader (opusfile behind our callbacks) on arbitrary bytes: open,
// decode, seek, decode again. Must return errors, never crash, never read out of bounds.

#include "codec/oggopusreader.h"

#include <QLoggingCategory>
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

class BufferSource final : public cv::RandomAccessSource
{
public:
    BufferSource(const uint8_t *data, size_t size) : m_data(data), m_size(qint64(size)) {}
    qint64 size() const override { return m_size; }
    cv::Result<qint64> readAt(qint64 offset, char *buffer, qint64 length) override
    {
        if (offset < 0 || length < 0)
            std::abort(); // the reader must never ask for this
        if (offset >= m_size)
            return qint64(0);
        const qint64 n = std::min(length, m_size - offset);
        if (n > 0)
            std::memcpy(buffer, m_data + offset, size_t(n));
        return n;
    }

private:
    const uint8_t *m_data;
    qint64 m_size;
};

// Bounds the work per input: a few bytes of Opus can claim up to 120 ms each.
constexpr qint64 kMaxFrames = 48000 * 20;

qint64 decode(cv::OggOpusReader &reader, qint64 maxFrames)
{
    std::vector<qint16> buffer(size_t(reader.channels()) * 2000);
    qint64 total = 0;
    while (total < maxFrames) {
        auto got = reader.read(buffer.data(), 2000);
        if (!got || got.value() == 0)
            break;
        if (got.value() < 0 || got.value() > 2000)
            std::abort();
        total += got.value();
    }
    return total;
}

} // namespace

// opusfile 0.12 (Debian 12) leaks the OpusTags of a second chained link when it then
// rejects that link's timestamps (op_bisect_forward_serialno() counts the link only after
// op_find_initial_pcm_offset() succeeds; fixed upstream after 0.12, which bumps nlinks
// first). A few dozen bytes per rejected file, nothing we can free: tell LeakSanitizer.
// Our own handles are leak-checked by the unit tests, which run without suppressions.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:libopusfile.so\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("callvault.*=false"));
        return true;
    }();
    (void)quiet;
    BufferSource source(data, size);
    auto opened = cv::OggOpusReader::open(source);
    if (!opened) {
        if (opened.errorMessage().isEmpty())
            std::abort();
        return 0;
    }
    cv::OggOpusReader &reader = *opened.value();
    if (reader.channels() < 1 || reader.channels() > 2)
        std::abort();
    (void)reader.comments();
    (void)reader.originalSampleRate();
    decode(reader, kMaxFrames);
    if (reader.durationMs() > 0 && reader.seekMs(reader.durationMs() / 2))
        decode(reader, 48000);
    if (reader.seekMs(0))
        decode(reader, 4800);
    (void)reader.positionMs();
    return 0;
}
