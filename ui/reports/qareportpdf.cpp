#include "qareportpdf.h"

#include "qareportcharts.h"
#include "reporttext.h"

#include <QChart>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace cv {

namespace {

constexpr int kDpi = 300;
constexpr double kUnit = kDpi / 96.0; // the painter draws in 1/96 inch ("pixels")
constexpr double kGap = 8;
constexpr double kPad = 3;

QFont pixelFont(int pixels, bool bold = false)
{
    QFont font;
    font.setFamilies(QaReportPdf::fontFamilies());
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

struct Column
{
    QString title;
    double share; // of the page width
    Qt::Alignment align;
};

struct Row
{
    QStringList cells;
    bool highlight = false;
};

// Where the next thing goes on the current page, and page breaks.
class PageCursor
{
public:
    PageCursor(QPdfWriter &writer, QPainter &painter) : m_writer(writer), m_painter(painter)
    {
        const QRect paint = writer.pageLayout().paintRectPixels(kDpi);
        m_width = paint.width() / kUnit;
        m_height = paint.height() / kUnit;
        m_painter.scale(kUnit, kUnit);
    }

    double width() const { return m_width; }
    double y() const { return m_y; }
    void advance(double h) { m_y += h; }
    bool need(double h)
    {
        if (m_y > 0 && m_y + h > m_height) {
            m_writer.newPage();
            m_y = 0;
            return true;
        }
        return false;
    }

    void paragraph(const QString &text, const QFont &font, double gapAfter = kGap / 2)
    {
        m_painter.setFont(font);
        const QRectF box = m_painter.boundingRect(QRectF(0, 0, m_width, 10000),
                                                  Qt::TextWordWrap | Qt::AlignLeft, text);
        need(box.height());
        m_painter.drawText(QRectF(0, m_y, m_width, box.height()), Qt::TextWordWrap | Qt::AlignLeft, text);
        m_y += box.height() + gapAfter;
    }

    void chart(std::unique_ptr<QChart> chart, double height)
    {
        need(height);
        QGraphicsScene scene;
        QChart *item = chart.release();
        scene.addItem(item); // the scene owns and deletes it
        QaReportCharts::usePixelFonts(*item, 11, QaReportPdf::fontFamilies());
        item->setAnimationOptions(QChart::NoAnimation);
        item->setGeometry(QRectF(0, 0, m_width, height));
        if (item->layout())
            item->layout()->activate();
        // The chart lays itself out on posted layout requests; deliver only those (not
        // queued calls, which could re-enter the view while it writes the PDF).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        scene.setSceneRect(0, 0, m_width, height);
        scene.render(&m_painter, QRectF(0, m_y, m_width, height), QRectF(0, 0, m_width, height));
        m_y += height + kGap;
    }

    void table(const QVector<Column> &columns, const QVector<Row> &rows)
    {
        const QFont header = pixelFont(11, true);
        const QFont body = pixelFont(11);
        const QFont strong = pixelFont(11, true);
        drawRow(columns, headerRow(columns), header, true);
        for (const Row &row : rows) {
            const double h = rowHeight(columns, row.cells, row.highlight ? strong : body);
            if (need(h))
                drawRow(columns, headerRow(columns), header, true);
            drawRow(columns, row.cells, row.highlight ? strong : body, false);
        }
        m_y += kGap;
    }

private:
    static QStringList headerRow(const QVector<Column> &columns)
    {
        QStringList titles;
        for (const Column &c : columns)
            titles << c.title;
        return titles;
    }

    double rowHeight(const QVector<Column> &columns, const QStringList &cells, const QFont &font)
    {
        m_painter.setFont(font);
        double h = 0;
        for (int i = 0; i < columns.size(); ++i) {
            const double w = columns.at(i).share * m_width - 2 * kPad;
            h = std::max(h, m_painter.boundingRect(QRectF(0, 0, w, 10000), Qt::TextWordWrap,
                                                   cells.value(i)).height());
        }
        return h + 2 * kPad;
    }

    void drawRow(const QVector<Column> &columns, const QStringList &cells, const QFont &font, bool header)
    {
        const double h = rowHeight(columns, cells, font);
        need(h);
        if (header)
            m_painter.fillRect(QRectF(0, m_y, m_width, h), QColor(230, 233, 240));
        m_painter.setPen(QColor(200, 200, 200));
        m_painter.drawLine(QPointF(0, m_y + h), QPointF(m_width, m_y + h));
        m_painter.setPen(Qt::black);
        m_painter.setFont(font);
        double x = 0;
        for (int i = 0; i < columns.size(); ++i) {
            const double w = columns.at(i).share * m_width;
            m_painter.drawText(QRectF(x + kPad, m_y + kPad, w - 2 * kPad, h - 2 * kPad),
                               int(columns.at(i).align | Qt::AlignVCenter) | Qt::TextWordWrap,
                               cells.value(i));
            x += w;
        }
        m_y += h;
    }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    double m_width = 0;
    double m_height = 0;
    double m_y = 0;
};

} // namespace

QStringList QaReportPdf::fontFamilies()
{
    // Latin letters and digits from a Latin font: with Noto Sans CJK alone some digits came
    // out of pdftotext missing (glyph variants without a way back to their character).
    return {QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC"),
            QStringLiteral("WenQuanYi Micro Hei")};
}

Result<void> QaReportPdf::write(QIODevice &device, const QaReport &report, const Context &context)
{
    QPdfWriter writer(&device);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    writer.setTitle(tr("QA report"));
    writer.setCreator(QStringLiteral("CallVault"));
    QPainter painter;
    if (!painter.begin(&writer))
        return makeError(ErrorCode::Io, tr("Could not start the PDF: the file cannot be written."));
    PageCursor page(writer, painter);
    const Qt::Alignment left = Qt::AlignLeft;
    const Qt::Alignment right = Qt::AlignRight;

    page.paragraph(tr("QA report"), pixelFont(22, true), kGap);
    for (const QString &line : context.filterLines)
        page.paragraph(line, pixelFont(12), 2);
    page.paragraph(tr("Site: %1 · generated by %2 on %3")
                       .arg(context.siteName.isEmpty() ? QStringLiteral("–") : context.siteName,
                            context.userName,
                            QLocale().toString(context.generatedAt, QStringLiteral("yyyy-MM-dd HH:mm"))),
                   pixelFont(12), kGap);
    page.paragraph(ReportText::overall(report.overall), pixelFont(13, true), kGap);

    page.chart(QaReportCharts::trend(report), 260);
    page.chart(QaReportCharts::averages(report.agents, tr("Average score per agent")), 260);
    page.chart(QaReportCharts::averages(report.teams, tr("Average score per team")), 220);

    page.paragraph(tr("Agents"), pixelFont(15, true));
    QVector<Row> agents;
    for (const ReportGroup &a : report.agents)
        agents.append({{a.name, a.teamName, QLocale().toString(a.count), ReportText::score(a.average()),
                        ReportText::percent(a.disputeRate()), ReportText::percent(a.criticalFailRate())},
                       false});
    page.table({{tr("Agent"), 0.28, left},
                {tr("Team"), 0.20, left},
                {tr("Evaluations"), 0.12, right},
                {tr("Average score"), 0.14, right},
                {tr("Dispute rate"), 0.13, right},
                {tr("Critical fail rate"), 0.13, right}},
               agents);

    page.paragraph(tr("Teams"), pixelFont(15, true));
    QVector<Row> teams;
    for (const ReportGroup &t : report.teams)
        teams.append({{t.name, QLocale().toString(t.count), ReportText::score(t.average()),
                       ReportText::percent(t.disputeRate()), ReportText::percent(t.criticalFailRate())},
                      false});
    page.table({{tr("Team"), 0.36, left},
                {tr("Evaluations"), 0.16, right},
                {tr("Average score"), 0.16, right},
                {tr("Dispute rate"), 0.16, right},
                {tr("Critical fail rate"), 0.16, right}},
               teams);

    page.paragraph(tr("Questions"), pixelFont(15, true));
    QVector<Row> questions;
    for (const ReportQuestion &q : report.questions)
        questions.append({{tr("%1 v%2").arg(q.formId).arg(q.formVersion), q.text, ReportText::kind(q),
                           QLocale().toString(q.answered), QLocale().toString(q.notApplicable),
                           ReportText::percent(q.averageFraction()), ReportText::failText(q)},
                          q.failed > 0});
    page.table({{tr("Form"), 0.14, left},
                {tr("Question"), 0.30, left},
                {tr("Kind"), 0.09, left},
                {tr("Answered"), 0.10, right},
                {tr("N/A"), 0.07, right},
                {tr("Average points"), 0.12, right},
                {tr("Critical failures"), 0.18, left}},
               questions);
    if (report.unreadAnswers > 0)
        page.paragraph(tr("%n evaluation(s) left out of the question figures: their answers could not be read.",
                          nullptr, report.unreadAnswers),
                       pixelFont(11));
    if (!painter.end())
        return makeError(ErrorCode::Io, tr("Could not finish the PDF."));
    return {};
}

} // namespace cv
