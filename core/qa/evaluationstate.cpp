#include "qa/evaluationstate.h"

namespace cv {

namespace {

struct StateName
{
    EvaluationState state;
    const char *name;
};

constexpr StateName kStates[] = {
    {EvaluationState::Draft, "draft"},
    {EvaluationState::Submitted, "submitted"},
    {EvaluationState::Acknowledged, "acknowledged"},
    {EvaluationState::Disputed, "disputed"},
    {EvaluationState::Resolved, "resolved"},
};

struct KindName
{
    EvaluationEventKind kind;
    const char *name;
};

constexpr KindName kKinds[] = {
    {EvaluationEventKind::Submitted, "submitted"},
    {EvaluationEventKind::Acknowledged, "acknowledged"},
    {EvaluationEventKind::Disputed, "disputed"},
    {EvaluationEventKind::Resolved, "resolved"},
    {EvaluationEventKind::Rescored, "rescored"},
};

struct Step
{
    EvaluationState from;
    EvaluationState to;
};

constexpr Step kSteps[] = {
    {EvaluationState::Draft, EvaluationState::Submitted},
    {EvaluationState::Submitted, EvaluationState::Acknowledged},
    {EvaluationState::Submitted, EvaluationState::Disputed},
    {EvaluationState::Disputed, EvaluationState::Resolved},
};

} // namespace

QString evaluationStateName(EvaluationState state)
{
    for (const StateName &each : kStates) {
        if (each.state == state)
            return QString::fromLatin1(each.name);
    }
    return QString();
}

std::optional<EvaluationState> evaluationStateFromName(const QString &name)
{
    for (const StateName &each : kStates) {
        if (name == QLatin1String(each.name))
            return each.state;
    }
    return std::nullopt;
}

bool isAllowedTransition(EvaluationState from, EvaluationState to)
{
    for (const Step &step : kSteps) {
        if (step.from == from && step.to == to)
            return true;
    }
    return false;
}

QString evaluationEventKindName(EvaluationEventKind kind)
{
    for (const KindName &each : kKinds) {
        if (each.kind == kind)
            return QString::fromLatin1(each.name);
    }
    return QString();
}

std::optional<EvaluationEventKind> evaluationEventKindFromName(const QString &name)
{
    for (const KindName &each : kKinds) {
        if (name == QLatin1String(each.name))
            return each.kind;
    }
    return std::nullopt;
}

} // namespace cv
