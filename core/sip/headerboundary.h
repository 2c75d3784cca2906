#pragma once

#include <QByteArray>

namespace cv::sip {

// Where a SIP message's (or a MIME part's) headers end and its body starts: at the first
// blank line, written CRLF CRLF as the RFCs say or LF LF as some senders do, whichever
// comes first. Both -1 when there is no blank line from `from` on.
struct HeaderBoundary
{
    qsizetype headEnd = -1;
    qsizetype bodyStart = -1;

    static HeaderBoundary find(const QByteArray &bytes, qsizetype from = 0)
    {
        const qsizetype crlf = bytes.indexOf("\r\n\r\n", from);
        const qsizetype lf = bytes.indexOf("\n\n", from);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
            return {crlf, crlf + 4};
        if (lf >= 0)
            return {lf, lf + 2};
        return {};
    }
};

} // namespace cv::sip
