#pragma once

#include <QLoggingCategory>

// The network recorder's log category (STYLE.md: one per module):
// QT_LOGGING_RULES="callvault.recorder.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcRecorder)
