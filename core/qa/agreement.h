#pragma once

#include "common/result.h"

#include <QStringList>
#include <QVector>
#include <optional>

namespace cv {

// Fleiss' kappa: agreement of a fixed number of raters sorting subjects into categories.
struct FleissKappa
{
    int subjects = 0;   // N
    int raters = 0;     // n, the same for every subject
    int categories = 0; // k
    // κ = (P̄ − P̄e) / (1 − P̄e). Empty when P̄e = 1: every rating of every subject fell into
    // one category, so chance agreement is perfect and κ is undefined (0/0); P̄ is then 1.
    std::optional<double> kappa;
    double meanAgreement = 0;   // P̄: mean of perSubjectAgreement
    double chanceAgreement = 0; // P̄e = Σ p_j²
    // P_i: the share of rater pairs that agree on subject i (1 = all agree). The calibration
    // reveal highlights the subjects (questions) where it is low.
    QVector<double> perSubjectAgreement;
    QVector<double> categoryProportion; // p_j: share of all ratings in category j
    // κ_j = 1 − Σ_i n_ij (n − n_ij) / (N n (n − 1) p_j (1 − p_j)); empty when p_j is 0 or 1.
    QVector<std::optional<double>> perCategoryKappa;
};

// Intraclass correlations of a subjects × raters matrix (Shrout & Fleiss 1979), with the
// two-way ANOVA mean squares they come from.
struct IntraclassCorrelation
{
    int subjects = 0; // n (targets)
    int raters = 0;   // k (judges)
    double bms = 0;   // between-subjects mean square
    double wms = 0;   // within-subjects mean square (one-way)
    double jms = 0;   // between-raters mean square
    double ems = 0;   // residual mean square (two-way)
    // Each is empty when its denominator is 0 (within rounding). In practice that means every
    // rating is identical (nothing varies, so there is nothing to correlate) and the
    // calibration reveal says "all scores identical" instead of a coefficient; ICC(2,1) also
    // has no value for 2 subjects × 2 raters whose subject and rater means are all equal.
    // A coefficient may be negative (raters agree less than chance would have them).
    std::optional<double> icc11; // ICC(1,1): one-way random, single rater
    std::optional<double> icc21; // ICC(2,1): two-way random, absolute agreement, single rater
    std::optional<double> icc31; // ICC(3,1): two-way mixed, consistency, single rater
    // Spread of each subject's ratings (highest minus lowest), for the reveal's table.
    QVector<double> perSubjectRange;
};

// A subjects × categories count matrix built from the raters' labels.
struct CategoryCounts
{
    QStringList categories;       // every label used, sorted
    QVector<QVector<int>> counts; // counts[i][j]: raters who gave subject i categories[j]
};

// Agreement statistics for calibration sessions, where several evaluators score the same
// calls: Fleiss' kappa over categorical answers, ICC over total scores.
class Agreement final
{
public:
    // counts[i][j]: how many raters put subject i into category j. Every row must have the
    // same sum n >= 2; at least one subject and one category; no negative counts.
    // InvalidArgument otherwise.
    static Result<FleissKappa> fleissKappa(const QVector<QVector<int>> &counts);
    // labels[i]: the label each rater gave subject i, e.g. the answer tokens of one question
    // of one call ("yes", "no", "3", a choice id, "na" for N/A). Feeds fleissKappa.
    static CategoryCounts countCategories(const QVector<QStringList> &labels);

    // ratings[i][j]: rater j's score of subject i. At least 2 subjects and 2 raters, every
    // row the same length (no missing ratings), finite values. InvalidArgument otherwise.
    static Result<IntraclassCorrelation> icc(const QVector<QVector<double>> &ratings);
};

} // namespace cv
