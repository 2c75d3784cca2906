#include "qa/samplingrulespanel.h"

#include "auth/permission.h"
#include "qa/formlibrary.h"
#include "qa/samplingrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cv {

namespace {

// What the panel reads in one trip to the catalog.
struct Loaded
{
    QVector<SamplingRule> rules;
    QStringList forms;
    QStringList evaluators;
};

constexpr SamplingKind kKinds[] = {SamplingKind::RandomPerAgent, SamplingKind::SentimentBelow,
                                   SamplingKind::Tagged, SamplingKind::LongerThan};

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

SamplingRulesPanel::SamplingRulesPanel(Database &db, Principal principal, QWidget *parent)
    : QWidget(parent), m_db(db), m_principal(std::move(principal)),
      m_mayManage(m_principal.has(Permission::QaFormsManage)), m_denied(new QLabel(this)),
      m_list(new QTableWidget(0, 6, this)), m_new(new QPushButton(tr("New rule"), this)),
      m_save(new QPushButton(tr("Save rule"), this)),
      m_toggle(new QPushButton(tr("Switch off"), this)),
      m_generate(new QPushButton(tr("Generate now"), this)), m_message(new QLabel(this)),
      m_thread(this, QStringLiteral("CallVault sampling rules"))
{
    setObjectName(QStringLiteral("samplingRulesPanel"));
    m_denied->setObjectName(QStringLiteral("samplingDenied"));
    m_list->setObjectName(QStringLiteral("samplingRuleList"));
    m_new->setObjectName(QStringLiteral("samplingNew"));
    m_save->setObjectName(QStringLiteral("samplingSave"));
    m_toggle->setObjectName(QStringLiteral("samplingToggle"));
    m_generate->setObjectName(QStringLiteral("samplingGenerate"));
    m_message->setObjectName(QStringLiteral("samplingMessage"));
    m_denied->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_list->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("Team"), tr("Form"), tr("Evaluators"), tr("State")});
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_save);
    buttons->addWidget(m_toggle);
    buttons->addStretch(1);
    buttons->addWidget(m_generate);

    auto *body = new QHBoxLayout;
    body->addWidget(m_list, 3);
    body->addWidget(buildEditor(), 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_denied);
    layout->addLayout(body, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_new, &QPushButton::clicked, this, &SamplingRulesPanel::newRule);
    connect(m_save, &QPushButton::clicked, this, &SamplingRulesPanel::save);
    connect(m_generate, &QPushButton::clicked, this, &SamplingRulesPanel::generateNow);
    connect(m_toggle, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row >= 0 && row < m_rules.size())
            setSelectedActive(!m_rules.at(row).active);
    });
    connect(m_list, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { selectRule(row); });

    if (!m_mayManage) {
        m_denied->setText(
            tr("You may not manage sampling rules: your role (%1) does not allow "
               "\"%2\". Ask a security administrator if you need it.")
                .arg(m_principal.role, permissionDescription(Permission::QaFormsManage)));
        setBusy(true);
        m_denied->setEnabled(true);
        return;
    }
    m_denied->hide();
    refresh();
}

SamplingRulesPanel::~SamplingRulesPanel() = default;

