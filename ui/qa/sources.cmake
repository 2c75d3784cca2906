# QA: the evaluation pane beside the player (forms and scoring are in core/qa).
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/questioneditor.h ${CMAKE_CURRENT_LIST_DIR}/questioneditor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/evaluationpane.h ${CMAKE_CURRENT_LIST_DIR}/evaluationpane.cpp)
# The form designer.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/questionproperties.h ${CMAKE_CURRENT_LIST_DIR}/questionproperties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/formdesigner.h ${CMAKE_CURRENT_LIST_DIR}/formdesigner.cpp)
# The calibration reveal.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/calibrationrevealview.h ${CMAKE_CURRENT_LIST_DIR}/calibrationrevealview.cpp)
# Sampling rules and work queues (docs/qa-workflow.md, "Sampling and work queues").
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/workqueuemodel.h ${CMAKE_CURRENT_LIST_DIR}/workqueuemodel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/workqueueview.h ${CMAKE_CURRENT_LIST_DIR}/workqueueview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/samplingrulespanel.h ${CMAKE_CURRENT_LIST_DIR}/samplingrulespanel.cpp)
