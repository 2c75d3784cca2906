#include "qa/evaluationworkflow.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"
#include "catalog/recordingrepository.h"
#include "qa/evaluationtransitions.h"
#include "qa/formrepository.h"
#include "qa/qatext.h"

namespace cv {

namespace {

const QString kDraft = QStringLiteral("qa.evaluation.draft");
const QString kSave = QStringLiteral("qa.evaluation.save");
const QString kSubmit = QStringLiteral("qa.evaluation.submit");
const QString kAcknowledge = QStringLiteral("qa.evaluation.acknowledge");
const QString kDispute = QStringLiteral("qa.evaluation.dispute");
const QString kResolve = QStringLiteral("qa.evaluation.resolve");

QString recordingTarget(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonObject evaluationDetails(qint64 id)
{
    return QJsonObject{{QStringLiteral("evaluation"), id}};
}

} // namespace

EvaluationWorkflow::EvaluationWorkflow(Database &db, Clock clock, Policy policy)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock()), m_policy(policy)
{
}

Result<EvaluationWorkflow::Target> EvaluationWorkflow::load(const Principal &principal,
                                                            qint64 evaluationId,
                                                            Permission permission,
                                                            const QString &action)
{
    auto evaluation = EvaluationRepository(m_db).find(evaluationId);
    if (!evaluation)
        return evaluation.error();
    if (!evaluation.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no evaluation %1.").arg(evaluationId));
    auto recording = RecordingRepository(m_db).get(evaluation.value()->recordingId);
    if (!recording)
        return recording.error();
    if (auto allowed =
            AccessControl(m_db).requireRecording(principal, permission, recording.value(), action);
        !allowed)
        return allowed.error();
    return Target{*evaluation.value(), recording.takeValue()};
}

Result<void> EvaluationWorkflow::requireState(const Principal &principal, const Target &target,
                                              EvaluationState state, const QString &action)
{
    if (target.evaluation.state == state)
        return {};
    const QString now = evaluationStateName(target.evaluation.state);
    Error error = AccessControl(m_db).deny(
        principal, action, recordingTarget(target.recording.id),
        QStringLiteral("Evaluation %1 is %2; this step needs it %3.")
            .arg(target.evaluation.id)
            .arg(now, evaluationStateName(state)),
        QJsonObject{{QStringLiteral("evaluation"), target.evaluation.id},
                    {QStringLiteral("reason"), QStringLiteral("state %1").arg(now)}});
    error.code = ErrorCode::Conflict;
    return error;
}

Result<void> EvaluationWorkflow::requireOwnDraft(const Principal &principal, const Target &target,
                                                 const QString &action)
{
    if (target.evaluation.evaluator == principal.name)
        return requireState(principal, target, EvaluationState::Draft, action);
    return AccessControl(m_db).deny(
        principal, action, recordingTarget(target.recording.id),
        QStringLiteral("Permission denied: evaluation %1 is %2's; only its evaluator changes or "
                       "submits it.")
            .arg(target.evaluation.id)
            .arg(target.evaluation.evaluator),
        QJsonObject{{QStringLiteral("evaluation"), target.evaluation.id},
                    {QStringLiteral("reason"), QStringLiteral("not the evaluator")}});
}

Result<void> EvaluationWorkflow::requireOwnCall(const Principal &principal, const Target &target,
                                                const QString &action)
{
    // The role's scope already applied; this holds also when a site grants
    // evaluation.acknowledge to a role with a wider scope. The agent id as the catalog says
    // now (like every AccessControl decision), not the log-in snapshot.
    auto live = AccessControl(m_db).loadPrincipal(principal.userId, principal.host,
                                                  principal.program);
    if (!live)
        return live.error();
    if (!live->agentId.isEmpty() && live->agentId == target.recording.agentId)
        return {};
    return AccessControl(m_db).deny(
        principal, action, recordingTarget(target.recording.id),
        QStringLiteral("Permission denied: only the agent of the call answers evaluation %1.")
            .arg(target.evaluation.id),
        QJsonObject{{QStringLiteral("evaluation"), target.evaluation.id},
                    {QStringLiteral("reason"), QStringLiteral("not the agent of the call")}});
}

Result<EvaluationRow> EvaluationWorkflow::reread(qint64 evaluationId)
{
    auto row = EvaluationRepository(m_db).find(evaluationId);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no evaluation %1.").arg(evaluationId));
    return *row.value();
}

Result<EvaluationRow> EvaluationWorkflow::startDraft(const Principal &principal,
                                                     const QUuid &recordingId,
                                                     const QString &formId, int formVersion)
{
    auto recording = RecordingRepository(m_db).get(recordingId);
    if (!recording)
        return recording.error();
    if (auto allowed = AccessControl(m_db).requireRecording(principal, Permission::RecordingScore,
                                                            recording.value(), kDraft);
        !allowed)
        return allowed.error();
    auto form = FormRepository(m_db).version(formId, formVersion);
    if (!form)
        return form.error();
    if (!form.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Form %1 has no published version %2.")
                             .arg(formId)
                             .arg(formVersion));
    EvaluationRow row;
    row.recordingId = recordingId;
    row.startedAtMs = recording->startedAt.toMSecsSinceEpoch();
    row.formId = formId;
    row.formVersion = formVersion;
    row.evaluator = principal.name;
    row.createdAtMs = m_clock();
    qint64 id = 0;
    auto done = auditedchange::commitReporting(
        m_db, principal, kDraft, recordingTarget(recordingId),
        [&]() -> Result<std::optional<QJsonObject>> {
            auto inserted = EvaluationRepository(m_db).insertDraft(row);
            if (!inserted)
                return inserted.error();
            id = inserted.value();
            QJsonObject details = evaluationDetails(id);
            details.insert(QStringLiteral("form"), formId);
            details.insert(QStringLiteral("formVersion"), formVersion);
            return std::optional<QJsonObject>(details);
        });
    if (!done)
        return done.error();
    return reread(id);
}

Result<EvaluationRow> EvaluationWorkflow::saveDraft(const Principal &principal,
                                                    qint64 evaluationId,
                                                    const QString &answersJson,
                                                    const QString &comment,
                                                    std::optional<double> score)
{
    auto target = load(principal, evaluationId, Permission::RecordingScore, kSave);
    if (!target)
        return target.error();
    if (auto own = requireOwnDraft(principal, target.value(), kSave); !own)
        return own.error();
    auto answers = qatext::canonicalJsonObject(answersJson, QStringLiteral("The answers"),
                                               qatext::kAnswersMaxBytes);
    if (!answers)
        return answers.error();
    if (auto ok = qatext::checkText(comment, QStringLiteral("The comment"), qatext::kCommentMax,
                                    false);
        !ok)
        return ok.error();
    if (score) {
        if (auto ok = qatext::checkScore(*score); !ok)
            return ok.error();
    }
    QJsonObject details = evaluationDetails(evaluationId);
    if (score)
        details.insert(QStringLiteral("score"), *score);
    auto done = auditedchange::commitReporting(
        m_db, principal, kSave, recordingTarget(target->recording.id),
        [&]() -> Result<std::optional<QJsonObject>> {
            auto saved = EvaluationRepository(m_db).saveDraft(evaluationId, answers.value(),
                                                              comment, score, m_clock());
            if (!saved)
                return saved.error();
            if (!saved.value())
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("Evaluation %1 was submitted meanwhile; it is no "
                                                "longer a draft.")
                                     .arg(evaluationId));
            return std::optional<QJsonObject>(details);
        });
    if (!done)
        return done.error();
    return reread(evaluationId);
}

Result<EvaluationRow> EvaluationWorkflow::submit(const Principal &principal, qint64 evaluationId)
{
    auto target = load(principal, evaluationId, Permission::RecordingScore, kSubmit);
    if (!target)
        return target.error();
    if (auto own = requireOwnDraft(principal, target.value(), kSubmit); !own)
        return own.error();
    const EvaluationRow &evaluation = target->evaluation;
    if (!evaluation.score)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Evaluation %1 has no score yet; save one before "
                                        "submitting.")
                             .arg(evaluationId));
    const qint64 now = m_clock();
    EvaluationTransitions::Request request;
    request.to = EvaluationState::Submitted;
    request.kind = EvaluationEventKind::Submitted;
    request.deadlineAtMs = now + m_policy.answerWithinMs;
    request.action = kSubmit;
    request.details = evaluationDetails(evaluationId);
    request.details.insert(QStringLiteral("score"), *evaluation.score);
    if (auto done = EvaluationTransitions(m_db).apply(principal, evaluation, request, now); !done)
        return done.error();
    return reread(evaluationId);
}

