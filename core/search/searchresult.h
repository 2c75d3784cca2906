#pragma once

#include "catalog/catalogtypes.h"
#include "search/searchcursor.h"

#include <QDateTime>
#include <QString>
#include <QUuid>
#include <QVector>
#include <optional>

namespace cv {

// One recording in a result list: what a list view shows (no peaks, keys or paths; open
// the recording with RecordingRepository / RecordingAccess for those).
struct SearchHit
{
    QUuid id;
    QDateTime startedAt; // UTC
    QDateTime endedAt;   // UTC
    qint64 durationMs = 0;
    Direction direction = Direction::Inbound;
    QString agentId;
    QString agentName;     // '' when the agent is not in the directory
    QString team;          // agents.team; '' when the agent is not in the directory
    QString customerPhone; // as recorded
    std::optional<double> sentiment;
    RecordingStatus status = RecordingStatus::Normal;
    QString tier;
    qint64 sizeBytes = 0;
};

// A page of results and, when more rows follow, the cursor of the next page.
struct SearchPage
{
    QVector<SearchHit> hits;
    std::optional<SearchCursor> next;
};

} // namespace cv
