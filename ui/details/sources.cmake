# The details of one recording and its tags.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/recordingdetailspane.h ${CMAKE_CURRENT_LIST_DIR}/recordingdetailspane.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tageditor.h ${CMAKE_CURRENT_LIST_DIR}/tageditor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/capturetext.h ${CMAKE_CURRENT_LIST_DIR}/capturetext.cpp)
