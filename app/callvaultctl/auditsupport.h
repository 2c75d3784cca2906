#pragma once

namespace cv {
class Database;
class Site;
struct SiteKeys;
} // namespace cv

namespace ctl {

// For commands that hold the site private key, after they wrote their audit row: writes a
// signed audit checkpoint when one is due (cv::AuditCheckpointPolicy::fromEnvironment()).
// A failure is a warning on stderr; the command's own result stands.
void checkpointAuditIfDue(cv::Database &db, const cv::Site &site, const cv::SiteKeys &keys);

} // namespace ctl
