#pragma once

#include "codec/randomaccesssource.h"

#include <QByteArray>
#include <algorithm>
#include <cstring>

namespace cv::test {

// A RandomAccessSource over a QByteArray, for tests; can be told to fail reads.
class MemorySource final : public RandomAccessSource
{
public:
    explicit MemorySource(QByteArray data) : m_data(std::move(data)) {}

    qint64 size() const override { return m_data.size(); }
    Result<qint64> readAt(qint64 offset, char *buffer, qint64 length) override
    {
        if (m_failReads)
            return makeError(ErrorCode::Io, QStringLiteral("simulated read failure"));
        if (offset < 0 || length < 0)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("bad read request"));
        if (offset >= m_data.size() || length == 0)
            return qint64(0);
        const qint64 n = std::min<qint64>(length, m_data.size() - offset);
        std::memcpy(buffer, m_data.constData() + offset, size_t(n));
        return n;
    }
    void setFailReads(bool fail) { m_failReads = fail; }

private:
    QByteArray m_data;
    bool m_failReads = false;
};

} // namespace cv::test
