# ui/login: log-in, password change and the first-run wizard.
foreach(_cv_name logindialog changepassworddialog firstrunwizard)
  list(APPEND CALLVAULT_UI_SOURCES ${CMAKE_CURRENT_LIST_DIR}/${_cv_name}.h
                                   ${CMAKE_CURRENT_LIST_DIR}/${_cv_name}.cpp)
endforeach()
