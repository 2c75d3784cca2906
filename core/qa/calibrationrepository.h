#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// One calibration session (tables calibration_sessions, _calls, _participants; migration 10).
struct CalibrationSessionRow
{
    qint64 id = 0;
    QString title;
    QString formId;
    int formVersion = 0;
    QString createdBy;
    qint64 createdAtMs = 0;
    std::optional<qint64> revealedAtMs; // none: still blind
    QVector<QUuid> calls;               // in the session's order
    QStringList participants;           // user names, sorted

    bool revealed() const { return revealedAtMs.has_value(); }
};

// One evaluator's answers on one call of a session (table calibration_scores).
struct CalibrationScoreRow
{
    qint64 sessionId = 0;
    QUuid recordingId;
    QString evaluator;
    QString answers; // EvaluationAnswers JSON
    std::optional<double> score;
    qint64 scoredAtMs = 0;
};

// The calibration tables. No permission checks (CalibrationSessions acts for a person).
// Works on the calling thread's connection and inside the caller's TransactionGuard.
class CalibrationRepository final
{
public:
    explicit CalibrationRepository(Database &db);

    // The session with its calls and participants; its id.
    Result<qint64> insert(const CalibrationSessionRow &row);
    Result<std::optional<CalibrationSessionRow>> find(qint64 id);
    // Sessions `user` created or takes part in, newest first.
    Result<QVector<CalibrationSessionRow>> listFor(const QString &user);
    // Inserts or replaces the evaluator's score of the call.
    Result<void> saveScore(const CalibrationScoreRow &row);
    // A session's scores (only `evaluator`'s when given), by call position then evaluator.
    Result<QVector<CalibrationScoreRow>> scores(qint64 sessionId, const QString &evaluator = QString());
    // False when the session was revealed already.
    Result<bool> markRevealed(qint64 id, qint64 atMs);

private:
    Result<void> readMembers(CalibrationSessionRow &row);

    Database &m_db;
};

} // namespace cv
