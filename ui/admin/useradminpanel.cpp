#include "useradminpanel.h"

#include "auth/authservice.h"
#include "auth/roleadmin.h"
#include "auth/useradmin.h"
#include "search/recordingtext.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cv {

namespace {

enum Column { Name = 0, Role, Teams, AgentId, State, LastLogin, ColumnCount };

} // namespace

UserAdminPanel::UserAdminPanel(Database &db, AuthService &auth, const Principal &principal, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_auth(auth),
      m_principal(principal),
      m_model(new QStandardItemModel(0, ColumnCount, this)),
      m_table(new QTableView(this)),
      m_message(new QLabel(this)),
      m_add(new QPushButton(tr("Add user…"), this)),
      m_reset(new QPushButton(tr("Reset password…"), this)),
      m_disable(new QPushButton(tr("Disable / enable"), this)),
      m_unlock(new QPushButton(tr("Unlock"), this))
{
    setObjectName(QStringLiteral("userAdminPanel"));
    m_model->setHorizontalHeaderLabels(
        {tr("User"), tr("Role"), tr("Teams"), tr("Agent id"), tr("State"), tr("Last log-in")});
    m_table->setObjectName(QStringLiteral("userTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_message->setObjectName(QStringLiteral("userAdminMessage"));
    m_message->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("addUserButton"));
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    m_disable->setObjectName(QStringLiteral("disableUserButton"));
    m_unlock->setObjectName(QStringLiteral("unlockUserButton"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_add, m_reset, m_disable, m_unlock})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &UserAdminPanel::askNewUser);
    connect(m_reset, &QPushButton::clicked, this, &UserAdminPanel::askResetPassword);
    connect(m_disable, &QPushButton::clicked, this, [this] {
        const QString name = selectedUser();
        const QModelIndex state = m_model->index(m_table->currentIndex().row(), State);
        if (!name.isEmpty())
            setDisabled(name, !state.data(Qt::UserRole).toBool());
    });
    connect(m_unlock, &QPushButton::clicked, this, [this] {
        if (const QString name = selectedUser(); !name.isEmpty())
            unlock(name);
    });
    if (!m_principal.has(Permission::UsersManage)) {
        const QString why = tr("Your role (%1) may not manage users.").arg(m_principal.role);
        for (QPushButton *button : {m_add, m_reset, m_disable, m_unlock}) {
            button->setEnabled(false);
            button->setToolTip(why);
        }
        m_message->setText(why);
        return;
    }
    reload();
}

QString UserAdminPanel::selectedUser() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->index(current.row(), Name).data().toString() : QString();
}

void UserAdminPanel::reload()
{
    auto users = UserAdmin(m_db, m_auth).list(m_principal);
    m_model->removeRows(0, m_model->rowCount());
    if (!users) {
        m_message->setText(users.errorMessage());
        return;
    }
    const qint64 now = m_auth.now();
    for (const Account &account : users.value()) {
        QStringList state;
        if (account.disabled)
            state << tr("disabled");
        if (account.isLockedAt(now))
            state << tr("locked");
        if (account.mustChangePassword)
            state << tr("must change password");
        auto *stateItem = new QStandardItem(state.isEmpty() ? tr("active") : state.join(QStringLiteral(", ")));
        stateItem->setData(account.disabled, Qt::UserRole);
        const QString lastLogin = account.lastLoginMs
                                      ? RecordingText::dateTime(QDateTime::fromMSecsSinceEpoch(*account.lastLoginMs, Qt::UTC))
                                      : tr("never");
        m_model->appendRow({new QStandardItem(account.name), new QStandardItem(account.role),
                            new QStandardItem(account.teams.join(QStringLiteral(", "))),
                            new QStandardItem(account.agentId), stateItem, new QStandardItem(lastLogin)});
    }
    m_table->resizeColumnsToContents();
}

bool UserAdminPanel::report(const Result<void> &result)
{
    if (!result) {
        m_message->setText(tr("Refused: %1").arg(result.errorMessage()));
        return false;
    }
    m_message->clear();
    reload();
    emit changed();
    return true;
}

bool UserAdminPanel::addUser(const QString &name, const QString &role, const QStringList &teams,
                             const QByteArray &temporary)
{
    UserAdmin::NewUser user;
    user.name = name.trimmed();
    user.role = role;
    user.teams = teams;
    user.password = temporary;
    auto added = UserAdmin(m_db, m_auth).add(m_principal, user);
    return report(added ? Result<void>() : Result<void>(added.error()));
}

bool UserAdminPanel::resetPassword(const QString &name, const QByteArray &temporary)
{
    return report(UserAdmin(m_db, m_auth).resetPassword(m_principal, name, temporary));
}

bool UserAdminPanel::setDisabled(const QString &name, bool disabled)
{
    return report(UserAdmin(m_db, m_auth).setDisabled(m_principal, name, disabled));
}

bool UserAdminPanel::unlock(const QString &name)
{
    return report(UserAdmin(m_db, m_auth).unlock(m_principal, name));
}

void UserAdminPanel::askNewUser()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add user"));
    auto *name = new QLineEdit(&dialog);
    auto *role = new QComboBox(&dialog);
    if (auto roles = RoleAdmin(m_db).list(m_principal)) {
        for (const RoleRow &row : roles.value())
            role->addItem(row.name);
    }
    auto *teams = new QLineEdit(&dialog);
    teams->setPlaceholderText(tr("team ids, separated by commas"));
    auto *password = new QLineEdit(&dialog);
    password->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("User name:"), name);
    form->addRow(tr("Role:"), role);
    form->addRow(tr("Teams:"), teams);
    form->addRow(tr("Temporary password:"), password);
    form->addRow(new QLabel(tr("The user must choose a new password at the first log-in."), &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList teamIds;
    for (const QString &team : teams->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        teamIds << team.trimmed();
    addUser(name->text(), role->currentText(), teamIds, password->text().toUtf8());
}

void UserAdminPanel::askResetPassword()
{
    const QString name = selectedUser();
    if (name.isEmpty())
        return;
    bool ok = false;
    const QString temporary =
        QInputDialog::getText(this, tr("Reset password"), tr("Temporary password for %1:").arg(name),
                              QLineEdit::Password, QString(), &ok);
    if (ok)
        resetPassword(name, temporary.toUtf8());
}

} // namespace cv
