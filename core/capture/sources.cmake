list(APPEND CALLVAULT_CORE_SOURCES
  capture/wavimporter.h capture/wavimporter.cpp
  capture/speechsynthesizer.h capture/speechsynthesizer.cpp
  capture/democallgenerator.h capture/democallgenerator.cpp)
