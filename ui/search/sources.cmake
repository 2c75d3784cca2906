# The search screen: filters, saved searches, the lazily paged results.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/recordingtext.h ${CMAKE_CURRENT_LIST_DIR}/recordingtext.cpp
  ${CMAKE_CURRENT_LIST_DIR}/savedsearches.h ${CMAKE_CURRENT_LIST_DIR}/savedsearches.cpp
  ${CMAKE_CURRENT_LIST_DIR}/searchfilterpanel.h ${CMAKE_CURRENT_LIST_DIR}/searchfilterpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/searchpanel.h ${CMAKE_CURRENT_LIST_DIR}/searchpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/searchresultmodel.h ${CMAKE_CURRENT_LIST_DIR}/searchresultmodel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/searchworker.h ${CMAKE_CURRENT_LIST_DIR}/searchworker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/timepreset.h ${CMAKE_CURRENT_LIST_DIR}/timepreset.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tokencompleter.h ${CMAKE_CURRENT_LIST_DIR}/tokencompleter.cpp)
