#include "site/sitejoiner.h"

#include "site/siteconfig.h"
#include "store/durablefile.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <QUrlQuery>

namespace cv {

namespace {

constexpr qint64 kMaxFileSize = 1024 * 1024;

Result<QByteArray> readSmallFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not read the %1 %2: %3.").arg(what, path, file.errorString()));
    return file.read(kMaxFileSize);
}

} // namespace

Result<Site> SiteJoiner::join(const Options &o)
{
    const QDir dir(o.directory);
    if (QFile::exists(dir.filePath(Site::siteFileName())))
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 already holds a CallVault site.").arg(o.directory));
    auto parsed = SiteConfig::fromJson(o.siteJson);
    if (!parsed)
        return parsed.error();
    SiteConfig config = parsed.takeValue();
    if (config.catalogKind != QLatin1String("postgres") || config.pgRolePrefix.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("This site.json is not that of a shared PostgreSQL site set up "
                                        "with `callvaultctl init --pg`; a SQLite site cannot be "
                                        "joined from another machine."));
    auto ca = readSmallFile(o.caCertificatePath, QStringLiteral("CA certificate"));
    if (!ca)
        return ca.error();
    if (!ca->contains("-----BEGIN CERTIFICATE-----"))
        return makeError(ErrorCode::Format,
                         QStringLiteral("%1 is not a PEM certificate (-----BEGIN CERTIFICATE-----).")
                             .arg(o.caCertificatePath));
    if (!dir.mkpath(QStringLiteral(".")))
        return makeError(ErrorCode::Io, QStringLiteral("Could not create %1.").arg(o.directory));
    const QString caCopy = dir.absoluteFilePath(caFileName());
    if (auto written = durable::writeFileAtomically(caCopy, ca.value()); !written)
        return written.error();
    // The server is verified against this CA, by name: nothing weaker than verify-full.
    QUrl url(config.catalogLocation);
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("sslmode"));
    query.removeAllQueryItems(QStringLiteral("sslrootcert"));
    query.addQueryItem(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
    query.addQueryItem(QStringLiteral("sslrootcert"), caCopy);
    url.setQuery(query);
    url.setUserName(QString());
    url.setPassword(QString());
    config.catalogLocation = url.toString();
    config.keyBackend = o.keyBackend;
    if (auto written = durable::writeFileAtomically(dir.filePath(Site::siteFileName()), config.toJson());
        !written) {
        QFile::remove(caCopy);
        return written.error();
    }
    return Site::open(o.directory);
}

} // namespace cv
