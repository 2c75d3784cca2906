# core/tags: tags and bookmarks on recordings (tables of migration 003), with the services
# that check permissions (AccessControl) and write the audit rows.
list(APPEND CALLVAULT_CORE_SOURCES
  tags/tagname.h tags/tagname.cpp
  tags/bookmarktext.h tags/bookmarktext.cpp
  tags/offsettext.h tags/offsettext.cpp
  tags/tagrepository.h tags/tagrepository.cpp
  tags/bookmarkrepository.h tags/bookmarkrepository.cpp
  tags/tagservice.h tags/tagservice.cpp
  tags/bookmarkservice.h tags/bookmarkservice.cpp)
