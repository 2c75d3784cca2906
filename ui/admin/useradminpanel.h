#pragma once

#include "auth/principal.h"
#include "common/result.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace cv {

class AuthService;
class Database;

// The users of the site for an administrator: name, role, teams, agent id, state (disabled,
// locked, must change password, last log-in); add a user with a temporary password, reset a
// password, disable or enable, unlock. Every action goes through UserAdmin (permission,
// the no-escalation rule of 三员分立, audit); a refusal is shown with its reason. A role
// without users.manage sees why the controls are off.
class UserAdminPanel final : public QWidget
{
    Q_OBJECT

public:
    UserAdminPanel(Database &db, AuthService &auth, const Principal &principal, QWidget *parent = nullptr);

    void reload();
    // The actions behind the buttons, for the dialogs and for tests. Each returns false and
    // shows the reason when refused.
    bool addUser(const QString &name, const QString &role, const QStringList &teams, const QByteArray &temporary);
    bool resetPassword(const QString &name, const QByteArray &temporary);
    bool setDisabled(const QString &name, bool disabled);
    bool unlock(const QString &name);
    QString selectedUser() const;

signals:
    void changed();

private:
    void askNewUser();
    void askResetPassword();
    bool report(const Result<void> &result);

    Database &m_db;
    AuthService &m_auth;
    Principal m_principal;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_reset;
    QPushButton *m_disable;
    QPushButton *m_unlock;
};

} // namespace cv
