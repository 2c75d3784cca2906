#include "durablefile.h"

#include "store/containerwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cv::durable {

Result<void> syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::Io, QStringLiteral("Could not open folder %1: %2.")
                                            .arg(dir, QString::fromLocal8Bit(std::strerror(errno))));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return makeError(ErrorCode::Io, QStringLiteral("Could not sync folder %1.").arg(dir));
    return {};
}

Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    const QString temp = path + QStringLiteral(".tmp");
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return makeError(ErrorCode::Io, QStringLiteral("Could not create %1: %2.").arg(temp, file.errorString()));
    const qint64 n = file.write(bytes);
    if (n != bytes.size() || ::fdatasync(file.handle()) != 0) {
        const Error error = fileWriteError(file, QStringLiteral("data"));
        file.close();
        QFile::remove(temp);
        return error;
    }
    file.close();
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temp);
        return makeError(ErrorCode::Io, QStringLiteral("Could not replace %1.").arg(path));
    }
    return syncDirectory(QFileInfo(path).absolutePath());
}

namespace {

// rename(2) cannot cross file systems (a spool on its own disk): copy into a temporary
// file beside the target, make it durable, rename it into place, then delete the source.
Result<void> copyAcrossFileSystems(const QString &from, const QString &to)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not read %1: %2.").arg(from, source.errorString()));
    const QString temp = to + QStringLiteral(".tmp");
    QFile target(temp);
    if (!target.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::Io, QStringLiteral("Could not create %1: %2.").arg(temp, target.errorString()));
    while (!source.atEnd()) {
        const QByteArray block = source.read(1 << 20);
        if (block.isEmpty() || target.write(block) != block.size()) {
            const Error error = fileWriteError(target, QStringLiteral("a recording"));
            target.close();
            QFile::remove(temp);
            return error;
        }
    }
    if (!target.flush() || ::fdatasync(target.handle()) != 0) {
        const Error error = fileWriteError(target, QStringLiteral("a recording (sync)"));
        target.close();
        QFile::remove(temp);
        return error;
    }
    target.close();
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(to).constData()) != 0) {
        QFile::remove(temp);
        return makeError(ErrorCode::Io, QStringLiteral("Could not move %1 into place.").arg(to));
    }
    if (auto synced = syncDirectory(QFileInfo(to).absolutePath()); !synced)
        return synced;
    if (!QFile::remove(from))
        return makeError(ErrorCode::Io, QStringLiteral("Copied %1 to %2 but could not delete the original.").arg(from, to));
    return {};
}

} // namespace

Result<void> moveFile(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        if (errno == EXDEV) {
            if (auto copied = copyAcrossFileSystems(from, to); !copied)
                return copied;
            return syncDirectory(QFileInfo(from).absolutePath());
        }
        return makeError(ErrorCode::Io, QStringLiteral("Could not move %1 to %2: %3.")
                                            .arg(from, to, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (auto r = syncDirectory(QFileInfo(to).absolutePath()); !r)
        return r;
    return syncDirectory(QFileInfo(from).absolutePath());
}

} // namespace cv::durable
