#include "reportfilterbar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>

namespace cv {

namespace {

void fill(QComboBox *box, const QString &all, const QVector<ReportFilterBar::Choice> &choices)
{
    const QString current = box->currentData().toString();
    box->clear();
    box->addItem(all, QString());
    for (const auto &c : choices)
        box->addItem(c.name == c.id || c.name.isEmpty() ? c.id : QStringLiteral("%1 (%2)").arg(c.name, c.id), c.id);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

void select(QComboBox *box, const QString &id)
{
    int index = box->findData(id);
    if (index < 0 && !id.isEmpty()) { // not in the list (yet): keep the id itself
        box->addItem(id, id);
        index = box->count() - 1;
    }
    box->setCurrentIndex(std::max(0, index));
}

QString nameOf(const QComboBox *box)
{
    return box->currentIndex() > 0 ? box->currentText() : QString();
}

} // namespace

ReportFilterBar::ReportFilterBar(QWidget *parent)
    : QWidget(parent), m_preset(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_team(new QComboBox(this)), m_agent(new QComboBox(this)), m_form(new QComboBox(this)),
      m_grouping(new QComboBox(this))
{
    setObjectName(QStringLiteral("reportFilterBar"));
    m_preset->setObjectName(QStringLiteral("reportPreset"));
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to->setObjectName(QStringLiteral("reportTo"));
    m_team->setObjectName(QStringLiteral("reportTeam"));
    m_agent->setObjectName(QStringLiteral("reportAgent"));
    m_form->setObjectName(QStringLiteral("reportForm"));
    m_grouping->setObjectName(QStringLiteral("reportGrouping"));
    m_preset->addItem(tr("Last 4 weeks"), int(Preset::LastFourWeeks));
    m_preset->addItem(tr("Last quarter"), int(Preset::LastQuarter));
    m_preset->addItem(tr("Custom dates"), int(Preset::Custom));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_grouping->addItem(tr("By week"), int(ReportGrouping::Week));
    m_grouping->addItem(tr("By month"), int(ReportGrouping::Month));
    setChoices({}, {}, {});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Period:"), this));
    layout->addWidget(m_preset);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_team);
    layout->addWidget(m_agent);
    layout->addWidget(m_form);
    layout->addWidget(m_grouping);
    layout->addStretch(1);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] { applyPreset(); });
    applyPreset();
}

void ReportFilterBar::setChoices(const QVector<Choice> &teams, const QVector<Choice> &agents,
                                 const QVector<Choice> &forms)
{
    fill(m_team, tr("All teams"), teams);
    fill(m_agent, tr("All agents"), agents);
    fill(m_form, tr("All forms"), forms);
}

void ReportFilterBar::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
}

void ReportFilterBar::setToday(const QDate &today)
{
    m_today = today;
    applyPreset();
}

void ReportFilterBar::applyPreset()
{
    const auto preset = Preset(m_preset->currentData().toInt());
    const bool custom = preset == Preset::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (preset == Preset::LastFourWeeks) {
        const QDate monday = m_today.addDays(1 - m_today.dayOfWeek());
        m_from->setDate(monday.addDays(-21));
        m_to->setDate(monday.addDays(6));
    } else if (preset == Preset::LastQuarter) {
        const QDate quarter(m_today.year(), 1 + 3 * ((m_today.month() - 1) / 3), 1);
        m_from->setDate(quarter.addMonths(-3));
        m_to->setDate(quarter.addDays(-1));
    }
}

ReportFilter ReportFilterBar::filter() const
{
    ReportFilter f;
    f.timeZone = m_zone;
    f.fromMs = QDateTime(m_from->date(), QTime(0, 0), m_zone).toMSecsSinceEpoch();
    f.toMs = QDateTime(m_to->date().addDays(1), QTime(0, 0), m_zone).toMSecsSinceEpoch();
    f.grouping = ReportGrouping(m_grouping->currentData().toInt());
    f.teamId = m_team->currentData().toString();
    f.agentId = m_agent->currentData().toString();
    f.formId = m_form->currentData().toString();
    return f;
}

void ReportFilterBar::setFilter(const ReportFilter &filter)
{
    m_zone = filter.timeZone;
    m_preset->setCurrentIndex(m_preset->findData(int(Preset::Custom)));
    m_from->setDate(QDateTime::fromMSecsSinceEpoch(filter.fromMs, m_zone).date());
    m_to->setDate(QDateTime::fromMSecsSinceEpoch(filter.toMs - 1, m_zone).date());
    m_grouping->setCurrentIndex(m_grouping->findData(int(filter.grouping)));
    select(m_team, filter.teamId);
    select(m_agent, filter.agentId);
    select(m_form, filter.formId);
}

QString ReportFilterBar::teamName() const
{
    return nameOf(m_team);
}

QString ReportFilterBar::agentName() const
{
    return nameOf(m_agent);
}

QString ReportFilterBar::formName() const
{
    return nameOf(m_form);
}

} // namespace cv
