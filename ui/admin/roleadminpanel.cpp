#include "roleadminpanel.h"

#include "auth/permission.h"
#include "auth/roleadmin.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cv {

RoleAdminPanel::RoleAdminPanel(Database &db, const Principal &principal, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_model(new QStandardItemModel(this)),
      m_grid(new QTableView(this)),
      m_name(new QLineEdit(this)),
      m_description(new QLineEdit(this)),
      m_scope(new QComboBox(this)),
      m_message(new QLabel(this)),
      m_conflicts(new QLabel(this))
{
    setObjectName(QStringLiteral("roleAdminPanel"));
    m_grid->setObjectName(QStringLiteral("roleGrid"));
    m_grid->setModel(m_model);
    m_grid->horizontalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() * 2);
    m_name->setObjectName(QStringLiteral("newRoleName"));
    m_name->setPlaceholderText(tr("new role name"));
    m_description->setPlaceholderText(tr("what the role is for"));
    m_scope->addItem(tr("all calls"), static_cast<int>(RoleScope::All));
    m_scope->addItem(tr("calls of their teams"), static_cast<int>(RoleScope::Teams));
    m_scope->addItem(tr("their own calls"), static_cast<int>(RoleScope::Own));
    auto *create = new QPushButton(tr("Create role"), this);
    create->setObjectName(QStringLiteral("createRoleButton"));
    m_message->setObjectName(QStringLiteral("roleMessage"));
    m_message->setWordWrap(true);
    m_conflicts->setObjectName(QStringLiteral("roleConflicts"));
    m_conflicts->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_name);
    row->addWidget(m_description, 1);
    row->addWidget(m_scope);
    row->addWidget(create);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_conflicts);
    layout->addLayout(row);
    layout->addWidget(m_message);
    connect(create, &QPushButton::clicked, this, [this] {
        createRole(m_name->text(), m_description->text(), static_cast<RoleScope>(m_scope->currentData().toInt()));
    });
    connect(m_model, &QStandardItemModel::itemChanged, this, &RoleAdminPanel::cellChanged);
    if (!m_principal.has(Permission::RolesManage)) {
        const QString why = tr("Your role (%1) may not change roles; the grid shows them read-only.").arg(m_principal.role);
        for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_description),
                           static_cast<QWidget *>(m_scope), static_cast<QWidget *>(create)})
            w->setEnabled(false);
        m_message->setText(why);
    }
    reload();
}

void RoleAdminPanel::reload()
{
    auto roles = RoleAdmin(m_db).list(m_principal);
    m_loading = true;
    m_model->clear();
    if (!roles) {
        m_loading = false;
        m_message->setText(roles.errorMessage());
        return;
    }
    const QVector<Permission> &permissions = allPermissions();
    QStringList headers;
    for (Permission permission : permissions)
        headers << permissionName(permission);
    m_model->setHorizontalHeaderLabels(headers);
    const bool editable = m_principal.has(Permission::RolesManage);
    for (const RoleRow &role : roles.value()) {
        QList<QStandardItem *> cells;
        for (Permission permission : permissions) {
            auto *cell = new QStandardItem;
            cell->setCheckable(true);
            cell->setEditable(false);
            cell->setEnabled(editable);
            cell->setCheckState(role.permissions.contains(permission) ? Qt::Checked : Qt::Unchecked);
            cell->setData(static_cast<int>(permission), Qt::UserRole);
            cells << cell;
        }
        m_model->appendRow(cells);
        m_model->setVerticalHeaderItem(m_model->rowCount() - 1, new QStandardItem(role.name));
    }
    const QStringList conflicts = RoleAdmin::separationConflicts(roles.value());
    m_conflicts->setText(conflicts.isEmpty() ? QString()
                                             : tr("Separation of duties (三员分立): %1").arg(conflicts.join(QStringLiteral("; "))));
    m_loading = false;
    m_grid->resizeColumnsToContents();
}

bool RoleAdminPanel::isGranted(const QString &role, Permission permission) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->verticalHeaderItem(row)->text() != role)
            continue;
        const int column = static_cast<int>(allPermissions().indexOf(permission));
        return m_model->item(row, column)->checkState() == Qt::Checked;
    }
    return false;
}

bool RoleAdminPanel::setGranted(const QString &role, Permission permission, bool granted)
{
    RoleAdmin admin(m_db);
    auto changed = granted ? admin.grant(m_principal, role, permission) : admin.revoke(m_principal, role, permission);
    if (!changed)
        m_message->setText(tr("Refused: %1").arg(changed.errorMessage()));
    else
        m_message->clear();
    reload(); // the grid shows what the catalog holds, also after a refusal
    return changed.ok();
}

bool RoleAdminPanel::createRole(const QString &name, const QString &description, RoleScope scope)
{
    auto created = RoleAdmin(m_db).create(m_principal, name.trimmed(), description.trimmed(), scope);
    if (!created) {
        m_message->setText(tr("Refused: %1").arg(created.errorMessage()));
        return false;
    }
    m_message->setText(tr("Role %1 created; tick the permissions it needs.").arg(name.trimmed()));
    m_name->clear();
    m_description->clear();
    reload();
    return true;
}

void RoleAdminPanel::cellChanged(QStandardItem *item)
{
    if (m_loading)
        return;
    const QString role = m_model->verticalHeaderItem(item->row())->text();
    const auto permission = static_cast<Permission>(item->data(Qt::UserRole).toInt());
    const bool granted = item->checkState() == Qt::Checked;
    // Later: the change reloads the grid, which must not happen inside the model's signal.
    QMetaObject::invokeMethod(this, [this, role, permission, granted] { setGranted(role, permission, granted); },
                              Qt::QueuedConnection);
}

} // namespace cv
