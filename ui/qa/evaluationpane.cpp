#include "evaluationpane.h"

#include "questioneditor.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

namespace cv {

namespace {

QString percent(double value)
{
    return QLocale().toString(value, 'f', 1);
}

} // namespace

EvaluationPane::EvaluationPane(QWidget *parent)
    : QWidget(parent), m_body(nullptr), m_title(new QLabel(this)), m_total(new QLabel(this)),
      m_comment(new QLineEdit(this))
{
    setObjectName(QStringLiteral("evaluationPane"));
    m_title->setObjectName(QStringLiteral("evaluationFormTitle"));
    m_total->setObjectName(QStringLiteral("evaluationScore"));
    m_total->setWordWrap(true);
    m_comment->setObjectName(QStringLiteral("evaluationComment"));
    m_comment->setPlaceholderText(tr("Overall comment"));
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_title);
    outer->addWidget(m_total);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    m_body = new QVBoxLayout(content);
    m_body->addStretch();
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    outer->addWidget(m_comment);
    connect(m_comment, &QLineEdit::textChanged, this, [this] {
        if (!m_loading)
            emit answersChanged();
    });
    rescore();
}

void EvaluationPane::clear()
{
    m_editors.clear();
    m_sectionScores.clear();
    while (m_body->count() > 1) { // the stretch stays last
        QLayoutItem *item = m_body->takeAt(0);
        delete item->widget();
        delete item;
    }
}

void EvaluationPane::setForm(const EvaluationForm &form)
{
    clear();
    m_form = form;
    m_title->setText(tr("%1 (version %2)").arg(form.title).arg(form.version));
    for (const Section &section : form.sections) {
        auto *box = new QGroupBox(section.title);
        box->setObjectName(QStringLiteral("section_") + section.id);
        auto *layout = new QVBoxLayout(box);
        auto *sectionScore = new QLabel(box);
        sectionScore->setObjectName(QStringLiteral("sectionScore_") + section.id);
        layout->addWidget(sectionScore);
        m_sectionScores.insert(section.id, sectionScore);
        for (const Question &question : section.questions) {
            auto *editor = new QuestionEditor(question, [this] { return m_position ? m_position() : std::nullopt; }, box);
            layout->addWidget(editor);
            m_editors.insert(question.id, editor);
            connect(editor, &QuestionEditor::changed, this, [this] {
                if (m_loading)
                    return;
                rescore();
                emit answersChanged();
            });
            connect(editor, &QuestionEditor::seekRequested, this, &EvaluationPane::seekRequested);
        }
        m_body->insertWidget(m_body->count() - 1, box);
    }
    m_loading = true;
    m_comment->clear();
    m_loading = false;
    rescore();
}

bool EvaluationPane::setAnswers(const EvaluationAnswers &answers)
{
    if (answers.formId != m_form.id || answers.formVersion != m_form.version)
        return false;
    m_loading = true;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        (*it)->setAnswer(answers.answers.contains(it.key()) ? std::optional<Answer>(answers.answers.value(it.key()))
                                                             : std::nullopt);
        (*it)->setNote(answers.notes.value(it.key()));
    }
    m_comment->setText(answers.comment);
    m_loading = false;
    rescore();
    return true;
}

EvaluationAnswers EvaluationPane::answers() const
{
    EvaluationAnswers a;
    a.formId = m_form.id;
    a.formVersion = m_form.version;
    a.comment = m_comment->text().trimmed();
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (const auto answer = (*it)->answer())
            a.answers.insert(it.key(), *answer);
        const AnswerNote note = (*it)->note();
        if (!note.isEmpty())
            a.notes.insert(it.key(), note);
    }
    return a;
}

void EvaluationPane::setReadOnly(bool readOnly)
{
    for (QuestionEditor *editor : std::as_const(m_editors))
        editor->setReadOnly(readOnly);
    m_comment->setReadOnly(readOnly);
}

void EvaluationPane::rescore()
{
    AnswerMap answers;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        if (const auto answer = (*it)->answer())
            answers.insert(it.key(), *answer);
    m_score = ScoreEngine::score(m_form, answers);
    const QSet<QString> visible(m_score.visibleQuestions.cbegin(), m_score.visibleQuestions.cend());
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        (*it)->setVisible(visible.contains(it.key()));
        (*it)->setProblem(QString());
    }
    for (const AnswerProblem &problem : m_score.problems)
        if (auto *editor = m_editors.value(problem.questionId))
            editor->setProblem(problem.message);
    for (const SectionScore &section : m_score.sections) {
        QLabel *label = m_sectionScores.value(section.sectionId);
        if (!label)
            continue;
        if (section.criticalFailed)
            label->setText(tr("Section score: 0 (a critical question failed)"));
        else if (section.score)
            label->setText(tr("Section score: %1").arg(percent(*section.score)));
        else
            label->setText(tr("Section score: N/A"));
    }
    m_total->setText(scoreText());
}

QString EvaluationPane::scoreText() const
{
    if (m_form.sections.isEmpty())
        return tr("No form chosen.");
    QString text;
    if (m_score.fatal)
        text = tr("Score: 0 — a fatal question failed");
    else if (m_score.total)
        text = tr("Score: %1").arg(percent(*m_score.total));
    else
        text = tr("Score: —");
    if (!m_score.unanswered.isEmpty())
        text += QLatin1Char(' ') + tr("(provisional: %n question(s) not answered yet)", nullptr,
                                      int(m_score.unanswered.size()));
    return text;
}

} // namespace cv
