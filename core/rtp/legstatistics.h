#pragma once

#include <QJsonObject>
#include <QList>

namespace cv::rtp {

// What one direction of a call's RTP looked like; stored with the recording's metadata.
struct LegStatistics
{
    qint64 packets = 0;    // every RTP packet pushed (audio, events, duplicates...)
    qint64 bytes = 0;      // their payload bytes
    qint64 lost = 0;       // expected by sequence number but never received (RFC 3550)
    qint64 late = 0;       // arrived after their time was already played out: dropped
    qint64 outOfOrder = 0; // arrived after a higher sequence number (still in time or not)
    qint64 duplicates = 0;
    qint64 dropped = 0;     // jitter buffer full, or payload over the size limit
    qint64 undecodable = 0; // unknown/unsupported payload type or corrupt payload
    qint64 concealedMs = 0; // loss concealment played instead of missing audio
    double jitterMs = 0.0;  // RFC 3550 interarrival jitter, last value
    int ssrcChanges = 0;
    int reanchors = 0; // timeline re-anchored: timestamp jump, clock change, late run
    int slips = 0;     // small anchor moves following the fastest packets (drift)
    QList<int> payloadTypes;
    int dtmfEvents = 0; // RFC 4733 events (their digits are not kept)

    QJsonObject toJson() const;
};

} // namespace cv::rtp
