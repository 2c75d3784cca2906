# control: the recorder's HTTPS control API and Prometheus /metrics (docs/recorder-protocols.md).
list(APPEND CALLVAULT_CORE_SOURCES
  control/controllogging.h control/controllogging.cpp
  control/httprequestparser.h control/httprequestparser.cpp
  control/httpresponse.h control/httpresponse.cpp
  control/bearertokens.h control/bearertokens.cpp
  control/metricsregistry.h control/metricsregistry.cpp
  control/callcontrol.h control/callcontrol.cpp
  control/tlscredentials.h control/tlscredentials.cpp
  control/controlrouter.h control/controlrouter.cpp
  control/controlconnection.h control/controlconnection.cpp
  control/controlserver.h control/controlserver.cpp)
