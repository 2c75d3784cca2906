#include "recorderservice.h"

#include "auth/sitelogin.h"
#include "catalog/database.h"
#include "crypto/cryptoutil.h"
#include "net/packetdecoder.h"
#include "net/pcapsource.h"
#include "recorder/callfinalizer.h"
#include "recorder/calljournal.h"
#include "recorder/finalizerqueue.h"
#include "recorder/recorderlogging.h"
#include "site/site.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonObject>
#include <QLockFile>
#include <QStorageInfo>

namespace cv::recorder {

namespace {

AuditEvent auditBase(const RecorderConfig &config)
{
    AuditEvent e;
    e.actor = QStringLiteral("recorder:") + config.name;
    e.host = QHostInfo::localHostName();
    e.program = QStringLiteral("callvault-recorder");
    e.details = QStringLiteral("{}");
    return e;
}

qint64 wallClockUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

qint64 kernelDrops(const net::PcapSource &source)
{
    auto stats = source.stats();
    return stats ? static_cast<qint64>(stats->droppedByKernel) : 0;
}

Result<QByteArray> readPassword(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("Could not read the catalog password file %1: %2.").arg(path, file.errorString())};
    QByteArray password = file.readLine(4096);
    while (password.endsWith('\n') || password.endsWith('\r'))
        password.chop(1);
    return password;
}

} // namespace

RecorderService::~RecorderService()
{
    if (m_finalizer)
        m_finalizer->stop();
}

Result<std::unique_ptr<RecorderService>> RecorderService::open(const RecorderConfig &config)
{
    std::unique_ptr<RecorderService> service(new RecorderService);
    service->m_config = config;
    if (auto r = service->start(); !r)
        return r.error();
    return service;
}

