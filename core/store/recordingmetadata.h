#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace cv {

// What capture knows about a call when it starts; becomes the catalog row's metadata.
struct RecordingMetadata
{
    QUuid id;
    QDateTime startedAt;   // UTC
    QString direction;     // "in", "out" or "internal"
    QString agentId;
    QString customerPhone;
    QString source;        // "import", "seat", "recorder", "demo"
};

} // namespace cv
