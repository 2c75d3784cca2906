#include "qa/calibrationpanel.h"

#include "catalog/recordingrepository.h"
#include "qa/calibrationrevealview.h"
#include "qa/evaluationpane.h"
#include "qa/evaluationtext.h"
#include "qa/formlibrary.h"
#include "qa/newcalibrationdialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace cv {

namespace {

enum Page
{
    Scoring = 0,
    Revealed = 1,
};

} // namespace

CalibrationPanel::CalibrationPanel(Database &db, const Principal &principal, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_sessions(new QListWidget(this)),
      m_new(new QPushButton(tr("&New session…"), this)),
      m_progress(new QLabel(this)),
      m_playerSlot(new QWidget(this)),
      m_pages(new QStackedWidget(this)),
      m_calls(new QComboBox(this)),
      m_play(new QPushButton(tr("&Play"), this)),
      m_pane(new EvaluationPane(this)),
      m_save(new QPushButton(tr("&Save my score"), this)),
      m_revealButton(new QPushButton(tr("&Reveal"), this)),
      m_reveal(new CalibrationRevealView(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("calibrationPanel"));
    m_sessions->setObjectName(QStringLiteral("calibrationSessions"));
    m_new->setObjectName(QStringLiteral("newCalibrationButton"));
    m_progress->setObjectName(QStringLiteral("calibrationProgress"));
    m_calls->setObjectName(QStringLiteral("calibrationCalls"));
    m_save->setObjectName(QStringLiteral("saveCalibrationScoreButton"));
    m_play->setObjectName(QStringLiteral("playCalibrationCallButton"));
    m_revealButton->setObjectName(QStringLiteral("revealCalibrationButton"));
    m_status->setObjectName(QStringLiteral("calibrationStatus"));
    m_progress->setWordWrap(true);
    m_status->setWordWrap(true);

    auto *scoring = new QWidget(this);
    auto *callRow = new QHBoxLayout;
    callRow->addWidget(new QLabel(tr("Call:"), scoring));
    callRow->addWidget(m_calls, 1);
    callRow->addWidget(m_play);
    auto *scoringLayout = new QVBoxLayout(scoring);
    scoringLayout->setContentsMargins(0, 0, 0, 0);
    scoringLayout->addLayout(callRow);
    scoringLayout->addWidget(m_pane, 1);
    scoringLayout->addWidget(m_save, 0, Qt::AlignRight);
    m_pages->addWidget(scoring);
    m_pages->addWidget(m_reveal);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_sessions, 1);
    auto *refresh = new QPushButton(tr("Re&fresh"), left);
    refresh->setObjectName(QStringLiteral("refreshCalibrationButton"));
    connect(refresh, &QPushButton::clicked, this, &CalibrationPanel::reload);
    leftLayout->addWidget(refresh);
    leftLayout->addWidget(m_new);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_progress);
    m_playerSlot->setObjectName(QStringLiteral("calibrationPlayerSlot"));
    (new QVBoxLayout(m_playerSlot))->setContentsMargins(0, 0, 0, 0);
    auto *work = new QSplitter(Qt::Vertical, right);
    work->addWidget(m_playerSlot);
    work->addWidget(m_pages);
    work->setStretchFactor(1, 3);
    rightLayout->addWidget(work, 1);
    rightLayout->addWidget(m_revealButton, 0, Qt::AlignRight);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    m_new->setVisible(principal.has(Permission::QaFormsManage));
    connect(m_new, &QPushButton::clicked, this, &CalibrationPanel::askNewSession);
    connect(m_sessions, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_rows.size())
            openSession(m_rows.at(row).id);
    });
    connect(m_calls, &QComboBox::activated, this, &CalibrationPanel::chooseCall);
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_session && m_call >= 0)
            emit playRequested(m_session->calls.at(m_call));
    });
    connect(m_pane, &EvaluationPane::seekRequested, this, &CalibrationPanel::seekRequested);
    connect(m_pane, &EvaluationPane::answersChanged, this, [this] {
        if (!m_loading)
            keepUnsaved();
        updateButtons();
    });
    connect(m_save, &QPushButton::clicked, this, &CalibrationPanel::saveScore);
    connect(m_revealButton, &QPushButton::clicked, this, &CalibrationPanel::reveal);
    reload();
}

void CalibrationPanel::setPositionSource(std::function<std::optional<qint64>()> position)
{
    m_pane->setPositionSource(std::move(position));
}

QString CalibrationPanel::statusText() const
{
    return m_status->text();
}

QString CalibrationPanel::progressText() const
{
    return m_progress->text();
}