QWidget *SamplingRulesPanel::buildEditor()
{
    auto *editor = new QWidget(this);
    editor->setObjectName(QStringLiteral("samplingEditor"));
    m_name = new QLineEdit(editor);
    m_name->setObjectName(QStringLiteral("samplingName"));
    m_name->setMaxLength(SamplingRule::kMaxNameLength);
    m_kind = new QComboBox(editor);
    m_kind->setObjectName(QStringLiteral("samplingKind"));
    for (SamplingKind kind : kKinds)
        m_kind->addItem(kindText(kind), static_cast<int>(kind));

    m_kindFields = new QStackedWidget(editor);
    m_count = new QSpinBox;
    m_count->setObjectName(QStringLiteral("samplingCount"));
    m_count->setRange(1, SamplingParameters::kMaxCount);
    m_count->setValue(5);
    m_count->setSuffix(tr(" calls per agent"));
    m_threshold = new QDoubleSpinBox;
    m_threshold->setObjectName(QStringLiteral("samplingThreshold"));
    m_threshold->setRange(-1, 1);
    m_threshold->setSingleStep(0.05);
    m_threshold->setValue(-0.3);
    auto *tagged = new QWidget;
    m_tags = new QLineEdit(tagged);
    m_tags->setObjectName(QStringLiteral("samplingTags"));
    m_tags->setPlaceholderText(tr("Tags, separated by commas"));
    m_match = new QComboBox(tagged);
    m_match->setObjectName(QStringLiteral("samplingMatch"));
    m_match->addItem(tr("with any of the tags"), static_cast<int>(TagMatch::Any));
    m_match->addItem(tr("with all of the tags"), static_cast<int>(TagMatch::All));
    auto *taggedLayout = new QVBoxLayout(tagged);
    taggedLayout->setContentsMargins(0, 0, 0, 0);
    taggedLayout->addWidget(m_tags);
    taggedLayout->addWidget(m_match);
    m_minMinutes = new QSpinBox;
    m_minMinutes->setObjectName(QStringLiteral("samplingMinMinutes"));
    m_minMinutes->setRange(1, 24 * 60);
    m_minMinutes->setValue(10);
    m_minMinutes->setSuffix(tr(" minutes or longer"));
    m_kindFields->addWidget(m_count);
    m_kindFields->addWidget(m_threshold);
    m_kindFields->addWidget(tagged);
    m_kindFields->addWidget(m_minMinutes);

    m_period = new QComboBox(editor);
    m_period->setObjectName(QStringLiteral("samplingPeriod"));
    m_period->addItem(tr("Day"), static_cast<int>(SamplingPeriod::Day));
    m_period->addItem(tr("Week (from Monday 00:00 UTC)"), static_cast<int>(SamplingPeriod::Week));
    m_period->addItem(tr("Month"), static_cast<int>(SamplingPeriod::Month));
    m_period->setCurrentIndex(1);
    m_team = new QComboBox(editor);
    m_team->setObjectName(QStringLiteral("samplingTeam"));
    m_team->addItem(tr("All my teams"), QString());
    for (const QString &team : m_principal.teams)
        m_team->addItem(team, team);
    m_form = new QComboBox(editor);
    m_form->setObjectName(QStringLiteral("samplingForm"));
    m_deadline = new QSpinBox(editor);
    m_deadline->setObjectName(QStringLiteral("samplingDeadline"));
    m_deadline->setRange(1, SamplingRule::kMaxDeadlineDays);
    m_deadline->setValue(7);
    m_deadline->setSuffix(tr(" days"));
    m_evaluators = new QListWidget(editor);
    m_evaluators->setObjectName(QStringLiteral("samplingEvaluators"));
    m_active = new QCheckBox(tr("Active"), editor);
    m_active->setObjectName(QStringLiteral("samplingActive"));
    m_active->setChecked(true);

    auto *form = new QFormLayout(editor);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Pick"), m_kind);
    form->addRow(tr("Which calls"), m_kindFields);
    form->addRow(tr("Period"), m_period);
    form->addRow(tr("Team"), m_team);
    form->addRow(tr("Form"), m_form);
    form->addRow(tr("Deadline"), m_deadline);
    form->addRow(tr("Evaluators"), m_evaluators);
    form->addRow(QString(), m_active);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SamplingRulesPanel::showKindFields);
    return editor;
}

QString SamplingRulesPanel::kindText(SamplingKind kind) const
{
    switch (kind) {
    case SamplingKind::RandomPerAgent:
        return tr("Random calls per agent");
    case SamplingKind::SentimentBelow:
        return tr("Calls with sentiment below");
    case SamplingKind::Tagged:
        return tr("Calls with tags");
    case SamplingKind::LongerThan:
        return tr("Long calls");
    }
    return QString();
}

void SamplingRulesPanel::showKindFields()
{
    m_kindFields->setCurrentIndex(m_kind->currentIndex());
}

void SamplingRulesPanel::setBusy(bool busy)
{
    const bool on = !busy && m_mayManage;
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_list, m_new, m_save, m_toggle, m_generate, m_name, m_kind, m_kindFields, m_period,
             m_team, m_form, m_deadline, m_evaluators, m_active})
        w->setEnabled(on);
}

void SamplingRulesPanel::showMessage(const QString &text)
{
    m_message->setText(text);
}

