list(APPEND CALLVAULT_CORE_SOURCES
  common/result.h common/bytes.h
  common/secretbytes.h common/secretbytes.cpp
  common/logging.h common/logging.cpp)
