#include "controllogging.h"

// Info and above by default: the per-request line is the API's access log.
Q_LOGGING_CATEGORY(lcControl, "callvault.control", QtInfoMsg)
