#include "auth/pglogin.h"

#include "auth/accesscontrol.h"
#include "auth/authservice.h"
#include "auth/settingsrepository.h"
#include "catalog/database.h"
#include "catalog/sqlhelpers.h"
#include "common/logging.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

Error denied(const QString &message)
{
    return makeError(ErrorCode::PermissionDenied, message);
}

// Catalog errors reach the log, never the person at the log-in prompt.
Error hiddenCatalogError(const Error &error)
{
    if (error.code == ErrorCode::PermissionDenied)
        return error;
    qCWarning(lcCatalog).noquote() << "Log-in:" << error.message;
    return makeError(ErrorCode::Database,
                     QStringLiteral("Log-in is not possible right now: the catalog server could "
                                    "not be used. Ask an administrator to check it."));
}

} // namespace

PgLogin::PgLogin(PgLoginTarget target, Clock clock)
    : m_target(std::move(target)), m_clock(clock ? std::move(clock) : systemClock())
{
}

Result<QString> PgLogin::reportFailure(const QString &name, const QString &host,
                                       const QString &program) const
{
    auto config = m_target.configFor(m_target.gateRole(), m_target.gatePassword);
    if (!config)
        return config.error();
    auto gate = Database::open(config.value());
    if (!gate) {
        // Neither the user nor the gate could connect: the server is unreachable or refuses
        // this machine. Say so to the log (the gate's error names no user or password).
        qCWarning(lcCatalog).noquote() << "Log-in: the gate role could not connect:"
                                       << gate.errorMessage();
        return makeError(ErrorCode::Database,
                         QStringLiteral("Log-in is not possible right now: the catalog server "
                                        "%1 cannot be reached or refused the connection.")
                             .arg(config->displayName()));
    }
    auto call = prepare(*gate.value(), QStringLiteral("SELECT cv_login_failed(?, ?, ?)"));
    if (!call)
        return call.error();
    call->addBindValue(text(name));
    call->addBindValue(text(host));
    call->addBindValue(text(program));
    if (auto r = exec(call.value(), QStringLiteral("Could not report a failed log-in")); !r)
        return r.error();
    if (!call->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("cv_login_failed() returned no answer."));
    return call->value(0).toString();
}

Result<std::unique_ptr<Database>> PgLogin::connectAs(const QString &name,
                                                     const QByteArray &password,
                                                     const QString &host,
                                                     const QString &program) const
{
    auto config = m_target.configFor(m_target.loginRoleOf(name), password);
    if (!config)
        return config.error();
    // An expired lockout is lifted by the failure report ("retry"): then try once more.
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto db = Database::open(config.value());
        if (db)
            return db;
        auto answer = reportFailure(name, host, program);
        if (!answer)
            return hiddenCatalogError(answer.error());
        if (answer.value() == QLatin1String("locked"))
            return denied(AuthService::lockedMessage());
        if (answer.value() != QLatin1String("retry"))
            return denied(AuthService::wrongCredentialsMessage());
    }
    return denied(AuthService::wrongCredentialsMessage());
}

Result<PgLogin::LoggedIn> PgLogin::login(const QString &name, const QByteArray &password,
                                         const QString &host, const QString &program) const
{
    auto db = connectAs(name, password, host, program);
    if (!db)
        return db.error();
    qint64 userId = 0;
    {
        auto call = prepare(*db.value(), QStringLiteral("SELECT status, user_id FROM "
                                                        "cv_login_succeeded(?, ?)"));
        if (!call)
            return hiddenCatalogError(call.error());
        call->addBindValue(text(host));
        call->addBindValue(text(program));
        if (auto r = exec(call.value(), QStringLiteral("Could not record the log-in")); !r)
            return hiddenCatalogError(r.error());
        if (!call->next())
            return hiddenCatalogError(makeError(
                ErrorCode::Database, QStringLiteral("cv_login_succeeded() returned no row.")));
        const QString status = call->value(0).toString();
        if (status == QLatin1String("locked"))
            return denied(AuthService::lockedMessage());
        if (status != QLatin1String("ok"))
            return denied(AuthService::wrongCredentialsMessage());
        userId = call->value(1).toLongLong();
    }
    auto principal = AccessControl(*db.value()).loadPrincipal(userId, host, program);
    if (!principal)
        return hiddenCatalogError(principal.error());
    auto idle = SettingsRepository(*db.value()).integer(Setting::SessionIdleMinutes);
    if (!idle)
        return hiddenCatalogError(idle.error());
    LoggedIn in;
    in.session = Session(principal.takeValue(), m_clock(), idle.value() * kMinuteMs);
    in.db = db.takeValue();
    return in;
}

Result<void> PgLogin::checkPassword(const QString &name, const QByteArray &password,
                                    const QString &host, const QString &program) const
{
    auto db = connectAs(name, password, host, program);
    if (!db)
        return db.error();
    return {};
}

} // namespace cv