void CalibrationPanel::reload()
{
    const std::optional<qint64> open = m_session ? std::optional<qint64>(m_session->id) : std::nullopt;
    const QSignalBlocker blocker(m_sessions);
    m_sessions->clear();
    auto rows = CalibrationSessions(m_db).mine(m_principal);
    if (!rows) {
        fail(rows.error());
        return;
    }
    m_rows = rows.takeValue();
    for (const CalibrationSessionRow &row : m_rows) {
        m_sessions->addItem(tr("%1 — %n call(s), %2", nullptr, int(row.calls.size()))
                                .arg(row.title, row.revealed() ? tr("revealed") : tr("blind")));
        if (open && row.id == *open)
            m_sessions->setCurrentRow(m_sessions->count() - 1);
    }
    if (m_session)
        showProgress(); // who has scored since
    if (m_rows.isEmpty())
        say(m_principal.has(Permission::QaFormsManage)
                ? tr("No calibration session yet: select calls in Recordings, then New session.")
                : tr("You take part in no calibration session yet."));
    updateButtons();
}

void CalibrationPanel::askNewSession()
{
    const QVector<QUuid> calls = m_selection ? m_selection() : QVector<QUuid>();
    if (calls.isEmpty()) {
        say(tr("Select the calls to calibrate on in Recordings first."));
        return;
    }
    auto forms = FormLibrary(m_db).list(m_principal);
    if (!forms) {
        fail(forms.error());
        return;
    }
    auto evaluators = CalibrationSessions(m_db).candidates(m_principal);
    if (!evaluators) {
        fail(evaluators.error());
        return;
    }
    NewCalibrationDialog dialog(int(calls.size()), forms.value(), evaluators.value(), this);
    if (dialog.exec() == QDialog::Accepted)
        createSession(dialog.title(), dialog.formId(), dialog.formVersion(), calls, dialog.evaluators());
}

bool CalibrationPanel::createSession(const QString &title, const QString &formId, int formVersion,
                                     const QVector<QUuid> &calls, const QStringList &evaluators)
{
    auto made = CalibrationSessions(m_db).create(m_principal, title, formId, formVersion, calls, evaluators);
    if (!made)
        return fail(made.error());
    m_session = made.value();
    m_call = -1;
    m_unsaved.clear();
    reload();
    openSession(made->id);
    say(tr("Session started; the evaluators score blind until you reveal it."));
    return true;
}

QUuid CalibrationPanel::currentCall() const
{
    return m_session && m_call >= 0 && m_call < m_session->calls.size() ? m_session->calls.at(m_call) : QUuid();
}

void CalibrationPanel::keepUnsaved()
{
    if (!currentCall().isNull())
        m_unsaved.insert(currentCall(), m_pane->answers());
}

bool CalibrationPanel::openSession(qint64 sessionId)
{
    if (m_session && m_session->id == sessionId && !m_session->revealed() && m_call >= 0) {
        showProgress(); // already open: keep what is being typed, refresh who has scored
        updateButtons();
        return true;
    }
    CalibrationSessions sessions(m_db);
    auto progress = sessions.progress(m_principal, sessionId);
    if (!progress)
        return fail(progress.error());
    if (!m_unsaved.isEmpty() && m_session && m_session->id != sessionId)
        say(tr("Answers you did not save in \"%1\" were dropped.").arg(m_session->title));
    m_session = progress->session;
    m_mine.clear();
    m_unsaved.clear();
    m_call = -1;
    if (m_session->revealed()) {
        auto outcome = sessions.outcome(m_principal, sessionId);
        if (!outcome)
            return fail(outcome.error());
        m_reveal->setReveal(outcome->reveal, outcome->calls, outcome->evaluators);
        m_pages->setCurrentIndex(Revealed);
        showProgress();
        if (!outcome->incomplete.isEmpty())
            say(tr("Left out (did not score every call): %1").arg(outcome->incomplete.join(QStringLiteral(", "))));
        else
            say(QString());
        updateButtons();
        return true;
    }
    auto form = sessions.form(m_principal, sessionId);
    if (!form)
        return fail(form.error());
    m_form = form.takeValue();
    if (m_session->participants.contains(m_principal.name)) {
        auto mine = sessions.myAnswers(m_principal, sessionId);
        if (!mine)
            return fail(mine.error());
        m_mine = mine.takeValue();
    }
    showSession();
    showProgress();
    return chooseCall(0);
}

