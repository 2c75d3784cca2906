# export: the audited export of recordings with a signed manifest (docs/export-manifest.md).
list(APPEND CALLVAULT_CORE_SOURCES
  export/exportmanifest.h export/exportmanifest.cpp
  export/exportjob.h export/exportjob.cpp)
