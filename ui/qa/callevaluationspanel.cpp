#include "qa/callevaluationspanel.h"

#include "qa/evaluationpane.h"
#include "qa/evaluationqueries.h"
#include "qa/evaluationstepbar.h"
#include "qa/evaluationtext.h"
#include "qa/evaluationworkflow.h"
#include "qa/formlibrary.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace cv {

namespace {

struct FormChoice
{
    QString formId;
    int version = 0;
};

QString listText(const EvaluationRow &row)
{
    return CallEvaluationsPanel::tr("#%1 · %2 · %3 · %4")
        .arg(row.id)
        .arg(row.evaluator, EvaluationText::state(row.state), EvaluationText::score(row.score));
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

CallEvaluationsPanel::CallEvaluationsPanel(Database &db, const Principal &principal, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_list(new QComboBox(this)),
      m_forms(new QComboBox(this)),
      m_start(new QPushButton(tr("&Evaluate"), this)),
      m_info(new QLabel(this)),
      m_pane(new EvaluationPane(this)),
      m_steps(new EvaluationStepBar(principal, this)),
      m_history(new QListWidget(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("callEvaluationsPanel"));
    m_list->setObjectName(QStringLiteral("evaluationList"));
    m_forms->setObjectName(QStringLiteral("evaluationFormChoice"));
    m_start->setObjectName(QStringLiteral("startEvaluationButton"));
    m_info->setObjectName(QStringLiteral("evaluationInfo"));
    m_history->setObjectName(QStringLiteral("evaluationHistory"));
    m_message->setObjectName(QStringLiteral("evaluationMessage"));
    m_info->setWordWrap(true);
    m_message->setWordWrap(true);
    m_start->setToolTip(tr("Start a new evaluation of this call with the chosen form."));

    auto *chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(tr("Evaluations:"), this));
    chooser->addWidget(m_list, 1);
    chooser->addWidget(m_forms, 1);
    chooser->addWidget(m_start);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_pane);
    split->addWidget(m_history);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(chooser);
    layout->addWidget(m_info);
    layout->addWidget(split, 1);
    layout->addWidget(m_steps);
    layout->addWidget(m_message);

    const bool scores = principal.has(Permission::RecordingScore);
    m_forms->setVisible(scores);
    m_start->setVisible(scores);
    connect(m_start, &QPushButton::clicked, this, &CallEvaluationsPanel::startChosen);
    connect(m_list, &QComboBox::activated, this, [this](int index) {
        const qint64 id = index >= 0 ? m_list->itemData(index).toLongLong() : 0;
        if (id > 0 && !(m_opened && m_opened->row.id == id)) // the open one: keep what is typed
            openEvaluation(id);
    });
    connect(m_pane, &EvaluationPane::seekRequested, this, &CallEvaluationsPanel::seekRequested);
    connect(m_pane, &EvaluationPane::answersChanged, this, [this] {
        if (m_showing)
            return;
        m_dirty = true;
        refreshSteps();
    });
    connect(m_steps, &EvaluationStepBar::saveRequested, this, &CallEvaluationsPanel::saveDraft);
    connect(m_steps, &EvaluationStepBar::submitRequested, this, &CallEvaluationsPanel::submit);
    connect(m_steps, &EvaluationStepBar::acknowledgeRequested, this, &CallEvaluationsPanel::acknowledge);
    connect(m_steps, &EvaluationStepBar::disputeRequested, this, &CallEvaluationsPanel::dispute);
    connect(m_steps, &EvaluationStepBar::resolveRequested, this, &CallEvaluationsPanel::resolve);
    setRecording(QUuid());
}

void CallEvaluationsPanel::setPositionSource(std::function<std::optional<qint64>()> position)
{
    m_pane->setPositionSource(std::move(position));
}

QString CallEvaluationsPanel::message() const
{
    return m_message->text();
}

std::optional<qint64> CallEvaluationsPanel::openedEvaluation() const
{
    return m_opened ? std::optional<qint64>(m_opened->row.id) : std::nullopt;
}

void CallEvaluationsPanel::setRecording(const QUuid &recordingId)
{
    if (!saveIfChanged())
        return; // the draft could not be saved: it stays open, with the reason shown
    m_recording = recordingId;
    closeEvaluation();
    say(QString());
    m_list->setEnabled(!recordingId.isNull());
    m_start->setEnabled(!recordingId.isNull());
    if (recordingId.isNull()) {
        m_list->clear();
        m_info->setText(tr("Choose a call to see or start its evaluations."));
        return;
    }
    reloadForms();
    reloadList(std::nullopt);
}

void CallEvaluationsPanel::formsPublished()
{
    m_forms->clear();
    if (!m_recording.isNull())
        reloadForms();
}

void CallEvaluationsPanel::reloadForms()
{
    if (!m_principal.has(Permission::RecordingScore) || m_forms->count() > 0)
        return;
    auto forms = FormLibrary(m_db).list(m_principal);
    if (!forms) {
        fail(forms.error());
        return;
    }
    // The forms in the workstation's language first: an evaluator rarely wants the other.
    const QString language = QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                               : QStringLiteral("en");
    std::stable_sort(forms->begin(), forms->end(), [&language](const FormRow &a, const FormRow &b) {
        return (a.language == language) > (b.language == language);
    });
    for (const FormRow &form : forms.value())
        m_forms->addItem(tr("%1 (version %2)").arg(form.title).arg(form.version),
                         QVariant::fromValue(QStringList{form.formId, QString::number(form.version)}));
    m_start->setEnabled(m_forms->count() > 0 && !m_recording.isNull());
    if (m_forms->count() == 0)
        m_start->setToolTip(tr("No evaluation form is published yet: a supervisor publishes them under Quality → Forms."));
}

void CallEvaluationsPanel::reloadList(std::optional<qint64> select)
{
    m_list->clear();
    auto rows = EvaluationQueries(m_db).ofRecording(m_principal, m_recording);
    if (!rows) {
        fail(rows.error());
        return;
    }
    for (const EvaluationRow &row : rows.value())
        m_list->addItem(listText(row), row.id);
    if (rows->isEmpty()) {
        m_info->setText(tr("This call has no evaluation yet."));
        return;
    }
    if (select) {
        m_list->setCurrentIndex(m_list->findData(*select));
        return;
    }
    // Open the one most likely wanted: one's own draft, else the newest.
    int index = m_list->count() - 1;
    for (int i = 0; i < rows->size(); ++i) {
        if (rows->at(i).state == EvaluationState::Draft && rows->at(i).evaluator == m_principal.name)
            index = i;
    }
    m_list->setCurrentIndex(index);
    openEvaluation(m_list->itemData(index).toLongLong());
}

bool CallEvaluationsPanel::openEvaluation(qint64 evaluationId)
{
    if (m_opened && m_opened->row.id != evaluationId && !saveIfChanged())
        return false;
    auto opened = ScoredEvaluation(m_db).open(m_principal, evaluationId);
    if (!opened)
        return fail(opened.error());
    if (opened->row.recordingId != m_recording) {
        m_recording = opened->row.recordingId;
        reloadForms();
        reloadList(evaluationId);
    } else {
        m_list->setCurrentIndex(m_list->findData(evaluationId));
    }
    showOpened(opened.value());
    return true;
}

void CallEvaluationsPanel::showOpened(const OpenedEvaluation &opened)
{
    m_opened = opened;
    m_showing = true;
    m_pane->setForm(opened.form);
    m_pane->setAnswers(opened.answers);
    m_showing = false;
    m_dirty = false;
    const EvaluationRow &row = opened.row;
    m_info->setText(tr("%1, version %2 · evaluator %3 · %4 · score %5 · due %6")
                        .arg(opened.form.title)
                        .arg(row.formVersion)
                        .arg(row.evaluator, EvaluationText::state(row.state), EvaluationText::score(row.score),
                             EvaluationText::deadline(row.deadlineAtMs, now())));
    refreshSteps();
    reloadHistory();
}

void CallEvaluationsPanel::closeEvaluation()
{
    m_opened.reset();
    m_dirty = false;
    m_showing = true;
    m_pane->setForm(EvaluationForm());
    m_showing = false;
    m_pane->setVisible(false);
    m_history->clear();
    m_history->setVisible(false);
    refreshSteps();
}

void CallEvaluationsPanel::refreshSteps()
{
    m_pane->setVisible(m_opened.has_value());
    const ScoreResult &score = m_pane->score();
    m_steps->showFor(m_opened ? std::optional<EvaluationRow>(m_opened->row) : std::nullopt,
                     score.isComplete() && score.total.has_value());
    m_pane->setReadOnly(!m_steps->editable());
}

void CallEvaluationsPanel::reloadHistory()
{
    m_history->clear();
    // A draft has no history yet: the pane gets the room.
    m_history->setVisible(m_opened && m_opened->row.state != EvaluationState::Draft);
    if (!m_history->isVisibleTo(this))
        return;
    auto events = EvaluationQueries(m_db).history(m_principal, m_opened->row.id);
    if (!events) {
        fail(events.error());
        return;
    }
    for (const EvaluationEventRow &event : events.value())
        m_history->addItem(EvaluationText::event(event));
}

void CallEvaluationsPanel::startChosen()
{
    const QStringList choice = m_forms->currentData().toStringList();
    if (choice.size() == 2)
        startEvaluation(choice.at(0), choice.at(1).toInt());
}

bool CallEvaluationsPanel::startEvaluation(const QString &formId, int version)
{
    if (!saveIfChanged())
        return false;
    auto draft = EvaluationWorkflow(m_db).startDraft(m_principal, m_recording, formId, version);
    if (!draft)
        return fail(draft.error());
    reloadList(draft->id);
    if (!openEvaluation(draft->id))
        return false;
    say(tr("A new draft: answer the questions, then submit."));
    emit evaluationChanged(draft->id);
    return true;
}

bool CallEvaluationsPanel::saveIfChanged()
{
    if (!m_opened || !m_dirty || !m_steps->editable())
        return true;
    return saveDraft();
}

bool CallEvaluationsPanel::saveDraft()
{
    if (!m_opened)
        return false;
    auto saved = ScoredEvaluation(m_db).save(m_principal, m_opened->row.id, m_pane->answers());
    if (!saved)
        return fail(saved.error());
    m_opened = saved.value();
    m_dirty = false;
    const qint64 id = saved->row.id;
    if (m_recording == saved->row.recordingId)
        m_list->setItemText(m_list->findData(id), listText(saved->row));
    refreshSteps();
    say(tr("Draft saved at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    emit evaluationChanged(id);
    return true;
}

bool CallEvaluationsPanel::submit()
{
    if (!m_opened || (m_dirty && !saveDraft()))
        return false;
    auto submitted = ScoredEvaluation(m_db).submit(m_principal, m_opened->row.id);
    if (!submitted)
        return fail(submitted.error());
    const qint64 id = submitted->row.id;
    reloadList(id);
    showOpened(submitted.value());
    say(tr("Submitted with score %1. The agent is asked to acknowledge it.")
            .arg(EvaluationText::score(submitted->row.score)));
    emit evaluationChanged(id);
    return true;
}

bool CallEvaluationsPanel::acknowledge()
{
    if (!m_opened)
        return false;
    return applied(EvaluationWorkflow(m_db).acknowledge(m_principal, m_opened->row.id),
                   tr("You acknowledged the evaluation."));
}

bool CallEvaluationsPanel::dispute(const QString &reason)
{
    if (!m_opened)
        return false;
    return applied(EvaluationWorkflow(m_db).dispute(m_principal, m_opened->row.id, reason),
                   tr("Your dispute was sent; a supervisor decides."));
}

bool CallEvaluationsPanel::resolve(bool rescored, std::optional<double> newScore, const QString &notes)
{
    if (!m_opened)
        return false;
    const auto outcome = rescored ? EvaluationWorkflow::Outcome::Rescored : EvaluationWorkflow::Outcome::Upheld;
    return applied(EvaluationWorkflow(m_db).resolve(m_principal, m_opened->row.id, outcome, newScore, notes),
                   rescored ? tr("Re-scored; the agent sees the new score and your notes.")
                            : tr("Upheld; the agent sees your notes."));
}

bool CallEvaluationsPanel::applied(const Result<EvaluationRow> &step, const QString &done)
{
    if (!step)
        return fail(step.error());
    const qint64 id = step->id;
    reloadList(id);
    if (!openEvaluation(id))
        return false;
    say(done);
    emit evaluationChanged(id);
    return true;
}

bool CallEvaluationsPanel::fail(const Error &error)
{
    say(tr("Not done: %1").arg(error.message));
    return false;
}

void CallEvaluationsPanel::say(const QString &text)
{
    m_message->setText(text);
}

} // namespace cv
