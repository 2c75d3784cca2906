// A writer process for the concurrency test: appends K audit rows through AuditLog, and
// with CHECKPOINT_EVERY also signs checkpoints when due, like a key-holding workstation.
//
//   audit_append_helper ACTOR K START_AT_MS [CHECKPOINT_EVERY]
//   CALLVAULT_HELPER_CATALOG   "sqlite:/path/catalog.sqlite" or a postgresql:// URL
//   CALLVAULT_HELPER_SITE_ID, CALLVAULT_HELPER_SIGNING_SEED (hex)  with CHECKPOINT_EVERY
//
// Waits until START_AT_MS so that all writers start together. Exit 0 when every row (and
// checkpoint) was written, 1 with the reason on stderr otherwise.
#include "audit/auditcheckpointer.h"
#include "catalog/auditlog.h"
#include "catalog/catalogconfig.h"
#include "catalog/database.h"
#include "crypto/ed25519keypair.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>
#include <QThread>
#include <memory>
#include <optional>

using namespace cv;

namespace {
int failWith(const QString &message)
{
    QTextStream(stderr) << "audit_append_helper: " << message << Qt::endl;
    return 1;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return failWith(
            QStringLiteral("usage: audit_append_helper ACTOR K START_AT_MS [CHECKPOINT_EVERY]"));
    const QString actor = args.at(1);
    const int count = args.at(2).toInt();
    const qint64 startAt = args.at(3).toLongLong();
    const int checkpointEvery = args.size() > 4 ? args.at(4).toInt() : 0;

    const QString where = qEnvironmentVariable("CALLVAULT_HELPER_CATALOG");
    Result<CatalogConfig> config = where.startsWith(QLatin1String("sqlite:"))
                                       ? Result<CatalogConfig>(CatalogConfig::sqlite(where.mid(7)))
                                       : CatalogConfig::fromPgUrl(where);
    if (!config)
        return failWith(config.errorMessage());
    auto db = Database::open(config.value());
    if (!db)
        return failWith(db.errorMessage());

    std::unique_ptr<crypto::Ed25519KeyPair> key;
    std::optional<AuditCheckpointer> checkpointer;
    if (checkpointEvery > 0) {
        const QByteArray seed = QByteArray::fromHex(qgetenv("CALLVAULT_HELPER_SIGNING_SEED"));
        auto pair = crypto::Ed25519KeyPair::fromPrivateKey(SecretBytes::fromByteArray(seed));
        if (!pair)
            return failWith(pair.errorMessage());
        key = std::make_unique<crypto::Ed25519KeyPair>(pair.takeValue());
        AuditCheckpointPolicy policy;
        policy.everyRows = checkpointEvery;
        checkpointer.emplace(*db.value(),
                             QUuid::fromString(qEnvironmentVariable("CALLVAULT_HELPER_SITE_ID")),
                             *key, policy);
    }

    // Connect before the start signal, so the writers really overlap.
    if (auto connection = db.value()->openedConnection(); !connection)
        return failWith(connection.errorMessage());
    while (QDateTime::currentMSecsSinceEpoch() < startAt)
        QThread::msleep(5);

    AuditLog log(*db.value());
    for (int i = 0; i < count; ++i) {
        AuditEvent event;
        event.actor = actor;
        event.host = QStringLiteral("host-") + actor;
        event.program = QStringLiteral("audit_append_helper");
        event.action = QStringLiteral("play");
        event.target = QStringLiteral("recording-%1").arg(i);
        event.details = QStringLiteral("{\"n\":%1}").arg(i);
        if (auto id = log.append(event); !id)
            return failWith(QStringLiteral("append %1 failed: %2").arg(i).arg(id.errorMessage()));
        if (checkpointer) {
            if (auto written = checkpointer->checkpointIfDue(); !written)
                return failWith(QStringLiteral("checkpoint after append %1 failed: %2")
                                    .arg(i)
                                    .arg(written.errorMessage()));
        }
    }
    return 0;
}
