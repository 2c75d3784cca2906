// Fuzz target: WavReader on arbitrary bytes, through a seekable buffer (both rate checks)
// and a pipe-like sequential device. Whatever the bytes, open() and read() must return, never
// crash.

#include "codec/wavreader.h"

#include <QBuffer>
#include <QLoggingCategory>
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

// A pipe: sequential, size unknown up front.
class Pipe final : public QIODevice
{
public:
    explicit Pipe(const QByteArray &data) : m_data(data) {}
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_offset + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_offset);
        if (n > 0)
            std::memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

void readAll(QIODevice &device, cv::WavReader::RateCheck rateCheck)
{
    if (!device.open(QIODevice::ReadOnly))
        std::abort();
    auto opened = cv::WavReader::open(device, rateCheck);
    if (!opened) {
        if (opened.errorMessage().isEmpty())
            std::abort(); // every error must say what is wrong
        return;
    }
    cv::WavReader &reader = *opened.value();
    if (reader.channels() < 1 || reader.channels() > 2 || reader.frameCount() <= 0)
        std::abort();
    std::vector<qint16> buffer(size_t(reader.channels()) * 1024);
    qint64 total = 0;
    for (;;) {
        auto got = reader.read(buffer.data(), 1024);
        if (!got || got.value() == 0)
            break;
        if (got.value() < 0 || got.value() > 1024)
            std::abort();
        total += got.value();
    }
    if (total > reader.frameCount())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("callvault.*=false"));
        return true;
    }();
    (void)quiet;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    {
        QBuffer buffer;
        buffer.setData(bytes);
        readAll(buffer, cv::WavReader::RateCheck::CallRates);
    }
    {
        QBuffer buffer;
        buffer.setData(bytes);
        readAll(buffer, cv::WavReader::RateCheck::AnyRate);
    }
    {
        Pipe pipe(bytes);
        readAll(pipe, cv::WavReader::RateCheck::CallRates);
    }
    return 0;
}
