# The search engine (docs/search.md): phone normalization, queries, keyset pages, counts,
# and the search benchmark's catalog generator.
list(APPEND CALLVAULT_CORE_SOURCES
  search/phonenumber.h search/phonenumber.cpp
  search/phonefilter.h search/phonefilter.cpp
  search/searchquery.h search/searchquery.cpp
  search/searchsort.h search/searchsort.cpp
  search/searchscope.h search/searchscope.cpp
  search/searchcursor.h search/searchcursor.cpp
  search/searchresult.h
  search/searchsql.h search/searchsql.cpp
  search/querycanceller.h search/querycanceller.cpp
  search/searchengine.h search/searchengine.cpp
  search/usersearch.h search/usersearch.cpp)
list(APPEND CALLVAULT_CORE_SOURCES
  search/syntheticcatalog.h search/syntheticcatalog.cpp
  search/searchbenchmark.h search/searchbenchmark.cpp)
