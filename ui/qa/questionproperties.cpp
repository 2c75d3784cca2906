#include "questionproperties.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

namespace cv {

namespace {

enum ChoiceColumn { kChoiceId, kChoiceLabel, kChoicePoints, kChoiceFails, kChoiceColumns };

QStringList splitValues(const QString &text)
{
    QStringList values;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            values << part.trimmed();
    return values;
}

} // namespace

QuestionProperties::QuestionProperties(QWidget *parent)
    : QWidget(parent), m_id(new QLineEdit(this)), m_text(new QPlainTextEdit(this)),
      m_guidance(new QPlainTextEdit(this)), m_kind(new QComboBox(this)), m_scaleMax(new QSpinBox(this)),
      m_choices(new QTableWidget(0, kChoiceColumns, this)), m_weight(new QDoubleSpinBox(this)),
      m_allowNa(new QCheckBox(tr("May be answered N/A (the others are re-weighted)"), this)),
      m_critical(new QCheckBox(tr("Critical: failing it zeroes its section"), this)),
      m_fatal(new QCheckBox(tr("Fatal: failing it zeroes the whole evaluation"), this)),
      m_conditionQuestion(new QComboBox(this)), m_conditionValues(new QLineEdit(this))
{
    setObjectName(QStringLiteral("questionProperties"));
    m_id->setObjectName(QStringLiteral("questionIdEdit"));
    m_text->setObjectName(QStringLiteral("questionTextEdit"));
    m_guidance->setObjectName(QStringLiteral("questionGuidanceEdit"));
    m_kind->setObjectName(QStringLiteral("questionKindCombo"));
    m_scaleMax->setObjectName(QStringLiteral("questionScaleMax"));
    m_choices->setObjectName(QStringLiteral("questionChoices"));
    m_weight->setObjectName(QStringLiteral("questionWeight"));
    m_allowNa->setObjectName(QStringLiteral("questionAllowNa"));
    m_critical->setObjectName(QStringLiteral("questionCritical"));
    m_fatal->setObjectName(QStringLiteral("questionFatal"));
    m_conditionQuestion->setObjectName(QStringLiteral("questionConditionCombo"));
    m_conditionValues->setObjectName(QStringLiteral("questionConditionValues"));

    m_text->setMaximumHeight(60);
    m_guidance->setMaximumHeight(60);
    m_guidance->setPlaceholderText(tr("What the evaluator should listen for"));
    m_kind->addItem(tr("Yes / no"), int(QuestionKind::YesNo));
    m_kind->addItem(tr("Scale 1–N"), int(QuestionKind::Scale));
    m_kind->addItem(tr("Single choice with points"), int(QuestionKind::Choice));
    m_kind->addItem(tr("Free text (not scored)"), int(QuestionKind::FreeText));
    m_scaleMax->setRange(Question::kMinScale, Question::kMaxScale);
    m_weight->setRange(0.1, 1000);
    m_weight->setDecimals(1);
    m_choices->setHorizontalHeaderLabels({tr("Id"), tr("Label"), tr("Points"), tr("Fails")});
    m_choices->horizontalHeader()->setSectionResizeMode(kChoiceLabel, QHeaderView::Stretch);
    m_choices->setMinimumHeight(110);
    auto *addChoiceButton = new QPushButton(tr("Add choice"), this);
    addChoiceButton->setObjectName(QStringLiteral("addChoiceButton"));
    auto *removeChoiceButton = new QPushButton(tr("Remove choice"), this);
    auto *choiceButtons = new QHBoxLayout;
    choiceButtons->addWidget(addChoiceButton);
    choiceButtons->addWidget(removeChoiceButton);
    choiceButtons->addStretch();
    m_conditionValues->setPlaceholderText(tr("answers that show this question, e.g. no or partial, incorrect"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("Question:"), m_text);
    form->addRow(tr("Guidance:"), m_guidance);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Scale up to:"), m_scaleMax);
    form->addRow(tr("Choices:"), m_choices);
    form->addRow(QString(), choiceButtons);
    form->addRow(tr("Weight:"), m_weight);
    form->addRow(m_allowNa);
    form->addRow(m_critical);
    form->addRow(m_fatal);
    form->addRow(tr("Shown only when:"), m_conditionQuestion);
    form->addRow(tr("is answered:"), m_conditionValues);

    for (QLineEdit *edit : {m_id, m_conditionValues})
        connect(edit, &QLineEdit::textChanged, this, &QuestionProperties::emitChanged);
    for (QPlainTextEdit *edit : {m_text, m_guidance})
        connect(edit, &QPlainTextEdit::textChanged, this, &QuestionProperties::emitChanged);
    for (QCheckBox *box : {m_allowNa, m_critical, m_fatal})
        connect(box, &QCheckBox::toggled, this, &QuestionProperties::emitChanged);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &QuestionProperties::kindChanged);
    connect(m_scaleMax, &QSpinBox::valueChanged, this, &QuestionProperties::emitChanged);
    connect(m_weight, &QDoubleSpinBox::valueChanged, this, &QuestionProperties::emitChanged);
    connect(m_conditionQuestion, &QComboBox::currentIndexChanged, this, &QuestionProperties::emitChanged);
    connect(m_choices, &QTableWidget::itemChanged, this, &QuestionProperties::emitChanged);
    connect(addChoiceButton, &QPushButton::clicked, this, &QuestionProperties::addChoice);
    connect(removeChoiceButton, &QPushButton::clicked, this, &QuestionProperties::removeChoice);
}

void QuestionProperties::setQuestion(const Question &question, const QVector<Question> &earlier)
{
    m_loading = true;
    m_id->setText(question.id);
    m_text->setPlainText(question.text);
    m_guidance->setPlainText(question.guidance);
    m_kind->setCurrentIndex(m_kind->findData(int(question.kind)));
    m_scaleMax->setValue(question.scaleMax);
    m_weight->setValue(question.weight);
    m_allowNa->setChecked(question.allowNa);
    m_critical->setChecked(question.critical);
    m_fatal->setChecked(question.fatal);
    m_choices->setRowCount(0);
    for (const Choice &c : question.choices) {
        const int row = m_choices->rowCount();
        m_choices->insertRow(row);
        m_choices->setItem(row, kChoiceId, new QTableWidgetItem(c.id));
        m_choices->setItem(row, kChoiceLabel, new QTableWidgetItem(c.label));
        m_choices->setItem(row, kChoicePoints, new QTableWidgetItem(QString::number(c.points)));
        auto *fails = new QTableWidgetItem;
        fails->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        fails->setCheckState(c.fail ? Qt::Checked : Qt::Unchecked);
        m_choices->setItem(row, kChoiceFails, fails);
    }
    m_conditionQuestion->clear();
    m_conditionQuestion->addItem(tr("(always shown)"), QString());
    for (const Question &q : earlier)
        if (q.isScored())
            m_conditionQuestion->addItem(QStringLiteral("%1 — %2").arg(q.id, q.text.left(40)), q.id);
    const int index = question.condition ? m_conditionQuestion->findData(question.condition->questionId) : 0;
    m_conditionQuestion->setCurrentIndex(std::max(index, 0));
    m_conditionValues->setText(question.condition ? question.condition->anyOf.join(QStringLiteral(", ")) : QString());
    m_loading = false;
    kindChanged();
}

Question QuestionProperties::question() const
{
    Question q;
    q.id = m_id->text().trimmed();
    q.text = m_text->toPlainText().trimmed();
    q.guidance = m_guidance->toPlainText().trimmed();
    q.kind = QuestionKind(m_kind->currentData().toInt());
    q.scaleMax = m_scaleMax->value();
    q.weight = m_weight->value();
    q.allowNa = m_allowNa->isChecked();
    q.critical = m_critical->isChecked();
    q.fatal = m_fatal->isChecked();
    if (q.kind == QuestionKind::Choice) {
        for (int row = 0; row < m_choices->rowCount(); ++row) {
            const auto text = [&](int column) {
                const QTableWidgetItem *item = m_choices->item(row, column);
                return item ? item->text().trimmed() : QString();
            };
            const QTableWidgetItem *fails = m_choices->item(row, kChoiceFails);
            q.choices.append(Choice{text(kChoiceId), text(kChoiceLabel), text(kChoicePoints).toDouble(),
                                    fails && fails->checkState() == Qt::Checked});
        }
    }
    const QString conditionId = m_conditionQuestion->currentData().toString();
    if (!conditionId.isEmpty())
        q.condition = Condition{conditionId, splitValues(m_conditionValues->text())};
    return q;
}

void QuestionProperties::kindChanged()
{
    const auto kind = QuestionKind(m_kind->currentData().toInt());
    m_scaleMax->setEnabled(kind == QuestionKind::Scale);
    m_choices->setEnabled(kind == QuestionKind::Choice);
    const bool scored = kind != QuestionKind::FreeText;
    for (QWidget *w : {static_cast<QWidget *>(m_weight), static_cast<QWidget *>(m_allowNa),
                       static_cast<QWidget *>(m_critical), static_cast<QWidget *>(m_fatal)})
        w->setEnabled(scored);
    emitChanged();
}

void QuestionProperties::addChoice()
{
    const int row = m_choices->rowCount();
    m_loading = true;
    m_choices->insertRow(row);
    m_choices->setItem(row, kChoiceId, new QTableWidgetItem(QStringLiteral("choice-%1").arg(row + 1)));
    m_choices->setItem(row, kChoiceLabel, new QTableWidgetItem(tr("Choice %1").arg(row + 1)));
    m_choices->setItem(row, kChoicePoints, new QTableWidgetItem(QStringLiteral("0")));
    auto *fails = new QTableWidgetItem;
    fails->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    fails->setCheckState(Qt::Unchecked);
    m_choices->setItem(row, kChoiceFails, fails);
    m_loading = false;
    emitChanged();
}

void QuestionProperties::removeChoice()
{
    const int row = m_choices->currentRow() >= 0 ? m_choices->currentRow() : m_choices->rowCount() - 1;
    if (row < 0)
        return;
    m_choices->removeRow(row);
    emitChanged();
}

void QuestionProperties::emitChanged()
{
    if (!m_loading)
        emit changed();
}

} // namespace cv
