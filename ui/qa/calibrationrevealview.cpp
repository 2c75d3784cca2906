#include "calibrationrevealview.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cv {

namespace {

enum QuestionColumn { kQuestion, kAnswers, kAgreement, kKappa, kQuestionColumns };

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

CalibrationRevealView::CalibrationRevealView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_questions(new QTableWidget(0, kQuestionColumns, this)),
      m_totals(new QTableWidget(this))
{
    setObjectName(QStringLiteral("calibrationReveal"));
    m_summary->setObjectName(QStringLiteral("calibrationSummary"));
    m_summary->setWordWrap(true);
    m_questions->setObjectName(QStringLiteral("calibrationQuestions"));
    m_totals->setObjectName(QStringLiteral("calibrationTotals"));
    m_questions->setHorizontalHeaderLabels({tr("Question"), tr("Answers per call"), tr("Agreement"), tr("κ")});
    m_questions->horizontalHeader()->setSectionResizeMode(kAnswers, QHeaderView::Stretch);
    for (QTableWidget *table : {m_questions, m_totals}) {
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->verticalHeader()->hide();
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_questions, 2);
    layout->addWidget(new QLabel(tr("Total scores per call"), this));
    layout->addWidget(m_totals, 1);
}

QString CalibrationRevealView::bandText(double kappa)
{
    if (kappa < 0)
        return tr("poor");
    if (kappa <= 0.20)
        return tr("slight");
    if (kappa <= 0.40)
        return tr("fair");
    if (kappa <= 0.60)
        return tr("moderate");
    if (kappa <= 0.80)
        return tr("substantial");
    return tr("almost perfect");
}

void CalibrationRevealView::setReveal(const CalibrationReveal &reveal, const QStringList &calls,
                                 const QStringList &evaluators)
{
    QStringList summary;
    if (reveal.overall && reveal.overall->kappa)
        summary << tr("Overall agreement: Fleiss' κ = %1 (%2) over %n rated item(s) (a question on a call).", nullptr, reveal.overall->subjects)
                       .arg(number(*reveal.overall->kappa, 2), bandText(*reveal.overall->kappa));
    else
        summary << tr("Overall agreement: κ is undefined (every answer was the same).");
    if (reveal.icc && reveal.icc->icc21)
        summary << tr("Total scores: ICC(2,1) = %1 over %n call(s).", nullptr, int(calls.size()))
                       .arg(number(*reveal.icc->icc21, 2));
    else
        summary << tr("Total scores: no ICC (it needs two calls or more, and scores that vary); compare the spread below.");
    int disputed = 0;
    for (const QuestionAgreement &q : reveal.questions)
        disputed += q.disputed ? 1 : 0;
    summary << tr("%n question(s) to discuss (highlighted).", nullptr, disputed);
    m_summary->setText(summary.join(QLatin1Char('\n')));

    // Disputed questions first, the rest in form order.
    QVector<const QuestionAgreement *> ordered;
    for (const QuestionAgreement &q : reveal.questions)
        if (q.disputed)
            ordered.append(&q);
    for (const QuestionAgreement &q : reveal.questions)
        if (!q.disputed)
            ordered.append(&q);
    m_questions->setRowCount(int(ordered.size()));
    for (int row = 0; row < ordered.size(); ++row) {
        const QuestionAgreement &q = *ordered[row];
        QStringList perCall;
        for (int c = 0; c < q.answers.size() && c < calls.size(); ++c)
            perCall << QStringLiteral("%1: %2").arg(calls[c], q.answers[c].join(QStringLiteral(" / ")));
        const QStringList cells{q.text, perCall.join(QStringLiteral("; ")), number(q.agreement * 100, 0) + u'%',
                                q.kappa ? number(*q.kappa, 2) : QStringLiteral("—")};
        for (int column = 0; column < kQuestionColumns; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, q.questionId);
            if (q.disputed) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(palette().color(QPalette::Highlight).lighter(170));
                item->setToolTip(tr("Evaluators disagree on this question"));
            }
            m_questions->setItem(row, column, item);
        }
    }
    m_questions->resizeColumnToContents(kQuestion);

    QStringList headers{tr("Call")};
    headers << evaluators << tr("Spread");
    m_totals->setColumnCount(int(headers.size()));
    m_totals->setHorizontalHeaderLabels(headers);
    m_totals->setRowCount(int(reveal.totals.size()));
    for (int c = 0; c < reveal.totals.size(); ++c) {
        m_totals->setItem(c, 0, new QTableWidgetItem(c < calls.size() ? calls[c] : QString()));
        for (int e = 0; e < reveal.totals[c].size(); ++e)
            m_totals->setItem(c, e + 1, new QTableWidgetItem(number(reveal.totals[c][e], 1)));
        m_totals->setItem(c, int(headers.size()) - 1, new QTableWidgetItem(number(reveal.spread.value(c), 1)));
    }
}

} // namespace cv
