#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cv {

class WorkstationSession;

// Shown instead of the main window when the session locked itself after
// session.idle_minutes without activity. Only the same user's password unlocks it; anyone
// else can only log that user out (their work is then ended, not taken over). Escape and
// the window's close button do nothing: the desk stays locked.
class LockDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit LockDialog(WorkstationSession &session, QWidget *parent = nullptr);

    // Back to the user of the session, an empty password, no message.
    void reset();

signals:
    void logoutRequested();

public slots:
    void reject() override {}

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void tryUnlock();

    WorkstationSession &m_session;
    QLabel *m_text;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_message;
    QPushButton *m_unlock;
};

} // namespace cv
