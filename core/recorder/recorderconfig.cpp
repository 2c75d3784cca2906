#include "recorderconfig.h"

#include <QFileInfo>
#include <QSet>
#include <QSettings>

namespace cv::recorder {

namespace {

const char kSample[] = R"(; callvault-recorder configuration (docs/user-guide-callvault-recorder.md, "Configuration").
; Comments start with ";" (INI), a value is everything after "=".
; Every key is optional; the value shown is the default. A bad value stops the recorder at
; start (or keeps the running configuration on reload, SIGHUP) with a message naming it.

[recorder]
; This node's name, stored with every call it captured.
name = recorder
; The CallVault site directory (site.json, spool/, hot/). Empty: $CALLVAULT_SITE, else the
; data directory of the user running the recorder.
site =
; Disk alarm: below warn_free_mb the recorder warns (log, /metrics); below min_free_mb it
; stops accepting new calls and keeps finishing the open ones.
warn_free_mb = 4096
min_free_mb = 1024
; Calls recorded at the same time; more are counted and not recorded.
max_calls = 1000

[capture]
; Live capture interface for passive SIP/RTP sniffing ("any", "eth0"); empty: none.
interface =
; BPF filter for the live capture (tcpdump syntax).
filter = udp or tcp
; A call without RTP for this long ends (when no BYE was seen).
rtp_timeout_s = 30
; A call whose INVITE got neither an answer nor media for this long is given up.
signalling_timeout_s = 300
; Jitter buffer depth in milliseconds (20..1000).
jitter_ms = 80
; The agent's extension: the party whose number matches this regular expression.
agent_pattern = ^[0-9]{2,6}$

[encoder]
; Opus complexity 0..10: 5 by default, 1 for the high-density profile (docs/user-guide-callvault-recorder.md).
complexity = 5
; Bit rate of the 8 kHz stereo recording, bit/s (6000..64000).
bitrate = 16000

[control]
; HTTPS control API (TLS 1.3 only). port = 0 switches it off.
address = 127.0.0.1
port = 0
certificate =
private_key =
; Serve /metrics without a token (for a Prometheus on the same machine).
metrics_without_token = false

[tokens]
; Bearer tokens of the control API: name = SHA-256 of the token in hex
; (`callvault-recorder --hash-token` prints it). The token itself is never stored here.
; pbx = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08

[siprec]
; SIPREC recording server (RFC 7866): an SBC or PBX sends it the calls to record. A port of
; 0 switches that transport off; with all three 0 there is no SIPREC server. The address is
; where SIP and the RTP ports listen (0.0.0.0: every interface).
address = 127.0.0.1
udp_port = 0
tcp_port = 0
; SIP over TLS (1.3 only) needs certificate and private_key (PEM files, as for [control]).
tls_port = 0
certificate =
private_key =
; RTP ports of the recorded streams, first-last: an even port per stream, two per call.
rtp_ports = 30000-30999

[catalog]
; Server-enforced PostgreSQL sites only: the recorder user (role "recorder") and a file
; holding its password (readable by the recorder's account only).
user =
password_file =
)";

struct Reader
{
    QSettings &settings;
    QStringList errors;

