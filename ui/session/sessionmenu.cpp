#include "sessionmenu.h"

#include "common/language.h"
#include "login/changepassworddialog.h"
#include "workstationsession.h"

#include <QActionGroup>
#include <QMessageBox>

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
    addMenu(languageMenu());
    addSeparator();
    QAction *logout = addAction(tr("Log &out"));
    logout->setObjectName(QStringLiteral("logoutAction"));
    connect(logout, &QAction::triggered, &session, &WorkstationSession::logout);
}

QMenu *SessionMenu::languageMenu()
{
    auto *menu = new QMenu(tr("&Language"), this);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString current = Language::chosen();
    // Each language is named in itself, so anyone finds their own.
    const QPair<QString, QString> choices[] = {{QString(), tr("As the system")},
                                               {QStringLiteral("zh_CN"), QStringLiteral("中文（简体）")},
                                               {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto &[code, label] : choices) {
        QAction *action = menu->addAction(label);
        action->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            Language::choose(code);
            auto *note = new QMessageBox(QMessageBox::Information, tr("Language"),
                                         tr("The language changes the next time CallVault starts."),
                                         QMessageBox::Ok, parentWidget());
            note->setObjectName(QStringLiteral("languageNote"));
            note->setAttribute(Qt::WA_DeleteOnClose);
            note->open();
        });
    }
    return menu;
}

} // namespace cv
