#include "recorderlogging.h"

Q_LOGGING_CATEGORY(lcRecorder, "callvault.recorder")