    QString text(const QString &key, const QString &fallback)
    {
        return settings.value(key, fallback).toString().trimmed();
    }
    int integer(const QString &key, int fallback, int min, int max)
    {
        const QString raw = text(key, QString::number(fallback));
        bool ok = false;
        const int value = raw.toInt(&ok);
        if (!ok || value < min || value > max) {
            errors << QStringLiteral("%1 = \"%2\" is not a whole number from %3 to %4").arg(key, raw).arg(min).arg(max);
            return fallback;
        }
        return value;
    }
    bool boolean(const QString &key, bool fallback)
    {
        const QString raw = text(key, fallback ? QStringLiteral("true") : QStringLiteral("false")).toLower();
        if (raw == QLatin1String("true") || raw == QLatin1String("yes") || raw == QLatin1String("1"))
            return true;
        if (raw == QLatin1String("false") || raw == QLatin1String("no") || raw == QLatin1String("0"))
            return false;
        errors << QStringLiteral("%1 = \"%2\" is neither true nor false").arg(key, raw);
        return fallback;
    }
};

const QSet<QString> kKnownKeys = {
    QStringLiteral("recorder/name"), QStringLiteral("recorder/site"), QStringLiteral("recorder/warn_free_mb"),
    QStringLiteral("recorder/min_free_mb"), QStringLiteral("recorder/max_calls"), QStringLiteral("capture/interface"),
    QStringLiteral("capture/filter"), QStringLiteral("capture/rtp_timeout_s"), QStringLiteral("capture/signalling_timeout_s"),
    QStringLiteral("capture/jitter_ms"), QStringLiteral("capture/agent_pattern"), QStringLiteral("encoder/complexity"),
    QStringLiteral("encoder/bitrate"), QStringLiteral("control/address"), QStringLiteral("control/port"),
    QStringLiteral("control/certificate"), QStringLiteral("control/private_key"),
    QStringLiteral("control/metrics_without_token"), QStringLiteral("siprec/address"), QStringLiteral("siprec/udp_port"),
    QStringLiteral("siprec/tcp_port"), QStringLiteral("siprec/tls_port"), QStringLiteral("siprec/certificate"),
    QStringLiteral("siprec/private_key"), QStringLiteral("siprec/rtp_ports"), QStringLiteral("catalog/user"), QStringLiteral("catalog/password_file"),
};

} // namespace

QString RecorderConfig::sampleText()
{
    return QString::fromUtf8(kSample);
}

Result<RecorderConfig> RecorderConfig::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return Error{ErrorCode::NotFound, QStringLiteral("The configuration file %1 does not exist or is not readable.").arg(path)};
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Error{ErrorCode::Format, QStringLiteral("The configuration file %1 is not a valid INI file.").arg(path)};

