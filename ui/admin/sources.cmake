# Administration: users, roles, teams, settings, site keys.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/adminpanel.h ${CMAKE_CURRENT_LIST_DIR}/adminpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roleadminpanel.h ${CMAKE_CURRENT_LIST_DIR}/roleadminpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/teamadminpanel.h ${CMAKE_CURRENT_LIST_DIR}/teamadminpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sitekeyspanel.h ${CMAKE_CURRENT_LIST_DIR}/sitekeyspanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/keyrotationpanel.h ${CMAKE_CURRENT_LIST_DIR}/keyrotationpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/settingsadminpanel.h ${CMAKE_CURRENT_LIST_DIR}/settingsadminpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/useradminpanel.h ${CMAKE_CURRENT_LIST_DIR}/useradminpanel.cpp)
