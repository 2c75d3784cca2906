#include "sessionmenu.h"

#include "login/changepassworddialog.h"
#include "workstationsession.h"

namespace cv {

SessionMenu::SessionMenu(WorkstationSession &session, QWidget *window)
    : QMenu(tr("&Session"), window)
{
    setObjectName(QStringLiteral("sessionMenu"));
    QAction *change = addAction(tr("&Change password…"));
    change->setObjectName(QStringLiteral("changePasswordAction"));
    connect(change, &QAction::triggered, this, [&session, window] {
        ChangePasswordDialog dialog(session, false, window);
        dialog.exec();
    });
    addSeparator();
    QAction *logout = addAction(tr("Log &out"));
    logout->setObjectName(QStringLiteral("logoutAction"));
    connect(logout, &QAction::triggered, &session, &WorkstationSession::logout);
}

} // namespace cv
