#include "audittestsupport.h"

#include "catalog/auditlog.h"
#include "catalog/audittrailreader.h"
#include "catalog/catalogconfig.h"
#include "catalog/database.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

using namespace cv;

namespace audittest {

ExternalCatalog ExternalCatalog::of(const CatalogConfig &config)
{
    ExternalCatalog c;
    c.postgres = config.kind == CatalogConfig::Kind::Postgres;
    if (!c.postgres) {
        c.sqlitePath = config.sqlitePath;
        return c;
    }
    QUrl url(config.pgUrl);
    c.pgPassword = url.password(QUrl::FullyDecoded);
    url.setPassword(QString());
    c.pgUrl = url.toString(QUrl::FullyEncoded);
    return c;
}

Result<QString> runExternalSql(const ExternalCatalog &catalog, const QString &sql)
{
    const QString tool = QStandardPaths::findExecutable(
        catalog.postgres ? QStringLiteral("psql") : QStringLiteral("sqlite3"));
    if (tool.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            catalog.postgres
                ? QStringLiteral("psql is not installed (apt-get install postgresql-client); "
                                 "the tamper tests need the real tool")
                : QStringLiteral("sqlite3 is not installed (apt-get install sqlite3); "
                                 "the tamper tests need the real tool"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList args;
    if (catalog.postgres) {
        env.insert(QStringLiteral("PGPASSWORD"), catalog.pgPassword);
        args << QStringLiteral("-X") << QStringLiteral("-q") << QStringLiteral("-v")
             << QStringLiteral("ON_ERROR_STOP=1") << QStringLiteral("-d") << catalog.pgUrl;
    } else {
        args << QStringLiteral("-bail") << catalog.sqlitePath;
    }
    process.setProcessEnvironment(env);
    process.start(tool, args);
    if (!process.waitForStarted(10000))
        return makeError(ErrorCode::Io, QStringLiteral("%1 did not start").arg(tool));
    process.write(sql.toUtf8());
    process.write("\n");
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return makeError(ErrorCode::Io, QStringLiteral("%1 did not finish").arg(tool));
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString errText = QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 ||
        !errText.trimmed().isEmpty())
        return makeError(ErrorCode::Database, QStringLiteral("%1 failed (exit %2): %3\nSQL: %4")
                                                  .arg(tool)
                                                  .arg(process.exitCode())
                                                  .arg(errText, sql.left(2000)));
    return out;
}

QString blobLiteral(const ExternalCatalog &catalog, const QByteArray &bytes)
{
    const QString hex = QString::fromLatin1(bytes.toHex());
    return catalog.postgres ? QStringLiteral("'\\x%1'::bytea").arg(hex)
                            : QStringLiteral("X'%1'").arg(hex);
}

QString textLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

Result<qint64> appendRowAt(Database &db, const AuditEvent &event, qint64 atMs)
{
    auto head = AuditTrailReader(db).head();
    if (!head)
        return head.error();
    AuditRow row;
    static_cast<AuditEvent &>(row) = event;
    row.atMs = atMs;
    row.prevHash = head.value() ? head.value()->hash : AuditLog::genesisHash();
    row.hash = AuditLog::chainHash(row.prevHash, row);
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO audit (at_ms, actor, host, program, action, target, details, "
        "result, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(static_cast<qlonglong>(atMs));
    query.addBindValue(row.actor);
    query.addBindValue(row.host);
    query.addBindValue(row.program);
    query.addBindValue(row.action);
    query.addBindValue(row.target);
    query.addBindValue(row.details);
    query.addBindValue(row.allowed ? QStringLiteral("allowed") : QStringLiteral("denied"));
    query.addBindValue(row.prevHash);
    query.addBindValue(row.hash);
    if (!query.exec() || !query.next())
        return makeError(ErrorCode::Database, query.lastError().text());
    return query.value(0).toLongLong();
}

Result<QVector<qint64>> appendEvents(Database &db, int count, const QString &actor)
{
    AuditLog log(db);
    QVector<qint64> ids;
    for (int i = 0; i < count; ++i) {
        AuditEvent event;
        event.actor = actor;
        event.host = QStringLiteral("ws-01");
        event.program = QStringLiteral("callvault");
        event.action = i % 3 ? QStringLiteral("play") : QStringLiteral("search");
        event.target = QStringLiteral("recording-%1").arg(i);
        event.details = QStringLiteral("{\"reason\":\"QA review\",\"note\":\"客户投诉\"}");
        event.allowed = i % 7 != 0;
        auto id = log.append(event);
        if (!id)
            return id.error();
        ids.append(id.value());
    }
    return ids;
}

Result<QVector<AuditRow>> allRows(Database &db)
{
    AuditTrailReader reader(db);
    QVector<AuditRow> rows;
    qint64 after = 0;
    for (;;) {
        auto page = reader.page(after, 500);
        if (!page)
            return page.error();
        for (const auto &row : page.value())
            rows.append(row);
        if (page->size() < 500)
            break;
        after = page->last().id;
    }
    return rows;
}

QString relinkSql(const ExternalCatalog &catalog, QVector<AuditRow> rows, QByteArray prev)
{
    QString sql = QStringLiteral("BEGIN;\n");
    for (AuditRow &row : rows) {
        row.prevHash = prev;
        row.hash = AuditLog::chainHash(prev, row);
        prev = row.hash;
        sql += QStringLiteral("UPDATE audit SET actor = %1, target = %2, prev_hash = %3, hash = %4 "
                              "WHERE id = %5;\n")
                   .arg(textLiteral(row.actor), textLiteral(row.target),
                        blobLiteral(catalog, row.prevHash), blobLiteral(catalog, row.hash))
                   .arg(row.id);
    }
    return sql + QStringLiteral("COMMIT;\n");
}

} // namespace audittest
