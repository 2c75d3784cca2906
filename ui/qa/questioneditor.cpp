#include "questioneditor.h"

#include "tags/offsettext.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace cv {

namespace {

// Button ids of the yes/no group (scale buttons use the value itself, 1..N).
constexpr int kYes = 1;
constexpr int kNo = 0;

} // namespace

QuestionEditor::QuestionEditor(const Question &question, std::function<std::optional<qint64>()> position,
                               QWidget *parent)
    : QWidget(parent), m_question(question), m_position(std::move(position))
{
    setObjectName(QStringLiteral("question_") + question.id);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    QString text = question.text.toHtmlEscaped();
    if (question.fatal)
        text += QStringLiteral(" <b>[%1]</b>").arg(tr("fatal"));
    else if (question.critical)
        text += QStringLiteral(" <b>[%1]</b>").arg(tr("critical"));
    auto *label = new QLabel(text, this);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    if (!question.guidance.isEmpty())
        label->setToolTip(question.guidance);
    layout->addWidget(label);
    buildInput();

    auto *notes = new QHBoxLayout;
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("comment_") + question.id);
    m_comment->setPlaceholderText(tr("Comment"));
    m_comment->setClearButtonEnabled(true);
    m_pin = new QToolButton(this);
    m_pin->setObjectName(QStringLiteral("pin_") + question.id);
    m_pin->setText(tr("Pin"));
    m_pin->setToolTip(tr("Pin this answer to the player's current position"));
    m_chip = new QToolButton(this);
    m_chip->setObjectName(QStringLiteral("pinChip_") + question.id);
    m_chip->setToolTip(tr("Play from here"));
    m_chip->hide();
    notes->addWidget(m_comment, 1);
    notes->addWidget(m_pin);
    notes->addWidget(m_chip);
    layout->addLayout(notes);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem_") + question.id);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    connect(m_comment, &QLineEdit::textChanged, this, &QuestionEditor::changed);
    connect(m_pin, &QToolButton::clicked, this, [this] { m_pinnedMs ? unpin() : pinHere(); });
    connect(m_chip, &QToolButton::clicked, this, [this] {
        if (m_pinnedMs)
            emit seekRequested(*m_pinnedMs);
    });
}

void QuestionEditor::buildInput()
{
    auto *row = new QHBoxLayout;
    const QString answerName = QStringLiteral("answer_") + m_question.id;
    switch (m_question.kind) {
    case QuestionKind::YesNo:
    case QuestionKind::Scale: {
        m_buttons = new QButtonGroup(this);
        m_buttons->setExclusive(true);
        if (m_question.kind == QuestionKind::YesNo) {
            auto *yes = new QRadioButton(tr("Yes"), this);
            auto *no = new QRadioButton(tr("No"), this);
            yes->setObjectName(answerName + QStringLiteral("_yes"));
            no->setObjectName(answerName + QStringLiteral("_no"));
            m_buttons->addButton(yes, kYes);
            m_buttons->addButton(no, kNo);
            row->addWidget(yes);
            row->addWidget(no);
        } else {
            for (int v = 1; v <= m_question.scaleMax; ++v) {
                auto *b = new QRadioButton(QString::number(v), this);
                b->setObjectName(answerName + u'_' + QString::number(v));
                m_buttons->addButton(b, v);
                row->addWidget(b);
            }
        }
        connect(m_buttons, &QButtonGroup::idClicked, this, [this] {
            if (m_na)
                m_na->setChecked(false);
            emit changed();
        });
        break;
    }
    case QuestionKind::Choice:
        m_choice = new QComboBox(this);
        m_choice->setObjectName(answerName);
        m_choice->addItem(tr("(not answered)"), QString());
        for (const Choice &c : m_question.choices)
            m_choice->addItem(c.label, c.id);
        connect(m_choice, &QComboBox::currentIndexChanged, this, [this] {
            if (m_na && m_choice->currentIndex() > 0)
                m_na->setChecked(false);
            emit changed();
        });
        row->addWidget(m_choice, 1);
        break;
    case QuestionKind::FreeText:
        m_text = new QPlainTextEdit(this);
        m_text->setObjectName(answerName);
        m_text->setMaximumHeight(70);
        connect(m_text, &QPlainTextEdit::textChanged, this, &QuestionEditor::changed);
        row->addWidget(m_text, 1);
        break;
    }
    if (m_question.allowNa) {
        m_na = new QCheckBox(tr("N/A"), this);
        m_na->setObjectName(QStringLiteral("na_") + m_question.id);
        m_na->setToolTip(tr("Not applicable: the question is left out and the others are re-weighted"));
        connect(m_na, &QCheckBox::toggled, this, [this](bool on) {
            if (on && m_buttons) {
                // An exclusive group keeps one button checked: lift the exclusivity to clear it.
                m_buttons->setExclusive(false);
                if (auto *b = m_buttons->checkedButton())
                    b->setChecked(false);
                m_buttons->setExclusive(true);
            }
            if (on && m_choice)
                m_choice->setCurrentIndex(0);
            emit changed();
        });
        row->addWidget(m_na);
    }
    row->addStretch();
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
}

