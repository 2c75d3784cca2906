# core/sip: SIP messages and TCP framing, SDP, multipart bodies and SIPREC metadata.
list(APPEND CALLVAULT_CORE_SOURCES
  sip/headerboundary.h
  sip/sipmessage.h sip/sipmessage.cpp
  sip/sipstreamframer.h sip/sipstreamframer.cpp
  sip/sdpsession.h sip/sdpsession.cpp
  sip/multipartbody.h sip/multipartbody.cpp
  sip/siprecmetadata.h sip/siprecmetadata.cpp)