    Reader r{settings, {}};
    for (const QString &key : settings.allKeys()) {
        if (!kKnownKeys.contains(key) && !key.startsWith(QLatin1String("tokens/")))
            r.errors << QStringLiteral("%1 is not a known setting (docs/user-guide-callvault-recorder.md lists them)").arg(key);
    }
    RecorderConfig c;
    c.name = r.text(QStringLiteral("recorder/name"), c.name);
    if (c.name.isEmpty() || c.name.size() > 100)
        r.errors << QStringLiteral("recorder/name must be 1 to 100 characters");
    c.siteDirectory = r.text(QStringLiteral("recorder/site"), {});
    c.warnFreeMb = r.integer(QStringLiteral("recorder/warn_free_mb"), c.warnFreeMb, 0, 10'000'000);
    c.minFreeMb = r.integer(QStringLiteral("recorder/min_free_mb"), c.minFreeMb, 0, 10'000'000);
    if (c.warnFreeMb < c.minFreeMb)
        r.errors << QStringLiteral("recorder/warn_free_mb (%1) must not be below recorder/min_free_mb (%2)")
                        .arg(c.warnFreeMb)
                        .arg(c.minFreeMb);
    c.maxCalls = r.integer(QStringLiteral("recorder/max_calls"), c.maxCalls, 1, 100'000);

    c.interfaceName = r.text(QStringLiteral("capture/interface"), {});
    c.bpfFilter = r.text(QStringLiteral("capture/filter"), c.bpfFilter);
    c.rtpTimeoutSeconds = r.integer(QStringLiteral("capture/rtp_timeout_s"), c.rtpTimeoutSeconds, 1, 3600);
    c.signallingTimeoutSeconds = r.integer(QStringLiteral("capture/signalling_timeout_s"), c.signallingTimeoutSeconds, 1, 3600);
    c.jitterMs = r.integer(QStringLiteral("capture/jitter_ms"), c.jitterMs, 20, 1000);
    const QString pattern = r.text(QStringLiteral("capture/agent_pattern"), c.agentPattern.pattern());
    c.agentPattern = QRegularExpression(pattern);
    if (!c.agentPattern.isValid())
        r.errors << QStringLiteral("capture/agent_pattern \"%1\" is not a valid regular expression: %2")
                        .arg(pattern, c.agentPattern.errorString());

    c.complexity = r.integer(QStringLiteral("encoder/complexity"), c.complexity, 0, 10);
    c.bitrate = r.integer(QStringLiteral("encoder/bitrate"), c.bitrate, 6000, 64000);

    const QString address = r.text(QStringLiteral("control/address"), c.controlAddress.toString());
    if (!c.controlAddress.setAddress(address))
        r.errors << QStringLiteral("control/address \"%1\" is not an IP address").arg(address);
    c.controlPort = static_cast<quint16>(r.integer(QStringLiteral("control/port"), 0, 0, 65535));
    c.certificatePath = r.text(QStringLiteral("control/certificate"), {});
    c.privateKeyPath = r.text(QStringLiteral("control/private_key"), {});
    c.metricsWithoutToken = r.boolean(QStringLiteral("control/metrics_without_token"), false);
    settings.beginGroup(QStringLiteral("tokens"));
    for (const QString &name : settings.childKeys()) {
        const QByteArray digest = settings.value(name).toString().trimmed().toLatin1().toLower();
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex.match(QString::fromLatin1(digest)).hasMatch())
            r.errors << QStringLiteral("tokens/%1 must be the SHA-256 of the token in hex (64 characters; "
                                       "callvault-recorder --hash-token prints it), not the token itself")
                            .arg(name);
        else
            c.tokenDigests.append({name, digest});
    }
    settings.endGroup();
    if (c.controlPort != 0) {
        if (c.certificatePath.isEmpty() || c.privateKeyPath.isEmpty())
            r.errors << QStringLiteral("control/port is set: control/certificate and control/private_key are needed (TLS 1.3 only)");
        if (c.tokenDigests.isEmpty())
            r.errors << QStringLiteral("control/port is set: at least one token is needed in [tokens]");
    }
    const QString siprecAddress = r.text(QStringLiteral("siprec/address"), c.siprecAddress.toString());
    if (!c.siprecAddress.setAddress(siprecAddress))
        r.errors << QStringLiteral("siprec/address \"%1\" is not an IP address").arg(siprecAddress);
    c.siprecUdpPort = static_cast<quint16>(r.integer(QStringLiteral("siprec/udp_port"), 0, 0, 65535));
    c.siprecTcpPort = static_cast<quint16>(r.integer(QStringLiteral("siprec/tcp_port"), 0, 0, 65535));
    c.siprecTlsPort = static_cast<quint16>(r.integer(QStringLiteral("siprec/tls_port"), 0, 0, 65535));
    c.siprecCertificatePath = r.text(QStringLiteral("siprec/certificate"), {});
    c.siprecPrivateKeyPath = r.text(QStringLiteral("siprec/private_key"), {});
    if (c.siprecTlsPort != 0 && (c.siprecCertificatePath.isEmpty() || c.siprecPrivateKeyPath.isEmpty()))
        r.errors << QStringLiteral("siprec/tls_port is set: siprec/certificate and siprec/private_key are needed");
    const QString rtpPorts = r.text(QStringLiteral("siprec/rtp_ports"), QStringLiteral("30000-30999"));
    static const QRegularExpression range(QStringLiteral("^([0-9]{1,5})\\s*-\\s*([0-9]{1,5})$"));
    const QRegularExpressionMatch ports = range.match(rtpPorts);
    const int first = ports.captured(1).toInt(), last = ports.captured(2).toInt();
    if (!ports.hasMatch() || first < 1024 || last > 65534 || last - first < 3)
        r.errors << QStringLiteral("siprec/rtp_ports = \"%1\" is not a range first-last within 1024-65534 of at least 4 ports")
                        .arg(rtpPorts);
    else {
        c.siprecRtpFirst = static_cast<quint16>(first);
        c.siprecRtpLast = static_cast<quint16>(last);
    }
    c.catalogUser = r.text(QStringLiteral("catalog/user"), {});
    c.catalogPasswordFile = r.text(QStringLiteral("catalog/password_file"), {});
    if (c.catalogUser.isEmpty() != c.catalogPasswordFile.isEmpty())
        r.errors << QStringLiteral("catalog/user and catalog/password_file go together");

    if (!r.errors.isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1: %2.").arg(path, r.errors.join(QStringLiteral("; ")))};
    return c;
}

} // namespace cv::recorder
