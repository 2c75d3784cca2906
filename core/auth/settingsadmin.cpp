#include "auth/settingsadmin.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"
#include "auth/settingsrepository.h"

namespace cv {

SettingsAdmin::SettingsAdmin(Database &db) : m_db(db) {}

Result<QVector<QPair<Setting, QString>>> SettingsAdmin::list(const Principal &principal)
{
    if (auto allowed = AccessControl(m_db).requireAny(
            principal, {Permission::SettingsChange, Permission::SecurityPolicy},
            QStringLiteral("settings"), QStringLiteral("settings.list"));
        !allowed)
        return allowed.error();
    return auditedchange::read<QVector<QPair<Setting, QString>>>(
        m_db, principal, QStringLiteral("settings.list"), QStringLiteral("settings"),
        [&] { return SettingsRepository(m_db).list(); });
}

Result<QString> SettingsAdmin::set(const Principal &principal, Setting setting,
                                   const QString &value)
{
    const QString action = QStringLiteral("settings.change");
    const QString key = Settings::key(setting);
    if (auto allowed =
            AccessControl(m_db).require(principal, Settings::spec(setting).permission, key, action);
        !allowed)
        return allowed.error();
    SettingsRepository settings(m_db);
    auto normalized = Settings::normalize(setting, value);
    if (!normalized)
        return normalized.error();
    auto before = settings.value(setting);
    if (!before)
        return before.error();
    auto done = auditedchange::commit(
        m_db, principal, action, key,
        {{QStringLiteral("from"), before.value()}, {QStringLiteral("to"), normalized.value()}},
        [&]() -> Result<void> {
            auto stored = settings.set(setting, value);
            if (!stored)
                return stored.error();
            return {};
        });
    if (!done)
        return done.error();
    return normalized.value();
}

} // namespace cv
