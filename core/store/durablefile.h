#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace cv::durable {

// Writes `bytes` to `path` so that after a crash the file holds either the old content or
// all of the new one: temp file, fdatasync, rename, fsync of the directory.
Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes);
// Makes a rename or a new file in `dir` survive a crash.
Result<void> syncDirectory(const QString &dir);
// rename(2) plus directory syncs; both paths must be on one file system.
Result<void> moveFile(const QString &from, const QString &to);

} // namespace cv::durable
