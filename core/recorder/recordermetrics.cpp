#include "recordermetrics.h"

#include "control/metricsregistry.h"
#include "recorder/recorderservice.h"

namespace cv::recorder {

void registerRecorderMetrics(control::MetricsRegistry &registry, const RecorderService &service)
{
    using Type = control::MetricsRegistry::Type;
    using Snapshot = RecorderService::Snapshot;
    struct Series
    {
        Type type;
        const char *name;
        const char *help;
        double (*value)(const Snapshot &s);
    };
    static const Series kSeries[] = {
        {Type::Gauge, "callvault_recorder_active_calls", "Calls the recorder follows now.",
         [](const Snapshot &s) { return double(s.activeCalls); }},
        {Type::Gauge, "callvault_recorder_active_legs", "RTP legs with media in the calls followed now.",
         [](const Snapshot &s) { return double(s.activeLegs); }},
        {Type::Gauge, "callvault_recorder_accepting_calls", "1 while new calls are recorded, 0 when the disk alarm refuses them.",
         [](const Snapshot &s) { return s.acceptingCalls ? 1.0 : 0.0; }},
        {Type::Counter, "callvault_recorder_frames_total", "Frames captured.", [](const Snapshot &s) { return double(s.frames); }},
        {Type::Counter, "callvault_recorder_frames_malformed_total", "Frames dropped as malformed (counted, never trusted).",
         [](const Snapshot &s) { return double(s.malformedFrames); }},
        {Type::Counter, "callvault_recorder_kernel_drops_total", "Packets the kernel dropped because the recorder read too slowly.",
         [](const Snapshot &s) { return double(s.kernelDrops); }},
        {Type::Counter, "callvault_recorder_sip_messages_total", "SIP messages parsed.",
         [](const Snapshot &s) { return double(s.sipMessages); }},
        {Type::Counter, "callvault_recorder_sip_malformed_total", "SIP messages dropped as malformed.",
         [](const Snapshot &s) { return double(s.sipMalformed); }},
        {Type::Counter, "callvault_recorder_rtp_packets_total", "RTP packets that belonged to a call.",
         [](const Snapshot &s) { return double(s.rtpPackets); }},
        {Type::Counter, "callvault_recorder_rtp_lost_total", "RTP packets lost (sequence gaps) in the calls that ended.",
         [](const Snapshot &s) { return double(s.rtpLost); }},
        {Type::Counter, "callvault_recorder_rtp_late_total", "RTP packets that came too late for the jitter buffer, in the calls that ended.",
         [](const Snapshot &s) { return double(s.rtpLate); }},
        {Type::Counter, "callvault_recorder_datagrams_unmatched_total", "Datagrams that were neither SIP nor RTP of a known call.",
         [](const Snapshot &s) { return double(s.unmatched); }},
        {Type::Counter, "callvault_recorder_calls_refused_total", "Calls not recorded: max_calls reached or the disk alarm.",
         [](const Snapshot &s) { return double(s.refusedCalls); }},
        {Type::Counter, "callvault_recorder_calls_cataloged_total", "Ended calls committed to the catalog.",
         [](const Snapshot &s) { return double(s.callsCataloged); }},
        {Type::Counter, "callvault_recorder_catalog_failures_total", "Failed catalog commits (each is retried).",
         [](const Snapshot &s) { return double(s.catalogFailures); }},
        {Type::Gauge, "callvault_recorder_catalog_queue_depth", "Ended calls waiting for the catalog.",
         [](const Snapshot &s) { return double(s.catalogQueue); }},
        {Type::Gauge, "callvault_recorder_spool_age_seconds", "Age of the oldest ended call still waiting for the catalog.",
         [](const Snapshot &s) { return s.catalogQueueAgeMs / 1000.0; }},
        {Type::Gauge, "callvault_recorder_disk_free_bytes", "Free space of the spool's file system.",
         [](const Snapshot &s) { return s.diskFreeMb < 0 ? 0.0 : double(s.diskFreeMb) * 1024 * 1024; }},
    };
    // One snapshot per scrape would be nicer than one per series; a snapshot is a few
    // atomics and a statfs, cheap next to a scrape's TLS handshake.
    for (const Series &series : kSeries) {
        auto read = series.value;
        registry.callback(series.type, series.name, series.help, {}, [&service, read] { return read(service.snapshot()); });
    }
}

} // namespace cv::recorder
