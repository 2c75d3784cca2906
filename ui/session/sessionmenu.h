#pragma once

#include <QMenu>

namespace cv {

class WorkstationSession;

// The main window's "Session" menu: change one's password, the language, log out. Kept
// apart from MainWindow so that the window's panels and the session evolve separately.
class SessionMenu final : public QMenu
{
    Q_OBJECT

public:
    SessionMenu(WorkstationSession &session, QWidget *window);

private:
    // The UI language (common/language.h), for the next start.
    QMenu *languageMenu();
};

} // namespace cv
