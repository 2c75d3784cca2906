#pragma once

#include "auth/principal.h"
#include "auth/settings.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace cv {

class Database;

// The site's settings (lockout policy, idle time, password length, ...) with their
// description and allowed range; double-click a value to change it. SettingsAdmin checks
// the permission each setting names (security.policy, settings.change), validates and
// audits; a refusal or a value out of range is shown with its reason.
class SettingsAdminPanel final : public QWidget
{
    Q_OBJECT

public:
    SettingsAdminPanel(Database &db, const Principal &principal, QWidget *parent = nullptr);

    void reload();
    bool setValue(Setting setting, const QString &value);
    QString valueOf(Setting setting) const;

private:
    void edit(int row);

    Database &m_db;
    Principal m_principal;
    QTableWidget *m_table;
    QLabel *m_message;
};

} // namespace cv
