#include "searchfilterpanel.h"

#include "search/phonefilter.h"
#include "tokencompleter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cv {

namespace {

constexpr int kSentimentSteps = 100; // slider units per 1.0 of sentiment

QSpinBox *optionalNumber(QWidget *parent, const QString &name, int maximum, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, maximum);
    box->setSpecialValueText(SearchFilterPanel::tr("any"));
    box->setSuffix(suffix);
    return box;
}

QSlider *sentimentSlider(QWidget *parent, const QString &name, int value)
{
    auto *slider = new QSlider(Qt::Horizontal, parent);
    slider->setObjectName(name);
    slider->setRange(-kSentimentSteps, kSentimentSteps);
    slider->setValue(value);
    slider->setPageStep(10);
    return slider;
}

} // namespace

SearchFilterPanel::SearchFilterPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("searchFilters"));
    buildForm();
    reset();
}

void SearchFilterPanel::buildForm()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_timePreset = new QComboBox(this);
    m_timePreset->setObjectName(QStringLiteral("timePreset"));
    m_timePreset->addItem(tr("Any time"), static_cast<int>(TimePreset::AnyTime));
    m_timePreset->addItem(tr("Today"), static_cast<int>(TimePreset::Today));
    m_timePreset->addItem(tr("Yesterday"), static_cast<int>(TimePreset::Yesterday));
    m_timePreset->addItem(tr("This week"), static_cast<int>(TimePreset::ThisWeek));
    m_timePreset->addItem(tr("Last 7 days"), static_cast<int>(TimePreset::Last7Days));
    m_timePreset->addItem(tr("Last 30 days"), static_cast<int>(TimePreset::Last30Days));
    m_timePreset->addItem(tr("Custom range"), static_cast<int>(TimePreset::Custom));
    form->addRow(tr("&Time:"), m_timePreset);
    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(QStringLiteral("timeFrom"));
    m_to = new QDateTimeEdit(this);
    m_to->setObjectName(QStringLiteral("timeTo"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    }
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("Until:"), m_to);
    connect(m_timePreset, &QComboBox::currentIndexChanged, this, &SearchFilterPanel::presetChanged);

    m_agent = new QLineEdit(this);
    m_agent->setObjectName(QStringLiteral("agentFilter"));
    m_agent->setPlaceholderText(tr("name or agent id"));
    m_agent->setClearButtonEnabled(true);
    form->addRow(tr("&Agent:"), m_agent);
    m_team = new QComboBox(this);
    m_team->setObjectName(QStringLiteral("teamFilter"));
    form->addRow(tr("T&eam:"), m_team);
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("phoneFilter"));
    m_phone->setPlaceholderText(tr("13800138000, 138 0013*, *8000"));
    m_phone->setToolTip(tr("A whole number matches it in any written form; end with * for numbers "
                           "that begin so; start with * for the last four or more digits."));
    m_phone->setClearButtonEnabled(true);
    form->addRow(tr("&Phone:"), m_phone);
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("directionFilter"));
    m_direction->addItem(tr("Any direction"), 0);
    m_direction->addItem(tr("Inbound"), static_cast<int>(Direction::Inbound));
    m_direction->addItem(tr("Outbound"), static_cast<int>(Direction::Outbound));
    m_direction->addItem(tr("Internal"), static_cast<int>(Direction::Internal));
    form->addRow(tr("&Direction:"), m_direction);

    auto *durations = new QHBoxLayout;
    m_minDuration = optionalNumber(this, QStringLiteral("minDuration"), 24 * 3600, tr(" s"));
    m_maxDuration = optionalNumber(this, QStringLiteral("maxDuration"), 24 * 3600, tr(" s"));
    durations->addWidget(m_minDuration);
    durations->addWidget(new QLabel(tr("to"), this));
    durations->addWidget(m_maxDuration);
    form->addRow(tr("D&uration:"), durations);

    m_sentimentOn = new QCheckBox(tr("Sentiment between"), this);
    m_sentimentOn->setObjectName(QStringLiteral("sentimentOn"));
    m_minSentiment = sentimentSlider(this, QStringLiteral("minSentiment"), -kSentimentSteps);
    m_maxSentiment = sentimentSlider(this, QStringLiteral("maxSentiment"), kSentimentSteps);
    m_sentimentText = new QLabel(this);
    m_sentimentText->setObjectName(QStringLiteral("sentimentText"));
    const auto showSentiment = [this] {
        const QLocale locale;
        m_sentimentText->setText(tr("%1 to %2").arg(locale.toString(m_minSentiment->value() / 100.0, 'f', 2),
                                                    locale.toString(m_maxSentiment->value() / 100.0, 'f', 2)));
        m_minSentiment->setEnabled(m_sentimentOn->isChecked());
        m_maxSentiment->setEnabled(m_sentimentOn->isChecked());
    };
    connect(m_minSentiment, &QSlider::valueChanged, this, showSentiment);
    connect(m_maxSentiment, &QSlider::valueChanged, this, showSentiment);
    connect(m_sentimentOn, &QCheckBox::toggled, this, showSentiment);
    auto *sentiment = new QVBoxLayout;
    sentiment->addWidget(m_sentimentText);
    sentiment->addWidget(m_minSentiment);
    sentiment->addWidget(m_maxSentiment);
    form->addRow(m_sentimentOn, sentiment);

    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tagFilter"));
    m_tags->setPlaceholderText(tr("tags, separated by commas"));
    m_tags->setClearButtonEnabled(true);
    m_tagMatch = new QComboBox(this);
    m_tagMatch->setObjectName(QStringLiteral("tagMatch"));
    m_tagMatch->addItem(tr("any of them"), static_cast<int>(TagMatch::Any));
    m_tagMatch->addItem(tr("all of them"), static_cast<int>(TagMatch::All));
    auto *tags = new QHBoxLayout;
    tags->addWidget(m_tags, 1);
    tags->addWidget(m_tagMatch);
    form->addRow(tr("Ta&gs:"), tags);

    m_hasEvaluation = new QComboBox(this);
    m_hasEvaluation->setObjectName(QStringLiteral("hasEvaluation"));
    m_hasEvaluation->addItem(tr("Evaluated or not"), 0);
    m_hasEvaluation->addItem(tr("Evaluated"), 1);
    m_hasEvaluation->addItem(tr("Not evaluated"), 2);
    form->addRow(tr("E&valuation:"), m_hasEvaluation);
    m_scoreOn = new QCheckBox(tr("Score between"), this);
    m_scoreOn->setObjectName(QStringLiteral("scoreOn"));
    m_minScore = new QSpinBox(this);
    m_minScore->setObjectName(QStringLiteral("minScore"));
    m_maxScore = new QSpinBox(this);
    m_maxScore->setObjectName(QStringLiteral("maxScore"));
    auto *scores = new QHBoxLayout;
    for (QSpinBox *box : {m_minScore, m_maxScore}) {
        box->setRange(static_cast<int>(SearchQuery::kMinScore), static_cast<int>(SearchQuery::kMaxScore));
        box->setEnabled(false);
        connect(m_scoreOn, &QCheckBox::toggled, box, &QWidget::setEnabled);
    }
    scores->addWidget(m_minScore);
    scores->addWidget(new QLabel(tr("to"), this));
    scores->addWidget(m_maxScore);
    form->addRow(m_scoreOn, scores);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("filterError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_error->hide();

    auto *search = new QPushButton(tr("&Search"), this);
    search->setObjectName(QStringLiteral("searchButton"));
    search->setDefault(true);
    auto *clear = new QPushButton(tr("&Reset"), this);
    clear->setObjectName(QStringLiteral("resetButton"));
    connect(search, &QPushButton::clicked, this, &SearchFilterPanel::submit);
    connect(clear, &QPushButton::clicked, this, &SearchFilterPanel::reset);
    for (QLineEdit *edit : {m_agent, m_phone, m_tags})
        connect(edit, &QLineEdit::returnPressed, this, &SearchFilterPanel::submit);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(clear);
    buttons->addWidget(search);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch();
}

