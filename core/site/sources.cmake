list(APPEND CALLVAULT_CORE_SOURCES
  site/sitekeys.h site/sitekeys.cpp
  site/protectedkeyfile.h site/protectedkeyfile.cpp
  site/keystore.h
  site/keychainkeystore.h site/keychainkeystore.cpp
  site/keyfilekeystore.h site/keyfilekeystore.cpp
  site/siteconfig.h site/siteconfig.cpp
  site/site.h site/site.cpp
  site/siteinitializer.h site/siteinitializer.cpp
  site/sitejoiner.h site/sitejoiner.cpp
  site/keybackup.h site/keybackup.cpp
  site/keyrotationrecord.h site/keyrotationrecord.cpp
  site/sitekeyrotation.h site/sitekeyrotation.cpp)