Result<EvaluationRow> EvaluationWorkflow::acknowledge(const Principal &principal,
                                                      qint64 evaluationId)
{
    auto target = load(principal, evaluationId, Permission::EvaluationAcknowledge, kAcknowledge);
    if (!target)
        return target.error();
    if (auto own = requireOwnCall(principal, target.value(), kAcknowledge); !own)
        return own.error();
    if (auto state = requireState(principal, target.value(), EvaluationState::Submitted,
                                  kAcknowledge);
        !state)
        return state.error();
    EvaluationTransitions::Request request;
    request.to = EvaluationState::Acknowledged;
    request.kind = EvaluationEventKind::Acknowledged;
    request.action = kAcknowledge;
    request.details = evaluationDetails(evaluationId);
    if (auto done =
            EvaluationTransitions(m_db).apply(principal, target->evaluation, request, m_clock());
        !done)
        return done.error();
    return reread(evaluationId);
}

Result<EvaluationRow> EvaluationWorkflow::dispute(const Principal &principal, qint64 evaluationId,
                                                  const QString &reason)
{
    auto target = load(principal, evaluationId, Permission::EvaluationAcknowledge, kDispute);
    if (!target)
        return target.error();
    if (auto own = requireOwnCall(principal, target.value(), kDispute); !own)
        return own.error();
    if (auto state =
            requireState(principal, target.value(), EvaluationState::Submitted, kDispute);
        !state)
        return state.error();
    if (auto ok = qatext::checkText(reason, QStringLiteral("The reason of a dispute"),
                                    qatext::kReasonMax, true);
        !ok)
        return ok.error();
    const qint64 now = m_clock();
    EvaluationTransitions::Request request;
    request.to = EvaluationState::Disputed;
    request.kind = EvaluationEventKind::Disputed;
    request.notes = reason;
    request.deadlineAtMs = now + m_policy.resolveWithinMs;
    request.action = kDispute;
    request.details = evaluationDetails(evaluationId);
    if (auto done = EvaluationTransitions(m_db).apply(principal, target->evaluation, request, now);
        !done)
        return done.error();
    return reread(evaluationId);
}