void CalibrationPanel::showSession()
{
    const QSignalBlocker blocker(m_calls);
    m_calls->clear();
    RecordingRepository recordings(m_db);
    for (int i = 0; i < m_session->calls.size(); ++i) {
        const QUuid &id = m_session->calls.at(i);
        auto row = recordings.get(id);
        const QString done = m_mine.contains(id) ? tr(" (scored)") : QString();
        m_calls->addItem(row ? tr("Call %1 — %2, agent %3%4")
                                   .arg(i + 1)
                                   .arg(QLocale().toString(row->startedAt.toLocalTime(), QLocale::ShortFormat),
                                        row->agentId, done)
                             : tr("Call %1%2").arg(i + 1).arg(done));
    }
    m_pages->setCurrentIndex(Scoring);
}

void CalibrationPanel::showProgress()
{
    auto progress = CalibrationSessions(m_db).progress(m_principal, m_session->id);
    if (!progress) {
        m_progress->setText(tr("Progress unknown: %1").arg(progress.error().message));
        return;
    }
    QStringList parts;
    m_finished = 0;
    for (auto it = progress->scoredCalls.cbegin(); it != progress->scoredCalls.cend(); ++it) {
        parts << tr("%1 %2/%3").arg(it.key()).arg(it.value()).arg(m_session->calls.size());
        m_finished += it.value() >= m_session->calls.size() ? 1 : 0;
    }
    m_progress->setText(m_session->revealed()
                            ? tr("%1, revealed %2. Scored: %3")
                                  .arg(m_session->title, EvaluationText::time(m_session->revealedAtMs),
                                       parts.join(QStringLiteral(", ")))
                            : tr("%1, blind: nobody sees another's scores until %2 reveals it. Scored: %3")
                                  .arg(m_session->title, m_session->createdBy, parts.join(QStringLiteral(", "))));
}

bool CalibrationPanel::chooseCall(int index)
{
    if (!m_session || m_session->revealed() || index < 0 || index >= m_session->calls.size())
        return false;
    if (index == m_call)
        return true;
    m_call = index;
    m_calls->setCurrentIndex(index);
    m_loading = true;
    m_pane->setForm(m_form);
    const QUuid id = m_session->calls.at(index);
    if (m_unsaved.contains(id))
        m_pane->setAnswers(m_unsaved.value(id));
    else if (m_mine.contains(id))
        m_pane->setAnswers(m_mine.value(id));
    m_loading = false;
    updateButtons();
    return true;
}

bool CalibrationPanel::saveScore()
{
    if (!m_session || m_call < 0)
        return false;
    const QUuid id = m_session->calls.at(m_call);
    const EvaluationAnswers answers = m_pane->answers();
    if (auto saved = CalibrationSessions(m_db).score(m_principal, m_session->id, id, answers); !saved)
        return fail(saved.error());
    m_mine.insert(id, answers);
    m_unsaved.remove(id);
    const int call = m_call;
    showSession();
    showProgress();
    m_call = -1; // show it again from what was saved
    chooseCall(call);
    say(tr("Your score of call %1 is saved (%2). Others see it only after the reveal.")
            .arg(call + 1)
            .arg(EvaluationText::score(m_pane->score().total)));
    return true;
}

bool CalibrationPanel::reveal()
{
    if (!m_session)
        return false;
    auto revealed = CalibrationSessions(m_db).reveal(m_principal, m_session->id);
    if (!revealed)
        return fail(revealed.error());
    const qint64 id = m_session->id;
    m_session.reset(); // open it afresh, revealed
    m_call = -1;
    m_unsaved.clear();
    reload();
    openSession(id);
    return true;
}

void CalibrationPanel::updateButtons()
{
    const bool open = m_session.has_value();
    const bool blind = open && !m_session->revealed();
    const bool participant = open && m_session->participants.contains(m_principal.name);
    m_calls->setEnabled(blind);
    m_play->setEnabled(blind && m_call >= 0);
    m_pane->setReadOnly(!(blind && participant));
    const ScoreResult &score = m_pane->score();
    m_save->setVisible(participant);
    m_save->setEnabled(blind && participant && m_call >= 0 && score.isComplete() && score.total.has_value());
    m_revealButton->setVisible(open && m_session->createdBy == m_principal.name);
    m_revealButton->setEnabled(blind && m_finished >= 2);
    m_revealButton->setToolTip(blind && m_finished < 2
                                   ? tr("Two evaluators at least must score every call before the reveal.")
                                   : tr("Shows everyone's scores side by side. Scores can no longer change afterwards."));
}

bool CalibrationPanel::fail(const Error &error)
{
    say(tr("Not done: %1").arg(error.message));
    return false;
}

void CalibrationPanel::say(const QString &text)
{
    m_status->setText(text);
}

} // namespace cv
