#pragma once

namespace cv::control {
class MetricsRegistry;
}

namespace cv::recorder {

class RecorderService;

// The recorder's /metrics (Prometheus text format; docs/user-guide-callvault-recorder.md,
// "Monitoring"): every series reads RecorderService::snapshot() at scrape time, so the
// capture thread pays nothing per packet for them.
void registerRecorderMetrics(control::MetricsRegistry &registry, const RecorderService &service);

} // namespace cv::recorder
