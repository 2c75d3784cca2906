list(APPEND CALLVAULT_CORE_SOURCES
  bench/encodebenchmark.h bench/encodebenchmark.cpp
  bench/recorderbenchmark.h bench/recorderbenchmark.cpp)
