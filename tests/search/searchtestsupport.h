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
    QMap<QString, QDateTime> started; // "r1" -> start
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
// One row of evaluations (migration 007), as issue 6's code will write it: the recording's
// start copied, submitted_at_ms set unless a draft. `score` may be unset (a draft).
cv::Result<void> addEvaluation(cv::Database &db, const QUuid &recordingId,
                               const QDateTime &startedAt, const QString &state,
                               std::optional<double> score,
                               const QString &evaluator = QStringLiteral("qa-1"));

// The names of the hits ("r1"...), sorted (for set comparisons) or in result order.
QStringList sortedNames(const Known &known, const QVector<cv::SearchHit> &hits);
QStringList orderedNames(const Known &known, const QVector<cv::SearchHit> &hits);

// Who searches in the tests.
cv::AuditEvent searcher();

// Runs `query` in `scope`, all rows in one page, and compares the row names (as a set, so a
// repeated row shows) and the count with `expected`; a test failure otherwise (check
// QTest::currentTestFailed() afterwards).
void expectMatches(cv::Database &db, const Known &known, const QString &what,
                   const cv::SearchQuery &query, const QStringList &expected,
                   const cv::SearchScope &scope = cv::SearchScope::all(),
                   cv::SentimentBands bands = {});

// Every page of a search, following the cursors (at most `maxPages`).
cv::Result<QVector<cv::SearchHit>> allPages(cv::SearchEngine &engine, const cv::SearchQuery &query,
                                            const cv::SearchSort &sort, int pageSize,
                                            int maxPages = 1000);

} // namespace searchtest
