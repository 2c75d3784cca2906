#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "store/storagelayout.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QVector>

#include <functional>
#include <memory>

namespace cv {

class Database;
class SpeechSynthesizer;

// `callvaultctl demo`: realistic calls for trying the product. Two voices (agent left,
// customer right) spoken by espeak-ng in Chinese or English by the agent's team, pauses,
// hold music, plausible agents, teams and mainland phone numbers, spread over the last
// 30 days in business hours. Each call goes through the real recording pipeline.
class DemoCallGenerator final
{
public:
    using Progress = std::function<void(int done, int total)>;

    DemoCallGenerator(StorageLayout layout, Database &db, const QUuid &siteId, const QByteArray &sitePublicKey);
    ~DemoCallGenerator();

    Result<int> generate(int count, quint32 seed, const AuditEvent &audit, const Progress &progress = {});
    static QVector<AgentRow> demoAgents();

private:
    Result<QVector<qint16>> renderCall(const AgentRow &agent, bool chinese, QRandomGenerator &rng);

    StorageLayout m_layout;
    Database &m_db;
    QUuid m_siteId;
    QByteArray m_sitePublicKey;
    std::unique_ptr<SpeechSynthesizer> m_speech;
};

} // namespace cv