void SamplingRulesPanel::refresh()
{
    if (!m_mayManage)
        return;
    setBusy(true);
    m_thread.run<Loaded>(
        [db = &m_db, who = m_principal]() -> Result<Loaded> {
            Loaded loaded;
            SamplingRules rules(*db);
            auto list = rules.list(who);
            if (!list)
                return list.error();
            loaded.rules = list.takeValue();
            auto forms = FormLibrary(*db).list(who);
            if (!forms)
                return forms.error();
            for (const FormRow &form : forms.value())
                loaded.forms << form.formId;
            auto evaluators = rules.evaluatorCandidates(who);
            if (!evaluators)
                return evaluators.error();
            loaded.evaluators = evaluators.takeValue();
            return loaded;
        },
        [this](Result<Loaded> loaded) {
            setBusy(false);
            if (!loaded) {
                showMessage(
                    tr("The sampling rules could not be read: %1").arg(loaded.errorMessage()));
                emit rulesShown(false);
                return;
            }
            m_rules = loaded->rules;
            const QString form = m_form->currentText();
            m_form->clear();
            m_form->addItems(loaded->forms);
            m_form->setCurrentText(form);
            QStringList checked;
            for (int i = 0; i < m_evaluators->count(); ++i) {
                if (m_evaluators->item(i)->checkState() == Qt::Checked)
                    checked << m_evaluators->item(i)->text();
            }
            m_evaluators->clear();
            for (const QString &name : loaded->evaluators) {
                auto *item = new QListWidgetItem(name, m_evaluators);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
            }
            showRules();
            emit rulesShown(true);
        });
}

void SamplingRulesPanel::showRules()
{
    const QSignalBlocker blocker(m_list);
    m_list->setRowCount(static_cast<int>(m_rules.size()));
    for (int row = 0; row < m_rules.size(); ++row) {
        const SamplingRule &r = m_rules.at(row);
        const QStringList cells{r.name,
                                kindText(r.kind),
                                r.teamId.isEmpty() ? tr("All my teams") : r.teamId,
                                r.formId,
                                r.evaluators.join(QStringLiteral(", ")),
                                r.active ? tr("Active") : tr("Switched off")};
        for (int column = 0; column < cells.size(); ++column)
            m_list->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        m_list->item(row, 1)->setToolTip(samplingjson::writeParameters(r.kind, r.parameters));
    }
    int current = -1;
    for (int row = 0; m_editing && row < m_rules.size(); ++row) {
        if (m_rules.at(row).id == *m_editing)
            current = row;
    }
    m_list->setCurrentCell(current, 0);
    m_toggle->setText(current >= 0 && !m_rules.at(current).active ? tr("Switch on")
                                                                  : tr("Switch off"));
}

void SamplingRulesPanel::newRule()
{
    m_editing.reset();
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentCell(-1, 0);
    SamplingRule blank;
    blank.parameters.count = 5;
    blank.parameters.threshold = -0.3;
    blank.parameters.minDurationMs = 10 * 60 * 1000;
    fillEditor(blank);
    m_name->setFocus();
}

void SamplingRulesPanel::selectRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return;
    m_editing = m_rules.at(row).id;
    fillEditor(m_rules.at(row));
    m_toggle->setText(m_rules.at(row).active ? tr("Switch off") : tr("Switch on"));
}

void SamplingRulesPanel::fillEditor(const SamplingRule &rule)
{
    m_name->setText(rule.name);
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(rule.kind)));
    showKindFields();
    const SamplingParameters &p = rule.parameters;
    if (p.count > 0)
        m_count->setValue(p.count);
    m_threshold->setValue(p.threshold);
    m_tags->setText(p.tags.join(QStringLiteral(", ")));
    m_match->setCurrentIndex(m_match->findData(static_cast<int>(p.match)));
    if (p.minDurationMs > 0)
        m_minMinutes->setValue(static_cast<int>(qMax<qint64>(1, p.minDurationMs / 60000)));
    m_period->setCurrentIndex(m_period->findData(static_cast<int>(p.period)));
    const int team = m_team->findData(rule.teamId);
    if (team < 0)
        m_team->addItem(rule.teamId, rule.teamId);
    m_team->setCurrentIndex(m_team->findData(rule.teamId));
    if (!rule.formId.isEmpty())
        m_form->setCurrentText(rule.formId);
    m_deadline->setValue(rule.deadlineDays);
    for (int i = 0; i < m_evaluators->count(); ++i) {
        QListWidgetItem *item = m_evaluators->item(i);
        item->setCheckState(rule.evaluators.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    m_active->setChecked(rule.active);
}

std::optional<SamplingRule> SamplingRulesPanel::ruleFromEditor()
{
    SamplingRule r;
    if (m_editing)
        r.id = *m_editing;
    r.name = m_name->text().trimmed();
    r.kind = static_cast<SamplingKind>(m_kind->currentData().toInt());
    r.parameters.period = static_cast<SamplingPeriod>(m_period->currentData().toInt());
    r.parameters.count = m_count->value();
    r.parameters.threshold = m_threshold->value();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            r.parameters.tags << tag.trimmed();
    }
    r.parameters.match = static_cast<TagMatch>(m_match->currentData().toInt());
    r.parameters.minDurationMs = qint64(m_minMinutes->value()) * 60 * 1000;
    r.teamId = m_team->currentData().toString();
    r.formId = m_form->currentText();
    r.deadlineDays = m_deadline->value();
    for (int i = 0; i < m_evaluators->count(); ++i) {
        if (m_evaluators->item(i)->checkState() == Qt::Checked)
            r.evaluators << m_evaluators->item(i)->text();
    }
    r.active = m_active->isChecked();
    if (r.name.isEmpty()) {
        showMessage(tr("Give the rule a name."));
        return std::nullopt;
    }
    if (r.evaluators.isEmpty()) {
        showMessage(tr("Tick at least one evaluator."));
        return std::nullopt;
    }
    if (auto ok = samplingjson::checkParameters(r.kind, r.parameters); !ok) {
        showMessage(tr("Check the rule's fields: %1").arg(ok.errorMessage()));
        return std::nullopt;
    }
    return r;
}

