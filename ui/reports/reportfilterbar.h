#pragma once

#include "qa/reportfilter.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QDateEdit;

namespace cv {

// The QA report's filter: a period preset (the last 4 weeks up to this week, the last
// calendar quarter, or custom dates, both days included), team, agent, form, and weeks or
// months for the trend. Days begin at midnight in timeZone() (the system's by default).
class ReportFilterBar final : public QWidget
{
    Q_OBJECT

public:
    enum class Preset : int
    {
        LastFourWeeks = 1,
        LastQuarter = 2,
        Custom = 3,
    };

    explicit ReportFilterBar(QWidget *parent = nullptr);

    struct Choice
    {
        QString id;
        QString name;
    };
    // The lists to pick from ("all" first); keeps the current pick where it still exists.
    void setChoices(const QVector<Choice> &teams, const QVector<Choice> &agents,
                    const QVector<Choice> &forms);

    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    // Today as the presets see it (tests fix it).
    void setToday(const QDate &today);

    ReportFilter filter() const;
    // Custom dates covering the filter's period, and its team, agent, form and grouping.
    void setFilter(const ReportFilter &filter);

    // The names shown for the filter's team / agent / form.
    QString teamName() const;
    QString agentName() const;
    QString formName() const;

private:
    void applyPreset();

    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_team;
    QComboBox *m_agent;
    QComboBox *m_form;
    QComboBox *m_grouping;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QDate m_today = QDate::currentDate();
};

} // namespace cv
