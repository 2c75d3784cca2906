#include "democallgenerator.h"

#include "capture/speechsynthesizer.h"
#include "catalog/agentrepository.h"
#include "store/recordingarchiver.h"
#include "store/recordingwriter.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace cv {

namespace {

constexpr int kRate = 16000;

struct Lines
{
    QString agentVoice, customerVoice;
    QStringList greeting, request, hold, resume, anythingElse, customerClose, agentClose;
};

const Lines &chineseLines()
{
    static const Lines lines{
        QStringLiteral("cmn+f3"), QStringLiteral("cmn+m3"),
        {QStringLiteral("您好，这里是信用卡服务中心，很高兴为您服务，请问有什么可以帮您？"),
         QStringLiteral("您好，欢迎致电客户服务热线，请问您需要办理什么业务？")},
        {QStringLiteral("你好，我想查一下我上个月的账单。"), QStringLiteral("我的信用卡好像被多扣了一笔钱。"),
         QStringLiteral("我想把这笔消费办成分期付款。"), QStringLiteral("我的卡丢了，想先挂失。")},
        {QStringLiteral("好的，请您稍等，我帮您查询一下。"), QStringLiteral("明白了，我马上为您核实，请稍候。")},
        {QStringLiteral("感谢您的耐心等待，已经为您处理好了。"), QStringLiteral("让您久等了，这笔款项会在三个工作日内退回。")},
        {QStringLiteral("请问还有其他可以帮您的吗？")},
        {QStringLiteral("没有了，谢谢，再见。"), QStringLiteral("好的，谢谢你。")},
        {QStringLiteral("感谢您的来电，祝您生活愉快，再见。")},
    };
    return lines;
}

const Lines &englishLines()
{
    static const Lines lines{
        QStringLiteral("en-us+f2"), QStringLiteral("en-us+m3"),
        {QStringLiteral("Thank you for calling customer care. How can I help you today?"),
         QStringLiteral("Good morning, you are through to the claims team. How may I help?")},
        {QStringLiteral("Hi, I would like to check the status of my insurance claim."),
         QStringLiteral("I was charged twice on my last statement."),
         QStringLiteral("I need to update the address on my policy.")},
        {QStringLiteral("Let me check that for you. One moment please."),
         QStringLiteral("Sure, I will put you on a short hold while I look into it.")},
        {QStringLiteral("Thanks for waiting. I have updated your account."),
         QStringLiteral("Thank you for holding. The refund will reach you within three working days.")},
        {QStringLiteral("Is there anything else I can help you with?")},
        {QStringLiteral("No, that's all. Thank you, goodbye."), QStringLiteral("Great, thanks a lot.")},
        {QStringLiteral("Thank you for calling. Have a nice day.")},
    };
    return lines;
}

const QString &pick(const QStringList &list, QRandomGenerator &rng)
{
    return list.at(static_cast<int>(rng.bounded(static_cast<quint32>(list.size()))));
}

// Hold music: a gentle arpeggio with a soft envelope, the kind a PBX plays.
QVector<qint16> holdMusic(int ms)
{
    static const double notes[] = {261.63, 329.63, 392.00, 523.25, 392.00, 329.63};
    const int frames = kRate * ms / 1000;
    const int noteFrames = kRate * 3 / 10;
    QVector<qint16> out(frames);
    for (int i = 0; i < frames; ++i) {
        const double f = notes[(i / noteFrames) % 6];
        const double t = static_cast<double>(i) / kRate;
        const double env = std::exp(-3.0 * (i % noteFrames) / static_cast<double>(noteFrames));
        out[i] = static_cast<qint16>(2500.0 * env * (std::sin(2 * M_PI * f * t) + 0.3 * std::sin(4 * M_PI * f * t)));
    }
    return out;
}

QString mobileNumber(QRandomGenerator &rng)
{
    static const char *prefixes[] = {"138", "139", "136", "158", "186", "177", "150", "189"};
    QString number = QString::fromLatin1(prefixes[rng.bounded(8u)]);
    for (int i = 0; i < 8; ++i)
        number += QChar(u'0' + static_cast<char16_t>(rng.bounded(10u)));
    return number;
}

} // namespace

DemoCallGenerator::DemoCallGenerator(StorageLayout layout, Database &db, const QUuid &siteId,
                                     const QByteArray &sitePublicKey)
    : m_layout(std::move(layout)), m_db(db), m_siteId(siteId), m_sitePublicKey(sitePublicKey),
      m_speech(std::make_unique<SpeechSynthesizer>(kRate))
{
}

DemoCallGenerator::~DemoCallGenerator() = default;

QVector<AgentRow> DemoCallGenerator::demoAgents()
{
    return {
        {QStringLiteral("1001"), QStringLiteral("王芳"), QStringLiteral("信用卡服务")},
        {QStringLiteral("1002"), QStringLiteral("李娜"), QStringLiteral("信用卡服务")},
        {QStringLiteral("1003"), QStringLiteral("张伟"), QStringLiteral("信用卡服务")},
        {QStringLiteral("2001"), QStringLiteral("Emily Chen"), QStringLiteral("Insurance Claims")},
        {QStringLiteral("2002"), QStringLiteral("James Li"), QStringLiteral("Insurance Claims")},
        {QStringLiteral("2003"), QStringLiteral("刘洋"), QStringLiteral("Insurance Claims")},
    };
}

