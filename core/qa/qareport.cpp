#include "qa/qareport.h"

#include <algorithm>

namespace cv {

std::optional<double> ReportGroup::average() const
{
    if (scored == 0)
        return std::nullopt;
    return scoreSum / scored;
}

std::optional<double> ReportGroup::disputeRate() const
{
    if (count == 0)
        return std::nullopt;
    return double(disputed) / count;
}

std::optional<double> ReportGroup::criticalFailRate() const
{
    if (answersRead == 0)
        return std::nullopt;
    return double(criticalFailed) / answersRead;
}

void ReportGroup::add(const ReportGroup &other)
{
    count += other.count;
    scored += other.scored;
    scoreSum += other.scoreSum;
    if (other.minScore)
        minScore = minScore ? std::min(*minScore, *other.minScore) : *other.minScore;
    if (other.maxScore)
        maxScore = maxScore ? std::max(*maxScore, *other.maxScore) : *other.maxScore;
    disputed += other.disputed;
    answersRead += other.answersRead;
    criticalFailed += other.criticalFailed;
}

std::optional<double> ReportQuestion::averageFraction() const
{
    if (answered == 0)
        return std::nullopt;
    return fractionSum / answered;
}

std::optional<double> ReportQuestion::failRate() const
{
    if (!(critical || fatal) || answered == 0)
        return std::nullopt;
    return double(failed) / answered;
}

std::optional<double> ReportTrendPoint::average() const
{
    if (scored == 0)
        return std::nullopt;
    return scoreSum / scored;
}

} // namespace cv
