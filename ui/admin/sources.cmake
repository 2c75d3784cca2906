# Administration: users, settings, site keys.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/adminpanel.h ${CMAKE_CURRENT_LIST_DIR}/adminpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/settingsadminpanel.h ${CMAKE_CURRENT_LIST_DIR}/settingsadminpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/useradminpanel.h ${CMAKE_CURRENT_LIST_DIR}/useradminpanel.cpp)
