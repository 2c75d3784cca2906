#pragma once

#include <QByteArray>
#include <QVector>
#include <QtEndian>

namespace cv::test {

// Minimal Ogg page walker for tests (RFC 3533): checks that bytes are a sequence of whole
// pages and reports each page's header fields.
struct OggPage
{
    qint64 offset = 0;
    qint64 size = 0;
    int headerType = 0; // 1 continued, 2 BOS, 4 EOS
    qint64 granule = 0;
    quint32 serial = 0;
    quint32 sequence = 0;
    QByteArray body;
};

// Returns false if the bytes do not end exactly on a page boundary or a header is bad.
inline bool walkOggPages(const QByteArray &data, QVector<OggPage> *pages)
{
    qint64 pos = 0;
    while (pos < data.size()) {
        if (data.size() - pos < 27 || data.mid(int(pos), 4) != "OggS" || data.at(int(pos) + 4) != 0)
            return false;
        const char *p = data.constData() + pos;
        OggPage page;
        page.offset = pos;
        page.headerType = static_cast<unsigned char>(p[5]);
        page.granule = qFromLittleEndian<qint64>(p + 6);
        page.serial = qFromLittleEndian<quint32>(p + 14);
        page.sequence = qFromLittleEndian<quint32>(p + 18);
        const int segments = static_cast<unsigned char>(p[26]);
        if (data.size() - pos < 27 + segments)
            return false;
        qint64 bodySize = 0;
        for (int i = 0; i < segments; ++i)
            bodySize += static_cast<unsigned char>(p[27 + i]);
        page.size = 27 + segments + bodySize;
        if (data.size() - pos < page.size)
            return false;
        page.body = data.mid(int(pos + 27 + segments), int(bodySize));
        if (pages)
            pages->append(page);
        pos += page.size;
    }
    return true;
}

} // namespace cv::test
