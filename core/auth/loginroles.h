#pragma once

#include "catalog/pglogintarget.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace cv {

class Database;

// The PostgreSQL login roles behind CallVault users on a server-enforced catalog
// (docs/postgres-security.md). Only the server functions may create or change them; they
// check users.manage (or, for a password, that it is the caller's own) themselves. Passwords
// leave this machine only as SCRAM verifiers.
class LoginRoles final
{
public:
    LoginRoles(Database &db, PgLoginTarget target);

    // cv_create_login(): the new user's login role with this password.
    Result<void> create(qint64 userId, const QString &name, const QByteArray &password);
    // cv_set_password(): `mustChange` for an administrator's reset.
    Result<void> setPassword(qint64 userId, const QString &name, const QByteArray &password,
                             bool mustChange);
    // cv_set_login_enabled(): disable, enable or end a lockout early.
    Result<void> setEnabled(qint64 userId, bool enabled);

    // What users.password_hash holds for a user whose password lives in the server: no
    // scrypt hash parses it, so it never verifies.
    static QString serverPasswordMarker();

private:
    Result<void> call(const QString &sql, const QVariantList &values, const QString &what);

    Database &m_db;
    PgLoginTarget m_target;
};

} // namespace cv
