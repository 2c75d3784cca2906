#include "agreement.h"

#include <algorithm>
#include <cmath>

namespace cv {

namespace {

// Counts and ratings come from calibration sessions of a handful of evaluators over a few
// calls; these caps only keep hostile input from overflowing the arithmetic.
constexpr int kMaxCount = 1000000;
constexpr int kMaxDimension = 100000;

Error invalid(const QString &what)
{
    return makeError(ErrorCode::InvalidArgument, what);
}

} // namespace

Result<FleissKappa> Agreement::fleissKappa(const QVector<QVector<int>> &counts)
{
    if (counts.isEmpty())
        return invalid(QStringLiteral("Fleiss' kappa needs at least one rated subject."));
    if (counts.size() > kMaxDimension || counts.first().size() > kMaxDimension)
        return invalid(QStringLiteral("Fleiss' kappa: too many subjects or categories."));
    const int k = int(counts.first().size());
    if (k < 1)
        return invalid(QStringLiteral("Fleiss' kappa needs at least one category."));
    qint64 n = -1;
    for (int i = 0; i < counts.size(); ++i) {
        const QVector<int> &row = counts.at(i);
        if (row.size() != k)
            return invalid(QStringLiteral("Fleiss' kappa: subject %1 has %2 categories, the "
                                          "first subject has %3.")
                               .arg(i + 1)
                               .arg(row.size())
                               .arg(k));
        qint64 sum = 0;
        for (int c : row) {
            if (c < 0 || c > kMaxCount)
                return invalid(QStringLiteral("Fleiss' kappa: subject %1 has a count outside "
                                              "0..%2.")
                                   .arg(i + 1)
                                   .arg(kMaxCount));
            sum += c;
        }
        if (n < 0)
            n = sum;
        else if (sum != n)
            return invalid(QStringLiteral("Fleiss' kappa needs the same number of raters for "
                                          "every subject: subject %1 has %2, subject 1 has %3.")
                               .arg(i + 1)
                               .arg(sum)
                               .arg(n));
    }
    if (n < 2)
        return invalid(QStringLiteral("Fleiss' kappa needs at least 2 raters per subject."));

    FleissKappa r;
    r.subjects = int(counts.size());
    r.raters = int(n);
    r.categories = k;
    const double N = double(r.subjects);
    const double dn = double(n);

    QVector<qint64> columnSums(k, 0);
    double sumP = 0;
    for (const QVector<int> &row : counts) {
        double squares = 0;
        for (int j = 0; j < k; ++j) {
            squares += double(row.at(j)) * double(row.at(j));
            columnSums[j] += row.at(j);
        }
        const double p = (squares - dn) / (dn * (dn - 1));
        r.perSubjectAgreement.append(p);
        sumP += p;
    }
    r.meanAgreement = sumP / N;

    const qint64 totalRatings = qint64(r.subjects) * n;
    bool oneCategoryOnly = false;
    for (int j = 0; j < k; ++j) {
        const double pj = double(columnSums.at(j)) / double(totalRatings);
        r.categoryProportion.append(pj);
        r.chanceAgreement += pj * pj;
        if (columnSums.at(j) == totalRatings)
            oneCategoryOnly = true;
        if (columnSums.at(j) == 0 || columnSums.at(j) == totalRatings) {
            r.perCategoryKappa.append(std::nullopt);
            continue;
        }
        double disagreement = 0;
        for (const QVector<int> &row : counts)
            disagreement += double(row.at(j)) * (dn - double(row.at(j)));
        r.perCategoryKappa.append(1.0 - disagreement / (N * dn * (dn - 1) * pj * (1 - pj)));
    }
    if (!oneCategoryOnly)
        r.kappa = (r.meanAgreement - r.chanceAgreement) / (1.0 - r.chanceAgreement);
    return r;
}

CategoryCounts Agreement::countCategories(const QVector<QStringList> &labels)
{
    CategoryCounts out;
    for (const QStringList &subject : labels)
        for (const QString &label : subject)
            if (!out.categories.contains(label))
                out.categories.append(label);
    out.categories.sort();
    for (const QStringList &subject : labels) {
        QVector<int> row(out.categories.size(), 0);
        for (const QString &label : subject)
            ++row[out.categories.indexOf(label)];
        out.counts.append(row);
    }
    return out;
}

Result<IntraclassCorrelation> Agreement::icc(const QVector<QVector<double>> &ratings)
{
    if (ratings.size() < 2)
        return invalid(QStringLiteral("An intraclass correlation needs at least 2 rated "
                                      "subjects (calls)."));
    if (ratings.size() > kMaxDimension || ratings.first().size() > kMaxDimension)
        return invalid(QStringLiteral("Intraclass correlation: too many subjects or raters."));
    const int k = int(ratings.first().size());
    if (k < 2)
        return invalid(QStringLiteral("An intraclass correlation needs at least 2 raters."));
    for (int i = 0; i < ratings.size(); ++i) {
        if (ratings.at(i).size() != k)
            return invalid(QStringLiteral("Intraclass correlation: subject %1 has %2 ratings, "
                                          "subject 1 has %3; every rater must rate every "
                                          "subject.")
                               .arg(i + 1)
                               .arg(ratings.at(i).size())
                               .arg(k));
        for (double v : ratings.at(i))
            if (!std::isfinite(v))
                return invalid(QStringLiteral("Intraclass correlation: subject %1 has a rating "
                                              "that is not a number.")
                                   .arg(i + 1));
    }

    IntraclassCorrelation r;
    r.subjects = int(ratings.size());
    r.raters = k;
    const double n = double(r.subjects);
    const double dk = double(k);

    double grand = 0;
    QVector<double> rowMeans;
    QVector<double> columnMeans(k, 0.0);
    for (const QVector<double> &row : ratings) {
        double sum = 0;
        for (int j = 0; j < k; ++j) {
            sum += row.at(j);
            columnMeans[j] += row.at(j);
        }
        rowMeans.append(sum / dk);
        grand += sum;
        const auto [lo, hi] = std::minmax_element(row.cbegin(), row.cend());
        r.perSubjectRange.append(*hi - *lo);
    }
    grand /= n * dk;
    for (double &m : columnMeans)
        m /= n;

    double total = 0;
    for (const QVector<double> &row : ratings)
        for (double v : row)
            total += (v - grand) * (v - grand);
    double between = 0;
    for (double m : rowMeans)
        between += (m - grand) * (m - grand);
    between *= dk;
    double raters = 0;
    for (double m : columnMeans)
        raters += (m - grand) * (m - grand);
    raters *= n;
    const double within = std::max(0.0, total - between);
    const double residual = std::max(0.0, total - between - raters);

    r.bms = between / (n - 1);
    r.wms = within / (n * (dk - 1));
    r.jms = raters / (dk - 1);
    r.ems = residual / ((n - 1) * (dk - 1));

    // "Zero within rounding", relative to the size of the ratings.
    const double tiny = 1e-12 * std::max(1.0, grand * grand);
    const auto ratio = [tiny](double num, double den) -> std::optional<double> {
        if (std::fabs(den) <= tiny)
            return std::nullopt;
        return num / den;
    };
    r.icc11 = ratio(r.bms - r.wms, r.bms + (dk - 1) * r.wms);
    r.icc21 = ratio(r.bms - r.ems, r.bms + (dk - 1) * r.ems + dk * (r.jms - r.ems) / n);
    r.icc31 = ratio(r.bms - r.ems, r.bms + (dk - 1) * r.ems);
    return r;
}

} // namespace cv
