# QA reports (docs/qa-reports.md): the report view with its charts (Qt Charts), the CSV and
# the PDF export. The figures come from core/qa (QaReportQuery).
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/reporttext.h ${CMAKE_CURRENT_LIST_DIR}/reporttext.cpp
  ${CMAKE_CURRENT_LIST_DIR}/qareportcharts.h ${CMAKE_CURRENT_LIST_DIR}/qareportcharts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/qareportpdf.h ${CMAKE_CURRENT_LIST_DIR}/qareportpdf.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reportfilterbar.h ${CMAKE_CURRENT_LIST_DIR}/reportfilterbar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/qareportview.h ${CMAKE_CURRENT_LIST_DIR}/qareportview.cpp)
