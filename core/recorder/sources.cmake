list(APPEND CALLVAULT_CORE_SOURCES
  recorder/recorderlogging.h recorder/recorderlogging.cpp
  recorder/recorderconfig.h recorder/recorderconfig.cpp
  recorder/callparties.h recorder/callparties.cpp
  recorder/recordedcall.h recorder/recordedcall.cpp
  recorder/trackedcall.h
  recorder/encodingpool.h recorder/encodingpool.cpp
  recorder/callioqueue.h recorder/callioqueue.cpp
  recorder/calltracker.h recorder/calltracker.cpp
  recorder/calljournal.h recorder/calljournal.cpp
  recorder/callfinalizer.h recorder/callfinalizer.cpp
  recorder/finalizerqueue.h recorder/finalizerqueue.cpp
  recorder/recorderengine.h recorder/recorderengine.cpp
  recorder/recorderservice.h recorder/recorderservice.cpp
  recorder/recordercontrol.h recorder/recordercontrol.cpp
  recorder/recordermetrics.h recorder/recordermetrics.cpp)
