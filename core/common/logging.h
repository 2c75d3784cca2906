#pragma once

#include <QLoggingCategory>

// One category per module (STYLE.md). Enable with QT_LOGGING_RULES="callvault.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)
Q_DECLARE_LOGGING_CATEGORY(lcCodec)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)
Q_DECLARE_LOGGING_CATEGORY(lcSite)
Q_DECLARE_LOGGING_CATEGORY(lcPlayback)
