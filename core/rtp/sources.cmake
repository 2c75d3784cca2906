list(APPEND CALLVAULT_CORE_SOURCES
  rtp/rtppacket.h rtp/rtppacket.cpp
  rtp/telephoneevent.h rtp/telephoneevent.cpp
  rtp/payloadformat.h rtp/payloadformat.cpp
  rtp/payloaddecoder.h rtp/payloaddecoder.cpp
  rtp/legstatistics.h rtp/legstatistics.cpp
  rtp/legreceiver.h rtp/legreceiver.cpp
  rtp/callaudioassembler.h rtp/callaudioassembler.cpp)
