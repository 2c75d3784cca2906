#include "controltestsupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>

using namespace cv;
using namespace cv::control;

namespace cvtest {

// ---- FakeCallControl ----------------------------------------------------------------------

void FakeCallControl::addCall(const QString &callId, quint16 portA, quint16 portB,
                              const QString &state)
{
    QMutexLocker lock(&m_mutex);
    CallInfo info;
    info.callId = callId;
    info.state = state;
    info.startedAt = QDateTime::currentDateTimeUtc();
    info.rtpPorts = {portA, portB};
    info.legs = 2;
    info.direction = QStringLiteral("inbound");
    m_calls.append(info);
}

Result<CallInfo> FakeCallControl::change(const CallSelector &call, const Change &fn)
{
    QMutexLocker lock(&m_mutex);
    for (CallInfo &info : m_calls) {
        const bool match = call.ports ? info.rtpPorts.contains(call.ports->first) &&
                                            info.rtpPorts.contains(call.ports->second)
                                      : info.callId == call.callId;
        if (!match)
            continue;
        if (auto error = fn(info))
            return *error;
        return info;
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("no active call with %1").arg(call.describe()));
}

Result<CallInfo> FakeCallControl::start(const CallSelector &call)
{
    return change(call, [&](CallInfo &info) -> std::optional<Error> {
        if (info.state == QLatin1String("recording") || info.state == QLatin1String("paused"))
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("%1 is already being recorded").arg(call.describe()));
        info.state = QStringLiteral("recording");
        info.recordingId = QUuid::createUuid();
        return std::nullopt;
    });
}

Result<CallInfo> FakeCallControl::stop(const CallSelector &call)
{
    return change(call, [&](CallInfo &info) -> std::optional<Error> {
        if (info.state != QLatin1String("recording") && info.state != QLatin1String("paused"))
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("%1 is not being recorded").arg(call.describe()));
        info.state = QStringLiteral("stopped");
        return std::nullopt;
    });
}

Result<CallInfo> FakeCallControl::pause(const CallSelector &call)
{
    return change(call, [&](CallInfo &info) -> std::optional<Error> {
        if (info.state != QLatin1String("recording"))
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("%1 is not recording").arg(call.describe()));
        info.state = QStringLiteral("paused");
        return std::nullopt;
    });
}

Result<CallInfo> FakeCallControl::resume(const CallSelector &call)
{
    return change(call, [&](CallInfo &info) -> std::optional<Error> {
        if (info.state != QLatin1String("paused"))
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("%1 is not paused").arg(call.describe()));
        info.state = QStringLiteral("recording");
        return std::nullopt;
    });
}

Result<CallInfo> FakeCallControl::tag(const CallSelector &call, const QStringList &tags)
{
    return change(call, [&](CallInfo &info) -> std::optional<Error> {
        for (const QString &t : tags) {
            if (!info.tags.contains(t))
                info.tags.append(t);
        }
        return std::nullopt;
    });
}

Result<CallInfo> FakeCallControl::attachMetadata(const CallSelector &call,
                                                 const QJsonObject &fields)
{
    return change(call, [&](CallInfo &info) -> std::optional<Error> {
        if (fields.contains(QStringLiteral("agent_id")))
            info.agentId = fields.value(QStringLiteral("agent_id")).toString();
        if (fields.contains(QStringLiteral("customer_number")))
            info.customerNumber = fields.value(QStringLiteral("customer_number")).toString();
        if (fields.contains(QStringLiteral("crm_ticket_id")))
            info.crmTicketId = fields.value(QStringLiteral("crm_ticket_id")).toString();
        return std::nullopt;
    });
}

QVector<CallInfo> FakeCallControl::calls() const
{
    QMutexLocker lock(&m_mutex);
    return m_calls;
}

QJsonObject FakeCallControl::status() const
{
    QMutexLocker lock(&m_mutex);
    QJsonObject o;
    o.insert(QStringLiteral("version"), QStringLiteral("test"));
    o.insert(QStringLiteral("active_calls"), int(m_calls.size()));
    o.insert(QStringLiteral("accepting_new_calls"), true);
    return o;
}

std::optional<CallInfo> FakeCallControl::call(const QString &callId) const
{
    QMutexLocker lock(&m_mutex);
    for (const CallInfo &info : m_calls) {
        if (info.callId == callId)
            return info;
    }
    return std::nullopt;
}

// ---- Reply, TlsClient ---------------------------------------------------------------------

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

struct TlsClient::Impl
{
    quint16 port = 0;
    QSslCertificate ca;
    QSslSocket socket;
    QByteArray buffer;
};

TlsClient::TlsClient(quint16 port, const QSslCertificate &ca) : m_impl(new Impl)
{
    m_impl->port = port;
    m_impl->ca = ca;
}

TlsClient::~TlsClient()
{
    m_impl->socket.abort();
    delete m_impl;
}

