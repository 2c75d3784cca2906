// Fuzz target: the .cvr container parsers on arbitrary bytes: header, chunk prefix and
// trailer parsers directly, then the whole file through the scanner and a reader with a
// fixed key (which must reject anything it did not write, without crashing).

#include "store/chunkrecord.h"
#include "store/containerheader.h"
#include "store/containerreader.h"
#include "store/containerscanner.h"
#include "store/containertrailer.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    int headerSize = 0;
    auto header = cv::ContainerHeader::parse(bytes, &headerSize);
    if (header && (headerSize < cv::ContainerHeader::kMinimumSize || headerSize > bytes.size()))
        std::abort();
    if (size >= cv::ChunkPrefix::kSize)
        (void)cv::ChunkPrefix::parse(bytes.constData());
    auto trailer = cv::ContainerTrailer::parse(bytes);
    if (trailer && trailer->index.size() != static_cast<qsizetype>(trailer->dataChunkCount))
        std::abort();

    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("input.cvr"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(bytes);
    }
    auto layout = cv::ContainerScanner::scan(path);
    if (!layout)
        return 0;
    if (layout->validEnd > layout->fileSize || layout->tornBytes() < 0)
        std::abort();
    auto reader = cv::ContainerReader::open(path, cv::SecretBytes(32));
    if (!reader)
        return 0;
    char buffer[512];
    (void)reader.value()->readAt(0, buffer, sizeof buffer);
    // A random file cannot authenticate under an all-zero key unless it was made with it.
    (void)reader.value()->verify();
    return 0;
}
