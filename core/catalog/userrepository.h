#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QString>
#include <optional>

namespace cv {

class Database;

// The `users` table (SQLite mode's own user list; PostgreSQL mode adds database roles
// later). Names are unique and compared exactly (case-sensitive). This is the minimal
// interface `init` needs (it works on every schema version); the administration and log-in
// columns of version 3 belong to core/auth (AccountRepository, UserAdmin, AuthService).
class UserRepository final
{
public:
    explicit UserRepository(Database &db);

    // Returns the new user's id. ErrorCode::Conflict if the name is taken;
    // ErrorCode::InvalidArgument for an empty name or an unknown role (admin, supervisor,
    // qa_evaluator, agent, auditor, security_admin). New users have mustChangePassword = false.
    Result<qint64> create(const QString &name, const QString &passwordHash, const QString &role);
    Result<std::optional<UserRow>> find(const QString &name);
    Result<qint64> count();

private:
    Database &m_db;
};

} // namespace cv
