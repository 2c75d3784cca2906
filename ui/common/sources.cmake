# Pieces the workstation's screens share.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/catalogthread.h ${CMAKE_CURRENT_LIST_DIR}/catalogthread.cpp
  ${CMAKE_CURRENT_LIST_DIR}/language.h ${CMAKE_CURRENT_LIST_DIR}/language.cpp)
