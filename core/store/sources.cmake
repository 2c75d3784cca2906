list(APPEND CALLVAULT_CORE_SOURCES
  store/containerheader.h store/containerheader.cpp
  store/chunkrecord.h store/chunkrecord.cpp
  store/containertrailer.h store/containertrailer.cpp
  store/containerwriter.h store/containerwriter.cpp
  store/containerscanner.h store/containerscanner.cpp
  store/containerreader.h store/containerreader.cpp
  store/durablefile.h store/durablefile.cpp
  store/recordingmetadata.h
  store/spoolsidecar.h store/spoolsidecar.cpp
  store/recordingwriter.h store/recordingwriter.cpp)
list(APPEND CALLVAULT_CORE_SOURCES
  store/storagelayout.h
  store/recordingarchiver.h store/recordingarchiver.cpp
  store/spoolrecovery.h store/spoolrecovery.cpp
  store/recordingaccess.h store/recordingaccess.cpp
  store/recordingexporter.h store/recordingexporter.cpp
  store/recordingverifier.h store/recordingverifier.cpp)
