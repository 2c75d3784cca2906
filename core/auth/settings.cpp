#include "auth/settings.h"

namespace cv {

namespace {

using Type = SettingSpec::Type;

// The one declaration of every setting. Keys never change (they are stored).
const QVector<SettingSpec> kSettings = {
    {Setting::LockoutMaxFailures, "lockout.max_failures", Type::Integer, "10", 1, 1000,
     Permission::SecurityPolicy, "failed log-ins in a row that lock an account"},
    {Setting::LockoutMinutes, "lockout.minutes", Type::Integer, "30", 1, 7 * 24 * 60,
     Permission::SecurityPolicy, "minutes a locked account stays locked"},
    {Setting::SessionIdleMinutes, "session.idle_minutes", Type::Integer, "15", 1, 24 * 60,
     Permission::SecurityPolicy, "minutes without activity before a session locks"},
    {Setting::PasswordMinLength, "password.min_length", Type::Integer, "10", 8, 128,
     Permission::SecurityPolicy, "characters a new password needs at least"},
    {Setting::AgentMayPlayOwn, "agent.may_play_own", Type::Boolean, "true", 0, 0,
     Permission::SettingsChange, "agents may play back their own calls"},
};

std::optional<qint64> parseInteger(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<bool> parseBoolean(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on") ||
        t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off") ||
        t == QLatin1String("0"))
        return false;
    return std::nullopt;
}

} // namespace

const QVector<SettingSpec> &Settings::all()
{
    return kSettings;
}

const SettingSpec &Settings::spec(Setting setting)
{
    for (const SettingSpec &s : kSettings) {
        if (s.setting == setting)
            return s;
    }
    return kSettings.first(); // unreachable: every enumerator has a row (a test checks it)
}

QString Settings::key(Setting setting)
{
    return QString::fromLatin1(spec(setting).key);
}

std::optional<Setting> Settings::fromKey(const QString &key)
{
    for (const SettingSpec &s : kSettings) {
        if (key == QLatin1String(s.key))
            return s.setting;
    }
    return std::nullopt;
}

Result<QString> Settings::normalize(Setting setting, const QString &value)
{
    const SettingSpec &s = spec(setting);
    if (s.type == Type::Boolean) {
        const auto b = parseBoolean(value);
        if (!b)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 must be true or false.").arg(key(setting)));
        return *b ? QStringLiteral("true") : QStringLiteral("false");
    }
    const auto n = parseInteger(value);
    if (!n || *n < s.minimum || *n > s.maximum)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must be a whole number from %2 to %3.")
                             .arg(key(setting))
                             .arg(s.minimum)
                             .arg(s.maximum));
    return QString::number(*n);
}

qint64 Settings::toInteger(Setting setting, const QString &stored)
{
    const SettingSpec &s = spec(setting);
    const auto n = parseInteger(stored);
    if (!n || *n < s.minimum || *n > s.maximum)
        return QString::fromLatin1(s.defaultValue).toLongLong();
    return *n;
}

bool Settings::toBoolean(Setting setting, const QString &stored)
{
    const auto b = parseBoolean(stored);
    return b ? *b : parseBoolean(QString::fromLatin1(spec(setting).defaultValue)).value_or(false);
}

} // namespace cv