void SamplingRulesPanel::save()
{
    const auto rule = ruleFromEditor();
    if (!rule) {
        emit ruleSaved(false);
        return;
    }
    setBusy(true);
    m_thread.run<SamplingRule>(
        [db = &m_db, who = m_principal, r = *rule]() {
            SamplingRules rules(*db);
            return r.id ? rules.update(who, r) : rules.create(who, r);
        },
        [this](Result<SamplingRule> saved) {
            setBusy(false);
            if (!saved) {
                showMessage(tr("The rule was not saved: %1").arg(saved.errorMessage()));
                emit ruleSaved(false);
                return;
            }
            m_editing = saved->id;
            showMessage(tr("Saved rule \"%1\".").arg(saved->name));
            emit ruleSaved(true);
            refresh();
        });
}

void SamplingRulesPanel::setSelectedActive(bool active)
{
    if (!m_editing)
        return;
    setBusy(true);
    m_thread.run<SamplingRule>(
        [db = &m_db, who = m_principal, id = *m_editing, active]() {
            return SamplingRules(*db).setActive(who, id, active);
        },
        [this](Result<SamplingRule> changed) {
            setBusy(false);
            if (!changed) {
                showMessage(tr("The rule was not changed: %1").arg(changed.errorMessage()));
                return;
            }
            showMessage(changed->active ? tr("Rule \"%1\" is on.").arg(changed->name)
                                        : tr("Rule \"%1\" is switched off.").arg(changed->name));
            refresh();
        });
}

QString SamplingRulesPanel::summaryOf(const GenerationReport &report)
{
    QStringList evaluators;
    for (auto it = report.assignedPerEvaluator.begin(); it != report.assignedPerEvaluator.end();
         ++it)
        evaluators << tr("%1: %2").arg(it.key()).arg(it.value());
    QString text =
        tr("Rule \"%1\", %2 to %3: queued %4 calls; skipped %5 already queued and %6 "
           "already evaluated.")
            .arg(report.ruleName, utcText(report.periodStartMs), utcText(report.periodEndMs))
            .arg(report.queued)
            .arg(report.skippedQueued)
            .arg(report.skippedEvaluated);
    if (report.skippedNoEvaluator > 0)
        text +=
            QLatin1Char(' ') + tr("Not queued, since no evaluator of the rule may score them: %1.")
                                   .arg(report.skippedNoEvaluator);
    if (!evaluators.isEmpty())
        text += QLatin1Char(' ') + tr("Assigned: %1.").arg(evaluators.join(QStringLiteral(", ")));
    return text;
}

void SamplingRulesPanel::generateNow()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rules.size()) {
        showMessage(tr("Select a rule to generate its queue."));
        emit generated(false);
        return;
    }
    const SamplingRule rule = m_rules.at(row);
    setBusy(true);
    m_thread.run<GenerationReport>(
        [db = &m_db, who = m_principal, rule]() {
            const auto [from, to] =
                samplingWindow(rule.parameters.period, QDateTime::currentMSecsSinceEpoch());
            return QueueGenerator(*db).generate(who, rule.id, from, to);
        },
        [this](Result<GenerationReport> report) {
            setBusy(false);
            if (!report) {
                showMessage(tr("Nothing was queued: %1").arg(report.errorMessage()));
                emit generated(false);
                return;
            }
            showMessage(summaryOf(report.value()));
            emit generated(true);
        });
}

} // namespace cv
