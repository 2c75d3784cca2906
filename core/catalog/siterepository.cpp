#include "siterepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"
#include "catalog/transactionguard.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

// pg_advisory_xact_lock key serializing site creation ("CVSITE\0\1").
constexpr const char *kSiteLockSql = "SELECT pg_advisory_xact_lock(4852157222949814273)";

} // namespace

SiteRepository::SiteRepository(Database &db) : m_db(db) {}

Result<void> SiteRepository::insert(const SiteRow &row)
{
    if (row.id.isNull())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A site needs an id."));
    TransactionGuard transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    if (m_db.kind() == Database::Kind::Postgres) {
        auto lock = prepare(m_db, QString::fromLatin1(kSiteLockSql));
        if (!lock)
            return lock.error();
        if (auto r = exec(lock.value(), QStringLiteral("Could not lock the catalog's site table"));
            !r)
            return r;
    }
    auto existing = get();
    if (!existing)
        return existing.error();
    if (existing.value())
        return makeError(
            ErrorCode::Conflict,
            QStringLiteral("This catalog already belongs to site %1 (%2).")
                .arg(existing.value()->name, existing.value()->id.toString(QUuid::WithoutBraces)));

    auto query = prepare(
        m_db, QStringLiteral("INSERT INTO sites "
                             "(id, name, x25519_public, ed25519_public, key_id, created_at_ms) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(row.id));
    query->addBindValue(text(row.name));
    query->addBindValue(blob(row.x25519Public));
    query->addBindValue(blob(row.ed25519Public));
    query->addBindValue(text(row.keyId));
    query->addBindValue(
        msSinceEpoch(row.createdAt.isValid() ? row.createdAt : QDateTime::currentDateTimeUtc()));
    if (auto r = exec(query.value(), QStringLiteral("Could not save site %1").arg(row.name)); !r)
        return r;
    return transaction.commit();
}

Result<std::optional<SiteRow>> SiteRepository::get()
{
    auto query =
        prepare(m_db, QStringLiteral("SELECT id, name, x25519_public, ed25519_public, key_id, "
                                     "created_at_ms FROM sites ORDER BY created_at_ms LIMIT 2"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not read the site")); !r)
        return r.error();
    if (!query->next())
        return std::optional<SiteRow>();
    SiteRow row;
    row.id = toUuid(query->value(0));
    row.name = query->value(1).toString();
    row.x25519Public = query->value(2).toByteArray();
    row.ed25519Public = query->value(3).toByteArray();
    row.keyId = query->value(4).toString();
    row.createdAt = toUtc(query->value(5));
    if (query->next())
        return makeError(
            ErrorCode::Conflict,
            QStringLiteral("The catalog holds more than one site; it must hold exactly one."));
    return std::optional<SiteRow>(std::move(row));
}

} // namespace cv
