#pragma once

#include <QtGlobal>
#include <functional>

namespace cv {

// Milliseconds since the Unix epoch, UTC. Lockout and idle timeouts read the time through
// a Clock so that tests can move it instead of sleeping.
using Clock = std::function<qint64()>;

// QDateTime::currentMSecsSinceEpoch().
Clock systemClock();

} // namespace cv
