#include "qareportview.h"

#include "auth/teamrepository.h"
#include "catalog/agentrepository.h"
#include "catalog/database.h"
#include "catalog/siterepository.h"
#include "qa/formlibrary.h"
#include "qa/qareportcsv.h"
#include "qa/qareportquery.h"
#include "qareportcharts.h"
#include "qareportpdf.h"
#include "reportfilterbar.h"
#include "reporttext.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cv {

namespace {

struct Choices
{
    QVector<ReportFilterBar::Choice> teams;
    QVector<ReportFilterBar::Choice> agents;
    QVector<ReportFilterBar::Choice> forms;
    QString siteName;
};

QTableWidget *table(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QChartView *chartView(QWidget *parent, const QString &name)
{
    auto *view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    return view;
}

} // namespace

QaReportView::QaReportView(Database &db, const Principal &principal, QWidget *parent)
    : QWidget(parent), m_db(db), m_principal(principal), m_filterBar(new ReportFilterBar(this)),
      m_run(new QPushButton(tr("Run"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_exportCsv(new QPushButton(tr("Export CSV…"), this)),
      m_exportPdf(new QPushButton(tr("Export PDF…"), this)), m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)), m_summary(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_trendChart(chartView(this, QStringLiteral("reportTrendChart"))),
      m_agentChart(chartView(this, QStringLiteral("reportAgentChart"))),
      m_teamChart(chartView(this, QStringLiteral("reportTeamChart"))),
      m_agents(table(this, QStringLiteral("reportAgents"),
                     {tr("Agent"), tr("Team"), tr("Evaluations"), tr("Average score"), tr("Lowest"),
                      tr("Highest"), tr("Dispute rate"), tr("Critical fail rate")})),
      m_teams(table(this, QStringLiteral("reportTeams"),
                    {tr("Team"), tr("Evaluations"), tr("Average score"), tr("Dispute rate"),
                     tr("Critical fail rate")})),
      m_questions(table(this, QStringLiteral("reportQuestions"),
                        {tr("Form"), tr("Question"), tr("Kind"), tr("Shown"), tr("Answered"), tr("N/A"),
                         tr("Average points"), tr("Critical failures")})),
      m_thread(this, QStringLiteral("qa-reports"))
{
    setObjectName(QStringLiteral("qaReportView"));
    m_run->setObjectName(QStringLiteral("reportRun"));
    m_cancel->setObjectName(QStringLiteral("reportCancel"));
    m_exportCsv->setObjectName(QStringLiteral("reportExportCsv"));
    m_exportPdf->setObjectName(QStringLiteral("reportExportPdf"));
    m_progress->setObjectName(QStringLiteral("reportProgress"));
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_tabs->setObjectName(QStringLiteral("reportTabs"));
    m_progress->setRange(0, 0); // busy: the query has no steps to count
    m_progress->setMaximumWidth(160);
    m_status->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *agents = new QWidget(this);
    auto *agentsLayout = new QVBoxLayout(agents);
    agentsLayout->addWidget(m_agentChart, 1);
    agentsLayout->addWidget(m_agents, 1);
    auto *teams = new QWidget(this);
    auto *teamsLayout = new QVBoxLayout(teams);
    teamsLayout->addWidget(m_teamChart, 1);
    teamsLayout->addWidget(m_teams, 1);
    m_tabs->addTab(m_trendChart, tr("Trend"));
    m_tabs->addTab(agents, tr("Agents"));
    m_tabs->addTab(teams, tr("Teams"));
    m_tabs->addTab(m_questions, tr("Questions"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportPdf);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBar);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);

    connect(m_run, &QPushButton::clicked, this, &QaReportView::run);
    connect(m_cancel, &QPushButton::clicked, this, &QaReportView::cancel);
    connect(m_exportCsv, &QPushButton::clicked, this, &QaReportView::chooseCsv);
    connect(m_exportPdf, &QPushButton::clicked, this, &QaReportView::choosePdf);
    m_mayRun = principal.has(Permission::EvaluationResolve) || principal.has(Permission::RecordingScore);
    if (!m_mayRun) // shown, not hidden; a run still goes to core, which refuses and audits it
        m_status->setText(tr("Your role (%1) may not run QA reports.").arg(principal.role));
    setBusy(false);
    if (m_mayRun) // reading the forms would be refused (and audited) for other roles
        loadChoices();
}

QaReportView::~QaReportView() = default;

void QaReportView::loadChoices()
{
    Database *db = &m_db;
    const Principal principal = m_principal;
    m_thread.run<Choices>(
        [db, principal]() -> Result<Choices> {
            Choices c;
            // Only the teams and agents the person's reports can reach (core enforces the
            // scope anyway; this keeps the lists short and relevant).
            const auto reachable = [&](const QString &team, const QString &agent) {
                switch (principal.scope) {
                case RoleScope::All:
                    return true;
                case RoleScope::Teams:
                    return principal.teams.contains(team);
                case RoleScope::Own:
                    return !agent.isEmpty() && agent == principal.agentId;
                }
                return false;
            };
            if (auto teams = TeamRepository(*db).list())
                for (const TeamRow &t : teams.value())
                    if (reachable(t.id, QString()) || principal.scope == RoleScope::Own)
                        c.teams.append({t.id, t.name});
            if (auto agents = AgentRepository(*db).list())
                for (const AgentRow &a : agents.value())
                    if (reachable(a.team, a.agentId))
                        c.agents.append({a.agentId, a.name});
            if (auto forms = FormLibrary(*db).list(principal))
                for (const FormRow &f : forms.value())
                    c.forms.append({f.formId, f.title});
            if (auto site = SiteRepository(*db).get(); site && site.value())
                c.siteName = site.value()->name;
            return c;
        },
        [this](Result<Choices> choices) {
            if (!choices)
                return;
            m_filterBar->setChoices(choices->teams, choices->agents, choices->forms);
            if (m_siteName.isEmpty())
                m_siteName = choices->siteName;
        });
}

void QaReportView::setSiteName(const QString &name)
{
    m_siteName = name;
}

void QaReportView::setTimeZone(const QTimeZone &zone)
{
    m_filterBar->setTimeZone(zone);
}

void QaReportView::setFilter(const ReportFilter &filter)
{
    m_filterBar->setFilter(filter);
}

ReportFilter QaReportView::filter() const
{
    return m_filterBar->filter();
}

void QaReportView::setBusy(bool busy)
{
    m_busy = busy;
    m_run->setEnabled(!busy && m_mayRun);
    m_filterBar->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_progress->setVisible(busy);
    m_exportCsv->setEnabled(!busy && m_report.has_value());
    m_exportPdf->setEnabled(!busy && m_report.has_value());
}

void QaReportView::run()
{
    const ReportFilter filter = m_filterBar->filter();
    const QStringList filterLines = ReportText::filterLines(
        filter, m_filterBar->teamName(), m_filterBar->agentName(), m_filterBar->formName());
    const quint64 generation = ++m_generation;
    Database *db = &m_db;
    const Principal principal = m_principal;
    m_status->setText(tr("Running the report…"));
    setBusy(true);
    m_thread.run<QaReport>(
        [db, principal, filter]() { return QaReportQuery(*db).run(principal, filter); },
        [this, generation, filterLines](Result<QaReport> report) {
            if (generation != m_generation)
                return; // cancelled, or another run was started since
            if (!report) {
                m_status->setText(report.errorMessage());
                setBusy(false);
                emit reportFailed(report.errorMessage());
                return;
            }
            m_report = report.takeValue();
            m_reportFilterLines = filterLines;
            showReport(*m_report);
            m_status->setText(tr("Report of %n evaluation(s).", nullptr, m_report->overall.count));
            setBusy(false);
            emit reportReady();
        });
}

void QaReportView::cancel()
{
    ++m_generation; // the running query finishes on its thread; its answer is dropped
    m_status->setText(tr("Cancelled."));
    setBusy(false);
}

void QaReportView::showReport(const QaReport &report)
{
    QStringList summary = m_reportFilterLines;
    summary << ReportText::overall(report.overall);
    if (report.unreadAnswers > 0)
        summary << tr("%n evaluation(s) left out of the question figures: their answers could not be read.",
                      nullptr, report.unreadAnswers);
    m_summary->setText(summary.join(QLatin1Char('\n')));
    // A QChartView owns its chart and deletes the previous one when given a new one.
    m_trendChart->setChart(QaReportCharts::trend(report).release());
    m_agentChart->setChart(QaReportCharts::averages(report.agents, tr("Average score per agent")).release());
    m_teamChart->setChart(QaReportCharts::averages(report.teams, tr("Average score per team")).release());
    fillAgents(report);
    fillTeams(report);
    fillQuestions(report);
}

void QaReportView::fillAgents(const QaReport &report)
{
    m_agents->setRowCount(0);
    m_agents->setRowCount(int(report.agents.size()));
    for (int row = 0; row < report.agents.size(); ++row) {
        const ReportGroup &a = report.agents.at(row);
        m_agents->setItem(row, 0, cell(a.name));
        m_agents->item(row, 0)->setToolTip(a.id);
        m_agents->setItem(row, 1, cell(a.teamName));
        m_agents->setItem(row, 2, cell(QLocale().toString(a.count), true));
        m_agents->setItem(row, 3, cell(ReportText::score(a.average()), true));
        m_agents->setItem(row, 4, cell(ReportText::score(a.minScore), true));
        m_agents->setItem(row, 5, cell(ReportText::score(a.maxScore), true));
        m_agents->setItem(row, 6, cell(ReportText::percent(a.disputeRate()), true));
        m_agents->setItem(row, 7, cell(ReportText::percent(a.criticalFailRate()), true));
    }
}

void QaReportView::fillTeams(const QaReport &report)
{
    m_teams->setRowCount(0);
    m_teams->setRowCount(int(report.teams.size()));
    for (int row = 0; row < report.teams.size(); ++row) {
        const ReportGroup &t = report.teams.at(row);
        m_teams->setItem(row, 0, cell(t.name));
        m_teams->setItem(row, 1, cell(QLocale().toString(t.count), true));
        m_teams->setItem(row, 2, cell(ReportText::score(t.average()), true));
        m_teams->setItem(row, 3, cell(ReportText::percent(t.disputeRate()), true));
        m_teams->setItem(row, 4, cell(ReportText::percent(t.criticalFailRate()), true));
    }
}

void QaReportView::fillQuestions(const QaReport &report)
{
    m_questions->setRowCount(0);
    m_questions->setRowCount(int(report.questions.size()));
    for (int row = 0; row < report.questions.size(); ++row) {
        const ReportQuestion &q = report.questions.at(row);
        m_questions->setItem(row, 0, cell(tr("%1 v%2").arg(q.formId).arg(q.formVersion)));
        m_questions->setItem(row, 1, cell(q.text));
        m_questions->setItem(row, 2, cell(ReportText::kind(q)));
        m_questions->setItem(row, 3, cell(QLocale().toString(q.shown), true));
        m_questions->setItem(row, 4, cell(QLocale().toString(q.answered), true));
        m_questions->setItem(row, 5, cell(QLocale().toString(q.notApplicable), true));
        m_questions->setItem(row, 6, cell(ReportText::percent(q.averageFraction()), true));
        auto *failures = cell(ReportText::failText(q));
        if (q.failed > 0) { // highlighted: bold and red, and said in words
            QFont bold = failures->font();
            bold.setBold(true);
            failures->setFont(bold);
            failures->setForeground(QColor(180, 0, 0));
        }
        m_questions->setItem(row, 7, failures);
    }
}

bool QaReportView::fail(const QString &message, QString *error)
{
    if (error)
        *error = message;
    m_status->setText(message);
    return false;
}

bool QaReportView::audited(int format, QString *error)
{
    if (!m_report)
        return fail(tr("Run a report first."), error);
    // Exports of personal data are audited before the file is written (one row, on this
    // thread: the export itself needs the GUI thread for the charts).
    auto recorded = QaReportQuery(m_db).recordExport(m_principal, *m_report,
                                                     QaReportQuery::ExportFormat(format));
    if (!recorded)
        return fail(recorded.errorMessage(), error);
    return true;
}

bool QaReportView::exportCsv(const QString &path, QString *error)
{
    if (!audited(int(QaReportQuery::ExportFormat::Csv), error))
        return false;
    QSaveFile file(path);
    const QByteArray csv = QaReportCsv::toCsv(*m_report, ReportText::csvLabels());
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()), error);
    m_status->setText(tr("Saved %1.").arg(path));
    return true;
}

bool QaReportView::exportPdf(const QString &path, QString *error)
{
    if (!audited(int(QaReportQuery::ExportFormat::Pdf), error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()), error);
    QaReportPdf::Context context;
    context.siteName = m_siteName;
    context.userName = m_principal.name;
    context.generatedAt = QDateTime::currentDateTime();
    context.filterLines = m_reportFilterLines;
    if (auto written = QaReportPdf::write(file, *m_report, context); !written)
        return fail(written.errorMessage(), error);
    if (!file.commit())
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()), error);
    m_status->setText(tr("Saved %1.").arg(path));
    return true;
}

void QaReportView::chooseCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the report as CSV"),
                                                      tr("qa-report.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void QaReportView::choosePdf()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the report as PDF"),
                                                      tr("qa-report.pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

} // namespace cv
