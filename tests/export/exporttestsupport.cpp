#include "exporttestsupport.h"

#include "authtestsupport.h"
#include "capture/wavimporter.h"
#include "site/site.h"
#include "storetesthelpers.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QtEndian>

namespace {

QByteArray wavFile(int rate, int channels, int ms)
{
    const QVector<qint16> pcm = cvtest::sinePcm(rate, channels, ms);
    const quint32 dataBytes = quint32(pcm.size() * 2);
    QByteArray out;
    const auto le32 = [&out](quint32 v) {
        char b[4];
        qToLittleEndian(v, b);
        out.append(b, 4);
    };
    const auto le16 = [&out](quint16 v) {
        char b[2];
        qToLittleEndian(v, b);
        out.append(b, 2);
    };
    out.append("RIFF", 4);
    le32(36 + dataBytes);
    out.append("WAVEfmt ", 8);
    le32(16);
    le16(1);
    le16(quint16(channels));
    le32(quint32(rate));
    le32(quint32(rate * channels * 2));
    le16(quint16(channels * 2));
    le16(16);
    out.append("data", 4);
    le32(dataBytes);
    for (qint16 s : pcm)
        le16(quint16(s));
    return out;
}

} // namespace

bool ExportTestSite::setUp()
{
    if (!m_site.setUp() || !m_scratch.isValid())
        return false;
    cv::Database &db = m_site.catalog();
    if (!authtest::addTeam(db, QStringLiteral("T1")) ||
        !authtest::addAgent(db, QStringLiteral("A1"), QStringLiteral("T1")))
        return false;
    if (!authtest::addUser(db, QStringLiteral("sam"), password(), QStringLiteral("supervisor"),
                           {QStringLiteral("T1")}) ||
        !authtest::addUser(db, QStringLiteral("quinn"), password(), QStringLiteral("qa_evaluator"),
                           {QStringLiteral("T1")}))
        return false;
    auto keys = m_site.site().keyStore(LoginTestSite::passphrase())->load();
    if (!keys) {
        qWarning("site keys: %s", qPrintable(keys.errorMessage()));
        return false;
    }
    m_keys.emplace(keys.takeValue());
    return true;
}

QString ExportTestSite::scratch(const QString &name) const
{
    return m_scratch.filePath(name);
}

QUuid ExportTestSite::importSine(int rate, int channels, int ms, const QByteArray &publicKey)
{
    const QString wav = scratch(QStringLiteral("in-%1-%2-%3.wav").arg(rate).arg(channels).arg(ms));
    QFile file(wav);
    if (!file.exists() && (!file.open(QIODevice::WriteOnly) || file.write(wavFile(rate, channels, ms)) < 0))
        return {};
    file.close();
    const cv::Site site = m_site.site();
    cv::WavImporter importer(site.layout(), m_site.catalog(), site.config().siteId,
                             publicKey.isEmpty() ? site.config().publicKeys.encryption : publicKey);
    cv::RecordingMetadata meta;
    meta.id = QUuid::createUuid();
    meta.startedAt = QDateTime::currentDateTimeUtc();
    meta.direction = QStringLiteral("in");
    meta.agentId = QStringLiteral("A1");
    meta.customerPhone = QStringLiteral("13800138000");
    cv::AuditEvent audit{QStringLiteral("test"), QStringLiteral("host"), QStringLiteral("test"),
                         {}, {}, {}, true};
    auto row = importer.import(wav, meta, audit);
    if (!row) {
        qWarning("import: %s", qPrintable(row.errorMessage()));
        return {};
    }
    return row->id;
}

std::optional<cv::Principal> ExportTestSite::principal(const QString &name)
{
    auto in = cv::SiteLogin::login(m_site.site(), name, password(), QStringLiteral("ws-7"),
                                   QStringLiteral("test"), m_site.options());
    if (!in) {
        qWarning("log-in: %s", qPrintable(in.errorMessage()));
        return std::nullopt;
    }
    return in->session.principal();
}

ToolRun runTool(const QString &program, const QStringList &args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    ToolRun run;
    if (!process.waitForStarted() || !process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAll());
    return run;
}

QString requireTool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}
