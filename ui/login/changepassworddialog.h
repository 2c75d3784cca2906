#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cv {

class WorkstationSession;

// Current password, new password twice, with the site's rule (password.min_length)
// spelled out. `forced`: the administrator reset the password, so nothing else is possible
// until it is changed; cancelling then means logging out (the caller decides).
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT

public:
    ChangePasswordDialog(WorkstationSession &session, bool forced, QWidget *parent = nullptr);

    // Shows the forced change if the session needs one. False when the person gave up: the
    // caller logs out.
    static bool forceIfNeeded(WorkstationSession &session, QWidget *parent = nullptr);

private:
    void change();

    WorkstationSession &m_session;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_message;
};

} // namespace cv
