# core/net: passive capture (libpcap) and decoding down to UDP datagrams and TCP streams.
list(APPEND CALLVAULT_CORE_SOURCES
  net/endpoint.h net/endpoint.cpp
  net/datagram.h
  net/packetdecoderlimits.h
  net/pcapsource.h net/pcapsource.cpp
  net/ipfragmentreassembler.h net/ipfragmentreassembler.cpp
  net/tcpreassembler.h net/tcpreassembler.cpp
  net/packetdecoder.h net/packetdecoder.cpp)
