#include "auth/clock.h"

#include <QDateTime>

namespace cv {

Clock systemClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

} // namespace cv
