#pragma once

#include "auth/principal.h"
#include "common/catalogthread.h"
#include "qa/qareport.h"

#include <QWidget>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace cv {

class Database;
class ReportFilterBar;

// The QA reports of the workstation (docs/qa-reports.md; docs/user-guide-callvault.md, "QA
// reports"): a filter bar, Run (the query runs on a catalog thread; a busy bar and Cancel
// while it does), the overall figures, and tabs: the trend chart (average score per week or
// month), the agents (chart and table: evaluations, average, lowest, highest, dispute rate,
// critical fails), the teams (chart and table), the questions (critical and fatal questions'
// failures in words, highlighted). Export CSV… and Export PDF… write the shown report after
// the export is audited (QaReportQuery::recordExport).
//
// Who may see what is core's business (QaReportQuery): a person without the permissions
// gets the refusal in the status line.
class QaReportView final : public QWidget
{
    Q_OBJECT

public:
    QaReportView(Database &db, const Principal &principal, QWidget *parent = nullptr);
    ~QaReportView() override;

    // Named in the PDF; the view reads it from the catalog unless it is set.
    void setSiteName(const QString &name);
    // Where days, weeks and months begin (the system's zone by default).
    void setTimeZone(const QTimeZone &zone);
    void setFilter(const ReportFilter &filter);
    ReportFilter filter() const;

    bool isBusy() const { return m_busy; }
    const std::optional<QaReport> &report() const { return m_report; }

    // Write the shown report; false with a message for the person in `error` when there is
    // no report, the export is refused (audited) or the file cannot be written.
    bool exportCsv(const QString &path, QString *error = nullptr);
    bool exportPdf(const QString &path, QString *error = nullptr);

public slots:
    void run();
    void cancel();

signals:
    void reportReady();
    void reportFailed(const QString &message);

private:
    void loadChoices();
    void setBusy(bool busy);
    void showReport(const QaReport &report);
    void fillAgents(const QaReport &report);
    void fillTeams(const QaReport &report);
    void fillQuestions(const QaReport &report);
    bool audited(int format, QString *error);
    bool fail(const QString &message, QString *error);
    void chooseCsv();
    void choosePdf();

    Database &m_db;
    Principal m_principal;
    QString m_siteName;
    ReportFilterBar *m_filterBar;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_exportCsv;
    QPushButton *m_exportPdf;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QChartView *m_trendChart;
    QChartView *m_agentChart;
    QChartView *m_teamChart;
    QTableWidget *m_agents;
    QTableWidget *m_teams;
    QTableWidget *m_questions;
    std::optional<QaReport> m_report;
    QStringList m_reportFilterLines; // the filter in words, as it was when the report ran
    bool m_mayRun = false;           // the role's permissions at log-in (core decides anyway)
    bool m_busy = false;
    quint64 m_generation = 0; // answers of a cancelled or older run are dropped
    CatalogThread m_thread;   // last: it finishes its job before the members above go
};

} // namespace cv
