# The auditor's screen: the audit trail, chain verification, signed extracts.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/auditpanel.h ${CMAKE_CURRENT_LIST_DIR}/auditpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audittrailmodel.h ${CMAKE_CURRENT_LIST_DIR}/audittrailmodel.cpp)