bool TlsClient::connect(QSsl::SslProtocol protocol)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_impl->ca});
    tls.setProtocol(protocol);
    m_impl->socket.setSslConfiguration(tls);
    m_impl->socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_impl->port,
                                          QStringLiteral("localhost"));
    return m_impl->socket.waitForEncrypted(5000);
}

QString TlsClient::errorString() const
{
    return m_impl->socket.errorString();
}

bool TlsClient::isConnected() const
{
    return m_impl->socket.state() == QAbstractSocket::ConnectedState;
}

bool TlsClient::sendRaw(const QByteArray &bytes)
{
    m_impl->socket.write(bytes);
    while (m_impl->socket.bytesToWrite() > 0) {
        if (!m_impl->socket.waitForBytesWritten(5000))
            return false;
    }
    return true;
}

std::optional<Reply> TlsClient::readReply(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QByteArray &buf = m_impl->buffer;
    bool closed = false;
    const auto fill = [&] {
        if (m_impl->socket.bytesAvailable() == 0 &&
            !m_impl->socket.waitForReadyRead(int(deadline.remainingTime())))
            closed = m_impl->socket.state() != QAbstractSocket::ConnectedState;
        buf += m_impl->socket.readAll();
    };
    qsizetype headerEnd = -1;
    while ((headerEnd = buf.indexOf("\r\n\r\n")) < 0) {
        if (closed || deadline.hasExpired())
            return std::nullopt;
        fill();
    }
    Reply reply;
    const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1.1"))
        return std::nullopt;
    reply.status = statusLine[1].toInt();
    for (int i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            reply.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = reply.headers.value("content-length").toLongLong();
    while (buf.size() < headerEnd + 4 + length) {
        if (closed || deadline.hasExpired())
            return std::nullopt;
        fill();
    }
    reply.body = buf.mid(headerEnd + 4, length);
    buf.remove(0, headerEnd + 4 + length);
    reply.closed = reply.headers.value("connection").toLower() == "close";
    return reply;
}

std::optional<Reply> TlsClient::request(const QByteArray &method, const QByteArray &target,
                                        const QByteArray &token, const QByteArray &body,
                                        const QByteArray &contentType)
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: localhost\r\n";
    if (!token.isNull())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        r += "Content-Type: " + contentType + "\r\n";
    if (!body.isEmpty() || method == "POST")
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += "\r\n" + body;
    if (!sendRaw(r))
        return std::nullopt;
    return readReply();
}

QByteArray TlsClient::readSome(int timeoutMs)
{
    QByteArray out = m_impl->buffer;
    m_impl->buffer.clear();
    if (out.isEmpty() && m_impl->socket.bytesAvailable() == 0)
        m_impl->socket.waitForReadyRead(timeoutMs);
    return out + m_impl->socket.readAll();
}

QByteArray TlsClient::readUntilClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QByteArray out = m_impl->buffer;
    m_impl->buffer.clear();
    while (m_impl->socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_impl->socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        out += m_impl->socket.readAll();
    }
    out += m_impl->socket.readAll();
    return out;
}

// ---- certificate --------------------------------------------------------------------------

bool makeCertificate(const QString &dir, const QString &keyType, QString *error)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("the openssl CLI is not installed (TEST_PACKAGES has it)");
        return false;
    }
    QStringList args = {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey")};
    if (keyType == QLatin1String("ed25519"))
        args << QStringLiteral("ed25519");
    else
        args << QStringLiteral("ec") << QStringLiteral("-pkeyopt")
             << QStringLiteral("ec_paramgen_curve:P-256");
    args << QStringLiteral("-nodes") << QStringLiteral("-days") << QStringLiteral("2")
         << QStringLiteral("-subj") << QStringLiteral("/CN=localhost") << QStringLiteral("-addext")
         << QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1") << QStringLiteral("-keyout")
         << dir + QStringLiteral("/key.pem") << QStringLiteral("-out")
         << dir + QStringLiteral("/cert.pem");
    QProcess process;
    process.start(openssl, args);
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QString::fromLocal8Bit(process.readAllStandardError());
        return false;
    }
    return true;
}

// ---- log capture --------------------------------------------------------------------------

namespace {
QMutex g_logMutex;
QStringList g_lines;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "callvault.control") == 0) {
        QMutexLocker lock(&g_logMutex);
        g_lines.append(message);
        return;
    }
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

void LogCapture::install()
{
    g_previous = qInstallMessageHandler(capture);
}

void LogCapture::uninstall()
{
    qInstallMessageHandler(g_previous);
}

QStringList LogCapture::lines()
{
    QMutexLocker lock(&g_logMutex);
    return g_lines;
}

void LogCapture::clear()
{
    QMutexLocker lock(&g_logMutex);
    g_lines.clear();
}

} // namespace cvtest
