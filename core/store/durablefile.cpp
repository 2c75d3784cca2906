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

Result<void> moveFile(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("Could not move %1 to %2: %3.")
                                            .arg(from, to, QString::fromLocal8Bit(std::strerror(errno))));
    if (auto r = syncDirectory(QFileInfo(to).absolutePath()); !r)
        return r;
    return syncDirectory(QFileInfo(from).absolutePath());
}

} // namespace cv::durable
