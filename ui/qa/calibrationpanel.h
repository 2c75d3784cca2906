#pragma once

#include "auth/principal.h"
#include "qa/calibrationsessions.h"

#include <QUuid>
#include <QVector>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace cv {

class CalibrationRevealView;
class Database;
class EvaluationPane;

// Calibration in the Quality tab (issue 6, "Calibration"): the sessions one created or takes
// part in; a supervisor starts one on the calls selected in Recordings; a participant scores
// each call blind in the evaluation pane (Play opens the call in the player, pins take its
// moment), and sees only who has scored how much; the creator reveals it, and then everyone
// in it sees the comparison (CalibrationRevealView). The rules are CalibrationSessions'.
class CalibrationPanel final : public QWidget
{
    Q_OBJECT

public:
    CalibrationPanel(Database &db, const Principal &principal, QWidget *parent = nullptr);

    // The calls selected in Recordings (a new session's calls).
    void setCallSelection(std::function<QVector<QUuid>()> selection) { m_selection = std::move(selection); }
    void setPositionSource(std::function<std::optional<qint64>()> position);

    void reload();
    bool openSession(qint64 sessionId);
    bool createSession(const QString &title, const QString &formId, int formVersion,
                       const QVector<QUuid> &calls, const QStringList &evaluators);
    // Another call of the open session; answers not yet saved stay with their call (in
    // memory) and come back when it is chosen again.
    bool chooseCall(int index);
    QUuid currentCall() const; // null: none
    bool saveScore();
    bool reveal();

    // Where the main window puts the player while this page is shown (the player is one
    // widget, moved between here and the Recordings tab).
    QWidget *playerSlot() const { return m_playerSlot; }
    QListWidget *sessionList() const { return m_sessions; }
    EvaluationPane *pane() const { return m_pane; }
    CalibrationRevealView *revealView() const { return m_reveal; }
    QString statusText() const;
    QString progressText() const;

signals:
    void playRequested(const QUuid &recordingId);
    void seekRequested(qint64 ms);

private:
    void askNewSession();
    void showSession();
    void showProgress();
    void keepUnsaved();
    void updateButtons();
    bool fail(const Error &error);
    void say(const QString &text);

    Database &m_db;
    Principal m_principal;
    std::function<QVector<QUuid>()> m_selection;
    QVector<CalibrationSessionRow> m_rows;
    std::optional<CalibrationSessionRow> m_session;
    EvaluationForm m_form;
    QMap<QUuid, EvaluationAnswers> m_mine;    // saved
    QMap<QUuid, EvaluationAnswers> m_unsaved; // changed since, by call
    int m_call = -1;
    int m_finished = 0; // participants who scored every call (the reveal needs two)
    bool m_loading = false;
    QListWidget *m_sessions;
    QPushButton *m_new;
    QLabel *m_progress;
    QWidget *m_playerSlot;
    QStackedWidget *m_pages;
    QComboBox *m_calls;
    QPushButton *m_play;
    EvaluationPane *m_pane;
    QPushButton *m_save;
    QPushButton *m_revealButton;
    CalibrationRevealView *m_reveal;
    QLabel *m_status;
};

} // namespace cv
