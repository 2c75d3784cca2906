// The calibration tables in the role x table matrix (migration 10, 070_calibration.sql): one
// blind session made by the supervisor on R1 (team T1) with two participants, the evaluator and
// `spare`, and spare's score of R1. What the matrix then shows: only the creator and the
// participants see the session; the evaluator does not see spare's score (blind) but may add
// their own; only the creator reveals it or adds calls (within their scope) and participants;
// nobody deletes anything.
#include "matrixfixture.h"
#include "securedcatalog.h"

using namespace cv;

namespace {

const QString kSession = QStringLiteral("(SELECT id FROM calibration_sessions WHERE title = 'fixture')");

QString quoted(const QUuid &id)
{
    return QStringLiteral("'") + id.toString(QUuid::WithoutBraces) + QStringLiteral("'");
}

} // namespace

Result<void> MatrixFixture::addCalibration()
{
    for (const QString &sql :
         {QStringLiteral("INSERT INTO calibration_sessions (title, form_id, form_version, created_by, "
                         "created_at_ms) VALUES ('fixture', 'fixture-form', 1, 'u_supervisor', 0)"),
          QStringLiteral("INSERT INTO calibration_calls (session_id, recording_id, position) VALUES (%1, %2, 0)")
              .arg(kSession, quoted(m_r1)),
          QStringLiteral("INSERT INTO calibration_participants (session_id, user_name) VALUES (%1, "
                         "'u_qa_evaluator'), (%1, 'spare')")
              .arg(kSession),
          QStringLiteral("INSERT INTO calibration_scores (session_id, recording_id, evaluator, answers, score, "
                         "scored_at_ms) VALUES (%1, %2, 'spare', '{}', 80, 0)")
              .arg(kSession, quoted(m_r1))}) {
        if (auto r = m_catalog.exec(sql); !r)
            return r;
    }
    return {};
}

QVector<MatrixFixture::SelectProbe> MatrixFixture::calibrationSelectProbes()
{
    return {
        {QStringLiteral("calibration_sessions"), QStringLiteral("id::text"), {}},
        {QStringLiteral("calibration_calls"), QStringLiteral("session_id || '/' || recording_id"), {}},
        {QStringLiteral("calibration_participants"), QStringLiteral("session_id || '/' || user_name"), {}},
        {QStringLiteral("calibration_scores"), QStringLiteral("session_id || '/' || evaluator"), {}},
    };
}

QVector<MatrixFixture::DmlProbe> MatrixFixture::calibrationDmlProbes() const
{
    using S = QStringList;
    const auto addCall = [](const QUuid &recording) {
        return QStringLiteral("INSERT INTO calibration_calls (session_id, recording_id, position) VALUES (%1, %2, 1)")
            .arg(kSession, quoted(recording));
    };
    return {
        {QStringLiteral("calibration_sessions"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO calibration_sessions (title, form_id, form_version, created_by, "
                          "created_at_ms) VALUES ('probe', 'fixture-form', 1, $ME, 0)")}},
        {QStringLiteral("calibration_sessions"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE calibration_sessions SET revealed_at_ms = 1")}},
        {QStringLiteral("calibration_sessions"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM calibration_sessions")}},
        // K1 is in the supervisor's team T1, R2 in T2.
        {QStringLiteral("calibration_calls"), QStringLiteral("INSERT"), S{addCall(m_k1), addCall(m_r2)}},
        {QStringLiteral("calibration_calls"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE calibration_calls SET position = 5")}},
        {QStringLiteral("calibration_calls"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM calibration_calls")}},
        {QStringLiteral("calibration_participants"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO calibration_participants (session_id, user_name) VALUES (%1, 'u_agent')")
               .arg(kSession)}},
        {QStringLiteral("calibration_participants"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE calibration_participants SET user_name = 'someone'")}},
        {QStringLiteral("calibration_participants"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM calibration_participants")}},
        {QStringLiteral("calibration_scores"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO calibration_scores (session_id, recording_id, evaluator, answers, score, "
                          "scored_at_ms) VALUES (%1, %2, $ME, '{}', 50, 0)")
               .arg(kSession, quoted(m_r1))}},
        {QStringLiteral("calibration_scores"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE calibration_scores SET score = 1")}},
        {QStringLiteral("calibration_scores"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM calibration_scores")}},
    };
}