Result<QVector<qint16>> DemoCallGenerator::renderCall(const AgentRow &agent, bool chinese, QRandomGenerator &rng)
{
    Q_UNUSED(agent)
    const Lines &l = chinese ? chineseLines() : englishLines();
    struct Turn
    {
        bool agentSpeaks;
        QString text;
    };
    const QVector<Turn> turns = {
        {true, pick(l.greeting, rng)}, {false, pick(l.request, rng)}, {true, pick(l.hold, rng)},
        {false, QString()} /* hold music */, {true, pick(l.resume, rng)}, {true, pick(l.anythingElse, rng)},
        {false, pick(l.customerClose, rng)}, {true, pick(l.agentClose, rng)},
    };
    QVector<qint16> stereo;
    const int agentRate = 150 + static_cast<int>(rng.bounded(30u));
    const int customerRate = 140 + static_cast<int>(rng.bounded(40u));
    const auto append = [&stereo](const QVector<qint16> &mono, int channel) {
        const qsizetype start = stereo.size();
        stereo.resize(start + mono.size() * 2);
        for (qsizetype i = 0; i < mono.size(); ++i) {
            stereo[start + 2 * i + channel] = mono[i];
            stereo[start + 2 * i + (1 - channel)] = 0;
        }
    };
    const auto pause = [&](int minMs, int maxMs) {
        const int ms = minMs + static_cast<int>(rng.bounded(static_cast<quint32>(maxMs - minMs)));
        stereo.resize(stereo.size() + kRate * ms / 1000 * 2, 0);
    };
    pause(300, 800);
    for (const Turn &turn : turns) {
        if (turn.text.isEmpty()) {
            append(holdMusic(3000 + static_cast<int>(rng.bounded(4000u))), 1);
        } else {
            auto pcm = m_speech->speak(turn.agentSpeaks ? l.agentVoice : l.customerVoice,
                                       turn.agentSpeaks ? agentRate : customerRate, turn.text);
            if (!pcm)
                return pcm.error();
            append(pcm.value(), turn.agentSpeaks ? 0 : 1);
        }
        pause(250, 1600);
    }
    return stereo;
}

Result<int> DemoCallGenerator::generate(int count, quint32 seed, const AuditEvent &audit, const Progress &progress)
{
    QRandomGenerator rng(seed);
    const QVector<AgentRow> agents = demoAgents();
    AgentRepository agentRepository(m_db);
    for (const AgentRow &agent : agents) {
        if (auto r = agentRepository.upsert(agent); !r)
            return r.error();
    }
    const QTimeZone china(QByteArrayLiteral("Asia/Shanghai"));
    const QDate today = QDate::currentDate();
    for (int i = 0; i < count; ++i) {
        const AgentRow &agent = agents.at(static_cast<int>(rng.bounded(static_cast<quint32>(agents.size()))));
        const bool chinese = agent.team == QLatin1String("信用卡服务") || rng.bounded(3u) == 0;
        auto pcm = renderCall(agent, chinese, rng);
        if (!pcm)
            return pcm.error();

        RecordingWriter::Options options;
        options.spoolDir = m_layout.spoolDirectory();
        options.sitePublicKey = m_sitePublicKey;
        options.metadata.id = QUuid::createUuid();
        const QDate day = today.addDays(-static_cast<qint64>(rng.bounded(30u)));
        const QTime time(9 + static_cast<int>(rng.bounded(9u)), static_cast<int>(rng.bounded(60u)),
                         static_cast<int>(rng.bounded(60u)));
        options.metadata.startedAt = QDateTime(day, time, china).toUTC();
        options.metadata.direction = rng.bounded(4u) == 0 ? QStringLiteral("out") : QStringLiteral("in");
        options.metadata.agentId = agent.agentId;
        options.metadata.customerPhone = mobileNumber(rng);
        options.metadata.source = QStringLiteral("demo");
        options.comments << QStringLiteral("CALLVAULT_SOURCE=demo");
        auto writer = RecordingWriter::create(options);
        if (!writer)
            return writer.error();
        const QVector<qint16> &audio = pcm.value();
        const qint64 frames = audio.size() / 2;
        const qint64 block = kRate / 10;
        for (qint64 f = 0; f < frames; f += block) {
            if (auto w = writer.value()->write(audio.constData() + f * 2, std::min(block, frames - f)); !w) {
                writer.value()->abandon();
                return w.error();
            }
        }
        auto finished = writer.value()->finish();
        if (!finished) {
            writer.value()->abandon();
            return finished.error();
        }
        auto row = RecordingArchiver(m_layout, m_db).archive(finished.value(), m_siteId, audit);
        if (!row)
            return row.error();
        if (progress)
            progress(i + 1, count);
    }
    return count;
}

} // namespace cv
