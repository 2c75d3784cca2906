list(APPEND CALLVAULT_CORE_SOURCES
  audio/maskedspan.h audio/maskedspan.cpp
  audio/dtmfdetector.h audio/dtmfdetector.cpp
  audio/dtmfmasker.h audio/dtmfmasker.cpp)