Result<void> RecorderService::start()
{
    auto site = Site::open(m_config.siteDirectory.isEmpty() ? Site::defaultDirectory() : m_config.siteDirectory);
    if (!site)
        return site.error();
    if (site->isServerEnforced()) {
        if (m_config.catalogUser.isEmpty())
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("The site's catalog is server-enforced PostgreSQL: set [catalog] user and "
                                        "password_file to a user of role recorder.")};
        auto password = readPassword(m_config.catalogPasswordFile);
        if (!password)
            return password.error();
        auto in = SiteLogin::login(site.takeValue(), m_config.catalogUser, password.value(), QHostInfo::localHostName(),
                                   QStringLiteral("callvault-recorder"));
        crypto::secureZero(password.value());
        if (!in)
            return in.error();
        m_site = std::move(in->site);
        m_db = std::move(in->db);
    } else {
        auto db = site->openCatalog();
        if (!db)
            return db.error();
        m_site = std::make_unique<Site>(site.takeValue());
        m_db = db.takeValue();
    }
    const StorageLayout layout = m_site->layout();
    const QUuid siteId = m_site->config().siteId;
    m_nodeName = m_config.name;
    // One recorder per spool: recovery at start seals and moves what it finds there, which
    // must never be a running recorder's live files.
    QDir().mkpath(layout.spoolDirectory());
    // The spool holds the calls' journals (numbers, CRM ids): for the recorder's account only.
    QFile::setPermissions(layout.spoolDirectory(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_spoolLock = std::make_unique<QLockFile>(QDir(layout.spoolDirectory()).filePath(QStringLiteral("recorder.lock")));
    m_spoolLock->setStaleLockTime(0);
    if (!m_spoolLock->tryLock(0))
        return Error{ErrorCode::Conflict,
                     QStringLiteral("Another callvault-recorder is using the spool %1 (lock file recorder.lock). Run one "
                                    "recorder per site directory, or stop the other one first.")
                         .arg(layout.spoolDirectory())};
    const AuditEvent audit = auditBase(m_config);

    auto recovered = CallFinalizer(layout, *m_db, siteId, audit).recoverAtStart();
    if (!recovered)
        return recovered.error();
    m_startupRecovered = recovered->recovered;
    m_startupProblems = recovered->problems;
    if (recovered->recovered > 0 || recovered->rowsWithoutAudio > 0)
        qCInfo(lcRecorder) << "start-up recovery:" << recovered->recovered << "recordings,"
                           << recovered->rowsWithoutAudio << "calls without audio";
    for (const QString &problem : recovered->problems)
        qCWarning(lcRecorder) << "not recovered yet:" << problem;

    Database *db = m_db.get();
    m_finalizer = std::make_unique<FinalizerQueue>([layout, db, siteId, audit](const CallOutcome &outcome) {
        return CallFinalizer(layout, *db, siteId, audit).commit(outcome);
    });

    CallTracker::Options options = trackerOptions();
    const QString spool = layout.spoolDirectory();
    options.recordingStarted = [spool](const CapturedCallRow &row) {
        if (auto r = CallJournal(spool).write(row, false); !r)
            qCWarning(lcRecorder) << "could not journal call" << row.sipCallId << r.errorMessage();
    };
    m_engine = std::make_unique<RecorderEngine>(options, [this](CallOutcome outcome) { onOutcome(std::move(outcome)); });
    return {};
}

CallTracker::Options RecorderService::trackerOptions() const
{
    CallTracker::Options options;
    options.siteId = m_site->config().siteId;
    options.node = m_config.name;
    options.recording.spoolDir = m_site->layout().spoolDirectory();
    options.recording.sitePublicKey = m_site->config().publicKeys.encryption;
    options.recording.jitterMs = m_config.jitterMs;
    options.recording.complexity = m_config.complexity;
    options.recording.bitrate = m_config.bitrate;
    options.agentPattern = m_config.agentPattern;
    options.rtpTimeoutUs = qint64(m_config.rtpTimeoutSeconds) * 1'000'000;
    options.signallingTimeoutUs = qint64(m_config.signallingTimeoutSeconds) * 1'000'000;
    options.maxCalls = m_config.maxCalls;
    return options;
}

void RecorderService::publish(qint64 frames, qint64 malformed, qint64 kernelDrops, qint64 nowUs)
{
    if (nowUs - m_lastPublishUs < 100'000 && nowUs >= m_lastPublishUs)
        return;
    m_lastPublishUs = nowUs;
    const CallTracker &tracker = m_engine->tracker();
    const RecorderEngine::Counters &c = m_engine->counters();
    int legs = 0;
    for (const TrackedCall *call : tracker.calls()) {
        if (call->audio)
            legs += int(call->audio->sideHasMedia(LegSide::Agent)) + int(call->audio->sideHasMedia(LegSide::Customer));
    }
    std::lock_guard<std::mutex> lock(m_snapshotMutex);
    m_snapshot.activeCalls = tracker.activeCalls();
    m_snapshot.activeLegs = legs;
    m_snapshot.acceptingCalls = tracker.acceptingCalls();
    m_snapshot.frames = frames;
    m_snapshot.malformedFrames = malformed;
    m_snapshot.kernelDrops = kernelDrops;
    m_snapshot.captureLagMs = m_maxLagUs / 1000;
    m_snapshot.encodingLateTicks = tracker.lateTicks();
    m_snapshot.encodingMaxTicksBehind = tracker.maxTicksBehind();
    m_maxLagUs = 0;
    m_snapshot.sipMessages = c.sipMessages;
    m_snapshot.sipMalformed = c.sipMalformed;
    m_snapshot.rtpPackets = c.rtpPackets;
    m_snapshot.unmatched = c.unmatched;
    m_snapshot.refusedCalls = tracker.refusedCalls();
}

RecorderService::Snapshot RecorderService::snapshot() const
{
    Snapshot s;
    {
        std::lock_guard<std::mutex> lock(m_snapshotMutex);
        s = m_snapshot;
    }
    s.diskFreeMb = spoolFreeMb();
    s.rtpLost = m_rtpLost.load();
    s.rtpLate = m_rtpLate.load();
    s.catalogQueue = m_finalizer->depth();
    s.catalogQueueAgeMs = m_finalizer->oldestAgeMs();
    s.callsCataloged = m_finalizer->committed();
    s.catalogFailures = m_finalizer->failedAttempts();
    s.catalogError = m_finalizer->lastError();
    return s;
}

void RecorderService::requestReload(const QString &configPath)
{
    {
        std::lock_guard<std::mutex> lock(m_postedMutex);
        m_reloadPath = configPath;
    }
    m_reloadRequested = true;
}

void RecorderService::reloadIfRequested()
{
    if (!m_reloadRequested.exchange(false))
        return;
    QString path;
    {
        std::lock_guard<std::mutex> lock(m_postedMutex);
        path = m_reloadPath;
    }
    auto config = RecorderConfig::load(path);
    if (!config) {
        qCCritical(lcRecorder).noquote() << "configuration not reloaded, keeping the running one:" << config.errorMessage();
        return;
    }
    // Where the site is, who this node is and the capture interface are fixed for a run.
    const QStringList fixed = {config->siteDirectory != m_config.siteDirectory ? QStringLiteral("recorder/site") : QString(),
                               config->name != m_config.name ? QStringLiteral("recorder/name") : QString(),
                               config->interfaceName != m_config.interfaceName ? QStringLiteral("capture/interface") : QString(),
                               config->bpfFilter != m_config.bpfFilter ? QStringLiteral("capture/filter") : QString(),
                               config->tokenDigests != m_config.tokenDigests || config->controlPort != m_config.controlPort ||
                                       config->controlAddress != m_config.controlAddress ||
                                       config->certificatePath != m_config.certificatePath ||
                                       config->privateKeyPath != m_config.privateKeyPath
                                   ? QStringLiteral("[control] and [tokens] (a removed token keeps working until then)")
                                   : QString()};
    for (const QString &key : fixed) {
        if (!key.isEmpty())
            qCWarning(lcRecorder) << key << "changes only with a restart; the running value stays";
    }
    const RecorderConfig running = m_config;
    m_config = config.takeValue();
    m_config.siteDirectory = running.siteDirectory;
    m_config.name = running.name;
    m_config.interfaceName = running.interfaceName;
    m_config.bpfFilter = running.bpfFilter;
    m_engine->tracker().updateOptions(trackerOptions());
    qCInfo(lcRecorder) << "configuration reloaded from" << path;
}

void RecorderService::onOutcome(CallOutcome outcome)
{
    // Journaled (durably) before it is queued: a stop or crash before the commit leaves it
    // for the next start instead of losing it.
    if (auto r = CallJournal(m_site->layout().spoolDirectory()).write(outcome.row, true); !r)
        qCWarning(lcRecorder) << "could not journal ended call" << outcome.row.sipCallId << r.errorMessage();
    qCInfo(lcRecorder).noquote() << "call" << outcome.row.sipCallId << "ended:" << completenessToText(outcome.row.completeness)
                                 << (outcome.recording ? QStringLiteral("%1 ms").arg(outcome.recording->durationMs) : QString());
    // Losses and late packets of ended calls, summed for /metrics (per call they are in the
    // call's row; a label per call would grow without bound).
    const QJsonObject legs = outcome.row.details.value(QStringLiteral("legs")).toObject();
    for (const QString &leg : {QStringLiteral("agent"), QStringLiteral("customer")}) {
        const QJsonObject stats = legs.value(leg).toObject();
        m_rtpLost += stats.value(QStringLiteral("lost")).toInteger();
        m_rtpLate += stats.value(QStringLiteral("late")).toInteger();
    }
    m_finalizer->push(std::move(outcome));
}

void RecorderService::post(std::function<void(RecorderEngine &)> work)
{
    std::lock_guard<std::mutex> lock(m_postedMutex);
    m_posted.push_back(std::move(work));
    m_hasPosted = true;
}

void RecorderService::runPosted()
{
    if (!m_hasPosted.load())
        return;
    std::deque<std::function<void(RecorderEngine &)>> work;
    {
        std::lock_guard<std::mutex> lock(m_postedMutex);
        work.swap(m_posted);
        m_hasPosted = false;
    }
    for (auto &w : work)
        w(*m_engine);
}

qint64 RecorderService::spoolFreeMb() const
{
    const QStorageInfo storage(m_site->layout().spoolDirectory());
    return storage.isValid() ? storage.bytesAvailable() / (1024 * 1024) : -1;
}

void RecorderService::checkDisk(qint64 nowUs)
{
    if (m_lastDiskCheckUs != 0 && nowUs - m_lastDiskCheckUs < 1'000'000 && nowUs >= m_lastDiskCheckUs)
        return;
    m_lastDiskCheckUs = nowUs;
    const qint64 freeMb = spoolFreeMb();
    const bool accepting = freeMb < 0 || freeMb >= m_config.minFreeMb;
    CallTracker &tracker = m_engine->tracker();
    if (accepting != tracker.acceptingCalls()) {
        if (!accepting)
            qCCritical(lcRecorder) << "disk nearly full:" << freeMb << "MiB free, below min_free_mb" << m_config.minFreeMb
                                   << "- no new calls are recorded; open calls finish";
        else
            qCInfo(lcRecorder) << "disk space back:" << freeMb << "MiB free; recording new calls again";
        tracker.setAcceptingCalls(accepting);
    } else if (freeMb >= 0 && freeMb < m_config.warnFreeMb && nowUs % 60'000'000 < 1'000'000) {
        qCWarning(lcRecorder) << "disk space low:" << freeMb << "MiB free (warn_free_mb" << m_config.warnFreeMb << ")";
    }
}

Result<RecorderService::RunReport> RecorderService::replay(const QString &pcapPath)
{
    auto source = net::PcapSource::openFile(pcapPath);
    if (!source)
        return source.error();
    net::PacketDecoder decoder(source.value()->linkType());
    RunReport report;
    QVector<net::Datagram> datagrams;
    qint64 lastUs = 0;
    for (;;) {
        auto frame = source.value()->next(0);
        if (!frame)
            return frame.error();
        if (!frame->has_value())
            break;
        ++report.frames;
        const net::PcapSource::Frame &f = *frame.value();
        lastUs = std::max(lastUs, f.timestampUs);
        checkDisk(lastUs); // before the frame: a call arriving on a full disk is refused
        datagrams.clear();
        decoder.decode(f.timestampUs, reinterpret_cast<const uchar *>(f.data.constData()), f.data.size(), datagrams);
        for (const net::Datagram &d : std::as_const(datagrams))
            m_engine->onDatagram(d);
        publish(report.frames, decoder.counters().malformed, 0, lastUs);
        reloadIfRequested();
        runPosted();
    }
    datagrams.clear();
    decoder.flush(datagrams); // TCP bytes still waiting behind holes
    for (const net::Datagram &d : std::as_const(datagrams))
        m_engine->onDatagram(d);
    runPosted();
    m_engine->finish(lastUs);
    m_finalizer->waitUntilEmpty(60'000);
    report.counters = m_engine->counters();
    report.malformedFrames = decoder.counters().malformed;
    report.callsCommitted = m_finalizer->committed();
    if (m_finalizer->depth() > 0)
        report.problems << QStringLiteral("%1 calls still wait for the catalog: %2").arg(m_finalizer->depth()).arg(m_finalizer->lastError());
    return report;
}

Result<RecorderService::RunReport> RecorderService::runLive(const std::atomic<bool> &stop)
{
    const bool siprec = m_config.siprecEnabled();
    if (m_config.interfaceName.isEmpty() && !siprec)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("No capture interface: set [capture] interface (or a [siprec] port) in the configuration.")};
    std::unique_ptr<net::PcapSource> source;
    if (!m_config.interfaceName.isEmpty()) {
        auto opened = net::PcapSource::openLive(m_config.interfaceName, m_config.bpfFilter);
        if (!opened)
            return opened.error();
        source = opened.takeValue();
        qCInfo(lcRecorder) << "capturing on" << m_config.interfaceName << "filter" << m_config.bpfFilter;
    } else {
        qCInfo(lcRecorder) << "capturing on SIPREC ports only";
    }
    net::PacketDecoder decoder(source ? source->linkType() : 1);
    RunReport report;
    QVector<net::Datagram> datagrams, received;
    // With SIPREC media the loop turns at least every 20 ms, so that RTP from the queue is
    // not held back behind a quiet capture (the jitter buffer would count it late).
    const int waitMs = siprec ? 20 : 100;
    checkDisk(wallClockUs());
    while (!stop.load()) {
        // The queue is read before the posted work runs: a SIPREC call is posted before its
        // 200 OK goes out, so it is known before any of its RTP is fed.
        received.clear();
        m_mediaQueue.drain(received, source ? 0 : waitMs);
        runPosted();
        for (const net::Datagram &d : std::as_const(received))
            m_engine->onDatagram(d);
        bool quiet = received.isEmpty();
        if (source) {
            auto frame = source->next(waitMs);
            if (!frame)
                return frame.error();
            if (frame->has_value()) {
                quiet = false;
                ++report.frames;
                const net::PcapSource::Frame &f = *frame.value();
                datagrams.clear();
                decoder.decode(f.timestampUs, reinterpret_cast<const uchar *>(f.data.constData()), f.data.size(), datagrams);
                for (const net::Datagram &d : std::as_const(datagrams))
                    m_engine->onDatagram(d);
                m_maxLagUs = std::max(m_maxLagUs, wallClockUs() - f.timestampUs);
            }
        }
        if (quiet)
            m_engine->advanceTo(wallClockUs()); // quiet line: calls still time out, audio still flows
        checkDisk(wallClockUs());
        if (const qint64 now = wallClockUs(); now - m_lastPublishUs >= 100'000)
            publish(report.frames, decoder.counters().malformed, source ? kernelDrops(*source) : 0, now);
        reloadIfRequested();
        runPosted();
    }
    runPosted();
    m_engine->finish(wallClockUs());
    if (!m_finalizer->waitUntilEmpty(30'000))
        report.problems << QStringLiteral("%1 calls still wait for the catalog (journaled in the spool for the next start): %2")
                               .arg(m_finalizer->depth())
                               .arg(m_finalizer->lastError());
    report.counters = m_engine->counters();
    report.malformedFrames = decoder.counters().malformed;
    report.callsCommitted = m_finalizer->committed();
    if (const qint64 dropped = m_mediaQueue.dropped(); dropped > 0)
        report.problems << QStringLiteral("%1 SIPREC RTP packets dropped (the capture loop fell behind)").arg(dropped);
    return report;
}

} // namespace cv::recorder
