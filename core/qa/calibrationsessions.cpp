#include "qa/calibrationsessions.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"
#include "catalog/database.h"
#include "catalog/agentrepository.h"
#include "catalog/recordingrepository.h"
#include "catalog/sqlhelpers.h"
#include "qa/evaluatordirectory.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"
#include "qa/qatext.h"
#include "qa/scoreengine.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QHash>
#include <QSet>
#include <algorithm>

namespace cv {

namespace {

const QString kCreate = QStringLiteral("qa.calibration.create");
const QString kScore = QStringLiteral("qa.calibration.score");
const QString kReveal = QStringLiteral("qa.calibration.reveal");
const QString kOpen = QStringLiteral("qa.calibration.open");

QString sessionTarget(qint64 id)
{
    return QStringLiteral("calibration/%1").arg(id);
}

} // namespace

bool CalibrationProgress::complete() const
{
    for (auto it = scoredCalls.cbegin(); it != scoredCalls.cend(); ++it) {
        if (it.value() < session.calls.size())
            return false;
    }
    return !scoredCalls.isEmpty();
}

CalibrationSessions::CalibrationSessions(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

Error CalibrationSessions::deny(const Principal &principal, const QString &action, qint64 sessionId,
                                const QString &message, const QString &reason)
{
    return AccessControl(m_db).deny(principal, action, sessionTarget(sessionId), message,
                                    QJsonObject{{QStringLiteral("reason"), reason}});
}

Result<QStringList> CalibrationSessions::candidates(const Principal &principal)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   QStringLiteral("calibration"), kCreate);
        !allowed)
        return allowed.error();
    auto scorers = EvaluatorDirectory(m_db).scorers();
    if (!scorers)
        return scorers.error();
    QStringList names;
    for (const Scorer &scorer : scorers.value())
        names.append(scorer.name);
    return names;
}

Result<CalibrationSessionRow> CalibrationSessions::create(const Principal &principal, const QString &title,
                                                          const QString &formId, int formVersion,
                                                          const QVector<QUuid> &calls,
                                                          const QStringList &participants)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                                   QStringLiteral("calibration"), kCreate);
        !allowed)
        return allowed.error();
    QVector<RecordingRow> recordings;
    for (const QUuid &call : calls) {
        auto recording = RecordingRepository(m_db).get(call);
        if (!recording)
            return recording.error();
        if (auto allowed = AccessControl(m_db).requireRecording(principal, Permission::RecordingSearch,
                                                                recording.value(), kCreate);
            !allowed)
            return allowed.error();
        recordings.append(recording.takeValue());
    }
    auto scorers = EvaluatorDirectory(m_db).scorers();
    if (!scorers)
        return scorers.error();
    auto agents = AgentRepository(m_db).list();
    if (!agents)
        return agents.error();
    QHash<QString, QString> teamOf;
    for (const AgentRow &agent : agents.value())
        teamOf.insert(agent.agentId, agent.team);
    const QString trimmed = title.trimmed();
    if (auto ok = qatext::checkText(trimmed, QStringLiteral("The title"), 200, true); !ok)
        return ok.error();
    if (calls.isEmpty() || calls.size() > kMaxCalls || QSet<QUuid>(calls.cbegin(), calls.cend()).size() != calls.size())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A calibration session needs 1 to %1 different calls.").arg(kMaxCalls));
    QStringList unique = QStringList(participants);
    unique.removeDuplicates();
    unique.sort();
    if (unique.size() < 2 || unique.size() > kMaxParticipants)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A calibration session needs 2 to %1 evaluators.").arg(kMaxParticipants));
    for (const QString &name : unique) {
        const auto scorer = std::find_if(scorers->cbegin(), scorers->cend(),
                                         [&name](const Scorer &s) { return s.name == name; });
        if (scorer == scorers->cend())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 may not score calls (no such user, disabled, or a role without "
                                            "recording.score).")
                                 .arg(name));
        // Everyone must be able to play every call, or the session cannot be finished.
        for (const RecordingRow &recording : recordings) {
            if (!scorer->reaches(teamOf.value(recording.agentId), recording.agentId))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("%1 may not score call %2 (outside their teams).")
                                     .arg(name, recording.id.toString(QUuid::WithoutBraces)));
        }
    }
    if (auto form = FormLibrary(m_db, m_clock).version(principal, formId, formVersion); !form)
        return form.error();
    CalibrationSessionRow row;
    row.title = trimmed;
    row.formId = formId;
    row.formVersion = formVersion;
    row.createdBy = principal.name;
    row.createdAtMs = m_clock();
    row.calls = calls;
    row.participants = unique;
    qint64 id = 0;
    auto done = auditedchange::commitReporting(
        m_db, principal, kCreate, QStringLiteral("calibration"), [&]() -> Result<std::optional<QJsonObject>> {
            auto inserted = CalibrationRepository(m_db).insert(row);
            if (!inserted)
                return inserted.error();
            id = inserted.value();
            QJsonArray callIds;
            for (const QUuid &call : calls)
                callIds.append(call.toString(QUuid::WithoutBraces));
            return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("session"), id},
                                                          {QStringLiteral("form"), formId},
                                                          {QStringLiteral("formVersion"), formVersion},
                                                          {QStringLiteral("calls"), callIds},
                                                          {QStringLiteral("evaluators"), QJsonArray::fromStringList(unique)}});
        });
    if (!done)
        return done.error();
    row.id = id;
    return row;
}

