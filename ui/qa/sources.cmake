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
# Evaluating beside the player: a call's evaluations, the workflow's steps, their words.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/evaluationtext.h ${CMAKE_CURRENT_LIST_DIR}/evaluationtext.cpp
  ${CMAKE_CURRENT_LIST_DIR}/resolvedialog.h ${CMAKE_CURRENT_LIST_DIR}/resolvedialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/evaluationstepbar.h ${CMAKE_CURRENT_LIST_DIR}/evaluationstepbar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/callevaluationspanel.h ${CMAKE_CURRENT_LIST_DIR}/callevaluationspanel.cpp)
# The Quality tab: lists of evaluations, the forms, the pages of each role.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/evaluationlistview.h ${CMAKE_CURRENT_LIST_DIR}/evaluationlistview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/formspanel.h ${CMAKE_CURRENT_LIST_DIR}/formspanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/qualitypanel.h ${CMAKE_CURRENT_LIST_DIR}/qualitypanel.cpp)
# Calibration sessions: starting one, scoring blind, the reveal.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/newcalibrationdialog.h ${CMAKE_CURRENT_LIST_DIR}/newcalibrationdialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/calibrationpanel.h ${CMAKE_CURRENT_LIST_DIR}/calibrationpanel.cpp)
# Sampling rules and work queues (docs/qa-workflow.md, "Sampling and work queues").
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/workqueuemodel.h ${CMAKE_CURRENT_LIST_DIR}/workqueuemodel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/workqueueview.h ${CMAKE_CURRENT_LIST_DIR}/workqueueview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/samplingrulespanel.h ${CMAKE_CURRENT_LIST_DIR}/samplingrulespanel.cpp)
