#pragma once

#include "scenes.h"
#include "session/workstationsession.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <QString>
#include <QWidget>
#include <memory>

// What every scene needs: waiting for the workstation's background work, saving a widget as
// a PNG, logging in as a demo account.
namespace screenshots {

constexpr int kWaitMs = 30'000;

void complain(const QString &message);
// Lets layouts, lazy loads and repaints settle before grabbing.
void settle();
bool save(QWidget &widget, const Context &context, const QString &name);
std::unique_ptr<cv::WorkstationSession> logIn(const Context &context, const Account &account);

// Runs the event loop until `done` or the deadline; false on timeout.
template <typename Predicate>
bool waitFor(Predicate done)
{
    QDeadlineTimer deadline(kWaitMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

} // namespace screenshots
