#include "keychainkeystore.h"

#include "common/logging.h"
#include "crypto/cryptoutil.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace cv {

namespace {
const QString kService = QStringLiteral("CallVault");

// QtKeychain jobs are asynchronous; our callers are not. Runs one job to completion.
void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

Error keychainError(const QKeychain::Job &job, const QString &what)
{
    const ErrorCode code = job.error() == QKeychain::EntryNotFound ? ErrorCode::NotFound : ErrorCode::KeyUnavailable;
    return makeError(code, QStringLiteral("The OS keychain could not %1: %2.").arg(what, job.errorString()));
}
} // namespace

KeychainKeyStore::KeychainKeyStore(const QUuid &siteId) : m_siteId(siteId) {}

QString KeychainKeyStore::entryName() const
{
    return QStringLiteral("site-") + m_siteId.toString(QUuid::WithoutBraces);
}

QString KeychainKeyStore::describe() const
{
    return QStringLiteral("OS keychain (Secret Service), entry \"%1 / %2\"").arg(kService, entryName());
}

Result<void> KeychainKeyStore::save(const SiteKeys &keys)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(entryName());
    QByteArray blob = keys.privateBlob().toByteArray();
    job.setBinaryData(blob);
    crypto::secureZero(blob);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, QStringLiteral("store the site keys"));
    return {};
}

Result<SiteKeys> KeychainKeyStore::load()
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(entryName());
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, QStringLiteral("read the site keys"));
    QByteArray blob = job.binaryData();
    auto keys = SiteKeys::fromPrivateBlob(SecretBytes::fromByteArray(blob));
    crypto::secureZero(blob);
    return keys;
}

Result<void> KeychainKeyStore::remove()
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(entryName());
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(job, QStringLiteral("delete the site keys"));
    return {};
}

bool KeychainKeyStore::isAvailable(QString *why)
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (why)
            *why = QStringLiteral("no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set)");
        return false;
    }
    QKeychain::WritePasswordJob write(kService);
    write.setKey(QStringLiteral("availability-probe"));
    write.setTextData(QStringLiteral("probe"));
    runJob(write);
    if (write.error() != QKeychain::NoError) {
        if (why)
            *why = write.errorString();
        qCInfo(lcSite) << "OS keychain not available:" << write.errorString();
        return false;
    }
    QKeychain::DeletePasswordJob del(kService);
    del.setKey(QStringLiteral("availability-probe"));
    runJob(del);
    return true;
}

} // namespace cv