void SearchFilterPanel::setVocabulary(const SearchVocabulary &vocabulary)
{
    m_agentIdsByLabel.clear();
    QStringList agentLabels;
    for (const AgentRow &agent : vocabulary.agents) {
        const QString label = agent.name.isEmpty() ? agent.agentId : tr("%1 (%2)").arg(agent.name, agent.agentId);
        m_agentIdsByLabel.insert(label, agent.agentId);
        agentLabels << label;
    }
    auto *agents = new QCompleter(agentLabels, m_agent);
    agents->setCaseSensitivity(Qt::CaseInsensitive);
    agents->setFilterMode(Qt::MatchContains);
    delete m_agent->completer();
    m_agent->setCompleter(agents);

    const QString team = m_team->currentData().toString();
    m_team->clear();
    m_team->addItem(tr("Any team"), QString());
    for (const auto &[id, name] : vocabulary.teams)
        m_team->addItem(name, id);
    m_team->setCurrentIndex(qMax(0, m_team->findData(team)));

    delete m_tags->completer();
    new TokenCompleter(vocabulary.tags, m_tags);
}

void SearchFilterPanel::presetChanged()
{
    const bool custom = preset() == TimePreset::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (const auto range = timePresetRange(preset(), QDateTime::currentDateTime())) {
        m_from->setDateTime(range->from);
        m_to->setDateTime(range->to);
    }
}

