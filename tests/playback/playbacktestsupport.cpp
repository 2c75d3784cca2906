#include "playbacktestsupport.h"

#include "auth/accesscontrol.h"
#include "authtestsupport.h"
#include "catalog/recordingrepository.h"
#include "store/recordingarchiver.h"
#include "store/recordingwriter.h"
#include "storetesthelpers.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <cmath>

namespace playbacktest {

QVector<qint16> tonesWithGap(int rate, qint64 ms, qint64 silentFromMs, qint64 silentToMs)
{
    const qint64 frames = rate * ms / 1000;
    QVector<qint16> pcm(static_cast<qsizetype>(frames * 2));
    for (qint64 i = 0; i < frames; ++i) {
        const qint64 atMs = i * 1000 / rate;
        if (atMs >= silentFromMs && atMs < silentToMs)
            continue;
        const double t = static_cast<double>(i) / rate;
        pcm[static_cast<qsizetype>(2 * i)] =
            static_cast<qint16>(8000 * std::sin(2 * M_PI * 440.0 * t));
        pcm[static_cast<qsizetype>(2 * i + 1)] =
            static_cast<qint16>(8000 * std::sin(2 * M_PI * 1000.0 * t));
    }
    return pcm;
}

double frequencyHz(const qint16 *stereo, qint64 frames, int channel, int rate)
{
    qint64 crossings = 0;
    for (qint64 i = 1; i < frames; ++i) {
        const qint16 a = stereo[2 * (i - 1) + channel];
        const qint16 b = stereo[2 * i + channel];
        if ((a < 0 && b >= 0) || (a >= 0 && b < 0))
            ++crossings;
    }
    return frames > 0 ? static_cast<double>(crossings) / 2.0 * rate / static_cast<double>(frames)
                      : 0.0;
}

int peakOf(const qint16 *stereo, qint64 frames, int channel)
{
    int peak = 0;
    for (qint64 i = 0; i < frames; ++i)
        peak = std::max(peak, std::abs(int(stereo[2 * i + channel])));
    return peak;
}

bool Site::setUp(cv::RecordingStatus status)
{
    if (!dir.isValid())
        return false;
    db = cvtest::openSqliteCatalog(dir.path(), &siteId);
    layout.siteDirectory = dir.path();
    auto keys = cv::SiteKeys::generate();
    if (!keys)
        return false;
    siteKeys.emplace(keys.takeValue());

    if (!authtest::addTeam(*db, QStringLiteral("T1")) ||
        !authtest::addAgent(*db, QStringLiteral("A1"), QStringLiteral("T1")))
        return false;
    for (const QString &role : {QStringLiteral("supervisor"), QStringLiteral("auditor"), QStringLiteral("qa_evaluator")}) {
        if (authtest::addUser(*db, QStringLiteral("u_") + role, "not used here", role,
                              {QStringLiteral("T1")}) == 0)
            return false;
    }
    if (authtest::addUser(*db, QStringLiteral("u_agent"), "not used here", QStringLiteral("agent"), {},
                          QStringLiteral("A1")) == 0)
        return false;

    cv::RecordingWriter::Options o;
    o.spoolDir = layout.spoolDirectory();
    o.sitePublicKey = siteKeys->encryption.publicKey();
    o.opus.sampleRate = 16000;
    o.opus.channels = 2;
    o.opus.bitrate = 32000;
    o.durable = false; // tests need no fdatasync
    o.metadata.id = QUuid::createUuid();
    o.metadata.startedAt = QDateTime::currentDateTimeUtc();
    o.metadata.agentId = QStringLiteral("A1");
    o.metadata.customerPhone = QStringLiteral("13800138000");
    o.metadata.direction = QStringLiteral("in");
    o.metadata.source = QStringLiteral("test");
    auto writer = cv::RecordingWriter::create(o);
    if (!writer)
        return false;
    const QVector<qint16> pcm = tonesWithGap(16000, kDurationMs, kGapFromMs, kGapToMs);
    if (!writer.value()->write(pcm.constData(), pcm.size() / 2).ok())
        return false;
    auto finished = writer.value()->finish();
    if (!finished)
        return false;
    cv::AuditEvent event;
    event.actor = QStringLiteral("test");
    auto row = cv::RecordingArchiver(layout, *db).archive(finished.value(), siteId, event);
    if (!row) {
        qWarning("archive: %s", qPrintable(row.errorMessage()));
        return false;
    }
    recording = row.value();
    if (status != cv::RecordingStatus::Normal) {
        // A recovered recording carries no stored peaks (the trailer never got written).
        QSqlQuery q(db->connection());
        q.prepare(QStringLiteral("UPDATE recordings SET status = ?, peaks = ? WHERE id = ?"));
        q.addBindValue(cv::recordingStatusToText(status));
        q.addBindValue(QByteArray(""));
        q.addBindValue(recording.id.toString(QUuid::WithoutBraces));
        if (!q.exec() || q.numRowsAffected() != 1) {
            qWarning("mark recovered: %s", qPrintable(q.lastError().text()));
            return false;
        }
        recording.status = status;
        recording.peaks.clear();
    }
    return true;
}

cv::Principal Site::principal(const QString &role)
{
    QSqlQuery q(db->connection());
    q.prepare(QStringLiteral("SELECT id FROM users WHERE name = ?"));
    q.addBindValue(QString(QStringLiteral("u_") + role));
    if (!q.exec() || !q.next())
        qFatal("no user u_%s", qPrintable(role));
    auto p = cv::AccessControl(*db).loadPrincipal(
        q.value(0).toLongLong(), QStringLiteral("ws-test"), QStringLiteral("test"));
    if (!p)
        qFatal("principal: %s", qPrintable(p.errorMessage()));
    return p.takeValue();
}

} // namespace playbacktest
