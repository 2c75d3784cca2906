#pragma once

#include "auth/principal.h"
#include "catalog/database.h"
#include "crypto/x25519keypair.h"
#include "site/sitekeys.h"
#include "store/recordingaccess.h"
#include "store/storagelayout.h"

#include <QTemporaryDir>
#include <QVector>
#include <memory>
#include <optional>

// Shared by the core/playback and ui/player tests: a real site directory with an SQLite
// catalog, a site key, and real encrypted recordings of known content.
namespace playbacktest {

// Stereo test signal at `rate`: agent 440 Hz, customer 1000 Hz, both at about -12 dBFS,
// digital silence on both channels in [silentFromMs, silentToMs).
QVector<qint16> tonesWithGap(int rate, qint64 ms, qint64 silentFromMs, qint64 silentToMs);

// The frequency of one channel of interleaved stereo PCM, from its zero crossings.
double frequencyHz(const qint16 *stereo, qint64 frames, int channel, int rate);
// Largest |sample| of one channel.
int peakOf(const qint16 *stereo, qint64 frames, int channel);

struct Site
{
    // A 20 s call of agent A1 (team T1): tones with a 3 s silence at 10..13 s.
    static constexpr qint64 kDurationMs = 20000;
    static constexpr qint64 kGapFromMs = 10000;
    static constexpr qint64 kGapToMs = 13000;

    QTemporaryDir dir;
    std::unique_ptr<cv::Database> db;
    QUuid siteId;
    cv::StorageLayout layout;
    std::optional<cv::SiteKeys> siteKeys;
    cv::RecordingRow recording;

    // Catalog, key, team T1 with agent A1, one user per role in {supervisor (T1), auditor,
    // qa_evaluator (T1), agent (A1)} named u_<role>, and the recording; false with a test
    // failure.
    bool setUp(cv::RecordingStatus status = cv::RecordingStatus::Normal);
    // The principal of u_<role> as the catalog describes it now.
    cv::Principal principal(const QString &role);
    cv::RecordingAccess access() { return cv::RecordingAccess(layout, *db, *siteKeys); }
};

} // namespace playbacktest