Result<void> SearchFilterPanel::readAgent(SearchQuery &query) const
{
    const QString text = m_agent->text().trimmed();
    if (text.isEmpty())
        return {};
    // A chosen completion is one agent; anything else is part of a name or an agent id.
    if (const auto chosen = m_agentIdsByLabel.constFind(text); chosen != m_agentIdsByLabel.constEnd())
        query.agentIds = {chosen.value()};
    else if (m_agentIdsByLabel.values().contains(text))
        query.agentIds = {text};
    else
        query.agentName = text;
    return {};
}

Result<void> SearchFilterPanel::readPhone(SearchQuery &query) const
{
    const QString text = m_phone->text().trimmed();
    if (text.isEmpty())
        return {};
    auto phone = PhoneFilter::parse(text);
    if (!phone)
        return makeError(ErrorCode::InvalidArgument, tr("The phone filter is not a number: %1").arg(text));
    query.phone = phone.value();
    return {};
}

void SearchFilterPanel::readRanges(SearchQuery &query) const
{
    if (m_minDuration->value() > 0)
        query.minDurationMs = qint64(m_minDuration->value()) * 1000;
    if (m_maxDuration->value() > 0)
        query.maxDurationMs = qint64(m_maxDuration->value()) * 1000;
    if (m_sentimentOn->isChecked()) {
        query.minSentiment = m_minSentiment->value() / double(kSentimentSteps);
        query.maxSentiment = m_maxSentiment->value() / double(kSentimentSteps);
    }
    const int evaluated = m_hasEvaluation->currentData().toInt();
    if (evaluated != 0)
        query.hasEvaluation = evaluated == 1;
    if (m_scoreOn->isChecked()) {
        query.minScore = m_minScore->value();
        query.maxScore = m_maxScore->value();
    }
}

QStringList SearchFilterPanel::tagNames() const
{
    return TokenCompleter::items(m_tags->text());
}

Result<SearchRequest> SearchFilterPanel::request(const QDateTime &now) const
{
    SearchRequest request;
    SearchQuery &query = request.query;
    if (preset() == TimePreset::Custom) {
        query.from = m_from->dateTime().toUTC();
        query.to = m_to->dateTime().toUTC();
    } else if (const auto range = timePresetRange(preset(), now)) {
        query.from = range->from.toUTC();
        query.to = range->to.toUTC();
    }
    if (auto agent = readAgent(query); !agent)
        return agent.error();
    if (const QString team = m_team->currentData().toString(); !team.isEmpty())
        query.teams = {team};
    if (auto phone = readPhone(query); !phone)
        return phone.error();
    if (const int direction = m_direction->currentData().toInt(); direction != 0)
        query.directions = {static_cast<Direction>(direction)};
    readRanges(query);
    request.tagNames = tagNames();
    query.tagMatch = static_cast<TagMatch>(m_tagMatch->currentData().toInt());
    if (auto valid = query.validate(); !valid)
        return valid.error();
    return request;
}