Result<QVector<CalibrationSessionRow>> CalibrationSessions::mine(const Principal &principal)
{
    return CalibrationRepository(m_db).listFor(principal.name);
}

Result<CalibrationSessionRow> CalibrationSessions::member(const Principal &principal, qint64 sessionId,
                                                          const QString &action)
{
    auto session = CalibrationRepository(m_db).find(sessionId);
    if (!session)
        return session.error();
    if (!session.value())
        return makeError(ErrorCode::NotFound, QStringLiteral("There is no calibration session %1.").arg(sessionId));
    const CalibrationSessionRow &row = *session.value();
    if (row.createdBy != principal.name && !row.participants.contains(principal.name))
        return deny(principal, action, sessionId,
                    QStringLiteral("Permission denied: %1 takes no part in calibration session %2.")
                        .arg(principal.name)
                        .arg(sessionId),
                    QStringLiteral("not in the session"));
    return row;
}

Result<CalibrationProgress> CalibrationSessions::progress(const Principal &principal, qint64 sessionId)
{
    auto session = member(principal, sessionId, kOpen);
    if (!session)
        return session.error();
    CalibrationProgress progress;
    progress.session = session.takeValue();
    for (const QString &name : progress.session.participants)
        progress.scoredCalls.insert(name, 0);
    // On a server-enforced catalog the scores are blind to the session's creator and to the
    // other participants: the server counts them (cv_calibration_progress), answers unread.
    auto query = sqlhelpers::prepare(
        m_db, m_db.serverEnforced()
                  ? QStringLiteral("SELECT out_evaluator, out_scored FROM cv_calibration_progress(?)")
                  : QStringLiteral("SELECT evaluator, count(*) FROM calibration_scores WHERE session_id = ? "
                                   "GROUP BY evaluator"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(sessionId));
    if (auto r = sqlhelpers::exec(query.value(), QStringLiteral("Could not read the progress of session %1").arg(sessionId));
        !r)
        return r.error();
    while (query->next()) {
        const QString name = query->value(0).toString();
        if (progress.scoredCalls.contains(name))
            progress.scoredCalls[name] = query->value(1).toInt();
    }
    return progress;
}

Result<EvaluationForm> CalibrationSessions::form(const Principal &principal, qint64 sessionId)
{
    auto session = member(principal, sessionId, kOpen);
    if (!session)
        return session.error();
    auto row = FormLibrary(m_db, m_clock).version(principal, session->formId, session->formVersion);
    if (!row)
        return row.error();
    return FormPublisher::formOf(row.value());
}

Result<QMap<QUuid, EvaluationAnswers>> CalibrationSessions::myAnswers(const Principal &principal, qint64 sessionId)
{
    auto session = member(principal, sessionId, kOpen);
    if (!session)
        return session.error();
    auto rows = CalibrationRepository(m_db).scores(sessionId, principal.name);
    if (!rows)
        return rows.error();
    QMap<QUuid, EvaluationAnswers> answers;
    for (const CalibrationScoreRow &row : rows.value()) {
        auto parsed = EvaluationAnswers::fromJson(row.answers.toUtf8());
        if (!parsed)
            return parsed.error();
        answers.insert(row.recordingId, parsed.takeValue());
    }
    return answers;
}

Result<void> CalibrationSessions::score(const Principal &principal, qint64 sessionId, const QUuid &recordingId,
                                        const EvaluationAnswers &answers)
{
    auto session = member(principal, sessionId, kScore);
    if (!session)
        return session.error();
    if (!session->participants.contains(principal.name))
        return deny(principal, kScore, sessionId,
                    QStringLiteral("Permission denied: %1 created calibration session %2 but does not score in it.")
                        .arg(principal.name)
                        .arg(sessionId),
                    QStringLiteral("not a participant"));
    if (session->revealed())
        return deny(principal, kScore, sessionId,
                    QStringLiteral("Calibration session %1 is revealed; its scores no longer change.").arg(sessionId),
                    QStringLiteral("revealed"));
    if (!session->calls.contains(recordingId))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Call %1 is not part of calibration session %2.")
                                                         .arg(recordingId.toString(QUuid::WithoutBraces))
                                                         .arg(sessionId));
    if (answers.formId != session->formId || answers.formVersion != session->formVersion)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The session scores with form %1 version %2.")
                             .arg(session->formId)
                             .arg(session->formVersion));
    auto model = form(principal, sessionId);
    if (!model)
        return model.error();
    const ScoreResult result = ScoreEngine::score(model.value(), answers.answers);
    if (!result.isComplete() || !result.total)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Answer every question first (%1 open).")
                             .arg(result.unanswered.isEmpty() ? QStringLiteral("answers that do not fit")
                                                              : result.unanswered.join(QStringLiteral(", "))));
    CalibrationScoreRow row;
    row.sessionId = sessionId;
    row.recordingId = recordingId;
    row.evaluator = principal.name;
    row.answers = QString::fromUtf8(answers.toJson());
    row.score = result.total;
    row.scoredAtMs = m_clock();
    return auditedchange::commitReporting(
        m_db, principal, kScore, sessionTarget(sessionId), [&]() -> Result<std::optional<QJsonObject>> {
            // Again inside the transaction: a reveal that committed since the check above
            // freezes the scores (SQLite's BEGIN IMMEDIATE orders the two writers).
            auto now = CalibrationRepository(m_db).find(sessionId);
            if (!now)
                return now.error();
            if (!now.value() || now.value()->revealed())
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("Calibration session %1 was revealed meanwhile; its scores no "
                                                "longer change.")
                                     .arg(sessionId));
            if (auto saved = CalibrationRepository(m_db).saveScore(row); !saved)
                return saved.error();
            return std::optional<QJsonObject>(
                QJsonObject{{QStringLiteral("session"), sessionId},
                            {QStringLiteral("recording"), recordingId.toString(QUuid::WithoutBraces)}});
        });
}

