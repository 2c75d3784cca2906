#include "catalogthread.h"

namespace cv {

CatalogThread::CatalogThread(QObject *receiver, const QString &name, std::function<void()> cleanup)
    : m_receiver(receiver), m_context(new QObject)
{
    m_thread.setObjectName(name);
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, [this, cleanup = std::move(cleanup)] {
        if (cleanup)
            cleanup();
        delete m_context;
    });
    m_thread.start();
}

CatalogThread::~CatalogThread()
{
    m_thread.quit();
    m_thread.wait();
}

void CatalogThread::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
}

} // namespace cv
