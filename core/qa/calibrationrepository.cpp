#include "qa/calibrationrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

constexpr const char *kSessionColumns =
    "id, title, form_id, form_version, created_by, created_at_ms, revealed_at_ms";

CalibrationSessionRow readSession(QSqlQuery &query)
{
    CalibrationSessionRow row;
    row.id = query.value(0).toLongLong();
    row.title = query.value(1).toString();
    row.formId = query.value(2).toString();
    row.formVersion = query.value(3).toInt();
    row.createdBy = query.value(4).toString();
    row.createdAtMs = query.value(5).toLongLong();
    if (!query.value(6).isNull())
        row.revealedAtMs = query.value(6).toLongLong();
    return row;
}

} // namespace

CalibrationRepository::CalibrationRepository(Database &db) : m_db(db) {}

Result<qint64> CalibrationRepository::insert(const CalibrationSessionRow &row)
{
    auto query = prepare(m_db, QStringLiteral("INSERT INTO calibration_sessions (title, form_id, form_version, "
                                              "created_by, created_at_ms) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    if (!query)
        return query.error();
    query->addBindValue(text(row.title));
    query->addBindValue(text(row.formId));
    query->addBindValue(row.formVersion);
    query->addBindValue(text(row.createdBy));
    query->addBindValue(static_cast<qlonglong>(row.createdAtMs));
    if (auto r = exec(query.value(), QStringLiteral("Could not start a calibration session")); !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::Database, QStringLiteral("The catalog returned no id for the new session."));
    const qint64 id = query->value(0).toLongLong();
    for (int i = 0; i < row.calls.size(); ++i) {
        auto call = prepare(m_db, QStringLiteral("INSERT INTO calibration_calls (session_id, recording_id, position) "
                                                 "VALUES (?, ?, ?)"));
        if (!call)
            return call.error();
        call->addBindValue(static_cast<qlonglong>(id));
        call->addBindValue(uuid(row.calls.at(i)));
        call->addBindValue(i);
        if (auto r = exec(call.value(), QStringLiteral("Could not add a call to calibration session %1").arg(id)); !r)
            return r.error();
    }
    for (const QString &user : row.participants) {
        auto participant = prepare(
            m_db, QStringLiteral("INSERT INTO calibration_participants (session_id, user_name) VALUES (?, ?)"));
        if (!participant)
            return participant.error();
        participant->addBindValue(static_cast<qlonglong>(id));
        participant->addBindValue(text(user));
        if (auto r = exec(participant.value(),
                          QStringLiteral("Could not add %1 to calibration session %2").arg(user).arg(id));
            !r)
            return r.error();
    }
    return id;
}

Result<void> CalibrationRepository::readMembers(CalibrationSessionRow &row)
{
    auto calls = prepare(m_db, QStringLiteral("SELECT recording_id FROM calibration_calls WHERE session_id = ? "
                                              "ORDER BY position"));
    if (!calls)
        return calls.error();
    calls->addBindValue(static_cast<qlonglong>(row.id));
    if (auto r = exec(calls.value(), QStringLiteral("Could not read calibration session %1").arg(row.id)); !r)
        return r;
    while (calls->next())
        row.calls.append(toUuid(calls->value(0)));
    auto people = prepare(m_db, QStringLiteral("SELECT user_name FROM calibration_participants WHERE session_id = ? "
                                               "ORDER BY user_name"));
    if (!people)
        return people.error();
    people->addBindValue(static_cast<qlonglong>(row.id));
    if (auto r = exec(people.value(), QStringLiteral("Could not read calibration session %1").arg(row.id)); !r)
        return r;
    while (people->next())
        row.participants.append(people->value(0).toString());
    return {};
}

Result<std::optional<CalibrationSessionRow>> CalibrationRepository::find(qint64 id)
{
    auto query = prepare(m_db, QStringLiteral("SELECT %1 FROM calibration_sessions WHERE id = ?")
                                   .arg(QLatin1String(kSessionColumns)));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not read calibration session %1").arg(id)); !r)
        return r.error();
    if (!query->next())
        return std::optional<CalibrationSessionRow>();
    CalibrationSessionRow row = readSession(query.value());
    if (auto members = readMembers(row); !members)
        return members.error();
    return std::optional<CalibrationSessionRow>(row);
}

Result<QVector<CalibrationSessionRow>> CalibrationRepository::listFor(const QString &user)
{
    auto query = prepare(m_db, QStringLiteral("SELECT %1 FROM calibration_sessions s WHERE s.created_by = ? "
                                              "OR EXISTS (SELECT 1 FROM calibration_participants p "
                                              "WHERE p.session_id = s.id AND p.user_name = ?) ORDER BY s.id DESC")
                                   .arg(QLatin1String(kSessionColumns)));
    if (!query)
        return query.error();
    query->addBindValue(text(user));
    query->addBindValue(text(user));
    if (auto r = exec(query.value(), QStringLiteral("Could not list calibration sessions")); !r)
        return r.error();
    QVector<CalibrationSessionRow> rows;
    while (query->next())
        rows.append(readSession(query.value()));
    for (CalibrationSessionRow &row : rows) {
        if (auto members = readMembers(row); !members)
            return members.error();
    }
    return rows;
}

Result<void> CalibrationRepository::saveScore(const CalibrationScoreRow &row)
{
    auto query = prepare(m_db, QStringLiteral("INSERT INTO calibration_scores (session_id, recording_id, evaluator, "
                                              "answers, score, scored_at_ms) VALUES (?, ?, ?, ?, ?, ?) "
                                              "ON CONFLICT (session_id, recording_id, evaluator) DO UPDATE SET "
                                              "answers = excluded.answers, score = excluded.score, "
                                              "scored_at_ms = excluded.scored_at_ms"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(row.sessionId));
    query->addBindValue(uuid(row.recordingId));
    query->addBindValue(text(row.evaluator));
    query->addBindValue(text(row.answers));
    query->addBindValue(nullableDouble(row.score));
    query->addBindValue(static_cast<qlonglong>(row.scoredAtMs));
    return exec(query.value(), QStringLiteral("Could not save the calibration score"));
}

Result<QVector<CalibrationScoreRow>> CalibrationRepository::scores(qint64 sessionId, const QString &evaluator)
{
    auto query = prepare(m_db, QStringLiteral("SELECT s.recording_id, s.evaluator, s.answers, s.score, s.scored_at_ms "
                                              "FROM calibration_scores s JOIN calibration_calls c "
                                              "ON c.session_id = s.session_id AND c.recording_id = s.recording_id "
                                              "WHERE s.session_id = ? AND (? = '' OR s.evaluator = ?) "
                                              "ORDER BY c.position, s.evaluator"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(sessionId));
    query->addBindValue(text(evaluator));
    query->addBindValue(text(evaluator));
    if (auto r = exec(query.value(), QStringLiteral("Could not read the scores of calibration session %1").arg(sessionId));
        !r)
        return r.error();
    QVector<CalibrationScoreRow> rows;
    while (query->next()) {
        CalibrationScoreRow row;
        row.sessionId = sessionId;
        row.recordingId = toUuid(query->value(0));
        row.evaluator = query->value(1).toString();
        row.answers = query->value(2).toString();
        row.score = toOptionalDouble(query->value(3));
        row.scoredAtMs = query->value(4).toLongLong();
        rows.append(row);
    }
    return rows;
}

Result<bool> CalibrationRepository::markRevealed(qint64 id, qint64 atMs)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE calibration_sessions SET revealed_at_ms = ? "
                                              "WHERE id = ? AND revealed_at_ms IS NULL"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(atMs));
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not reveal calibration session %1").arg(id)); !r)
        return r.error();
    return query->numRowsAffected() == 1;
}

} // namespace cv
