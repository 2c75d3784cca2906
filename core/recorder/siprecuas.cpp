#include "siprecuas.h"

#include "recorder/recorderlogging.h"
#include "sip/multipartbody.h"
#include "sip/sdpsession.h"
#include "sip/sipmessage.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <chrono>

namespace cv::recorder {

namespace {

const QByteArray kAllow = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE";
const QByteArray kAccept = "application/sdp, application/rs-metadata+xml, multipart/mixed";

qint64 monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A reason phrase is one line of text; a parser's message may hold anything.
QByteArray phrase(const QByteArray &text)
{
    QByteArray out = text.left(200);
    for (char &c : out) {
        if (uchar(c) < 0x20 || uchar(c) > 0x7e)
            c = ' ';
    }
    return out.trimmed();
}

bool supportedCodec(const QByteArray &encoding)
{
    for (const char *name : {"PCMU", "PCMA", "G722", "opus"}) {
        if (encoding.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray newTag()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

QByteArray cacheKey(const sip::SipMessage &request)
{
    const sip::SipMessage::CSeq cseq = request.cseq();
    return request.callId() + '\n' + QByteArray::number(cseq.number) + ' ' + cseq.method + '\n' + request.header("via");
}

// A partial metadata update (RFC 7865 datamode "partial") changes or adds the objects it
// names; the others stay as the complete document had them.
void merge(sip::SiprecMetadata &into, const sip::SiprecMetadata &update)
{
    if (update.complete) {
        into = update;
        return;
    }
    for (const auto &p : update.participants) {
        auto it = std::find_if(into.participants.begin(), into.participants.end(), [&](const auto &q) { return q.id == p.id; });
        if (it == into.participants.end()) {
            into.participants << p;
            continue;
        }
        if (!p.aors.isEmpty())
            it->aors = p.aors;
        if (!p.name.isEmpty())
            it->name = p.name;
        if (!p.send.isEmpty())
            it->send = p.send;
        if (!p.recv.isEmpty())
            it->recv = p.recv;
    }
    for (const auto &s : update.streams) {
        auto it = std::find_if(into.streams.begin(), into.streams.end(), [&](const auto &t) { return t.id == s.id; });
        if (it == into.streams.end())
            into.streams << s;
        else
            *it = s;
    }
    if (!update.sessions.isEmpty() && into.sessions.isEmpty())
        into.sessions = update.sessions;
    into.participants = into.participants.mid(0, sip::SiprecMetadata::kMaxObjects);
    into.streams = into.streams.mid(0, sip::SiprecMetadata::kMaxObjects);
}

} // namespace

SiprecUas::SiprecUas(Options options, AllocatePort allocate, ReleasePort release)
    : m_options(std::move(options)), m_allocate(std::move(allocate)), m_release(std::move(release))
{
}

SiprecUas::~SiprecUas()
{
    for (const Session &session : std::as_const(m_sessions))
        releasePorts(session);
}

void SiprecUas::releasePorts(const Session &session)
{
    for (const Stream &stream : session.streams) {
        if (stream.port != 0)
            m_release(stream.port);
    }
}

void SiprecUas::remember(const QByteArray &key, const QByteArray &response)
{
    if (!m_responseCache.contains(key)) {
        m_cacheOrder.push_back(key);
        if (int(m_cacheOrder.size()) > kResponseCacheSize) {
            m_responseCache.remove(m_cacheOrder.front());
            m_cacheOrder.pop_front();
        }
    }
    m_responseCache.insert(key, response);
}

SiprecUas::Output SiprecUas::handle(const QByteArray &bytes, const Peer &peer)
{
    auto message = sip::SipMessage::parse(bytes);
    if (!message) {
        // Without parsed Via/Call-ID/CSeq no response can be addressed: dropped (RFC 3261 18.3).
        qCDebug(lcRecorder) << "SIPREC: malformed SIP from" << peer.address.toString() << message.errorMessage();
        return {};
    }
    if (!message->isRequest())
        return {}; // the recorder sends no requests, so no response is for it
    if (message->method() == "ACK")
        return handleRequest(message.value(), peer);
    const QByteArray key = cacheKey(message.value());
    if (auto it = m_responseCache.constFind(key); it != m_responseCache.constEnd())
        return Output{{it.value()}, {}}; // a retransmission: the same answer, nothing done twice
    Output out = handleRequest(message.value(), peer);
    if (!out.responses.isEmpty())
        remember(key, out.responses.last());
    return out;
}

QByteArray SiprecUas::refuse(const sip::SipMessage &request, int code, const QByteArray &reason, const QByteArray &toTag) const
{
    const QByteArray text = phrase(reason);
    sip::SipMessage response = sip::SipMessage::response(request, code, text, toTag.isEmpty() ? newTag() : toTag);
    if (code >= 400) {
        // RFC 3326: the reason for machines that log headers rather than phrases.
        QByteArray quoted = text;
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        response.addHeader("Reason", "SIP;cause=" + QByteArray::number(code) + ";text=\"" + quoted + '"');
    }
    if (code == 405 || code == 415) {
        response.addHeader("Allow", kAllow);
        response.addHeader("Accept", kAccept);
    }
    response.addHeader("Server", m_options.userAgent);
    return response.serialize();
}

SiprecUas::Output SiprecUas::handleRequest(const sip::SipMessage &request, const Peer &peer)
{
    const QByteArray method = request.method();
    const QString callId = QString::fromUtf8(request.callId());
    Session *session = nullptr;
    if (auto it = m_sessions.find(callId); it != m_sessions.end())
        session = &it.value();
    const QByteArray toTag = request.to().tag;
    const bool dialogMatches = session && (toTag.isEmpty() || toTag == session->toTag);

    if (method == "OPTIONS") {
        sip::SipMessage response = sip::SipMessage::response(request, 200, "OK", newTag());
        response.addHeader("Allow", kAllow);
        response.addHeader("Accept", kAccept);
        response.addHeader("Supported", "siprec");
        response.addHeader("Server", m_options.userAgent);
        return Output{{response.serialize()}, {}};
    }
    if (method == "ACK") {
        if (session && toTag == session->toTag)
            session->pending2xx.clear();
        return {};
    }
    if (method == "INVITE") {
        if (!toTag.isEmpty() && !dialogMatches)
            return Output{{refuse(request, 481, "Call/Transaction Does Not Exist")}, {}};
        return invite(request, peer, session);
    }
    if (method == "UPDATE") {
        if (!dialogMatches)
            return Output{{refuse(request, 481, "Call/Transaction Does Not Exist")}, {}};
        return invite(request, peer, session);
    }
    if (method == "BYE") {
        if (!dialogMatches)
            return Output{{refuse(request, 481, "Call/Transaction Does Not Exist")}, {}};
        const QByteArray tag = session->toTag;
        Output out = endSession(callId);
        out.responses << refuse(request, 200, "OK", tag);
        return out;
    }
    if (method == "CANCEL") {
        // INVITEs are answered at once, so there is never one to cancel; RFC 3261 9.2.
        if (!session)
            return Output{{refuse(request, 481, "Call/Transaction Does Not Exist")}, {}};
        return Output{{refuse(request, 200, "OK", session->toTag)}, {}};
    }
    return Output{{refuse(request, 405, "Method Not Allowed")}, {}};
}

SiprecUas::Output SiprecUas::endSession(const QString &callId)
{
    Output out;
    auto it = m_sessions.find(callId);
    if (it == m_sessions.end())
        return out;
    releasePorts(it.value());
    m_sessions.erase(it);
    Event end;
    end.kind = Event::Kind::End;
    end.call.callId = callId;
    out.events << end;
    return out;
}

SiprecUas::Output SiprecUas::endAll()
{
    Output out;
    const QStringList ids = m_sessions.keys();
    for (const QString &id : ids)
        out.events << endSession(id).events;
    return out;
}

SiprecUas::Output SiprecUas::invite(const sip::SipMessage &request, const Peer &peer, Session *session)
{
    const bool isInvite = request.method() == "INVITE";
    const bool initial = session == nullptr;
    Output out;
    if (isInvite)
        out.responses << sip::SipMessage::response(request, 100, "Trying").serialize();
    auto refused = [&](int code, const QByteArray &reason) {
        out.responses << refuse(request, code, reason, session ? session->toTag : QByteArray());
        return out;
    };
    if (initial && m_sessions.size() >= m_options.maxSessions)
        return refused(503, "Too many recording sessions");

    // What the request carries: SDP, metadata, or both in a multipart/mixed body.
    const QByteArray type = request.mediaType();
    QByteArray sdpBody, metadataBody;
    bool hasSdp = false, hasMetadata = false;
    if (type == "multipart/mixed") {
        auto parts = sip::MultipartBody::parse(request.contentType(), request.body());
        if (!parts)
            return refused(400, "Malformed multipart body: " + parts.errorMessage().toUtf8());
        if (const auto *sdp = sip::MultipartBody::find(parts.value(), "application/sdp")) {
            sdpBody = sdp->body;
            hasSdp = true;
        }
        if (const auto *xml = sip::MultipartBody::find(parts.value(), "application/rs-metadata+xml")) {
            metadataBody = xml->body;
            hasMetadata = true;
        }
    } else if (type == "application/sdp") {
        sdpBody = request.body();
        hasSdp = true;
    } else if (type == "application/rs-metadata+xml") {
        metadataBody = request.body();
        hasMetadata = true;
    } else if (!type.isEmpty()) {
        return refused(415, "Unsupported Media Type");
    }
    if (initial && !hasSdp)
        return refused(400, "Missing application/sdp body (the SIPREC offer)");
    if (initial && !hasMetadata)
        return refused(400, "Missing application/rs-metadata+xml body (SIPREC recording metadata)");

    std::optional<sip::SdpSession> sdp;
    if (hasSdp) {
        auto parsed = sip::SdpSession::parse(sdpBody);
        if (!parsed)
            return refused(400, "Malformed SDP: " + parsed.errorMessage().toUtf8());
        sdp = parsed.takeValue();
    }
    Session next = session ? *session : Session{};
    if (hasMetadata) {
        auto parsed = sip::SiprecMetadata::parse(metadataBody);
        if (!parsed)
            return refused(400, "Malformed recording metadata: " + parsed.errorMessage().toUtf8());
        merge(next.metadata, parsed.value());
    }

    QList<quint16> allocated; // new ports of this offer: released again if it fails
    if (sdp) {
        QList<Stream> streams;
        int accepted = 0;
        for (int i = 0; i < sdp->media.size(); ++i) {
            const sip::SdpSession::SdpMedia &media = sdp->media.at(i);
            Stream stream;
            stream.label = media.label.isEmpty() ? QByteArray::number(i + 1) : media.label;
            const sip::SdpSession::RtpMap *codec = nullptr;
            for (const sip::SdpSession::RtpMap &map : media.rtpMaps) {
                if (supportedCodec(map.encoding)) {
                    codec = &map;
                    break;
                }
            }
            const bool usable = media.media == "audio" && !media.disabled() && !media.encrypted && codec &&
                                media.protocol.toUpper() == "RTP/AVP" && accepted < kMaxStreams;
            if (!usable) {
                stream.payloadType = media.payloadTypes.value(0, 0);
                streams << stream; // answered with port 0: refused (RFC 3264 section 6)
                continue;
            }
            ++accepted;
            stream.codec = *codec;
            stream.payloadType = codec->payloadType;
            stream.telephoneEvent = media.telephoneEventPayloadType;
            for (const Stream &old : std::as_const(next.streams)) {
                if (old.label == stream.label && old.port != 0)
                    stream.port = old.port; // a re-INVITE keeps the stream where it was
            }
            if (stream.port == 0) {
                auto port = m_allocate();
                if (!port) {
                    for (quint16 p : std::as_const(allocated))
                        m_release(p);
                    qCWarning(lcRecorder) << "SIPREC: refusing" << request.callId() << port.errorMessage();
                    return refused(503, "No free RTP port");
                }
                stream.port = port.value();
                allocated << stream.port;
            }
            streams << stream;
        }
        if (accepted == 0)
            return refused(488, "No audio stream the recorder can receive (RTP/AVP with PCMU, PCMA, G722 or opus)");
        // Ports of streams the new offer no longer has go back to the pool.
        for (const Stream &old : std::as_const(next.streams)) {
            const bool kept = std::any_of(streams.cbegin(), streams.cend(), [&](const Stream &s) { return s.port == old.port; });
            if (old.port != 0 && !kept)
                m_release(old.port);
        }
        next.streams = streams;
        ++next.sdpVersion;
    }

    if (initial) {
        next.callId = QString::fromUtf8(request.callId());
        next.toTag = newTag();
    }
    next.peer = peer;
    sip::SipMessage ok = sip::SipMessage::response(request, 200, "OK", next.toTag);
    const QByteArray host = peer.local.protocol() == QAbstractSocket::IPv6Protocol
                                ? '[' + peer.local.toString().toLatin1() + ']'
                                : peer.local.toString().toLatin1();
    QByteArray contact = "<sip:recorder@" + host + ':' + QByteArray::number(peer.localPort);
    if (peer.transport != "UDP")
        contact += ";transport=" + peer.transport.toLower();
    ok.addHeader("Contact", contact + '>');
    ok.addHeader("Allow", kAllow);
    ok.addHeader("Supported", "siprec");
    ok.addHeader("Server", m_options.userAgent);
    if (sdp || isInvite)
        ok.setBody(answerSdp(next, peer), "application/sdp"); // an INVITE's 2xx always answers
    const QByteArray bytes = ok.serialize();
    out.responses << bytes;
    if (isInvite && peer.transport == "UDP") {
        next.pending2xx = bytes;
        next.pendingSinceMs = monotonicMs();
        next.retransmitIntervalMs = 500;
        next.nextRetransmitMs = next.pendingSinceMs + next.retransmitIntervalMs;
    }
    Event event;
    event.kind = initial ? Event::Kind::Start : Event::Kind::Update;
    event.call = callOf(next);
    out.events << event;
    m_sessions.insert(next.callId, next);
    return out;
}

QByteArray SiprecUas::answerSdp(const Session &session, const Peer &peer) const
{
    const bool v6 = peer.local.protocol() == QAbstractSocket::IPv6Protocol;
    const QByteArray address = (v6 ? "IN IP6 " : "IN IP4 ") + peer.local.toString().toLatin1();
    QByteArray sdp = "v=0\r\no=callvault-recorder " + QByteArray::number(qHash(session.callId) & 0x7fffffff) + ' ' +
                     QByteArray::number(session.sdpVersion) + ' ' + address + "\r\ns=callvault-recorder\r\nc=" + address +
                     "\r\nt=0 0\r\n";
    for (const Stream &s : session.streams) {
        if (s.port == 0) {
            sdp += "m=audio 0 RTP/AVP " + QByteArray::number(s.payloadType) + "\r\n";
            continue;
        }
        sdp += "m=audio " + QByteArray::number(s.port) + " RTP/AVP " + QByteArray::number(s.payloadType);
        if (s.telephoneEvent >= 0)
            sdp += ' ' + QByteArray::number(s.telephoneEvent);
        sdp += "\r\na=rtpmap:" + QByteArray::number(s.payloadType) + ' ' + s.codec.encoding + '/' +
               QByteArray::number(s.codec.clockRate);
        if (s.codec.channels > 1)
            sdp += '/' + QByteArray::number(s.codec.channels);
        sdp += "\r\n";
        if (!s.codec.fmtp.isEmpty())
            sdp += "a=fmtp:" + QByteArray::number(s.payloadType) + ' ' + s.codec.fmtp + "\r\n";
        if (s.telephoneEvent >= 0)
            sdp += "a=rtpmap:" + QByteArray::number(s.telephoneEvent) + " telephone-event/8000\r\n";
        sdp += "a=label:" + s.label + "\r\na=recvonly\r\n";
    }
    return sdp;
}

// Which stream is whose (docs/recorder-protocols.md, "SIPREC server"): the participant that
// sends a stream (metadata participantstreamassoc, else the participants in order) gives its
// number; the first recorded stream's participant counts as the caller, the second's as the
// callee, and CallParties::identify picks the agent by RecorderConfig::agentPattern.
CallTracker::SiprecCall SiprecUas::callOf(const Session &session) const
{
    CallTracker::SiprecCall call;
    call.callId = session.callId;
    const sip::SiprecMetadata &m = session.metadata;
    QList<const Stream *> recorded;
    for (const Stream &s : session.streams) {
        if (s.port != 0)
            recorded << &s;
    }
    QString numbers[2];
    const sip::SiprecMetadata::Participant *senders[2] = {nullptr, nullptr};
    for (int i = 0; i < recorded.size() && i < 2; ++i) {
        const auto *stream = m.streamByLabel(recorded[i]->label);
        senders[i] = stream ? m.senderOf(stream->id) : nullptr;
        if (!senders[i] && i < m.participants.size())
            senders[i] = &m.participants.at(i);
        numbers[i] = senders[i] ? sip::SiprecMetadata::numberOf(*senders[i]) : QString();
    }
    call.parties = CallParties::identify(numbers[0], numbers[1], m_options.agentPattern);
    const LegSide first = call.parties.agentIsCaller ? LegSide::Agent : LegSide::Customer;
    QJsonArray streams;
    for (int i = 0; i < recorded.size() && i < 2; ++i) {
        const Stream &s = *recorded[i];
        const LegSide side = i == 0 ? first : (first == LegSide::Agent ? LegSide::Customer : LegSide::Agent);
        const int lane = static_cast<int>(side);
        (side == LegSide::Agent ? call.agentPort : call.customerPort) = s.port;
        call.formats[lane].insert(s.payloadType, rtp::PayloadFormat{s.codec.encoding, s.codec.clockRate, s.codec.channels});
        if (s.telephoneEvent >= 0)
            call.formats[lane].insert(s.telephoneEvent, rtp::PayloadFormat{"telephone-event", 8000, 1});
        call.telephoneEvent[lane] = s.telephoneEvent;
        streams.append(QJsonObject{{QStringLiteral("label"), QString::fromUtf8(s.label)},
                                   {QStringLiteral("lane"), side == LegSide::Agent ? QStringLiteral("agent") : QStringLiteral("customer")},
                                   {QStringLiteral("participant"), senders[i] ? QString::fromUtf8(senders[i]->id) : QString()}});
    }
    QJsonArray participants;
    for (const auto &p : m.participants) {
        participants.append(QJsonObject{{QStringLiteral("id"), QString::fromUtf8(p.id)},
                                        {QStringLiteral("number"), sip::SiprecMetadata::numberOf(p)},
                                        {QStringLiteral("name"), p.name},
                                        {QStringLiteral("aors"), QJsonArray::fromStringList(p.aors)}});
    }
    call.siprec = QJsonObject{{QStringLiteral("sessionId"), m.sessions.isEmpty() ? QString() : QString::fromUtf8(m.sessions.first().id)},
                              {QStringLiteral("participants"), participants},
                              {QStringLiteral("streams"), streams}};
    if (!m.sessions.isEmpty() && !m.sessions.first().sipSessionId.isEmpty())
        call.siprec.insert(QStringLiteral("sipSessionId"), m.sessions.first().sipSessionId);
    return call;
}

QList<QPair<SiprecUas::Peer, QByteArray>> SiprecUas::retransmissions(qint64 nowMs)
{
    if (nowMs <= 0)
        nowMs = monotonicMs();
    QList<QPair<Peer, QByteArray>> out;
    for (Session &s : m_sessions) {
        if (s.pending2xx.isEmpty() || nowMs < s.nextRetransmitMs)
            continue;
        if (nowMs - s.pendingSinceMs > 32'000) {
            // RFC 3261 13.3.1.4: no ACK within 64*T1. The recording goes on: media decides.
            qCWarning(lcRecorder) << "SIPREC: no ACK for the 200 OK of" << s.callId;
            s.pending2xx.clear();
            continue;
        }
        out.append({s.peer, s.pending2xx});
        s.retransmitIntervalMs = std::min(s.retransmitIntervalMs * 2, 4000);
        s.nextRetransmitMs = nowMs + s.retransmitIntervalMs;
    }
    return out;
}

} // namespace cv::recorder
