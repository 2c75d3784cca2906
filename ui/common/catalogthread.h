#pragma once

#include "common/result.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>

namespace cv {

// A thread of its own for catalog work, so that no catalog round trip runs on the GUI
// thread (Database gives each thread its own connection). Jobs run one after another, in
// the order posted; each job's answer is handed to a callback on the receiver's thread, and
// dropped if the receiver is gone by then.
class CatalogThread final
{
public:
    // `cleanup` runs on the thread when it ends: objects made there are destroyed there,
    // before the thread's catalog connection closes.
    CatalogThread(QObject *receiver, const QString &name, std::function<void()> cleanup = {});
    ~CatalogThread(); // waits for the running job; jobs not started are dropped
    CatalogThread(const CatalogThread &) = delete;
    CatalogThread &operator=(const CatalogThread &) = delete;

    void post(std::function<void()> job);

    template <typename T>
    void run(std::function<Result<T>()> job, std::function<void(Result<T>)> done)
    {
        QPointer<QObject> receiver(m_receiver);
        post([receiver, job = std::move(job), done = std::move(done)]() mutable {
            Result<T> result = job();
            if (!receiver)
                return;
            QMetaObject::invokeMethod(
                receiver,
                [receiver, done = std::move(done), result = std::move(result)]() mutable {
                    if (receiver)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

private:
    QObject *m_receiver;
    QThread m_thread;
    QObject *m_context; // lives on m_thread: queued jobs run there
};

} // namespace cv
