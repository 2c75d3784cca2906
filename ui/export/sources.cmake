# Export of selected recordings: the dialog (format, folder, reason, progress, cancel) and
# the main window's action.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/exportdialog.h ${CMAKE_CURRENT_LIST_DIR}/exportdialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exportrunner.h ${CMAKE_CURRENT_LIST_DIR}/exportrunner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exportaction.h ${CMAKE_CURRENT_LIST_DIR}/exportaction.cpp)