Result<EvaluationRow> EvaluationWorkflow::resolve(const Principal &principal, qint64 evaluationId,
                                                  Outcome outcome, std::optional<double> newScore,
                                                  const QString &notes)
{
    auto target = load(principal, evaluationId, Permission::EvaluationResolve, kResolve);
    if (!target)
        return target.error();
    const EvaluationRow &evaluation = target->evaluation;
    if (evaluation.evaluator == principal.name)
        return AccessControl(m_db).deny(
            principal, kResolve, recordingTarget(target->recording.id),
            QStringLiteral("Permission denied: %1 scored evaluation %2 and may not decide the "
                           "dispute about it.")
                .arg(principal.name)
                .arg(evaluationId),
            QJsonObject{{QStringLiteral("evaluation"), evaluationId},
                        {QStringLiteral("reason"), QStringLiteral("own evaluation")}});
    if (auto state =
            requireState(principal, target.value(), EvaluationState::Disputed, kResolve);
        !state)
        return state.error();
    if (outcome == Outcome::Rescored) {
        if (!newScore)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("A re-score needs the new score."));
        if (auto ok = qatext::checkScore(*newScore); !ok)
            return ok.error();
    } else if (newScore) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An upheld evaluation keeps its score; re-score it to "
                                        "give a new one."));
    }
    if (auto ok = qatext::checkText(notes, QStringLiteral("The notes of a resolution"),
                                    qatext::kReasonMax, true);
        !ok)
        return ok.error();
    EvaluationTransitions::Request request;
    request.to = EvaluationState::Resolved;
    request.notes = notes;
    request.action = kResolve;
    request.details = evaluationDetails(evaluationId);
    if (outcome == Outcome::Rescored) {
        request.kind = EvaluationEventKind::Rescored;
        request.newScore = newScore;
        request.details.insert(QStringLiteral("outcome"), QStringLiteral("rescored"));
        request.details.insert(QStringLiteral("newScore"), *newScore);
        request.details.insert(QStringLiteral("oldScore"),
                               evaluation.score ? QJsonValue(*evaluation.score) : QJsonValue());
    } else {
        request.kind = EvaluationEventKind::Resolved;
        request.details.insert(QStringLiteral("outcome"), QStringLiteral("upheld"));
    }
    if (auto done = EvaluationTransitions(m_db).apply(principal, evaluation, request, m_clock());
        !done)
        return done.error();
    return reread(evaluationId);
}

} // namespace cv
