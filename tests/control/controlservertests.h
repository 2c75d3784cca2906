#pragma once

#include "control/controlserver.h"
#include "control/metricsregistry.h"
#include "controltestsupport.h"

#include <QObject>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QThread>
#include <memory>

// The control API over real TLS on 127.0.0.1: a ControlServer on its own thread, clients
// from the test thread (QSslSocket, curl, openssl s_client, a plain TCP socket).
class TestControlServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tokensOverTls();
    void errorsAreJson();
    void keepAliveAndPipelining();
    void oversizeRequests();
    void plainHttpGetsNoHttpAnswer();
    void tls12Refused();
    void curlFromADialplan();
    void concurrentClients();
    void metricsParseBack();
    void slowClientsAndConnectionLimit();
    void badCredentialsNameTheFile();

private:
    // Runs fn on the server thread and waits for it.
    void onServerThread(const std::function<void()> &fn);
    std::unique_ptr<cv::control::ControlServer>
    startServer(const cv::control::ControlServer::Options &options, QString *error);
    cv::control::ControlServer::Options options() const;

    QTemporaryDir m_dir;
    QSslCertificate m_ca;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    cvtest::FakeCallControl m_calls;
    cv::control::MetricsRegistry m_metrics;
    std::unique_ptr<cv::control::ControlServer> m_server;
    quint16 m_port = 0;
};
