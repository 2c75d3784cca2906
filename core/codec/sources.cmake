list(APPEND CALLVAULT_CORE_SOURCES
  codec/randomaccesssource.h
  codec/opussettings.h codec/opussettings.cpp
  codec/oggopuswriter.h codec/oggopuswriter.cpp
  codec/oggopusreader.h codec/oggopusreader.cpp
  codec/peaksummary.h codec/peaksummary.cpp
  codec/talkstatistics.h codec/talkstatistics.cpp
  codec/wavreader.h codec/wavreader.cpp
  codec/wavwriter.h codec/wavwriter.cpp
  codec/opustagsrewriter.h codec/opustagsrewriter.cpp
  codec/pcmresampler.h codec/pcmresampler.cpp)