void SearchFilterPanel::submit()
{
    auto built = request();
    m_error->setVisible(!built);
    if (!built) {
        m_error->setText(built.errorMessage());
        return;
    }
    emit searchRequested(built.value());
}

void SearchFilterPanel::reset()
{
    m_timePreset->setCurrentIndex(m_timePreset->findData(static_cast<int>(TimePreset::Last30Days)));
    presetChanged();
    m_agent->clear();
    m_team->setCurrentIndex(0);
    m_phone->clear();
    m_direction->setCurrentIndex(0);
    m_minDuration->setValue(0);
    m_maxDuration->setValue(0);
    m_sentimentOn->setChecked(false);
    m_minSentiment->setValue(-kSentimentSteps);
    m_maxSentiment->setValue(kSentimentSteps);
    m_sentimentOn->toggled(false);
    m_tags->clear();
    m_tagMatch->setCurrentIndex(0);
    m_hasEvaluation->setCurrentIndex(0);
    m_scoreOn->setChecked(false);
    m_minScore->setValue(static_cast<int>(SearchQuery::kMinScore));
    m_maxScore->setValue(static_cast<int>(SearchQuery::kMaxScore));
    m_error->hide();
}

TimePreset SearchFilterPanel::preset() const
{
    return static_cast<TimePreset>(m_timePreset->currentData().toInt());
}

void SearchFilterPanel::setRequest(const SearchRequest &request, TimePreset timePreset)
{
    reset();
    const SearchQuery &query = request.query;
    if (timePreset != TimePreset::Custom && timePreset != TimePreset::AnyTime) {
        m_timePreset->setCurrentIndex(m_timePreset->findData(static_cast<int>(timePreset)));
    } else if (query.from || query.to) {
        m_timePreset->setCurrentIndex(m_timePreset->findData(static_cast<int>(TimePreset::Custom)));
        if (query.from)
            m_from->setDateTime(query.from->toLocalTime());
        if (query.to)
            m_to->setDateTime(query.to->toLocalTime());
    } else {
        m_timePreset->setCurrentIndex(m_timePreset->findData(static_cast<int>(TimePreset::AnyTime)));
    }
    m_agent->setText(query.agentIds.isEmpty() ? query.agentName : query.agentIds.first());
    if (!query.teams.isEmpty())
        m_team->setCurrentIndex(qMax(0, m_team->findData(query.teams.first())));
    if (query.phone)
        m_phone->setText(query.phone->toText());
    if (!query.directions.isEmpty())
        m_direction->setCurrentIndex(qMax(0, m_direction->findData(static_cast<int>(query.directions.first()))));
    m_minDuration->setValue(static_cast<int>(query.minDurationMs.value_or(0) / 1000));
    m_maxDuration->setValue(static_cast<int>(query.maxDurationMs.value_or(0) / 1000));
    m_sentimentOn->setChecked(query.minSentiment || query.maxSentiment);
    m_minSentiment->setValue(qRound(query.minSentiment.value_or(-1.0) * kSentimentSteps));
    m_maxSentiment->setValue(qRound(query.maxSentiment.value_or(1.0) * kSentimentSteps));
    m_tags->setText(request.tagNames.join(QStringLiteral(", ")));
    m_tagMatch->setCurrentIndex(qMax(0, m_tagMatch->findData(static_cast<int>(query.tagMatch))));
    if (query.hasEvaluation)
        m_hasEvaluation->setCurrentIndex(*query.hasEvaluation ? 1 : 2);
    m_scoreOn->setChecked(query.minScore || query.maxScore);
    m_minScore->setValue(qRound(query.minScore.value_or(SearchQuery::kMinScore)));
    m_maxScore->setValue(qRound(query.maxScore.value_or(SearchQuery::kMaxScore)));
}

} // namespace cv
