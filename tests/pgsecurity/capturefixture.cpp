// The network recorder's captured_calls table in the role x table matrix (migration 12,
// 075_captured_calls.sql): one row for R1's call (agent A1, team T1) and one for a call of A2
// that was never recorded (no_rtp). What the matrix then shows: the recorder adds rows and
// reads none; people read them with recording.search within their scope, like recordings;
// nobody changes or deletes one.
#include "matrixfixture.h"
#include "securedcatalog.h"

using namespace cv;

namespace {

QString quoted(const QUuid &id)
{
    return QStringLiteral("'") + id.toString(QUuid::WithoutBraces) + QStringLiteral("'");
}

QString capturedCall(const QUuid &site, const QString &agent, const QString &completeness,
                     const QString &recording)
{
    return QStringLiteral("INSERT INTO captured_calls (id, site_id, node, sip_call_id, started_at_ms, "
                          "ended_at_ms, direction, agent_id, customer_phone, completeness, "
                          "recording_id, details, created_at_ms) VALUES (gen_random_uuid(), %1, "
                          "'rec-1', 'call-' || %2, 0, 1000, 'in', %2, '13800138000', %3, %4, '{}', 0)")
        .arg(quoted(site), u'\'' + agent + u'\'', u'\'' + completeness + u'\'', recording);
}

} // namespace

Result<void> MatrixFixture::addCapturedCalls()
{
    for (const QString &sql :
         {capturedCall(m_catalog.siteId(), QStringLiteral("A1"), QStringLiteral("complete"), quoted(m_r1)),
          capturedCall(m_catalog.siteId(), QStringLiteral("A2"), QStringLiteral("no_rtp"), QStringLiteral("NULL"))}) {
        if (auto r = m_catalog.exec(sql); !r)
            return r;
    }
    return {};
}

QVector<MatrixFixture::SelectProbe> MatrixFixture::captureSelectProbes(const QString &visibleAgents)
{
    return {{QStringLiteral("captured_calls"), QStringLiteral("sip_call_id"),
             QStringLiteral("agent_id IN ") + visibleAgents}};
}

QVector<MatrixFixture::DmlProbe> MatrixFixture::captureDmlProbes() const
{
    using S = QStringList;
    return {
        {QStringLiteral("captured_calls"), QStringLiteral("INSERT"),
         S{capturedCall(m_catalog.siteId(), QStringLiteral("A1"), QStringLiteral("one_way_rtp"), QStringLiteral("NULL")),
           capturedCall(m_catalog.siteId(), QStringLiteral("A2"), QStringLiteral("not_answered"), QStringLiteral("NULL"))}},
        {QStringLiteral("captured_calls"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE captured_calls SET completeness = 'complete' WHERE agent_id = 'A1'"),
           QStringLiteral("UPDATE captured_calls SET completeness = 'complete' WHERE agent_id = 'A2'")}},
        {QStringLiteral("captured_calls"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM captured_calls WHERE agent_id = 'A1'"),
           QStringLiteral("DELETE FROM captured_calls WHERE agent_id = 'A2'")}},
    };
}
