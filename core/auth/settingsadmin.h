#pragma once

#include "auth/principal.h"
#include "auth/settings.h"
#include "common/result.h"

#include <QPair>
#include <QString>
#include <QVector>

namespace cv {

class Database;

// Settings on behalf of a person: each setting names the permission that changes it
// (Settings: security.policy for lockout, password and idle timeout; settings.change for
// the rest). Listing needs either and is audited ('settings.list'). Changes are audited as
// 'settings.change' with the old and new value, in one transaction with the change; denials are
// audited too.
class SettingsAdmin final
{
public:
    explicit SettingsAdmin(Database &db);

    Result<QVector<QPair<Setting, QString>>> list(const Principal &principal);
    // Returns the stored (normalized) value.
    Result<QString> set(const Principal &principal, Setting setting, const QString &value);

private:
    Database &m_db;
};

} // namespace cv
