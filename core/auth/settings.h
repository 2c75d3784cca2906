#pragma once

#include "auth/permission.h"
#include "common/result.h"

#include <QString>
#include <QVector>
#include <optional>

namespace cv {

// The site-wide settings kept in the catalog table `settings` (key -> text value).
// Declared once, here and in settings.cpp: key, type, default, allowed range and the
// permission that changes it. Migration 003 seeds the same defaults (a test checks it).
enum class Setting : int
{
    LockoutMaxFailures = 1, // "lockout.max_failures": failed log-ins in a row before a lockout
    LockoutMinutes = 2,     // "lockout.minutes": how long a lockout lasts
    SessionIdleMinutes = 3, // "session.idle_minutes": idle time before a session locks
    PasswordMinLength = 4,  // "password.min_length": characters a new password needs
    AgentMayPlayOwn = 5,    // "agent.may_play_own": agents may play their own calls
};

struct SettingSpec
{
    enum class Type : int
    {
        Integer = 1,
        Boolean = 2
    };

    Setting setting = Setting::LockoutMaxFailures;
    const char *key = "";
    Type type = Type::Integer;
    const char *defaultValue = "";
    qint64 minimum = 0; // integers only
    qint64 maximum = 0;
    Permission permission = Permission::SettingsChange; // who may change it
    const char *description = "";
};

class Settings final
{
public:
    Settings() = delete;

    static const QVector<SettingSpec> &all();
    static const SettingSpec &spec(Setting setting);
    static QString key(Setting setting);
    static std::optional<Setting> fromKey(const QString &key);

    // The canonical text of `value` for `setting` ("TRUE" -> "true", " 12" -> "12"), or
    // ErrorCode::InvalidArgument saying what is allowed.
    static Result<QString> normalize(Setting setting, const QString &value);
    // The stored text as a number / boolean; the default when the text is not valid.
    static qint64 toInteger(Setting setting, const QString &stored);
    static bool toBoolean(Setting setting, const QString &stored);
};

} // namespace cv
