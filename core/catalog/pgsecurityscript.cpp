#include "catalog/pgsecurityscript.h"

#include "catalog/database.h"
#include "catalog/migrator.h"
#include "catalog/pgsecurityprovisioner.h"
#include "catalog/transactionguard.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

// Q_INIT_RESOURCE must be used outside a namespace; callvault_core is a static library.
static void initPgSecurityResources()
{
    Q_INIT_RESOURCE(pgsecurity);
}

namespace cv {

namespace {

const QString kDirectory = QStringLiteral(":/callvault/pgsecurity");

void ensureResources()
{
    static const bool initialized = [] {
        initPgSecurityResources();
        return true;
    }();
    Q_UNUSED(initialized);
}

} // namespace

Result<QStringList> PgSecurityScript::statements(const QString &prefix)
{
    if (!PgSecurityProvisioner::isValidPrefix(prefix))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("'%1' is not a CallVault role prefix (cv_ and 8 lowercase "
                                        "hex digits).")
                             .arg(prefix.left(40)));
    ensureResources();
    const QDir dir(kDirectory);
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return makeError(ErrorCode::Io,
                         QStringLiteral("The PostgreSQL security SQL is missing from this "
                                        "program (%1).")
                             .arg(kDirectory));
    QStringList all;
    for (const QString &file : files) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, QStringLiteral("Could not read %1/%2: %3")
                                                .arg(kDirectory, file, f.errorString()));
        QString sql = QString::fromUtf8(f.readAll());
        sql.replace(QLatin1String("${owner}"), PgSecurityProvisioner::ownerRole(prefix));
        sql.replace(QLatin1String("${app}"), PgSecurityProvisioner::appRole(prefix));
        sql.replace(QLatin1String("${gate}"), PgSecurityProvisioner::gateRole(prefix));
        sql.replace(QLatin1String("${prefix}"), prefix);
        if (sql.contains(QLatin1String("${")))
            return makeError(ErrorCode::Format,
                             QStringLiteral("%1/%2 names an unknown placeholder.").arg(kDirectory, file));
        all += Migrator::splitStatements(sql);
    }
    return all;
}

Result<void> PgSecurityScript::apply(Database &db, const QString &prefix)
{
    auto list = statements(prefix);
    if (!list)
        return list.error();
    auto connection = db.openedConnection();
    if (!connection)
        return connection.error();
    for (int i = 0; i < list->size(); ++i) {
        // Constant SQL compiled into the program, with validated role names: no values.
        QSqlQuery query(connection.value());
        if (!query.exec(list->at(i))) {
            const QString why = query.lastError().text().trimmed();
            TransactionGuard::holdFailedQuery(query);
            return makeError(ErrorCode::Database,
                             QStringLiteral("The PostgreSQL security setup failed at statement %1 "
                                            "(%2...): %3")
                                 .arg(i + 1)
                                 .arg(list->at(i).simplified().left(60), why));
        }
    }
    return {};
}

} // namespace cv
