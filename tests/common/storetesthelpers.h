#pragma once

#include "catalog/database.h"
#include "common/secretbytes.h"
#include "crypto/x25519keypair.h"
#include "store/recordingwriter.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <memory>

// Helpers shared by the store tests: synthetic audio, one-call recordings, decoding.
namespace cvtest {

// A sine per channel (440 Hz left, 1000 Hz right), `ms` long, at `rate`.
QVector<qint16> sinePcm(int rate, int channels, int ms);

// Writes a whole recording into `spoolDir` and returns what the writer left there.
cv::FinishedRecording writeRecording(const QString &spoolDir, const cv::crypto::X25519KeyPair &siteKey, int rate,
                                     int channels, int ms);

// The data key of a recording, unwrapped with the site key (fails the test if it cannot).
cv::SecretBytes unwrap(const QByteArray &wrappedKey, const cv::crypto::X25519KeyPair &siteKey, const QUuid &id);

// Decodes a container's audio completely; returns decoded milliseconds or -1 on failure.
qint64 decodedMs(const QString &path, const cv::SecretBytes &dataKey, int *channels = nullptr,
                 int *originalRate = nullptr);

// A fresh, migrated SQLite catalog in `dir` holding one site row, whose id is `siteId`.
std::unique_ptr<cv::Database> openSqliteCatalog(const QString &dir, QUuid *siteId);

} // namespace cvtest
