#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "search/searchengine.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>
#include <QUuid>

namespace cv {
class Database;
}

// The hand-known catalog of the search tests (searchtestsupport.cpp lists every row and
// why it is there) and helpers to read results as row names.
namespace searchtest {

struct Known
{
    QDateTime t0;               // 2024-03-01 00:00 UTC
    QMap<QString, QUuid> ids;   // "r1" -> id
    QMap<QUuid, QString> names; // id -> "r1"
    qint64 complaintTag = 0;    // 投诉: r1, r3, r7
    qint64 praiseTag = 0;       // 表扬: r3, r6
};

// Agents A1 王伟 (T1), A2 李芳 (T1), A3 Zhang Wei (T2), A4 王芳 (T3); recordings r1..r10
// (A9 of r8 is not in the directory); tags. The catalog must be migrated, with a site.
cv::Result<Known> seedKnown(cv::Database &db, const QUuid &siteId);

// Inserts one recording; its other fields as catalogtest::makeRecording makes them.
cv::Result<QUuid> addRecording(cv::Database &db, const QUuid &siteId, const QDateTime &startedAt,
                               const QString &agentId, const QString &phone, qint64 durationMs,
                               cv::Direction direction, std::optional<double> sentiment,
                               cv::RecordingStatus status = cv::RecordingStatus::Normal);
cv::Result<qint64> addTag(cv::Database &db, const QString &name);
cv::Result<void> tagRecording(cv::Database &db, const QUuid &recordingId, qint64 tagId,
                              const QDateTime &startedAt);

// The names of the hits ("r1"...), sorted (for set comparisons) or in result order.
QStringList sortedNames(const Known &known, const QVector<cv::SearchHit> &hits);
QStringList orderedNames(const Known &known, const QVector<cv::SearchHit> &hits);

// Who searches in the tests.
cv::AuditEvent searcher();

// Every page of a search, following the cursors (at most `maxPages`).
cv::Result<QVector<cv::SearchHit>> allPages(cv::SearchEngine &engine, const cv::SearchQuery &query,
                                            const cv::SearchSort &sort, int pageSize,
                                            int maxPages = 1000);

} // namespace searchtest
