#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"
#include "qa/calibrationrepository.h"
#include "qa/calibrationreveal.h"
#include "qa/evaluationanswers.h"
#include "qa/evaluationform.h"

#include <QMap>
#include <QStringList>
#include <QUuid>
#include <QVector>

namespace cv {

class Database;

// What a session says to its participants before the reveal: who has scored how many of its
// calls (never what they gave).
struct CalibrationProgress
{
    CalibrationSessionRow session;
    QMap<QString, int> scoredCalls; // by participant; every participant listed
    bool complete() const;          // every participant scored every call
};

// A revealed session's comparison (CalibrationReveal) and whom it compares: the participants
// who scored every call; the others are listed as incomplete and left out.
struct CalibrationOutcome
{
    CalibrationSessionRow session;
    CalibrationReveal reveal;
    QStringList calls;      // recording ids, in the session's order
    QStringList evaluators; // compared, sorted
    QStringList incomplete; // participants left out
};

// Calibration sessions on behalf of a person (issue 6, "Calibration"; docs/qa-workflow.md):
//   create    qa.forms.manage; recording.search on every call (within the scope); a published
//             form version; two participants at least, each a user who may score calls
//   score     a participant, while the session is blind; complete answers to the session's
//             form version (the score is ScoreEngine's); scoring a call again replaces it
//   reveal    the session's creator, once; needs two participants who scored every call
//   outcome   after the reveal, for the creator and the participants
// Before the reveal nobody reads another's scores: a participant reads their own, and
// everyone in the session reads the progress. Audited: qa.calibration.create / score /
// reveal (target "calibration/<id>"; a score's row names the call, never the score); every
// denial writes a 'denied' row under the same action, or 'qa.calibration.open' for reads.
class CalibrationSessions final
{
public:
    static constexpr int kMaxCalls = 50;
    static constexpr int kMaxParticipants = 30;

    explicit CalibrationSessions(Database &db, Clock clock = systemClock());

    // The users who may be asked to take part (enabled, their role holds recording.score).
    Result<QStringList> candidates(const Principal &principal);
    Result<CalibrationSessionRow> create(const Principal &principal, const QString &title,
                                         const QString &formId, int formVersion,
                                         const QVector<QUuid> &calls, const QStringList &participants);
    // Sessions the person created or takes part in, newest first.
    Result<QVector<CalibrationSessionRow>> mine(const Principal &principal);
    Result<CalibrationProgress> progress(const Principal &principal, qint64 sessionId);
    Result<EvaluationForm> form(const Principal &principal, qint64 sessionId);
    // The person's own answers in the session, by recording id.
    Result<QMap<QUuid, EvaluationAnswers>> myAnswers(const Principal &principal, qint64 sessionId);
    Result<void> score(const Principal &principal, qint64 sessionId, const QUuid &recordingId,
                       const EvaluationAnswers &answers);
    Result<CalibrationOutcome> reveal(const Principal &principal, qint64 sessionId);
    Result<CalibrationOutcome> outcome(const Principal &principal, qint64 sessionId);

private:
    // The session when the person created it or takes part (else denied as `action`).
    Result<CalibrationSessionRow> member(const Principal &principal, qint64 sessionId, const QString &action);
    Result<CalibrationOutcome> compare(const Principal &principal, const CalibrationSessionRow &session);
    Error deny(const Principal &principal, const QString &action, qint64 sessionId, const QString &message,
               const QString &reason);

    Database &m_db;
    Clock m_clock;
};

} // namespace cv
