#pragma once

#include <QLoggingCategory>

// callvault.control: the recorder's control API and /metrics (one line per request).
// Kept in this module rather than common/logging.h so the module stays self-contained.
Q_DECLARE_LOGGING_CATEGORY(lcControl)
