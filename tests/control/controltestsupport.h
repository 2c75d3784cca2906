#pragma once

#include "control/callcontrol.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QSsl>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

// Helpers of test_control_api: an in-memory CallControl, a blocking HTTPS client, a
// self-signed certificate made with the openssl CLI, and a capture of the control log.
namespace cvtest {

// A small in-memory stand-in for the recorder (the real one has its own integration test).
// Thread-safe: the server calls it on its thread while a test inspects it.
class FakeCallControl final : public cv::control::CallControl
{
public:
    void addCall(const QString &callId, quint16 portA, quint16 portB,
                 const QString &state = QStringLiteral("signalling"));

    cv::Result<cv::control::CallInfo> start(const cv::control::CallSelector &call) override;
    cv::Result<cv::control::CallInfo> stop(const cv::control::CallSelector &call) override;
    cv::Result<cv::control::CallInfo> pause(const cv::control::CallSelector &call) override;
    cv::Result<cv::control::CallInfo> resume(const cv::control::CallSelector &call) override;
    cv::Result<cv::control::CallInfo> tag(const cv::control::CallSelector &call,
                                          const QStringList &tags) override;
    cv::Result<cv::control::CallInfo> attachMetadata(const cv::control::CallSelector &call,
                                                     const QJsonObject &fields) override;
    QVector<cv::control::CallInfo> calls() const override;
    QJsonObject status() const override;

    std::optional<cv::control::CallInfo> call(const QString &callId) const;

private:
    using Change = std::function<std::optional<cv::Error>(cv::control::CallInfo &)>;
    cv::Result<cv::control::CallInfo> change(const cv::control::CallSelector &call,
                                             const Change &fn);

    mutable QMutex m_mutex;
    QVector<cv::control::CallInfo> m_calls;
};

struct Reply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool closed = false; // the server closed the connection after this reply
    QJsonObject json() const;
};

// A blocking TLS client with the test certificate trusted; usable from any thread.
class TlsClient final
{
public:
    TlsClient(quint16 port, const QSslCertificate &ca);
    ~TlsClient();
    bool connect(QSsl::SslProtocol protocol = QSsl::TlsV1_3OrLater);
    QString errorString() const;
    bool sendRaw(const QByteArray &bytes);
    std::optional<Reply> readReply(int timeoutMs = 5000);
    std::optional<Reply> request(const QByteArray &method, const QByteArray &target,
                                 const QByteArray &token, const QByteArray &body = {},
                                 const QByteArray &contentType = "application/json");
    // Waits up to timeoutMs for bytes and returns what is there (maybe nothing).
    QByteArray readSome(int timeoutMs);
    // Waits until the server closes the connection; returns what arrived meanwhile.
    QByteArray readUntilClosed(int timeoutMs = 5000);
    bool isConnected() const;

private:
    struct Impl;
    Impl *m_impl;
};

// Writes cert.pem and key.pem (Ed25519 or EC P-256) for localhost/127.0.0.1 into dir.
bool makeCertificate(const QString &dir, const QString &keyType, QString *error);

// Captures every message of the callvault.control category (and forwards the others).
class LogCapture final
{
public:
    static void install();
    static void uninstall();
    static QStringList lines();
    static void clear();
};

} // namespace cvtest