std::optional<Answer> QuestionEditor::answer() const
{
    if (m_na && m_na->isChecked())
        return Answer::notApplicable();
    if (m_buttons && m_buttons->checkedId() >= 0) {
        if (m_question.kind == QuestionKind::YesNo)
            return Answer::yesNo(m_buttons->checkedId() == kYes);
        return Answer::scale(m_buttons->checkedId());
    }
    if (m_choice && m_choice->currentIndex() > 0)
        return Answer::choice(m_choice->currentData().toString());
    if (m_text && !m_text->toPlainText().trimmed().isEmpty())
        return Answer::text(m_text->toPlainText());
    return std::nullopt;
}

AnswerNote QuestionEditor::note() const
{
    return AnswerNote{m_comment->text().trimmed(), m_pinnedMs};
}

void QuestionEditor::setAnswer(const std::optional<Answer> &answer)
{
    const QSignalBlocker blockNa(m_na);
    if (m_na)
        m_na->setChecked(answer && answer->kind == Answer::Kind::NotApplicable);
    if (m_buttons) {
        m_buttons->setExclusive(false);
        for (auto *b : m_buttons->buttons())
            b->setChecked(false);
        m_buttons->setExclusive(true);
        int id = -1;
        if (answer && answer->kind == Answer::Kind::Yes)
            id = kYes;
        else if (answer && answer->kind == Answer::Kind::No)
            id = kNo;
        else if (answer && answer->kind == Answer::Kind::Scale)
            id = answer->scaleValue;
        if (auto *b = m_buttons->button(id))
            b->setChecked(true);
    }
    if (m_choice) {
        const QSignalBlocker block(m_choice);
        const int index = answer && answer->kind == Answer::Kind::Choice ? m_choice->findData(answer->value) : 0;
        m_choice->setCurrentIndex(std::max(index, 0));
    }
    if (m_text) {
        const QSignalBlocker block(m_text);
        m_text->setPlainText(answer && answer->kind == Answer::Kind::Text ? answer->value : QString());
    }
}

void QuestionEditor::setNote(const AnswerNote &note)
{
    const QSignalBlocker block(m_comment);
    m_comment->setText(note.comment);
    m_pinnedMs = note.atMs;
    updateChip();
}

void QuestionEditor::setReadOnly(bool readOnly)
{
    if (m_buttons)
        for (auto *b : m_buttons->buttons())
            b->setEnabled(!readOnly);
    if (m_choice)
        m_choice->setEnabled(!readOnly);
    if (m_text)
        m_text->setReadOnly(readOnly);
    if (m_na)
        m_na->setEnabled(!readOnly);
    m_comment->setReadOnly(readOnly);
    m_pin->setVisible(!readOnly);
}

void QuestionEditor::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void QuestionEditor::pinAt(qint64 ms)
{
    m_pinnedMs = std::max<qint64>(ms, 0);
    updateChip();
    emit changed();
}

void QuestionEditor::pinHere()
{
    const auto at = m_position ? m_position() : std::nullopt;
    if (!at) {
        setProblem(tr("Open the call in the player to pin an answer to a moment."));
        return;
    }
    setProblem(QString());
    pinAt(*at);
}

void QuestionEditor::unpin()
{
    m_pinnedMs.reset();
    updateChip();
    emit changed();
}

void QuestionEditor::updateChip()
{
    m_chip->setVisible(m_pinnedMs.has_value());
    if (m_pinnedMs)
        m_chip->setText(offsettext::format(*m_pinnedMs));
    m_pin->setText(m_pinnedMs ? tr("Unpin") : tr("Pin"));
}

} // namespace cv
