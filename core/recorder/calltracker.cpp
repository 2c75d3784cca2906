#include "calltracker.h"

#include "net/datagram.h"
#include "recorder/recorderlogging.h"
#include "rtp/rtppacket.h"
#include "sip/sdpsession.h"
#include "sip/sipmessage.h"
#include "store/recordingarchiver.h"

#include <QFile>
#include <QJsonArray>

namespace cv::recorder {

namespace {

LegSide other(LegSide side)
{
    return side == LegSide::Agent ? LegSide::Customer : LegSide::Agent;
}

QString number(const sip::SipMessage::NameAddr &address)
{
    const QString user = QString::fromUtf8(address.user);
    return user.isEmpty() ? CallParties::numberOfUri(QString::fromUtf8(address.uri)) : user;
}

// The recording's completeness from what its media did (docs/user-guide-callvault-recorder.md, "Completeness").
Completeness completenessOf(const TrackedCall &call, const RecordedCall &audio, bool recorded)
{
    if (call.encrypted)
        return Completeness::EncryptedSrtp;
    if (audio.diskFailed())
        return Completeness::DiskError;
    if (call.stoppedByApi)
        return Completeness::StoppedByApi;
    const bool agent = audio.sideHasMedia(LegSide::Agent), customer = audio.sideHasMedia(LegSide::Customer);
    if ((agent && audio.sideHadUnsupportedCodec(LegSide::Agent)) ||
        (customer && audio.sideHadUnsupportedCodec(LegSide::Customer)))
        return Completeness::CodecUnsupported;
    if (!recorded || (!agent && !customer))
        return call.answered ? Completeness::NoRtp : Completeness::NotAnswered;
    if (!agent || !customer)
        return Completeness::OneWayRtp;
    return Completeness::Complete;
}

QString reasonText(Completeness c)
{
    switch (c) {
    case Completeness::Complete: return QStringLiteral("Both directions recorded.");
    case Completeness::NoRtp: return QStringLiteral("The call was answered but no RTP reached the recorder.");
    case Completeness::OneWayRtp: return QStringLiteral("Only one direction's RTP reached the recorder; the other lane is silent.");
    case Completeness::CodecUnsupported: return QStringLiteral("RTP arrived in a codec the recorder cannot decode.");
    case Completeness::EncryptedSrtp: return QStringLiteral("The call negotiated SRTP (encrypted media); a passive recorder cannot record it.");
    case Completeness::StoppedByApi: return QStringLiteral("The control API stopped the recording before the call ended.");
    case Completeness::DiskError: return QStringLiteral("The recording could not be written (disk full or I/O error).");
    case Completeness::NotAnswered: return QStringLiteral("The call was cancelled or refused before any media.");
    case Completeness::Recovered: return QStringLiteral("The recorder stopped during the call; the recording was recovered at its next start.");
    }
    return {};
}

} // namespace

CallTracker::CallTracker(Options options, OutcomeSink sink)
    : m_options(std::move(options)),
      m_sink(std::move(sink)),
      m_pool(std::make_unique<EncodingPool>(m_options.encodingWorkers >= 0 ? m_options.encodingWorkers
                                                                           : EncodingPool::defaultWorkers())),
      m_io(std::make_unique<CallIoQueue>())
{
}

CallTracker::~CallTracker()
{
    m_pool->wait(); // its tasks point into m_batch and the calls
    queueEndings();
    m_io->drain();
}

void CallTracker::updateOptions(const Options &options)
{
    const QUuid siteId = m_options.siteId;
    const auto started = m_options.recordingStarted;
    m_options = options;
    m_options.siteId = siteId;
    m_options.recordingStarted = started;
}

TrackedCall *CallTracker::findByCallId(const QString &callId)
{
    const auto it = m_calls.constFind(callId);
    return it == m_calls.constEnd() ? nullptr : it.value().get();
}

TrackedCall *CallTracker::callOf(const Route &route)
{
    return findByCallId(route.callId);
}

TrackedCall *CallTracker::findByPorts(quint16 a, quint16 b)
{
    for (const auto &call : std::as_const(m_calls)) {
        const quint16 ports[] = {call->callerMedia.port, call->calleeMedia.port};
        if ((ports[0] == a && ports[1] == b) || (ports[0] == b && ports[1] == a))
            return call.get();
    }
    return nullptr;
}

QVector<const TrackedCall *> CallTracker::calls() const
{
    QVector<const TrackedCall *> out;
    for (const auto &call : m_calls)
        out << call.get();
    return out;
}

TrackedCall *CallTracker::admit(qint64 nowUs, std::shared_ptr<TrackedCall> call)
{
    // Every new call, however it came (SIP, SIPREC, the control API), is recorded unless the
    // limits say no; a refused one is still followed, and its row says why.
    call->recordingWanted = m_options.recordByDefault;
    if (m_calls.size() >= m_options.maxCalls || !m_accepting) {
        ++m_refusedCalls;
        call->recordingWanted = false;
        call->metadata.insert(QStringLiteral("refused"), m_accepting ? QStringLiteral("max_calls") : QStringLiteral("disk"));
        qCWarning(lcRecorder) << "not recording call" << call->callId
                              << (m_accepting ? "(max_calls reached)" : "(disk nearly full)");
    }
    if (call->recordingWanted)
        startRecording(nowUs, *call);
    TrackedCall *raw = call.get();
    m_calls.insert(call->callId, std::move(call));
    return raw;
}

TrackedCall *CallTracker::beginCall(qint64 nowUs, const sip::SipMessage &invite)
{
    // Beyond twice max_calls (an INVITE flood with random Call-IDs) calls are only counted:
    // no memory, no journal, no catalog row each.
    if (m_calls.size() >= 2 * m_options.maxCalls) {
        ++m_refusedCalls;
        return nullptr;
    }
    auto call = std::make_shared<TrackedCall>();
    call->id = QUuid::createUuid();
    call->callId = QString::fromUtf8(invite.callId());
    call->callerTag = invite.from().tag;
    call->invitedUs = nowUs;
    call->lastSignallingUs = nowUs;
    const auto asserted = invite.pAssertedIdentity();
    const QString caller = asserted ? number(*asserted) : number(invite.from());
    call->parties = CallParties::identify(caller, number(invite.to()), m_options.agentPattern);
    TrackedCall *raw = admit(nowUs, std::move(call));
    qCDebug(lcRecorder) << "call" << raw->callId << raw->parties.direction << "agent" << raw->parties.agentId;
    return raw;
}

void CallTracker::startRecording(qint64 nowUs, TrackedCall &call)
{
    if (call.audio)
        return;
    RecordingMetadata metadata;
    // The first recording of a call shares the call's id; a restart after a stop gets its own.
    metadata.id = call.stoppedByApi ? QUuid::createUuid() : call.id;
    metadata.direction = call.parties.direction;
    metadata.agentId = call.parties.agentId;
    metadata.customerPhone = call.parties.customerPhone;
    metadata.source = QStringLiteral("recorder");
    call.audio = std::make_unique<RecordedCall>(recordingOptions(), metadata);
    for (LegSide side : {LegSide::Agent, LegSide::Customer}) {
        const TrackedCall::LaneFormats &lane = call.formats[static_cast<int>(side)];
        call.audio->setPayloadFormats(side, lane.formats, lane.telephoneEvent);
    }
    call.stoppedByApi = false;
    call.recordingWanted = true;
    if (m_options.recordingStarted) {
        CapturedCallRow row = rowFor(call, nowUs);
        row.id = metadata.id;
        row.recordingId = metadata.id;
        row.completeness = Completeness::Recovered;
        // Queued before the call's end can be: the journal's two writes stay in order.
        m_io->push([started = m_options.recordingStarted, row] { started(row); });
    }
}

void CallTracker::applySdp(TrackedCall &call, bool fromCaller, const sip::SdpSession &sdp)
{
    for (const sip::SdpSession::SdpMedia &media : sdp.media) {
        if (media.media != "audio" || media.port == 0)
            continue;
        if (media.encrypted)
            call.encrypted = true;
        QHostAddress address = media.connection.isNull() ? sdp.connection : media.connection;
        QHash<int, rtp::PayloadFormat> formats;
        for (const sip::SdpSession::RtpMap &map : media.rtpMaps)
            formats.insert(map.payloadType, rtp::PayloadFormat{map.encoding, map.clockRate, map.channels});
        // What this side receives is what the other side sends, with this side's numbering.
        const LegSide senderTowardsThis = fromCaller ? call.calleeSide() : call.callerSide();
        TrackedCall::LaneFormats &lane = call.formats[static_cast<int>(senderTowardsThis)];
        lane.formats = formats;
        lane.telephoneEvent = media.telephoneEventPayloadType;
        if (call.audio)
            call.audio->setPayloadFormats(senderTowardsThis, formats, media.telephoneEventPayloadType);
        // On hold (one side sends only, or nothing): the media may stop for as long as the
        // hold lasts without ending the call.
        call.onHold = media.direction != sip::SdpSession::Direction::SendRecv || address.isNull() ||
                      address == QHostAddress::AnyIPv4;
        // Hold (c=0.0.0.0, RFC 2543 style) keeps the old address: media resumes there.
        if (address.isNull() || address == QHostAddress::AnyIPv4)
            return;
        net::Endpoint endpoint{address, media.port};
        net::Endpoint &known = fromCaller ? call.callerMedia : call.calleeMedia;
        if (known.port != 0 && !(known == endpoint))
            m_routes.remove(known);
        known = endpoint;
        m_routes.insert(endpoint, Route{call.callId, senderTowardsThis});
        return; // the first audio stream is the call's
    }
}

void CallTracker::onSip(qint64 nowUs, const sip::SipMessage &message)
{
    const QString callId = QString::fromUtf8(message.callId());
    if (callId.isEmpty())
        return;
    TrackedCall *call = findByCallId(callId);
    const sip::SipMessage::CSeq cseq = message.cseq();
    if (message.isRequest()) {
        const QByteArray method = message.method();
        if (method == "INVITE") {
            if (!call)
                call = beginCall(nowUs, message);
            if (!call)
                return;
        } else if (!call) {
            return; // not a call we follow (REGISTER, OPTIONS, an unknown dialog)
        }
        call->lastSignallingUs = nowUs;
        const bool fromCaller = message.from().tag == call->callerTag;
        if ((method == "INVITE" || method == "ACK" || method == "UPDATE") && message.contentType().startsWith("application/sdp")) {
            if (auto sdp = sip::SdpSession::parse(message.body()))
                applySdp(*call, fromCaller, sdp.value());
        }
        if (method == "INVITE" || method == "UPDATE")
            call->lastOfferFromCaller = fromCaller;
        if (method == "BYE" || method == "CANCEL")
            endCall(nowUs, callId);
        return;
    }
    if (!call || (cseq.method != "INVITE" && cseq.method != "UPDATE"))
        return;
    call->lastSignallingUs = nowUs;
    const int status = message.statusCode();
    // A response comes from the side the INVITE went to.
    const bool fromCaller = !call->lastOfferFromCaller;
    if (status >= 180 && status < 300 && message.contentType().startsWith("application/sdp")) {
        if (auto sdp = sip::SdpSession::parse(message.body()))
            applySdp(*call, fromCaller, sdp.value());
    }
    if (status >= 200 && status < 300 && cseq.method == "INVITE")
        call->answered = true;
    else if (status >= 300 && !call->answered && status != 401 && status != 407)
        endCall(nowUs, callId); // refused, busy, not found, cancelled (487)
    // 401/407: the phone authenticates and sends the INVITE again in the same dialog; the
    // call goes on (or the signalling timeout ends it).
}

bool CallTracker::onRtp(const net::Datagram &datagram)
{
    Route route;
    if (auto it = m_routes.constFind(datagram.destination); it != m_routes.constEnd()) {
        route = it.value();
    } else if (auto back = m_routes.constFind(datagram.source); back != m_routes.constEnd()) {
        // Symmetric RTP seen from the other end (e.g. behind NAT): sent by the owner of the
        // address, so the other lane.
        route = Route{back->callId, other(back->side)};
    } else if (auto port = m_portRoutes.constFind(datagram.destination.port); port != m_portRoutes.constEnd()) {
        route = port.value();
    } else {
        return false;
    }
    TrackedCall *call = callOf(route);
    if (!call)
        return false;
    const auto packet = rtp::RtpPacket::parse(reinterpret_cast<const uchar *>(datagram.payload.constData()),
                                              datagram.payload.size());
    if (!packet)
        return false;
    call->lastSignallingUs = std::max(call->lastSignallingUs, datagram.timestampUs);
    if (call->audio && !call->encrypted)
        call->audio->onRtp(route.side, datagram.timestampUs, *packet);
    return true;
}

void CallTracker::tick(qint64 nowUs)
{
    // The previous tick's batch still encoding (the machine is short of CPU for a moment):
    // this thread does not wait for it (the kernel's capture ring would overflow); the calls
    // are advanced further at the next tick, their packets wait in the jitter buffers. Only
    // up to kMaxEncodingBehindUs of capture time: then it waits (a replayed file runs far
    // faster than real time, and the jitter buffers hold about 3 s).
    constexpr qint64 kMaxEncodingBehindUs = 500'000;
    const bool behind = m_pool->busy() && nowUs - m_postedUs < kMaxEncodingBehindUs;
    if (!behind)
        m_pool->wait();
    struct Ended
    {
        QString callId;
        qint64 at;
        qint64 audioEnd;
    };
    QVector<Ended> ended;
    for (const auto &call : std::as_const(m_calls)) {
        const qint64 lastMedia = call->audio ? call->audio->lastPacketUs() : 0;
        const bool mediaSeen = lastMedia > 0;
        const qint64 lastActivity = std::max(call->lastSignallingUs, lastMedia);
        // Ended when the silence began, not when it was noticed: on a replay the next tick
        // may come much later.
        if (mediaSeen && !call->onHold && nowUs - lastActivity > m_options.rtpTimeoutUs)
            ended.append({call->callId, std::min(nowUs, lastMedia + m_options.rtpTimeoutUs), lastMedia});
        else if (!mediaSeen && nowUs - lastActivity > m_options.signallingTimeoutUs)
            ended.append({call->callId, std::min(nowUs, lastActivity + m_options.signallingTimeoutUs), -1});
    }
    for (const Ended &e : ended)
        endCall(e.at, e.callId, e.audioEnd); // ending a call only queues it (finishRecording): no wait
    if (behind) {
        ++m_lateTicks;
        m_maxTicksBehind = std::max(m_maxTicksBehind, ++m_ticksBehind);
        return;
    }
    m_ticksBehind = 0;
    queueEndings();
    // Then this tick's encoding, on the pool while this thread goes back to the packets
    // (pipelined): a call's packets and its encoding meet only under the call's own lock
    // (RecordedCall), and no call is destroyed before the batch is waited for.
    m_batch.clear();
    for (const auto &call : std::as_const(m_calls)) {
        if (call->audio && call->audio->hasMedia())
            m_batch << call->audio.get();
    }
    m_postedUs = nowUs;
    m_pool->post(static_cast<int>(m_batch.size()), [this, nowUs](int i) { m_batch[i]->advance(nowUs); });
}

void CallTracker::endAll(qint64 nowUs)
{
    const QStringList ids = m_calls.keys();
    for (const QString &callId : ids)
        endCall(nowUs, callId);
    m_pool->wait();
    queueEndings();
    m_io->drain();
}

void CallTracker::queueEndings()
{
    for (std::shared_ptr<Ending> &ending : m_endings)
        m_io->push([this, ending] { sealRecording(*ending); });
    m_endings.clear();
}

CapturedCallRow CallTracker::rowFor(const TrackedCall &call, qint64 endUs) const
{
    CapturedCallRow row;
    row.id = call.id;
    row.siteId = m_options.siteId;
    row.node = m_options.node;
    // The catalog keeps at most 1000 characters of a Call-ID (a hostile one may be 64 KB).
    row.sipCallId = call.callId.startsWith(QLatin1String("ports:")) ? QString() : call.callId.left(1000);
    row.startedAt = QDateTime::fromMSecsSinceEpoch(call.invitedUs / 1000, Qt::UTC);
    row.endedAt = QDateTime::fromMSecsSinceEpoch(std::max(call.invitedUs, endUs) / 1000, Qt::UTC);
    row.direction = directionFromMetadata(call.parties.direction);
    row.agentId = call.metadata.value(QStringLiteral("agent_id")).toString(call.parties.agentId);
    row.customerPhone = call.metadata.value(QStringLiteral("customer_number")).toString(call.parties.customerPhone);
    QJsonObject metadata;
    for (const QString &key : {QStringLiteral("agent_id"), QStringLiteral("customer_number"),
                               QStringLiteral("crm_ticket_id"), QStringLiteral("refused"),
                               QStringLiteral("siprec")}) {
        if (call.metadata.contains(key))
            metadata.insert(key, call.metadata.value(key));
    }
    row.details.insert(QStringLiteral("metadata"), metadata);
    row.details.insert(QStringLiteral("tags"), QJsonArray::fromStringList(call.tags));
    row.details.insert(QStringLiteral("answered"), call.answered);
    return row;
}

void CallTracker::finishRecording(qint64 nowUs, TrackedCall &call, CapturedCallRow row, qint64 audioEndUs)
{
    // The recording may be in the batch being encoded: it is sealed (CallIoQueue) after the
    // next tick waited for that batch, never on this thread (disk latency).
    auto ending = std::make_shared<Ending>();
    ending->audio = std::move(call.audio);
    ending->row = std::move(row);
    ending->endUs = audioEndUs >= 0 ? std::min(nowUs, audioEndUs) : nowUs;
    ending->encrypted = call.encrypted;
    ending->stoppedByApi = call.stoppedByApi;
    ending->answered = call.answered;
    ending->direction = call.parties.direction;
    m_endings.push_back(std::move(ending));
}

void CallTracker::sealRecording(Ending &ending)
{
    CapturedCallRow &row = ending.row;
    auto recording = ending.audio->finish(ending.endUs, row.details);
    TrackedCall facts;
    facts.encrypted = ending.encrypted;
    facts.stoppedByApi = ending.stoppedByApi;
    facts.answered = ending.answered;
    row.completeness = completenessOf(facts, *ending.audio, recording.has_value());
    // The row is the recording's (its journal has this id), audio or not.
    row.id = ending.audio->recordingId();
    ending.audio.reset();
    if (recording && row.completeness == Completeness::EncryptedSrtp) {
        QFile::remove(recording->containerPath); // SRTP noise is not a recording
        QFile::remove(recording->sidecarPath);
        recording.reset();
    }
    if (recording) {
        row.id = recording->metadata.id;
        row.recordingId = recording->metadata.id;
        recording->metadata.agentId = row.agentId;
        recording->metadata.customerPhone = row.customerPhone;
        recording->metadata.direction = ending.direction; // SIPREC metadata may change it
    }
    row.details.insert(QStringLiteral("reason"), reasonText(row.completeness));
    m_sink(CallOutcome{std::move(recording), std::move(row)});
}

void CallTracker::stopRecording(qint64 nowUs, TrackedCall &call)
{
    if (!call.audio)
        return;
    call.stoppedByApi = true;
    finishRecording(nowUs, call, rowFor(call, nowUs));
    call.recordingWanted = false;
}

void CallTracker::dropRoutes(const TrackedCall &call)
{
    for (const net::Endpoint &endpoint : {call.callerMedia, call.calleeMedia}) {
        auto it = m_routes.find(endpoint);
        if (it != m_routes.end() && it->callId == call.callId)
            m_routes.erase(it);
    }
    for (auto it = m_portRoutes.begin(); it != m_portRoutes.end();) {
        it = it->callId == call.callId ? m_portRoutes.erase(it) : std::next(it);
    }
}

void CallTracker::endCall(qint64 nowUs, const QString &callId, qint64 audioEndUs)
{
    std::shared_ptr<TrackedCall> call = m_calls.take(callId);
    if (!call)
        return;
    dropRoutes(*call);
    CapturedCallRow row = rowFor(*call, nowUs);
    if (call->audio) {
        finishRecording(nowUs, *call, std::move(row), audioEndUs);
        return;
    }
    if (call->stoppedByApi)
        return; // its row went out with the stopped recording
    if (call->metadata.contains(QStringLiteral("refused")) &&
        call->metadata.value(QStringLiteral("refused")).toString() == QLatin1String("disk"))
        row.completeness = Completeness::DiskError;
    else
        row.completeness = call->encrypted ? Completeness::EncryptedSrtp
                           : call->answered ? Completeness::NoRtp
                                            : Completeness::NotAnswered;
    row.details.insert(QStringLiteral("reason"), reasonText(row.completeness));
    // Through the queue as well: one thread calls the sink, in the order calls ended.
    m_io->push([this, row = std::move(row)]() mutable { m_sink(CallOutcome{std::nullopt, std::move(row)}); });
}

TrackedCall *CallTracker::startByPorts(qint64 nowUs, quint16 agentPort, quint16 customerPort)
{
    const QString callId = QStringLiteral("ports:%1-%2").arg(agentPort).arg(customerPort);
    if (TrackedCall *existing = findByCallId(callId))
        return existing;
    auto call = std::make_shared<TrackedCall>();
    call->id = QUuid::createUuid();
    call->callId = callId;
    call->invitedUs = nowUs;
    call->lastSignallingUs = nowUs;
    call->answered = true;
    call->parties.direction = QStringLiteral("in");
    call->parties.agentIsCaller = false;
    startRecording(nowUs, *call);
    m_portRoutes.insert(agentPort, Route{callId, LegSide::Agent});
    m_portRoutes.insert(customerPort, Route{callId, LegSide::Customer});
    TrackedCall *raw = call.get();
    m_calls.insert(callId, std::move(call));
    return raw;
}

TrackedCall *CallTracker::startSiprecCall(qint64 nowUs, const SiprecCall &siprec)
{
    if (TrackedCall *existing = findByCallId(siprec.callId)) {
        updateSiprecCall(nowUs, siprec);
        return existing;
    }
    auto call = std::make_shared<TrackedCall>();
    call->id = QUuid::createUuid();
    call->callId = siprec.callId;
    call->invitedUs = nowUs;
    call->lastSignallingUs = nowUs;
    call->answered = true; // the recorder answered the SIPREC INVITE itself
    call->parties = siprec.parties;
    call->metadata.insert(QStringLiteral("siprec"), siprec.siprec);
    TrackedCall *raw = admit(nowUs, std::move(call));
    applySiprec(*raw, siprec);
    qCDebug(lcRecorder) << "SIPREC call" << raw->callId << raw->parties.direction << "agent" << raw->parties.agentId;
    return raw;
}

void CallTracker::updateSiprecCall(qint64 nowUs, const SiprecCall &siprec)
{
    TrackedCall *call = findByCallId(siprec.callId);
    if (!call) {
        // The call ended by media timeout (a long hold) while its SIPREC session went on:
        // the re-INVITE that resumes it starts a new recording.
        startSiprecCall(nowUs, siprec);
        return;
    }
    call->lastSignallingUs = std::max(call->lastSignallingUs, nowUs);
    call->parties = siprec.parties;
    call->metadata.insert(QStringLiteral("siprec"), siprec.siprec);
    applySiprec(*call, siprec);
}

void CallTracker::applySiprec(TrackedCall &call, const SiprecCall &siprec)
{
    for (auto it = m_portRoutes.begin(); it != m_portRoutes.end();)
        it = it->callId == call.callId ? m_portRoutes.erase(it) : std::next(it);
    const quint16 ports[2] = {siprec.agentPort, siprec.customerPort};
    for (const LegSide side : {LegSide::Agent, LegSide::Customer}) {
        const int lane = static_cast<int>(side);
        if (ports[lane] != 0)
            m_portRoutes.insert(ports[lane], Route{call.callId, side});
        if (call.audio)
            call.audio->setPayloadFormats(side, siprec.formats[lane], siprec.telephoneEvent[lane]);
    }
}

} // namespace cv::recorder
