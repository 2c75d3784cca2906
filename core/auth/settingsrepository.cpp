#include "auth/settingsrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QHash>
#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

SettingsRepository::SettingsRepository(Database &db) : m_db(db) {}

Result<QString> SettingsRepository::value(Setting setting)
{
    auto query = prepare(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    if (!query)
        return query.error();
    query->addBindValue(Settings::key(setting));
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not read setting %1").arg(Settings::key(setting)));
        !r)
        return r.error();
    if (!query->next())
        return QString::fromLatin1(Settings::spec(setting).defaultValue);
    return query->value(0).toString();
}

Result<qint64> SettingsRepository::integer(Setting setting)
{
    auto text = value(setting);
    if (!text)
        return text.error();
    return Settings::toInteger(setting, text.value());
}

Result<bool> SettingsRepository::boolean(Setting setting)
{
    auto text = value(setting);
    if (!text)
        return text.error();
    return Settings::toBoolean(setting, text.value());
}

Result<QString> SettingsRepository::set(Setting setting, const QString &value)
{
    auto normalized = Settings::normalize(setting, value);
    if (!normalized)
        return normalized.error();
    auto query =
        prepare(m_db, QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    if (!query)
        return query.error();
    query->addBindValue(Settings::key(setting));
    query->addBindValue(normalized.value());
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not save setting %1").arg(Settings::key(setting)));
        !r)
        return r.error();
    return normalized.value();
}

Result<QVector<QPair<Setting, QString>>> SettingsRepository::list()
{
    QHash<QString, QString> stored;
    {
        auto query = prepare(m_db, QStringLiteral("SELECT key, value FROM settings"));
        if (!query)
            return query.error();
        if (auto r = exec(query.value(), QStringLiteral("Could not read the settings")); !r)
            return r.error();
        while (query->next())
            stored.insert(query->value(0).toString(), query->value(1).toString());
    }
    QVector<QPair<Setting, QString>> out;
    for (const SettingSpec &spec : Settings::all()) {
        const QString key = QString::fromLatin1(spec.key);
        out.append({spec.setting, stored.value(key, QString::fromLatin1(spec.defaultValue))});
    }
    return out;
}

} // namespace cv
