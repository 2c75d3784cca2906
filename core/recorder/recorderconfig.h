#pragma once

#include "common/result.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>

namespace cv::recorder {

// recorder.conf (docs/user-guide-callvault-recorder.md, "Configuration"; packaging/recorder.conf.sample): an INI
// file an admin edits. Every value has a default that works for a small site; a bad value is
// refused at start (and at reload, keeping the running configuration) with a message naming
// the section, the key, the value and what is allowed.
struct RecorderConfig
{
    // [recorder]
    QString name = QStringLiteral("recorder");  // the node's name in captured_calls
    QString siteDirectory;                      // empty: Site::defaultDirectory()
    int minFreeMb = 1024;       // below this free space: no new calls, open ones finish
    int warnFreeMb = 4096;      // below this: the disk alarm (log + /metrics) before the stop
    int maxCalls = 1000;        // concurrent calls; more are counted and not recorded

    // [capture]
    QString interfaceName;      // live capture interface ("any", "eth0"); empty: no sniffing
    QString bpfFilter = QStringLiteral("udp or tcp");
    int rtpTimeoutSeconds = 30; // no RTP for this long ends a call whose signalling did not
    // An INVITE with neither answer nor media: given up after this (RFC 3261's Timer C is
    // over 3 minutes; a queue may ring that long).
    int signallingTimeoutSeconds = 300;
    int jitterMs = 80;
    // Which party is the agent: the extension matching this pattern (From for outbound
    // calls, To for inbound). Default: 2 to 6 digits, the usual PBX extension.
    QRegularExpression agentPattern{QStringLiteral("^[0-9]{2,6}$")};

    // [encoder]
    int complexity = 5;         // Opus complexity 0..10 (1 for the high-density profile)
    int bitrate = 16000;        // bit/s of the 8 kHz stereo stream

    // [control]
    QHostAddress controlAddress = QHostAddress::LocalHost;
    quint16 controlPort = 0;    // 0: no control API
    QString certificatePath;
    QString privateKeyPath;
    QList<QPair<QString, QByteArray>> tokenDigests; // name -> SHA-256 hex of the token
    bool metricsWithoutToken = false;

    // [siprec] the SIPREC recording server (docs/recorder-protocols.md, "SIPREC server")
    QHostAddress siprecAddress = QHostAddress::LocalHost; // SIP and RTP; Any: every interface
    quint16 siprecUdpPort = 0;  // 0: that transport is off
    quint16 siprecTcpPort = 0;
    quint16 siprecTlsPort = 0;  // TLS 1.3 only
    QString siprecCertificatePath;
    QString siprecPrivateKeyPath;
    quint16 siprecRtpFirst = 30000; // even ports of this range, two per session
    quint16 siprecRtpLast = 30999;
    bool siprecEnabled() const { return siprecUdpPort != 0 || siprecTcpPort != 0 || siprecTlsPort != 0; }

    // [catalog] (server-enforced PostgreSQL sites: the recorder logs in as a recorder user)
    QString catalogUser;
    QString catalogPasswordFile;

    static Result<RecorderConfig> load(const QString &path);
    // The sample file, every key with its default and meaning (packaging/recorder.conf.sample
    // is this text; a test keeps them equal).
    static QString sampleText();
};

} // namespace cv::recorder
