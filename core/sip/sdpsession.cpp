#include "sdpsession.h"

namespace cv::sip {

namespace {

Error sdpError(const QString &what)
{
    return makeError(ErrorCode::Format, QStringLiteral("Not a valid SDP body: %1").arg(what));
}

bool toInt(const QByteArray &text, int min, int max, int *out)
{
    if (text.isEmpty() || text.size() > 10)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    const qint64 value = text.toLongLong();
    if (value < min || value > max)
        return false;
    *out = int(value);
    return true;
}

// RFC 3551 table 4, the static audio payload types a recorder meets.
bool staticRtpMap(int payloadType, SdpSession::RtpMap *map)
{
    switch (payloadType) {
    case 0:
        *map = {0, "PCMU", 8000, 1, {}};
        return true;
    case 3:
        *map = {3, "GSM", 8000, 1, {}};
        return true;
    case 4:
        *map = {4, "G723", 8000, 1, {}};
        return true;
    case 8:
        *map = {8, "PCMA", 8000, 1, {}};
        return true;
    case 9:
        *map = {9, "G722", 8000, 1, {}};
        return true; // 8000 in SDP, 16 kHz audio (RFC 3551)
    case 13:
        *map = {13, "CN", 8000, 1, {}};
        return true;
    case 18:
        *map = {18, "G729", 8000, 1, {}};
        return true;
    default:
        return false;
    }
}

// c=IN IP4 192.0.2.1[/ttl[/count]] or c=IN IP6 2001:db8::1
Result<void> parseConnection(const QByteArray &value, QHostAddress *address, QByteArray *host)
{
    const QList<QByteArray> parts = value.simplified().split(' ');
    if (parts.size() != 3 || parts[0] != "IN" || (parts[1] != "IP4" && parts[1] != "IP6"))
        return sdpError(QStringLiteral("the c= line is not \"IN IP4|IP6 address\""));
    QByteArray text = parts[2];
    const qsizetype slash = text.indexOf('/');
    if (slash >= 0)
        text.truncate(slash); // multicast TTL / address count
    if (text.isEmpty())
        return sdpError(QStringLiteral("the c= line has no address"));
    *host = text;
    QHostAddress parsed;
    if (parsed.setAddress(QString::fromLatin1(text))) {
        const bool v6 = parsed.protocol() == QAbstractSocket::IPv6Protocol;
        if (v6 != (parts[1] == "IP6"))
            return sdpError(QStringLiteral("the c= address does not match its address type"));
        *address = parsed;
    } else {
        *address = QHostAddress(); // a host name: allowed, resolved by whoever needs it
    }
    return {};
}

bool directionAttribute(const QByteArray &name, SdpSession::Direction *direction)
{
    if (name == "sendrecv")
        *direction = SdpSession::Direction::SendRecv;
    else if (name == "sendonly")
        *direction = SdpSession::Direction::SendOnly;
    else if (name == "recvonly")
        *direction = SdpSession::Direction::RecvOnly;
    else if (name == "inactive")
        *direction = SdpSession::Direction::Inactive;
    else
        return false;
    return true;
}

} // namespace

bool SdpSession::SdpMedia::holdAddress() const
{
    if (connection.isNull())
        return false;
    return connection == QHostAddress(QHostAddress::AnyIPv4) ||
           connection == QHostAddress(QHostAddress::AnyIPv6);
}

const SdpSession::RtpMap *SdpSession::SdpMedia::rtpMap(int payloadType) const
{
    for (const RtpMap &map : rtpMaps) {
        if (map.payloadType == payloadType)
            return &map;
    }
    return nullptr;
}

Result<SdpSession> SdpSession::parse(const QByteArray &body)
{
    if (body.size() > kMaxBodyBytes)
        return sdpError(QStringLiteral("%1 bytes is over the limit").arg(body.size()));
    SdpSession session;
    bool sawVersion = false;
    bool sessionHasConnection = false;
    // Per media: whether it had its own c= and direction attribute, and its rtpmap/fmtp lines.
    struct Pending
    {
        bool hasConnection = false;
        bool hasDirection = false;
        QList<RtpMap> maps;
        QList<QPair<int, QByteArray>> fmtps;
    };
    QList<Pending> pending;

    const QList<QByteArray> lines = body.split('\n');
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.size() < 2 || line[1] != '=')
            return sdpError(QStringLiteral("a line is not \"x=value\""));
        const char type = line[0];
        const QByteArray value = line.mid(2);
        if (!sawVersion) {
            if (type != 'v' || value.trimmed() != "0")
                return sdpError(QStringLiteral("it does not start with v=0"));
            sawVersion = true;
            continue;
        }
        SdpMedia *current = session.media.isEmpty() ? nullptr : &session.media.last();
        switch (type) {
        case 'o': {
            // o=<username> <sess-id> <sess-version> IN IP4 <address>
            const QList<QByteArray> parts = value.simplified().split(' ');
            if (parts.size() != 6)
                return sdpError(QStringLiteral("the o= line does not have six fields"));
            session.originUser = parts[0];
            session.sessionId = parts[1];
            session.sessionVersion = parts[2];
            session.originAddress.setAddress(QString::fromLatin1(parts[5]));
            break;
        }
        case 'c': {
            QHostAddress address;
            QByteArray host;
            auto ok = parseConnection(value, &address, &host);
            if (!ok)
                return ok.error();
            if (current) {
                current->connection = address;
                current->connectionHost = host;
                pending.last().hasConnection = true;
            } else {
                session.connection = address;
                session.connectionHost = host;
                sessionHasConnection = true;
            }
            break;
        }
        case 'm': {
            if (session.media.size() >= kMaxMedia)
                return sdpError(QStringLiteral("more than %1 m= lines").arg(kMaxMedia));
            const QList<QByteArray> parts = value.simplified().split(' ');
            if (parts.size() < 3)
                return sdpError(QStringLiteral("an m= line has fewer than three fields"));
            SdpMedia m;
            m.media = parts[0];
            QByteArray port = parts[1];
            const qsizetype slash = port.indexOf('/');
            if (slash >= 0) {
                if (!toInt(port.mid(slash + 1), 1, 65535, &m.portCount))
                    return sdpError(QStringLiteral("an m= line has an invalid port count"));
                port.truncate(slash);
            }
            int portNumber = 0;
            if (!toInt(port, 0, 65535, &portNumber))
                return sdpError(QStringLiteral("an m= line has an invalid port"));
            m.port = quint16(portNumber);
            m.protocol = parts[2];
            const QByteArray upper = m.protocol.toUpper();
            m.encrypted = upper.contains("SAVP");
            const bool rtp = upper.contains("RTP");
            for (qsizetype i = 3; i < parts.size(); ++i) {
                int pt = 0;
                if (!toInt(parts[i], 0, 127, &pt)) {
                    if (rtp)
                        return sdpError(QStringLiteral("an RTP m= line has a format that is not a "
                                                       "payload type (0-127)"));
                    continue; // non-RTP formats (e.g. "*" for MSRP) are tokens
                }
                if (m.payloadTypes.size() >= kMaxFormats)
                    return sdpError(QStringLiteral("an m= line has too many formats"));
                m.payloadTypes.append(pt);
            }
            m.connection = session.connection;
            m.direction = session.direction;
            session.media.append(m);
            pending.append(Pending{});
            break;
        }
        case 'a': {
            const qsizetype colon = value.indexOf(':');
            const QByteArray name = (colon < 0 ? value : value.left(colon)).trimmed().toLower();
            const QByteArray arg = colon < 0 ? QByteArray() : value.mid(colon + 1).trimmed();
            Direction direction;
            if (directionAttribute(name, &direction)) {
                if (current) {
                    current->direction = direction;
                    pending.last().hasDirection = true;
                } else {
                    session.direction = direction;
                }
                break;
            }
            if (!current)
                break; // other session-level attributes are not needed
            if (name == "rtpmap") {
                // a=rtpmap:<pt> <encoding>/<clock>[/<channels>]
                const qsizetype space = arg.indexOf(' ');
                RtpMap map;
                const QList<QByteArray> enc =
                    space < 0 ? QList<QByteArray>() : arg.mid(space + 1).trimmed().split('/');
                if (space < 0 || !toInt(arg.left(space), 0, 127, &map.payloadType) ||
                    enc.size() < 2 || enc.size() > 3 || enc[0].isEmpty() ||
                    !toInt(enc[1], 1, 10000000, &map.clockRate) ||
                    (enc.size() == 3 && !toInt(enc[2], 1, 255, &map.channels))) {
                    return sdpError(
                        QStringLiteral("an a=rtpmap line is not \"pt encoding/clock\""));
                }
                map.encoding = enc[0];
                pending.last().maps.append(map);
            } else if (name == "fmtp") {
                const qsizetype space = arg.indexOf(' ');
                int pt = 0;
                if (space > 0 && toInt(arg.left(space), 0, 127, &pt))
                    pending.last().fmtps.append({pt, arg.mid(space + 1).trimmed()});
            } else if (name == "label") {
                current->label = arg;
            } else if (name == "crypto") {
                current->encrypted = true;
            } else if (name == "rtcp") {
                int port = 0;
                if (toInt(arg.split(' ').value(0), 0, 65535, &port))
                    current->rtcpPort = port;
            } else if (name == "rtcp-mux") {
                current->rtcpMux = true;
            } else if (name == "ptime") {
                int ptime = 0;
                if (toInt(arg, 1, 10000, &ptime))
                    current->ptime = ptime;
            }
            break;
        }
        default:
            break; // s=, t=, b=, k=, i=, u=, e=, p=, z=, r=: not needed to record
        }
    }
    if (!sawVersion)
        return sdpError(QStringLiteral("it is empty"));

    for (qsizetype i = 0; i < session.media.size(); ++i) {
        SdpMedia &m = session.media[i];
        const Pending &p = pending[i];
        if (!p.hasConnection && !sessionHasConnection && m.port != 0 &&
            m.protocol.toUpper().contains("RTP")) {
            return sdpError(QStringLiteral("an RTP stream has no c= address, neither its own nor "
                                           "the session's"));
        }
        if (!p.hasConnection)
            m.connectionHost = session.connectionHost;
        for (int pt : m.payloadTypes) {
            RtpMap map;
            bool found = false;
            for (const RtpMap &candidate : p.maps) {
                if (candidate.payloadType == pt) {
                    map = candidate;
                    found = true;
                    break;
                }
            }
            if (!found)
                found = staticRtpMap(pt, &map);
            if (!found)
                continue;
            for (const auto &fmtp : p.fmtps) {
                if (fmtp.first == pt)
                    map.fmtp = fmtp.second;
            }
            m.rtpMaps.append(map);
            if (map.encoding.toLower() == "telephone-event" &&
                (m.telephoneEventPayloadType < 0 || map.clockRate == 8000)) {
                if (m.telephoneEventPayloadType < 0 ||
                    m.rtpMap(m.telephoneEventPayloadType)->clockRate != 8000)
                    m.telephoneEventPayloadType = pt;
            }
        }
    }
    return session;
}

} // namespace cv::sip
