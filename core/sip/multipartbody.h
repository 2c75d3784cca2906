#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace cv::sip {

// A multipart body (RFC 2046 section 5.1): SIPREC INVITEs carry application/sdp and
// application/rs-metadata+xml in one multipart/mixed body (RFC 7866). The boundary comes
// from the Content-Type parameter, quoted or not. Parts are not parsed recursively.
class MultipartBody final
{
public:
    static constexpr int kMaxParts = 32;

    struct Part
    {
        QByteArray contentType;                // the part's Content-Type value ("" if none)
        QHash<QByteArray, QByteArray> headers; // lower-case name -> value
        QByteArray body;

        // "application/sdp" from "Application/SDP;charset=utf-8".
        QByteArray mediaType() const;
    };

    static Result<QList<Part>> parse(const QByteArray &contentType, const QByteArray &body);
    // The boundary parameter of a multipart Content-Type, empty if none.
    static QByteArray boundary(const QByteArray &contentType);
    // The first part of that media type (lower case, no parameters), or nullptr.
    static const Part *find(const QList<Part> &parts, const QByteArray &mediaType);
};

} // namespace cv::sip
