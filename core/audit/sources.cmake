list(APPEND CALLVAULT_CORE_SOURCES
  audit/auditsigning.h audit/auditsigning.cpp
  audit/auditcheckpointer.h audit/auditcheckpointer.cpp
  audit/auditverifier.h audit/auditverifier.cpp
  audit/auditextract.h audit/auditextract.cpp
  audit/auditexporter.h audit/auditexporter.cpp
  audit/auditbrowser.h audit/auditbrowser.cpp
  audit/audittrailtasks.h audit/audittrailtasks.cpp)
