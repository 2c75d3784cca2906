#include "exportrunner.h"

#include <QMetaObject>

namespace cv {

ExportRunner::ExportRunner(Request request, SiteKeys keys, QObject *parent)
    : QObject(parent), m_request(std::move(request)),
      m_keys(std::make_unique<SiteKeys>(std::move(keys)))
{
    qRegisterMetaType<cv::ExportSummary>();
}

ExportRunner::~ExportRunner()
{
    m_cancel = true;
    if (m_thread)
        m_thread->wait();
}

void ExportRunner::start()
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("export"));
    m_thread->start();
}

void ExportRunner::run()
{
    const ExportJob job(m_request.layout, *m_request.db, *m_keys, m_request.siteId,
                        m_request.principal);
    const ExportSummary summary = job.exportMany(
        m_request.ids, m_request.directory, m_request.format, m_request.reason,
        [this](int index, int count, qint64 done, qint64 total) {
            const qint64 part = total > 0 ? done * 1000 / total : 0;
            const int permille = count > 0 ? int((index * 1000 + part) / count) : 0;
            if (permille != m_lastPermille) {
                m_lastPermille = permille;
                QMetaObject::invokeMethod(
                    this, [this, index, count, permille] { emit progressed(index, count, permille); },
                    Qt::QueuedConnection);
            }
            return !m_cancel.load();
        });
    m_keys.reset(); // SecretBytes zero themselves
    QMetaObject::invokeMethod(this, [this, summary] { emit finished(summary); },
                              Qt::QueuedConnection);
}

} // namespace cv
