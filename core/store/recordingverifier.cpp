#include "recordingverifier.h"

#include "crypto/cryptoutil.h"
#include "store/recordingaccess.h"

#include <QFile>
#include <QFileInfo>

namespace cv {

namespace {
QByteArray fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    crypto::Sha256 hash;
    while (!file.atEnd())
        hash.addData(file.read(1 << 20));
    return hash.result();
}
} // namespace

RecordingVerifier::RecordingVerifier(const RecordingAccess &access) : m_access(access) {}

RecordingVerifier::Verdict RecordingVerifier::verify(const RecordingRow &row) const
{
    Verdict v;
    v.id = row.id;
    const QString path = m_access.layout().absolutePath(row.storagePath);
    if (!QFile::exists(path)) {
        v.problems << QStringLiteral("file missing: %1").arg(path);
        return v;
    }
    if (QFileInfo(path).size() != row.sizeBytes)
        v.problems << QStringLiteral("size is %1 bytes, the catalog says %2").arg(QFileInfo(path).size()).arg(row.sizeBytes);
    const QByteArray digest = fileSha256(path);
    if (!crypto::constantTimeEquals(digest.toHex(), row.sha256Hex.toLatin1()))
        v.problems << QStringLiteral("SHA-256 differs from the catalog (the file was changed)");
    auto opened = m_access.open(row);
    if (!opened) {
        v.problems << opened.errorMessage();
        return v;
    }
    ContainerReader &reader = *opened.value().reader;
    if (auto verified = reader.verify(); !verified)
        v.problems << verified.errorMessage();
    const bool finished = reader.state() == ContainerReader::State::Finished;
    if (!finished && row.status == RecordingStatus::Normal)
        v.problems << QStringLiteral("the file is unfinished (its final chunk is missing) but the catalog says complete");
    v.ok = v.problems.isEmpty();
    return v;
}

} // namespace cv
