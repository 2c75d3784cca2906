#include "qa/evaluationtext.h"

#include <QDateTime>
#include <QLocale>

namespace cv {

QString EvaluationText::state(EvaluationState state)
{
    switch (state) {
    case EvaluationState::Draft:
        return tr("draft");
    case EvaluationState::Submitted:
        return tr("submitted");
    case EvaluationState::Acknowledged:
        return tr("acknowledged");
    case EvaluationState::Disputed:
        return tr("disputed");
    case EvaluationState::Resolved:
        return tr("resolved");
    }
    return QString();
}

QString EvaluationText::score(std::optional<double> score)
{
    return score ? QLocale().toString(*score, 'f', 1) : QStringLiteral("—");
}

QString EvaluationText::time(std::optional<qint64> atMs)
{
    if (!atMs)
        return QStringLiteral("—");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*atMs), QLocale::ShortFormat);
}

QString EvaluationText::deadline(std::optional<qint64> deadlineAtMs, qint64 nowMs)
{
    if (!deadlineAtMs)
        return QStringLiteral("—");
    if (*deadlineAtMs < nowMs)
        return tr("%1 (overdue)").arg(time(deadlineAtMs));
    return time(deadlineAtMs);
}

QString EvaluationText::event(const EvaluationEventRow &event)
{
    const QString when = time(event.atMs);
    switch (event.kind) {
    case EvaluationEventKind::Submitted:
        return tr("%1 — %2 submitted it (score %3)").arg(when, event.actor, score(event.newScore));
    case EvaluationEventKind::Acknowledged:
        return tr("%1 — %2 acknowledged it").arg(when, event.actor);
    case EvaluationEventKind::Disputed:
        return tr("%1 — %2 disputed it: %3").arg(when, event.actor, event.notes);
    case EvaluationEventKind::Resolved:
        return tr("%1 — %2 upheld the score: %3").arg(when, event.actor, event.notes);
    case EvaluationEventKind::Rescored:
        return tr("%1 — %2 re-scored it from %3 to %4: %5")
            .arg(when, event.actor, score(event.oldScore), score(event.newScore), event.notes);
    }
    return when;
}

} // namespace cv
