#pragma once

#include "auth/principal.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStandardItem;
class QStandardItemModel;
class QTableView;

namespace cv {

class Database;

// Roles and their permissions as a grid: one row per role, one checkable column per
// permission; ticking grants, unticking revokes (RoleAdmin: roles.manage, audited). A refusal
// puts the box back and says why; the three-admin separation (三员分立) conflicts of the
// current roles are listed under the grid. New roles take a name, a description and a scope.
class RoleAdminPanel final : public QWidget
{
    Q_OBJECT

public:
    RoleAdminPanel(Database &db, const Principal &principal, QWidget *parent = nullptr);

    void reload();
    bool setGranted(const QString &role, Permission permission, bool granted);
    bool createRole(const QString &name, const QString &description, RoleScope scope);
    bool isGranted(const QString &role, Permission permission) const;

private:
    void cellChanged(QStandardItem *item);

    Database &m_db;
    Principal m_principal;
    QStandardItemModel *m_model;
    QTableView *m_grid;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QComboBox *m_scope;
    QLabel *m_message;
    QLabel *m_conflicts;
    bool m_loading = false;
};

} // namespace cv
