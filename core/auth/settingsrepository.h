#pragma once

#include "auth/settings.h"
#include "common/result.h"

#include <QPair>
#include <QString>
#include <QVector>

namespace cv {

class Database;

// The `settings` table: reads with the declared defaults (Settings) for missing or invalid
// rows, and writes normalized values. No permission checks: SettingsAdmin changes settings
// on behalf of a person.
class SettingsRepository final
{
public:
    explicit SettingsRepository(Database &db);

    // The stored text, or the default when there is no row.
    Result<QString> value(Setting setting);
    Result<qint64> integer(Setting setting);
    Result<bool> boolean(Setting setting);
    // Validates and stores `value` (ErrorCode::InvalidArgument when it is not allowed);
    // returns the stored (normalized) text.
    Result<QString> set(Setting setting, const QString &value);
    // Every declared setting with its current value, in declaration order.
    Result<QVector<QPair<Setting, QString>>> list();

private:
    Database &m_db;
};

} // namespace cv