Result<CalibrationOutcome> CalibrationSessions::reveal(const Principal &principal, qint64 sessionId)
{
    auto session = member(principal, sessionId, kReveal);
    if (!session)
        return session.error();
    if (session->createdBy != principal.name || !principal.has(Permission::QaFormsManage))
        return deny(principal, kReveal, sessionId,
                    QStringLiteral("Permission denied: only %1, who started calibration session %2, reveals it.")
                        .arg(session->createdBy)
                        .arg(sessionId),
                    QStringLiteral("not the creator"));
    if (session->revealed())
        return makeError(ErrorCode::Conflict, QStringLiteral("Calibration session %1 is revealed already.").arg(sessionId));
    auto progress = this->progress(principal, sessionId);
    if (!progress)
        return progress.error();
    int finished = 0;
    for (int count : progress->scoredCalls)
        finished += count >= session->calls.size() ? 1 : 0;
    if (finished < 2)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Two evaluators at least must score every call before the reveal (%1 did).")
                             .arg(finished));
    auto done = auditedchange::commitReporting(
        m_db, principal, kReveal, sessionTarget(sessionId), [&]() -> Result<std::optional<QJsonObject>> {
            auto marked = CalibrationRepository(m_db).markRevealed(sessionId, m_clock());
            if (!marked)
                return marked.error();
            if (!marked.value())
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("Calibration session %1 is revealed already.").arg(sessionId));
            return std::optional<QJsonObject>(
                QJsonObject{{QStringLiteral("session"), sessionId}, {QStringLiteral("evaluators"), finished}});
        });
    if (!done)
        return done.error();
    return outcome(principal, sessionId);
}

Result<CalibrationOutcome> CalibrationSessions::outcome(const Principal &principal, qint64 sessionId)
{
    auto session = member(principal, sessionId, kOpen);
    if (!session)
        return session.error();
    if (!session->revealed())
        return deny(principal, kOpen, sessionId,
                    QStringLiteral("Calibration session %1 is still blind: its creator reveals it.").arg(sessionId),
                    QStringLiteral("not revealed"));
    return compare(principal, session.value());
}

Result<CalibrationOutcome> CalibrationSessions::compare(const Principal &principal, const CalibrationSessionRow &session)
{
    auto model = FormLibrary(m_db, m_clock).version(principal, session.formId, session.formVersion);
    if (!model)
        return model.error();
    auto form = FormPublisher::formOf(model.value());
    if (!form)
        return form.error();
    auto rows = CalibrationRepository(m_db).scores(session.id);
    if (!rows)
        return rows.error();
    CalibrationOutcome outcome;
    outcome.session = session;
    for (const QUuid &call : session.calls)
        outcome.calls.append(call.toString(QUuid::WithoutBraces));
    CalibrationScores scores;
    scores.form = form.takeValue();
    scores.calls = outcome.calls;
    QMap<QString, int> counts;
    for (const CalibrationScoreRow &row : rows.value()) {
        auto parsed = EvaluationAnswers::fromJson(row.answers.toUtf8());
        if (!parsed)
            return parsed.error();
        scores.answers[row.recordingId.toString(QUuid::WithoutBraces)][row.evaluator] = parsed->answers;
        ++counts[row.evaluator];
    }
    for (const QString &name : session.participants) {
        if (counts.value(name) >= session.calls.size())
            outcome.evaluators.append(name);
        else
            outcome.incomplete.append(name);
    }
    scores.evaluators = outcome.evaluators;
    auto reveal = CalibrationReveal::compute(scores);
    if (!reveal)
        return reveal.error();
    outcome.reveal = reveal.takeValue();
    return outcome;
}

} // namespace cv
